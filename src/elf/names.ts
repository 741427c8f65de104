/**
 * Names of the ELF header and program header constants that the reader reports.
 *
 * @module
 */

/** `e_machine` of RISC-V. */
export const EM_RISCV = 243;

/** `e_type` of an executable file. */
export const ET_EXEC = 2;
/** `e_type` of a shared object or position-independent executable. */
export const ET_DYN = 3;

/** `p_type` of a loadable segment. */
export const PT_LOAD = 1;
/** `p_type` of the dynamic linking table. */
export const PT_DYNAMIC = 2;
/** `p_type` of the interpreter path. */
export const PT_INTERP = 3;

/** `p_flags` bit: executable. */
export const PF_X = 1;
/** `p_flags` bit: writable. */
export const PF_W = 2;
/** `p_flags` bit: readable. */
export const PF_R = 4;

const MACHINE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, "none"],
  [2, "SPARC"],
  [3, "x86"],
  [8, "MIPS"],
  [20, "PowerPC"],
  [21, "PowerPC64"],
  [22, "S/390"],
  [40, "ARM"],
  [43, "SPARC V9"],
  [50, "IA-64"],
  [62, "x86-64"],
  [183, "AArch64"],
  [243, "RISC-V"],
  [258, "LoongArch"],
]);

const TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, "NONE"],
  [1, "REL"],
  [2, "EXEC"],
  [3, "DYN"],
  [4, "CORE"],
]);

const SEGMENT_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, "PT_NULL"],
  [1, "PT_LOAD"],
  [2, "PT_DYNAMIC"],
  [3, "PT_INTERP"],
  [4, "PT_NOTE"],
  [5, "PT_SHLIB"],
  [6, "PT_PHDR"],
  [7, "PT_TLS"],
  [0x6474e550, "PT_GNU_EH_FRAME"],
  [0x6474e551, "PT_GNU_STACK"],
  [0x6474e552, "PT_GNU_RELRO"],
  [0x6474e553, "PT_GNU_PROPERTY"],
]);

/**
 * `p_type` of the RISC-V attributes segment. Types from 0x70000000 to 0x7fffffff are
 * processor-specific, so the name depends on the machine.
 */
const PT_RISCV_ATTRIBUTES = 0x70000003;

/** Formats `value` as lowercase hex with a `0x` prefix. */
export function hex(value: number): string {
  return `0x${value.toString(16)}`;
}

/** Returns the name of `e_machine`, such as `RISC-V`, or the number in decimal when unknown. */
export function machineName(machine: number): string {
  return MACHINE_NAMES.get(machine) ?? String(machine);
}

/** Returns the name of `e_type`, such as `EXEC`, or the number in hex when unknown. */
export function typeName(type: number): string {
  return TYPE_NAMES.get(type) ?? hex(type);
}

/**
 * Returns the name of `p_type`, such as `PT_LOAD`, or the number in hex when unknown.
 *
 * Processor-specific types are named only for the file's `machine`.
 */
export function segmentTypeName(type: number, machine: number): string {
  if (machine === EM_RISCV && type === PT_RISCV_ATTRIBUTES) return "PT_RISCV_ATTRIBUTES";
  return SEGMENT_TYPE_NAMES.get(type) ?? hex(type);
}

/** Formats `machine` for messages, such as `x86-64 (62)`, or `machine 9999` when unknown. */
export function describeMachine(machine: number): string {
  const name = machineName(machine);
  return name === String(machine) ? `machine ${machine}` : `${name} (${machine})`;
}
