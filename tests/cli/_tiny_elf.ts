/**
 * Builds minimal RV32 ELF executables from a few hand-encoded instructions, for children that
 * fault, exit with a code or never end.
 *
 * @module
 */

/** Register numbers of the RISC-V integer ABI names used here. */
export const Reg = { zero: 0, sp: 2, t0: 5, a0: 10, a1: 11, a7: 17 } as const;

/** `addi rd, rs1, imm` with a 12-bit signed `imm`. */
export function addi(rd: number, rs1: number, imm: number): number {
  return (((imm & 0xfff) << 20) | (rs1 << 15) | (rd << 7) | 0x13) >>> 0;
}

/** `lw rd, imm(rs1)`. */
export function lw(rd: number, rs1: number, imm: number): number {
  return (((imm & 0xfff) << 20) | (rs1 << 15) | (2 << 12) | (rd << 7) | 0x03) >>> 0;
}

/** `sw rs2, imm(rs1)`. */
export function sw(rs2: number, rs1: number, imm: number): number {
  const high = (imm >> 5) & 0x7f;
  const low = imm & 0x1f;
  return ((high << 25) | (rs2 << 20) | (rs1 << 15) | (2 << 12) | (low << 7) | 0x23) >>> 0;
}

/** `lui rd, imm20`: `rd` = `imm20` << 12. */
export function lui(rd: number, imm20: number): number {
  return (((imm20 & 0xfffff) << 12) | (rd << 7) | 0x37) >>> 0;
}

/** `ecall`. */
export const ECALL = 0x0000_0073;

/** `jal zero, 0`: a jump to itself. */
export const SPIN = 0x0000_006f;

/** Virtual address of the code, which is also the entry point. */
export const CODE_ADDRESS = 0x0001_0000;

/** Virtual address of the writable segment: one page of zeroes, usable as a stack. */
export const DATA_ADDRESS = 0x0002_0000;

const HEADER_SIZE = 52;
const PROGRAM_HEADER_SIZE = 32;
const CODE_OFFSET = 0x1000;

/**
 * Returns an ELF32 RISC-V executable with two PT_LOAD segments: `instructions` at
 * {@linkcode CODE_ADDRESS} (read and execute), which is the entry point, and one page of bss
 * at {@linkcode DATA_ADDRESS} (read and write).
 */
export function tinyElf(instructions: readonly number[]): Uint8Array {
  const codeSize = instructions.length * 4;
  const bytes = new Uint8Array(CODE_OFFSET + codeSize);
  const view = new DataView(bytes.buffer);

  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]); // magic, ELFCLASS32, little-endian, version 1
  view.setUint16(16, 2, true); // e_type ET_EXEC
  view.setUint16(18, 243, true); // e_machine EM_RISCV
  view.setUint32(20, 1, true); // e_version
  view.setUint32(24, CODE_ADDRESS, true); // e_entry
  view.setUint32(28, HEADER_SIZE, true); // e_phoff
  view.setUint32(32, 0, true); // e_shoff: no section headers
  view.setUint16(40, HEADER_SIZE, true); // e_ehsize
  view.setUint16(42, PROGRAM_HEADER_SIZE, true); // e_phentsize
  view.setUint16(44, 2, true); // e_phnum

  let ph = HEADER_SIZE;
  view.setUint32(ph, 1, true); // p_type PT_LOAD
  view.setUint32(ph + 4, CODE_OFFSET, true); // p_offset
  view.setUint32(ph + 8, CODE_ADDRESS, true); // p_vaddr
  view.setUint32(ph + 12, CODE_ADDRESS, true); // p_paddr
  view.setUint32(ph + 16, codeSize, true); // p_filesz
  view.setUint32(ph + 20, codeSize, true); // p_memsz
  view.setUint32(ph + 24, 0b101, true); // p_flags R+X
  view.setUint32(ph + 28, 0x1000, true); // p_align

  ph += PROGRAM_HEADER_SIZE;
  view.setUint32(ph, 1, true); // p_type PT_LOAD
  view.setUint32(ph + 4, CODE_OFFSET, true); // p_offset: nothing is read, because p_filesz is 0
  view.setUint32(ph + 8, DATA_ADDRESS, true); // p_vaddr
  view.setUint32(ph + 12, DATA_ADDRESS, true); // p_paddr
  view.setUint32(ph + 16, 0, true); // p_filesz
  view.setUint32(ph + 20, 0x1000, true); // p_memsz
  view.setUint32(ph + 24, 0b110, true); // p_flags R+W
  view.setUint32(ph + 28, 0x1000, true); // p_align

  instructions.forEach((word, i) => view.setUint32(CODE_OFFSET + 4 * i, word, true));
  return bytes;
}

/** Instructions that exit the child with `code` through the parent's `exit` RPC (op 3). */
export function exitWith(code: number): number[] {
  return [
    lui(Reg.sp, (DATA_ADDRESS + 0x1000) >>> 12), // the stack: the top of the writable page
    addi(Reg.sp, Reg.sp, -288), // room for a 284-byte message on the stack
    addi(Reg.t0, Reg.zero, 3),
    sw(Reg.t0, Reg.sp, 0), // op = exit
    sw(Reg.zero, Reg.sp, 4), // cap = none
    addi(Reg.t0, Reg.zero, code),
    sw(Reg.t0, Reg.sp, 8), // word[0] = exit code
    sw(Reg.zero, Reg.sp, 24), // len = 0
    addi(Reg.a0, Reg.zero, 1), // the parent capability
    addi(Reg.a1, Reg.sp, 0),
    addi(Reg.a7, Reg.zero, 1), // call
    ECALL,
    SPIN,
  ];
}
