/**
 * RISC-V exception codes (the `mcause` values of the privileged specification) that the
 * processor reports.
 *
 * @module
 */

/** Exception codes of the faults, ecalls and breakpoints that {@linkcode run} reports. */
export const Cause = {
  /** A fetch from, or a taken jump or branch to, an address that is not 4-byte aligned. */
  INSTRUCTION_ADDRESS_MISALIGNED: 0,
  /** An encoding that RV32IM does not define; `tval` is the instruction word. */
  ILLEGAL_INSTRUCTION: 2,
  /** `ebreak`. */
  BREAKPOINT: 3,
  /** A load from an address that is not aligned to its width. */
  LOAD_ADDRESS_MISALIGNED: 4,
  /** A store to an address that is not aligned to its width. */
  STORE_ADDRESS_MISALIGNED: 6,
  /** `ecall` from user mode. */
  USER_ECALL: 8,
  /** A fetch from an unmapped or non-executable page; `tval` is the address. */
  INSTRUCTION_PAGE_FAULT: 12,
  /** A load from an unmapped or non-readable page; `tval` is the address. */
  LOAD_PAGE_FAULT: 13,
  /** A store to an unmapped or non-writable page; `tval` is the address. */
  STORE_PAGE_FAULT: 15,
} as const;

/** Returns the name of exception code `cause`, such as `LOAD_PAGE_FAULT`, or the number. */
export function causeName(cause: number): string {
  for (const [name, value] of Object.entries(Cause)) {
    if (value === cause) return name;
  }
  return String(cause);
}
