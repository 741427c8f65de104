/**
 * The loading rules for a child's ELF image, and the plan that a valid image yields.
 *
 * @module
 */

import { InvalidExecutableError, MissingDynamicLinkerError } from "../errors.ts";
import {
  describeMachine,
  EM_RISCV,
  ET_DYN,
  ET_EXEC,
  hex,
  PF_W,
  PF_X,
  PT_LOAD,
  typeName,
} from "./names.ts";
import type { ElfFile, ElfSegment, LoadPlan, LoadSegment } from "./types.ts";

/** Page size of the modelled machine; PT_LOAD segments are aligned to it. */
export const PAGE_SIZE = 0x1000;
/** Lowest user address. The first 64 KiB stay unmapped, so that a null pointer faults. */
export const USER_START = 0x0001_0000;
/** End (exclusive) of the user address range. */
export const USER_END = 0xc000_0000;

/** The fix suggested when the class, byte order or machine is wrong. */
const REBUILD_HINT = "build the child with -march=rv32im -mabi=ilp32";

/** Options of {@linkcode planLoad}. */
export interface PlanLoadOptions {
  /** True when the child is given a dynamic-linker capability, so dynamic images may load. */
  readonly dynamicLinker?: boolean;
}

/**
 * Checks every loading rule and returns what loading does with each PT_LOAD segment.
 *
 * The rules are checked in this order, and the first that fails is raised:
 * 1. on the header: `magic`, `class` (32-bit), `data` (little-endian), `machine` (RISC-V,
 *    243), `type` (EXEC, or DYN with an entry point), `entry` (non-zero);
 * 2. `no-load-segment`;
 * 3. for each program header in file order: `segment-bounds` (every type), then for PT_LOAD
 *    only `segment-size`, `segment-alignment` and `address-range`;
 * 4. `segment-overlap`, then `entry` again (inside an executable PT_LOAD);
 * 5. the dynamic-linker check.
 *
 * Read-only segments get action `attach`, and writable ones get `copy`.
 *
 * @example Plan the loading of a child
 * ```ts ignore
 * import { planLoad, readElf } from "../../mod.ts";
 *
 * const bytes = await Deno.readFile("child.elf");
 * const plan = planLoad(readElf(bytes), bytes);
 * console.log(plan.entry, plan.segments.map((segment) => segment.action));
 * ```
 *
 * @param file The file as read by {@linkcode readElf}.
 * @param bytes The same file's bytes, for the magic and the segment bounds.
 * @param options Whether a dynamic-linker capability is present.
 * @returns The entry point and one {@linkcode LoadSegment} per PT_LOAD, in file order.
 * @throws {InvalidExecutableError} naming the rule that failed and the offending value.
 * @throws {MissingDynamicLinkerError} for an image with PT_INTERP when
 *   `options.dynamicLinker` is not true.
 */
export function planLoad(
  file: ElfFile,
  bytes: Uint8Array,
  options: PlanLoadOptions = {},
): LoadPlan {
  checkHeader(file, bytes);

  const loads = file.segments.filter((segment) => segment.type === PT_LOAD);
  if (loads.length === 0) {
    throw new InvalidExecutableError(
      "no-load-segment",
      `${file.segments.length} program headers`,
      `the file has no PT_LOAD segment, so there is nothing to load`,
    );
  }
  for (const segment of file.segments) checkSegment(segment, bytes);
  checkOverlap(loads);
  checkEntryInCode(file.entry, loads);

  // A static position-independent executable has PT_DYNAMIC but no PT_INTERP, and it
  // relocates itself, so only a requested interpreter needs the dynamic linker.
  if (file.interpreter !== undefined && options.dynamicLinker !== true) {
    throw new MissingDynamicLinkerError(file.interpreter);
  }

  return { entry: file.entry, segments: loads.map(toLoadSegment) };
}

/** Checks the rules on the ELF header. */
function checkHeader(file: ElfFile, bytes: Uint8Array): void {
  const magic = bytes.subarray(0, 4);
  if (
    magic.length < 4 || magic[0] !== 0x7f || String.fromCharCode(...magic.subarray(1)) !== "ELF"
  ) {
    const magicHex = Array.from(magic, (byte) => byte.toString(16).padStart(2, "0")).join(" ");
    throw new InvalidExecutableError(
      "magic",
      magicHex === "" ? "empty" : magicHex,
      `the file does not start with the ELF magic 7f 45 4c 46 ("\\x7fELF")`,
    );
  }

  const machine = describeMachine(file.machine);
  if (file.bits !== 32) {
    throw new InvalidExecutableError(
      "class",
      `${file.bits}-bit`,
      `the file is a ${file.bits}-bit ${machine} ELF, but only 32-bit RISC-V (RV32) ` +
        `executables can be loaded, so ${REBUILD_HINT}`,
    );
  }
  if (!file.littleEndian) {
    throw new InvalidExecutableError(
      "data",
      "big-endian",
      `the file is a big-endian ${machine} ELF, but RV32 executables are little-endian, ` +
        `so ${REBUILD_HINT}`,
    );
  }
  if (file.machine !== EM_RISCV) {
    throw new InvalidExecutableError(
      "machine",
      machine,
      `the file is for ${machine}, but only RISC-V (${EM_RISCV}) executables can be loaded, ` +
        `so ${REBUILD_HINT}`,
    );
  }

  const isExecutable = file.type === ET_EXEC || (file.type === ET_DYN && file.entry !== 0);
  if (!isExecutable) {
    const description = file.type === ET_DYN
      ? "DYN without an entry point (a shared library)"
      : typeName(file.type);
    throw new InvalidExecutableError(
      "type",
      `${typeName(file.type)} (${file.type})`,
      `the file's type is ${description}, but only EXEC, or DYN with an entry point, ` +
        `can be started`,
    );
  }
  if (file.entry === 0) {
    throw new InvalidExecutableError(
      "entry",
      hex(file.entry),
      `the entry point is 0, so the initial thread has nowhere to start`,
    );
  }
}

/** Checks the per-segment rules: bounds for every segment, the rest for PT_LOAD only. */
function checkSegment(segment: ElfSegment, bytes: Uint8Array): void {
  const name = `segment ${segment.index} (${segment.typeName})`;

  const fileEnd = segment.offset + segment.filesz;
  if (segment.filesz > 0 && fileEnd > bytes.length) {
    throw new InvalidExecutableError(
      "segment-bounds",
      hex(fileEnd),
      `${name} takes ${hex(segment.filesz)} bytes from file offset ${hex(segment.offset)}, ` +
        `ending at ${hex(fileEnd)}, past the end of the ${hex(bytes.length)}-byte file`,
    );
  }

  // Other segment types may have filesz > memsz (PT_RISCV_ATTRIBUTES has memsz 0) and need
  // no alignment, because nothing is mapped for them.
  if (segment.type !== PT_LOAD) return;

  if (segment.filesz > segment.memsz) {
    throw new InvalidExecutableError(
      "segment-size",
      `filesz ${hex(segment.filesz)} > memsz ${hex(segment.memsz)}`,
      `${name} takes more bytes from the file than it occupies in memory`,
    );
  }
  if (segment.vaddr % PAGE_SIZE !== 0) {
    throw new InvalidExecutableError(
      "segment-alignment",
      `vaddr ${hex(segment.vaddr)}`,
      `${name} starts at ${hex(segment.vaddr)}, not a multiple of ${hex(PAGE_SIZE)}`,
    );
  }
  if (segment.offset % PAGE_SIZE !== 0) {
    throw new InvalidExecutableError(
      "segment-alignment",
      `offset ${hex(segment.offset)}`,
      `${name} has file offset ${hex(segment.offset)}, not a multiple of ${hex(PAGE_SIZE)}`,
    );
  }

  // JavaScript numbers hold vaddr + memsz exactly, so the end cannot wrap around 2^32.
  const end = segment.vaddr + segment.memsz;
  if (segment.vaddr < USER_START || end > USER_END) {
    throw new InvalidExecutableError(
      "address-range",
      `${hex(segment.vaddr)}-${hex(end)}`,
      `${name} occupies ${hex(segment.vaddr)} up to ${hex(end)}, outside the user address ` +
        `range ${hex(USER_START)} up to ${hex(USER_END)}`,
    );
  }
}

/** Rejects two PT_LOAD segments that share an address. Empty segments occupy nothing. */
function checkOverlap(loads: readonly ElfSegment[]): void {
  const occupied = loads
    .filter((segment) => segment.memsz > 0)
    .toSorted((a, b) => a.vaddr - b.vaddr);

  for (let i = 1; i < occupied.length; i++) {
    const previous = occupied[i - 1]!;
    const current = occupied[i]!;
    const previousEnd = previous.vaddr + previous.memsz;
    if (current.vaddr < previousEnd) {
      throw new InvalidExecutableError(
        "segment-overlap",
        `${hex(current.vaddr)}-${hex(previousEnd)}`,
        `segment ${previous.index} (${hex(previous.vaddr)} up to ${hex(previousEnd)}) and ` +
          `segment ${current.index} (from ${hex(current.vaddr)}) overlap in memory`,
      );
    }
  }
}

/** Rejects an entry point that lies in no executable PT_LOAD segment. */
function checkEntryInCode(entry: number, loads: readonly ElfSegment[]): void {
  const inCode = loads.some((segment) =>
    (segment.flags & PF_X) !== 0 && entry >= segment.vaddr &&
    entry < segment.vaddr + segment.memsz
  );
  if (!inCode) {
    throw new InvalidExecutableError(
      "entry",
      hex(entry),
      `the entry point ${hex(entry)} lies in no executable PT_LOAD segment`,
    );
  }
}

function toLoadSegment(segment: ElfSegment): LoadSegment {
  const writable = (segment.flags & PF_W) !== 0;
  return {
    index: segment.index,
    // NOTE: a read-only segment with memsz > filesz is attached as is, so the bytes past
    // filesz come from the file (or are zero past its end) rather than being cleared.
    action: writable ? "copy" : "attach",
    vaddr: segment.vaddr,
    memsz: segment.memsz,
    filesz: segment.filesz,
    offset: segment.offset,
    writable,
    executable: (segment.flags & PF_X) !== 0,
  };
}
