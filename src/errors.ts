/**
 * Typed errors of the model, one class per kind of fault.
 *
 * Every error that the model raises on bad input is a {@linkcode CrspecError}: the CLI prints its
 * message as one line, and tests match on the class and on `code`. Faults of a modelled child
 * (a page fault, an illegal instruction) are not errors of this kind: they are outcomes reported
 * to the child's parent.
 *
 * @module
 */

/** Base class of every error that the model raises on bad input. */
export class CrspecError extends Error {
  /** Stable, machine-readable name of the kind of fault, such as `invalid-executable`. */
  readonly code: string;

  /** Creates an error of kind `code` with a one-line `message`. */
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An ELF image that breaks a validation rule; `rule` names the rule, `value` the offending value. */
export class InvalidExecutableError extends CrspecError {
  /** Short name of the rule that failed, such as `segment-alignment`. */
  readonly rule: string;
  /** The offending value, as printed in the message. */
  readonly value: string;

  /** Creates the error for `rule`, naming `value` in `detail`. */
  constructor(rule: string, value: string, detail: string) {
    super("invalid-executable", `invalid executable: ${detail} (rule ${rule}, value ${value})`);
    this.rule = rule;
    this.value = value;
  }
}

/** A dynamically linked image started without a dynamic-linker capability. */
export class MissingDynamicLinkerError extends CrspecError {
  /** Creates the error; `interpreter` is the PT_INTERP path of the image. */
  constructor(interpreter: string) {
    super(
      "missing-dynamic-linker",
      `missing dynamic linker: the image requests interpreter ${JSON.stringify(interpreter)} ` +
        "but no dynamic-linker capability was given; link the child statically",
    );
  }
}

/** A RAM allocation that exceeds the remaining quota of a protection domain. */
export class OutOfRamQuotaError extends CrspecError {
  /** Bytes requested, after page rounding. */
  readonly requested: number;
  /** Bytes left in the quota at the time of the request. */
  readonly available: number;

  /** Creates the error for a request of `requested` bytes with `available` bytes left. */
  constructor(requested: number, available: number) {
    super(
      "out-of-ram-quota",
      `out of RAM quota: requested ${requested} bytes, ${available} bytes available; ` +
        "raise the child's RAM quota",
    );
    this.requested = requested;
    this.available = available;
  }
}

/** A capability allocation that exceeds the capability quota of a protection domain. */
export class OutOfCapQuotaError extends CrspecError {
  /** Creates the error for a capability space that already holds `limit` capabilities. */
  constructor(limit: number) {
    super(
      "out-of-cap-quota",
      `out of capability quota: the capability space already holds ${limit} capabilities`,
    );
  }
}

/** An attachment that overlaps an existing one or leaves the region map. */
export class RegionConflictError extends CrspecError {
  /** Creates the error; `detail` names the addresses involved. */
  constructor(detail: string) {
    super("region-conflict", `region conflict: ${detail}`);
  }
}

/** A capability index that names nothing, names an object of the wrong kind, or is foreign. */
export class InvalidCapabilityError extends CrspecError {
  /** Creates the error; `detail` names the index and the space. */
  constructor(detail: string) {
    super("invalid-capability", `invalid capability: ${detail}`);
  }
}

/** A request with an argument outside its valid range. */
export class InvalidArgumentError extends CrspecError {
  /** Creates the error; `detail` names the argument and its value. */
  constructor(detail: string) {
    super("invalid-argument", `invalid argument: ${detail}`);
  }
}

/** A request that the object's current state does not allow, such as starting a thread twice. */
export class InvalidStateError extends CrspecError {
  /** Creates the error; `detail` names the object and its state. */
  constructor(detail: string) {
    super("invalid-state", `invalid state: ${detail}`);
  }
}

/** An image file that cannot be used: truncated, damaged, of another version or inconsistent. */
export class CorruptImageError extends CrspecError {
  /** Creates the error; `detail` says what is wrong and where. */
  constructor(detail: string) {
    super("corrupt-image", `corrupt image: ${detail}`);
  }
}

/** An image file that cannot be read or written: not found, permission denied, disk full. */
export class ImageFileError extends CrspecError {
  /** Path of the image file. */
  readonly path: string;

  /** Creates the error for `action` ("read" or "write") on `path`; `reason` is the system's message. */
  constructor(action: string, path: string, reason: string) {
    super("image-file", `cannot ${action} image file ${path}: ${reason}`);
    this.path = path;
  }
}

/** An image whose ROM module no longer has the recorded content hash. */
export class ModuleMismatchError extends CrspecError {
  /** Creates the error for module `name` at `path`. */
  constructor(name: string, path: string, expected: string, actual: string) {
    super(
      "module-mismatch",
      `module mismatch: ROM module ${JSON.stringify(name)} at ${path} has hash ${actual}, ` +
        `the image recorded ${expected}; restore with the ELF the image was taken from`,
    );
  }
}

/** A checkpoint that cannot be taken in the child's current state; the child runs on unharmed. */
export class CheckpointError extends CrspecError {
  /** Creates the error; `detail` names the thread and its state. */
  constructor(detail: string) {
    super("checkpoint-failed", `checkpoint failed: ${detail}`);
  }
}
