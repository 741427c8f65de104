/**
 * The manifest of a checkpoint: every object of the child, its capability space, threads and
 * scheduling state, as plain JSON. Dataspace contents travel beside it in the image.
 *
 * Objects are numbered from 0 in the manifest; every reference between objects, and every
 * capability, uses that number.
 *
 * @module
 */

import { CorruptImageError } from "../errors.ts";

/** Manifest version this implementation writes and reads. */
export const MANIFEST_VERSION = 1;

/** A ROM module by identity, not by content. */
export interface ModuleRecord {
  /** Module name, such as `counter.elf`. */
  readonly name: string;
  /** Absolute path the module was read from, or null when it did not come from a file. */
  readonly path: string | null;
  /** SHA-256 of the content, lowercase hex. */
  readonly sha256: string;
  /** Length of the content in bytes. */
  readonly length: number;
}

/** One attachment of a region map. */
export interface AttachmentRecord {
  /** Object number of the attached dataspace. */
  readonly dataspace: number;
  /** Address inside the region map. */
  readonly base: number;
  /** Bytes attached. */
  readonly size: number;
  /** Offset into the dataspace. */
  readonly offset: number;
  /** Attached writable. */
  readonly writable: boolean;
  /** Attached executable. */
  readonly executable: boolean;
}

/** Restart disposition: the way a thread comes back on restore. */
export type Disposition =
  | "resume"
  | "restart-call"
  | "restart-wait"
  | "restart-signal-wait"
  | "faulted"
  | "not-started";

/** One thread of the child. */
export interface ThreadRecord {
  /** Thread name. */
  readonly name: string;
  /** The kernel state at checkpoint time, in words, such as `blocked in wait`. */
  readonly kernelState: string;
  /** Restart disposition. */
  readonly disposition: Disposition;
  /** Instruction pointer; for a restarted system call, the address of its `ecall`. */
  readonly ip: number;
  /** x0..x31 as unsigned numbers, as in the thread's registers. */
  readonly x: readonly number[];
  /**
   * For a restarted system call, the call the thread enters again: a7 as it was, or `wait`
   * (3) in place of `reply_and_wait` (2) once the reply went out. Null otherwise.
   */
  readonly restartSyscall: number | null;
  /** The UTCB, as hex. */
  readonly utcb: string;
  /** True when a pause request held the thread. */
  readonly paused: boolean;
  /** The ip and sp the thread was started with, or null when not started. */
  readonly startedAt: { readonly ip: number; readonly sp: number } | null;
  /** The unresolved fault, for a faulted thread. */
  readonly fault: { readonly cause: number; readonly tval: number } | null;
}

/** One object of the child. */
export type ObjectRecord =
  | { readonly kind: "parent" }
  | { readonly kind: "pd-session" }
  | { readonly kind: "cpu-session" }
  | { readonly kind: "ram-dataspace"; readonly size: number; readonly contents: number }
  | { readonly kind: "rom-dataspace"; readonly module: number }
  | {
    readonly kind: "region-map";
    readonly size: number;
    readonly addressSpace: boolean;
    readonly attachments: readonly AttachmentRecord[];
    readonly faultHandler: number | null;
  }
  | { readonly kind: "managed-dataspace"; readonly regionMap: number }
  | { readonly kind: "log-session"; readonly args: string }
  | { readonly kind: "rom-session"; readonly args: string; readonly module: number }
  | {
    readonly kind: "timer-session";
    readonly args: string;
    readonly remaining: number | null;
    readonly period: number;
    readonly openedAt: number;
    readonly handler: number | null;
  }
  | { readonly kind: "thread"; readonly thread: ThreadRecord }
  | { readonly kind: "endpoint" }
  | { readonly kind: "rpc-object"; readonly endpoint: number; readonly badge: number }
  | { readonly kind: "service"; readonly name: string; readonly args: string }
  | { readonly kind: "signal-receiver"; readonly pending: readonly number[] }
  | {
    readonly kind: "signal-context";
    readonly receiver: number;
    readonly badge: number;
    readonly count: number;
  };

/** The kind names of {@linkcode ObjectRecord}. */
export type ObjectKind = ObjectRecord["kind"];

/** The whole manifest. */
export interface Manifest {
  /** Always `crspec-checkpoint`. */
  readonly format: "crspec-checkpoint";
  /** Manifest version. */
  readonly version: number;
  /** Always `RV32IM`. */
  readonly platform: "RV32IM";
  /** Name of the child. */
  readonly child: string;
  /** RAM quota of the child in bytes. */
  readonly ramQuota: number;
  /** Virtual time of the checkpoint. */
  readonly clock: number;
  /** Instructions per quantum of the machine the child ran on. */
  readonly quantum: number;
  /** ROM modules by identity; the first is the child's ELF, when it had one. */
  readonly modules: readonly ModuleRecord[];
  /** Every object, numbered by position. */
  readonly objects: readonly ObjectRecord[];
  /** Capability space: index and object number, ascending by index. */
  readonly capabilities: ReadonlyArray<{ readonly index: number; readonly object: number }>;
  /** Object numbers of the sessions in the order they were opened, PD and CPU first. */
  readonly sessions: readonly number[];
  /** Object numbers of the threads in creation order; exited threads are left out. */
  readonly threads: readonly number[];
  /** The scheduler: ready queue front first, the thread in its quantum, what is left of it. */
  readonly schedule: {
    readonly queue: readonly number[];
    readonly current: number | null;
    readonly quantumLeft: number;
  };
  /** Threads blocked in `call` before their request was received, in endpoint queue order. */
  readonly restartOrder: readonly number[];
  /** LOG lines written before the checkpoint. */
  readonly logLines: number;
  /** Services the child announced: name and the object number of the RPC object. */
  readonly announcements: ReadonlyArray<{ readonly name: string; readonly object: number }>;
}

/**
 * Checks that `value` is a manifest this implementation can restore: the version, the shape
 * of every object, and that every reference names an object of the right kind. Throws
 * CorruptImageError naming the first problem.
 */
export function validateManifest(value: unknown, dataspaceIds: ReadonlySet<number>): Manifest {
  const fail = (detail: string): never => {
    throw new CorruptImageError(`manifest: ${detail}`);
  };
  if (typeof value !== "object" || value === null) fail("not a JSON object");
  const manifest = value as Manifest;
  if (manifest.format !== "crspec-checkpoint") fail(`format is ${JSON.stringify(manifest.format)}`);
  if (manifest.version !== MANIFEST_VERSION) {
    fail(`version ${manifest.version} is not supported; this is version ${MANIFEST_VERSION}`);
  }
  if (manifest.platform !== "RV32IM") fail(`platform ${JSON.stringify(manifest.platform)}`);
  if (typeof manifest.child !== "string" || manifest.child === "") fail("child name missing");
  for (const field of ["ramQuota", "clock", "quantum", "logLines"] as const) {
    if (!isCount(manifest[field])) fail(`${field} is not a non-negative integer`);
  }
  if (!Array.isArray(manifest.modules) || !Array.isArray(manifest.objects)) {
    fail("modules or objects missing");
  }
  if (!Array.isArray(manifest.capabilities) || !Array.isArray(manifest.threads)) {
    fail("capabilities or threads missing");
  }
  if (!Array.isArray(manifest.sessions) || !Array.isArray(manifest.restartOrder)) {
    fail("sessions or restart order missing");
  }
  if (typeof manifest.schedule !== "object" || manifest.schedule === null) fail("schedule missing");

  const objects = manifest.objects;
  const ref = (at: string, id: unknown, ...kinds: ObjectKind[]): void => {
    const object = typeof id === "number" ? objects[id] : undefined;
    if (object === undefined || typeof object !== "object" || object === null) {
      fail(`${at} names object ${JSON.stringify(id)}, which is not there`);
    }
    if (kinds.length > 0 && !kinds.includes(object!.kind)) {
      fail(`${at} names object ${id}, a ${object!.kind}, where a ${kinds.join(" or ")} belongs`);
    }
  };
  manifest.modules.forEach((module, i) => {
    if (typeof module?.name !== "string" || typeof module.sha256 !== "string") {
      fail(`module ${i} lacks a name or hash`);
    }
  });
  objects.forEach((object, id) => {
    const at = `object ${id}`;
    if (typeof object !== "object" || object === null) fail(`${at} is not an object`);
    switch (object.kind) {
      case "ram-dataspace":
        if (!isCount(object.size) || object.size % 4096 !== 0) {
          fail(`${at} has size ${object.size}`);
        }
        if (!dataspaceIds.has(object.contents)) {
          fail(`${at} names dataspace contents ${object.contents}, which are not in the image`);
        }
        break;
      case "rom-dataspace":
      case "rom-session":
        if (manifest.modules[object.module] === undefined) {
          fail(`${at} names module ${object.module}, which is not there`);
        }
        break;
      case "region-map":
        object.attachments.forEach((attachment, i) =>
          ref(
            `${at} attachment ${i}`,
            attachment.dataspace,
            "ram-dataspace",
            "rom-dataspace",
            "managed-dataspace",
          )
        );
        if (object.faultHandler !== null) {
          ref(`${at} fault handler`, object.faultHandler, "signal-context");
        }
        break;
      case "managed-dataspace":
        ref(at, object.regionMap, "region-map");
        break;
      case "timer-session":
        if (object.handler !== null) ref(`${at} handler`, object.handler, "signal-context");
        break;
      case "rpc-object":
        ref(at, object.endpoint, "endpoint");
        break;
      case "signal-receiver":
        object.pending.forEach((context) => ref(`${at} pending`, context, "signal-context"));
        break;
      case "signal-context":
        ref(at, object.receiver, "signal-receiver");
        break;
      case "thread":
        if (!Array.isArray(object.thread?.x) || object.thread.x.length !== 32) {
          fail(`${at} lacks its 32 registers`);
        }
        if (object.thread.restartSyscall !== null && !isCount(object.thread.restartSyscall)) {
          fail(`${at} has restart system call ${object.thread.restartSyscall}`);
        }
        break;
      case "service":
        if (typeof object.name !== "string" || object.name === "") fail(`${at} names no service`);
        break;
      case "parent":
      case "pd-session":
      case "cpu-session":
      case "log-session":
      case "endpoint":
        break;
      default:
        fail(`${at} has unknown kind ${JSON.stringify((object as { kind: unknown }).kind)}`);
    }
  });
  manifest.capabilities.forEach((entry) => {
    if (!isCount(entry.index) || entry.index === 0) fail(`capability index ${entry.index}`);
    ref(`capability ${entry.index}`, entry.object);
  });
  manifest.sessions.forEach((id) =>
    ref(
      "session list",
      id,
      "pd-session",
      "cpu-session",
      "log-session",
      "rom-session",
      "timer-session",
      "service",
    )
  );
  manifest.threads.forEach((id) => ref("thread list", id, "thread"));
  manifest.schedule.queue.forEach((id) => ref("ready queue", id, "thread"));
  if (manifest.schedule.current !== null) {
    ref("current thread", manifest.schedule.current, "thread");
  }
  manifest.restartOrder.forEach((id) => ref("restart order", id, "thread"));
  if (!Array.isArray(manifest.announcements)) fail("announcements missing");
  manifest.announcements.forEach((entry) =>
    ref(`announcement ${JSON.stringify(entry.name)}`, entry.object, "rpc-object")
  );
  if (!objects.some((object) => object.kind === "region-map" && object.addressSpace)) {
    fail("no address space");
  }
  return manifest;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
