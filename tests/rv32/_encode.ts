/**
 * Encoders for RV32IM instruction words, for unit tests that build programs without an
 * assembler. Register arguments are numbers 0-31; immediates are byte offsets or values.
 *
 * @module
 */

/** ABI names of the registers used by the tests. */
export const Reg = { zero: 0, ra: 1, sp: 2, t0: 5, t1: 6, a0: 10, a1: 11, a2: 12, a7: 17 } as const;

function rType(
  funct7: number,
  rs2: number,
  rs1: number,
  funct3: number,
  rd: number,
  opcode: number,
) {
  return ((funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode) >>> 0;
}

function iType(imm: number, rs1: number, funct3: number, rd: number, opcode: number): number {
  return (((imm & 0xfff) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode) >>> 0;
}

function sType(imm: number, rs2: number, rs1: number, funct3: number): number {
  return (((imm >> 5 & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) |
    ((imm & 31) << 7) | 0x23) >>> 0;
}

function bType(offset: number, rs2: number, rs1: number, funct3: number): number {
  return (((offset >> 12 & 1) << 31) | ((offset >> 5 & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) |
    (funct3 << 12) | ((offset >> 1 & 0xf) << 8) | ((offset >> 11 & 1) << 7) | 0x63) >>> 0;
}

/** `addi rd, rs1, imm` */
export const addi = (rd: number, rs1: number, imm: number): number => iType(imm, rs1, 0, rd, 0x13);
/** `add rd, rs1, rs2` */
export const add = (rd: number, rs1: number, rs2: number): number =>
  rType(0, rs2, rs1, 0, rd, 0x33);
/** `lui rd, imm20` */
export const lui = (rd: number, imm20: number): number =>
  (((imm20 & 0xfffff) << 12) | (rd << 7) | 0x37) >>> 0;
/** `lw rd, imm(rs1)` */
export const lw = (rd: number, rs1: number, imm: number): number => iType(imm, rs1, 2, rd, 0x03);
/** `lh rd, imm(rs1)` */
export const lh = (rd: number, rs1: number, imm: number): number => iType(imm, rs1, 1, rd, 0x03);
/** `lbu rd, imm(rs1)` */
export const lbu = (rd: number, rs1: number, imm: number): number => iType(imm, rs1, 4, rd, 0x03);
/** `sw rs2, imm(rs1)` */
export const sw = (rs2: number, rs1: number, imm: number): number => sType(imm, rs2, rs1, 2);
/** `sh rs2, imm(rs1)` */
export const sh = (rs2: number, rs1: number, imm: number): number => sType(imm, rs2, rs1, 1);
/** `sb rs2, imm(rs1)` */
export const sb = (rs2: number, rs1: number, imm: number): number => sType(imm, rs2, rs1, 0);
/** `beq rs1, rs2, offset` */
export const beq = (rs1: number, rs2: number, offset: number): number => bType(offset, rs2, rs1, 0);
/** `bne rs1, rs2, offset` */
export const bne = (rs1: number, rs2: number, offset: number): number => bType(offset, rs2, rs1, 1);
/** `jalr rd, imm(rs1)` */
export const jalr = (rd: number, rs1: number, imm: number): number => iType(imm, rs1, 0, rd, 0x67);
/** `jal rd, offset` */
export const jal = (rd: number, offset: number): number =>
  (((offset >> 20 & 1) << 31) | ((offset >> 1 & 0x3ff) << 21) | ((offset >> 11 & 1) << 20) |
    ((offset >> 12 & 0xff) << 12) | (rd << 7) | 0x6f) >>> 0;
/** `ecall` */
export const ECALL = 0x00000073;
/** `ebreak` */
export const EBREAK = 0x00100073;
/** `fence` (iorw, iorw) */
export const FENCE = 0x0ff0000f;
/** `fence.i` */
export const FENCE_I = 0x0000100f;
/** `csrrs a0, cycle, zero` (rdcycle), which needs the Zicsr extension. */
export const RDCYCLE = 0xc0002573;
