/**
 * The RV32 test programs under tests/rv32/programs and where their executables are.
 *
 * @module
 */

/** Directory of the test programs' sources and executables. */
export const PROGRAMS_DIR: string = new URL("./programs/", import.meta.url).pathname;

/** Self-checking assembly programs and the number of checks each one runs. */
export const SELF_CHECKING: Readonly<Record<string, number>> = {
  arith: 31,
  shifts: 32,
  compares: 43,
  jumps: 9,
  upper: 9,
  loadstore: 24,
  muldiv: 66,
};

/** C programs, compared with qemu-riscv32 only. */
export const C_PROGRAMS: readonly string[] = ["sort", "checksum", "numbers", "compute"];

/** Reads the executable of program `name`, failing with the build command when it is missing. */
export function readProgram(name: string): Uint8Array {
  const path = `${PROGRAMS_DIR}${name}.elf`;
  try {
    return Deno.readFileSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(`test program not found: ${path}; build it with scripts/build_children.ts`);
    }
    throw error;
  }
}
