/**
 * Decoding of RV32IM instruction words into operation numbers, register numbers and
 * immediates, in the form that the decoded-instruction cache stores.
 *
 * A decoded instruction is two 32-bit words: `fields` packs the operation (bits 0-7), rd (bits
 * 8-12), rs1 (bits 16-20) and rs2 (bits 24-28); `imm` is the sign-extended immediate (for
 * shifts by an immediate, the shift amount). Instructions without a destination register
 * decode with rd = 0.
 *
 * @module
 */

/** Operation numbers, dense from 1 so that the step loop's switch becomes a jump table. */
export const Op = {
  ILLEGAL: 1,
  LUI: 2,
  AUIPC: 3,
  JAL: 4,
  JALR: 5,
  BEQ: 6,
  BNE: 7,
  BLT: 8,
  BGE: 9,
  BLTU: 10,
  BGEU: 11,
  LB: 12,
  LH: 13,
  LW: 14,
  LBU: 15,
  LHU: 16,
  SB: 17,
  SH: 18,
  SW: 19,
  ADDI: 20,
  SLTI: 21,
  SLTIU: 22,
  XORI: 23,
  ORI: 24,
  ANDI: 25,
  SLLI: 26,
  SRLI: 27,
  SRAI: 28,
  ADD: 29,
  SUB: 30,
  SLL: 31,
  SLT: 32,
  SLTU: 33,
  XOR: 34,
  SRL: 35,
  SRA: 36,
  OR: 37,
  AND: 38,
  FENCE: 39,
  ECALL: 40,
  EBREAK: 41,
  MUL: 42,
  MULH: 43,
  MULHSU: 44,
  MULHU: 45,
  DIV: 46,
  DIVU: 47,
  REM: 48,
  REMU: 49,
} as const;

const OPCODE_LOAD = 0x03;
const OPCODE_MISC_MEM = 0x0f;
const OPCODE_OP_IMM = 0x13;
const OPCODE_AUIPC = 0x17;
const OPCODE_STORE = 0x23;
const OPCODE_OP = 0x33;
const OPCODE_LUI = 0x37;
const OPCODE_BRANCH = 0x63;
const OPCODE_JALR = 0x67;
const OPCODE_JAL = 0x6f;
const OPCODE_SYSTEM = 0x73;

const ECALL_WORD = 0x00000073;
const EBREAK_WORD = 0x00100073;

const LOAD_OPS = [Op.LB, Op.LH, Op.LW, 0, Op.LBU, Op.LHU, 0, 0];
const STORE_OPS = [Op.SB, Op.SH, Op.SW, 0, 0, 0, 0, 0];
const BRANCH_OPS = [Op.BEQ, Op.BNE, 0, 0, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU];
const OP_IMM_OPS = [Op.ADDI, 0, Op.SLTI, Op.SLTIU, Op.XORI, 0, Op.ORI, Op.ANDI];
/** Register-register operations with funct7 = 0, by funct3. */
const OP_BASE_OPS = [Op.ADD, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.OR, Op.AND];
/** Register-register operations with funct7 = 1 (the M extension), by funct3. */
const OP_MULDIV_OPS = [Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU];

/** Packs an operation and register numbers into the `fields` word of a decoded instruction. */
export function packFields(op: number, rd: number, rs1: number, rs2: number): number {
  return op | (rd << 8) | (rs1 << 16) | (rs2 << 24);
}

/** The `fields` word of an illegal instruction. */
export const ILLEGAL_FIELDS: number = packFields(Op.ILLEGAL, 0, 0, 0);

/**
 * Decodes `raw` and stores the raw word, the packed fields and the immediate at
 * `decoded[slot]`, `decoded[slot + 1]` and `decoded[slot + 2]`. Every encoding that RV32IM does
 * not define decodes to {@linkcode Op.ILLEGAL}, including the compressed (16-bit) encodings.
 */
export function decodeInto(raw: number, decoded: Int32Array, slot: number): void {
  const opcode = raw & 0x7f;
  const rd = (raw >>> 7) & 31;
  const funct3 = (raw >>> 12) & 7;
  const rs1 = (raw >>> 15) & 31;
  const rs2 = (raw >>> 20) & 31;
  const funct7 = raw >>> 25;

  let op = 0;
  let destination = 0;
  let imm = 0;
  switch (opcode) {
    case OPCODE_LUI:
      op = Op.LUI;
      destination = rd;
      imm = raw & 0xfffff000;
      break;
    case OPCODE_AUIPC:
      op = Op.AUIPC;
      destination = rd;
      imm = raw & 0xfffff000;
      break;
    case OPCODE_JAL:
      op = Op.JAL;
      destination = rd;
      imm = jImmediate(raw);
      break;
    case OPCODE_JALR:
      op = funct3 === 0 ? Op.JALR : 0;
      destination = rd;
      imm = raw >> 20;
      break;
    case OPCODE_BRANCH:
      op = BRANCH_OPS[funct3]!;
      imm = bImmediate(raw);
      break;
    case OPCODE_LOAD:
      op = LOAD_OPS[funct3]!;
      destination = rd;
      imm = raw >> 20;
      break;
    case OPCODE_STORE:
      op = STORE_OPS[funct3]!;
      imm = ((raw >> 25) << 5) | ((raw >>> 7) & 31);
      break;
    case OPCODE_OP_IMM:
      destination = rd;
      if (funct3 === 1) {
        op = funct7 === 0 ? Op.SLLI : 0;
        imm = rs2;
      } else if (funct3 === 5) {
        op = funct7 === 0 ? Op.SRLI : funct7 === 0x20 ? Op.SRAI : 0;
        imm = rs2;
      } else {
        op = OP_IMM_OPS[funct3]!;
        imm = raw >> 20;
      }
      break;
    case OPCODE_OP:
      destination = rd;
      if (funct7 === 0) op = OP_BASE_OPS[funct3]!;
      else if (funct7 === 1) op = OP_MULDIV_OPS[funct3]!;
      else if (funct7 === 0x20 && funct3 === 0) op = Op.SUB;
      else if (funct7 === 0x20 && funct3 === 5) op = Op.SRA;
      break;
    case OPCODE_MISC_MEM:
      // fence and fence.i; the model has one hart and no caches, so both order nothing.
      op = funct3 === 0 || funct3 === 1 ? Op.FENCE : 0;
      break;
    case OPCODE_SYSTEM:
      op = raw === ECALL_WORD ? Op.ECALL : raw === EBREAK_WORD ? Op.EBREAK : 0;
      break;
  }

  decoded[slot] = raw;
  if (op === 0) {
    decoded[slot + 1] = ILLEGAL_FIELDS;
    decoded[slot + 2] = 0;
  } else {
    decoded[slot + 1] = packFields(op, destination, rs1, rs2);
    decoded[slot + 2] = imm;
  }
}

function bImmediate(raw: number): number {
  return ((raw >> 31) << 12) | (((raw >>> 7) & 1) << 11) | (((raw >>> 25) & 0x3f) << 5) |
    (((raw >>> 8) & 0xf) << 1);
}

function jImmediate(raw: number): number {
  return ((raw >> 31) << 20) | (((raw >>> 12) & 0xff) << 12) | (((raw >>> 20) & 1) << 11) |
    (((raw >>> 21) & 0x3ff) << 1);
}
