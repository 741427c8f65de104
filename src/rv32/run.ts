/**
 * The step loop of the RV32IM processor: runs a hart on an address space until the instruction
 * budget is used up, an `ecall` or `ebreak` is reached, or the hart faults.
 *
 * @module
 */

import { Cause } from "./cause.ts";
import { decodeInto, ILLEGAL_FIELDS, Op } from "./decode.ts";
import type { Hart } from "./hart.ts";
import { DECODED_WORDS, type MappedPage, type Memory, PAGE_SIZE } from "./memory.ts";
import { PERM_EXECUTE, PERM_READ, PERM_WRITE } from "./memory.ts";
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from "./muldiv.ts";

export { Cause } from "./cause.ts";

/** Why {@linkcode run} returned. */
export const Stop = {
  /** The budget was used up; the hart can run on. */
  BUDGET: 0,
  /** The hart reached an `ecall`; pc is at the `ecall`, which is not counted as retired. */
  ECALL: 1,
  /** The hart reached an `ebreak`; pc is at the `ebreak`, which is not counted as retired. */
  EBREAK: 2,
  /** The hart faulted; pc is at the faulting instruction, `cause` and `tval` describe it. */
  FAULT: 3,
} as const;

/** Outcome of one {@linkcode run}, filled in by the call so that no object is allocated. */
export interface RunResult {
  /** One of the {@linkcode Stop} values. */
  stop: number;
  /** Instructions completed by this call. */
  retired: number;
  /**
   * The {@linkcode Cause} code: the fault's code for FAULT, USER_ECALL for ECALL, BREAKPOINT
   * for EBREAK, 0 for BUDGET.
   */
  cause: number;
  /**
   * Unsigned: the instruction word for an illegal instruction, the address for a misaligned
   * or faulting access or jump target, pc for EBREAK, otherwise 0.
   */
  tval: number;
}

/** Returns a fresh {@linkcode RunResult} to pass to {@linkcode run}. */
export function newRunResult(): RunResult {
  return { stop: Stop.BUDGET, retired: 0, cause: 0, tval: 0 };
}

const PAGE_MASK = PAGE_SIZE - 1;
const NO_CODE = new Int32Array(0);
const NO_VIEW = new DataView(new ArrayBuffer(0));

/**
 * Executes at most `budget` instructions of `hart` on `memory` and stores the outcome in
 * `result`. Nothing a child does makes this function throw.
 *
 * Alignment faults take precedence over page faults. Misaligned loads, stores and fetches
 * always fault, as RISC-V allows: the model emulates no misaligned access.
 *
 * @param hart registers and pc, updated in place
 * @param memory the address space the hart runs in
 * @param budget maximum number of instructions to retire
 * @param result receives the stop reason, the retired count, and for a trap its cause and tval
 *
 * @example
 * ```ts
 * import { Hart } from "./hart.ts";
 * import { Memory, PERM_EXECUTE, PERM_READ } from "./memory.ts";
 * import { newRunResult, run, Stop } from "./run.ts";
 *
 * const code = new Uint8Array(4096);
 * new DataView(code.buffer).setUint32(0, 0x02a00513, true); // addi a0, zero, 42
 * new DataView(code.buffer).setUint32(4, 0x00000073, true); // ecall
 * const memory = new Memory();
 * memory.map(0x10, code, PERM_READ | PERM_EXECUTE);
 * const hart = new Hart();
 * hart.pc = 0x10000;
 * const result = newRunResult();
 * run(hart, memory, 100, result);
 * console.assert(result.stop === Stop.ECALL && result.retired === 1 && hart.x[10] === 42);
 * ```
 */
export function run(hart: Hart, memory: Memory, budget: number, result: RunResult): void {
  const x = hart.x;
  const slots = memory.pageSlots;
  const pages = memory.pages;

  let pc = hart.pc | 0;
  let retired = 0;
  let stop: number = Stop.BUDGET;
  let trap = -1;
  let tval = 0;

  // The page that pc is in, with its decoded-instruction cache and frame view.
  let codePage = -1;
  let code = NO_CODE;
  let codeView = NO_VIEW;

  execution: while (retired < budget) {
    // Fetch. Taken jumps and branches check their target's alignment, so pc can only be
    // misaligned when the run starts, and that is caught here when the first page is entered.
    if (pc >>> 12 !== codePage) {
      if ((pc & 3) !== 0) {
        trap = Cause.INSTRUCTION_ADDRESS_MISALIGNED;
        tval = pc;
        break execution;
      }
      const page = pages[slots[pc >>> 12]!]!;
      if ((page.permissions & PERM_EXECUTE) === 0) {
        trap = Cause.INSTRUCTION_PAGE_FAULT;
        tval = pc;
        break execution;
      }
      code = page.decoded ?? createDecodedCache(page);
      codeView = page.view;
      codePage = pc >>> 12;
    }
    const slot = pc & PAGE_MASK;
    const raw = codeView.getInt32(slot, true);
    if (code[slot] !== raw) decodeInto(raw, code, slot);

    // Decode from the cache into locals.
    const fields = code[slot + 1]!;
    const imm = code[slot + 2]!;
    const rd = (fields >>> 8) & 31;
    const rs1 = (fields >>> 16) & 31;
    const rs2 = fields >>> 24;

    // Execute: compute the value for rd (0 when there is none) and the next pc.
    let value = 0;
    let next = (pc + 4) | 0;
    switch (fields & 0xff) {
      case Op.LUI:
        value = imm;
        break;
      case Op.AUIPC:
        value = (pc + imm) | 0;
        break;
      case Op.JAL:
        value = next;
        next = (pc + imm) | 0;
        if ((next & 3) !== 0) {
          trap = Cause.INSTRUCTION_ADDRESS_MISALIGNED;
          tval = next;
          break execution;
        }
        break;
      case Op.JALR:
        value = next;
        next = (x[rs1]! + imm) & ~1;
        if ((next & 3) !== 0) {
          trap = Cause.INSTRUCTION_ADDRESS_MISALIGNED;
          tval = next;
          break execution;
        }
        break;

      case Op.BEQ:
      case Op.BNE:
      case Op.BLT:
      case Op.BGE:
      case Op.BLTU:
      case Op.BGEU: {
        const a = x[rs1]!;
        const b = x[rs2]!;
        let taken: boolean;
        switch (fields & 0xff) {
          case Op.BEQ:
            taken = a === b;
            break;
          case Op.BNE:
            taken = a !== b;
            break;
          case Op.BLT:
            taken = a < b;
            break;
          case Op.BGE:
            taken = a >= b;
            break;
          case Op.BLTU:
            taken = (a >>> 0) < (b >>> 0);
            break;
          default:
            taken = (a >>> 0) >= (b >>> 0);
            break;
        }
        if (taken) {
          next = (pc + imm) | 0;
          if ((next & 3) !== 0) {
            trap = Cause.INSTRUCTION_ADDRESS_MISALIGNED;
            tval = next;
            break execution;
          }
        }
        break;
      }

      case Op.LB:
      case Op.LBU:
      case Op.LH:
      case Op.LHU:
      case Op.LW: {
        const op = fields & 0xff;
        const address = (x[rs1]! + imm) | 0;
        const alignment = op === Op.LW ? 3 : op === Op.LH || op === Op.LHU ? 1 : 0;
        if ((address & alignment) !== 0) {
          trap = Cause.LOAD_ADDRESS_MISALIGNED;
          tval = address;
          break execution;
        }
        const page = pages[slots[address >>> 12]!]!;
        if ((page.permissions & PERM_READ) === 0) {
          trap = Cause.LOAD_PAGE_FAULT;
          tval = address;
          break execution;
        }
        const offset = address & PAGE_MASK;
        if (op === Op.LW) value = page.view.getInt32(offset, true);
        else if (op === Op.LBU) value = page.view.getUint8(offset);
        else if (op === Op.LB) value = page.view.getInt8(offset);
        else if (op === Op.LHU) value = page.view.getUint16(offset, true);
        else value = page.view.getInt16(offset, true);
        break;
      }

      case Op.SB:
      case Op.SH:
      case Op.SW: {
        const op = fields & 0xff;
        const address = (x[rs1]! + imm) | 0;
        const alignment = op === Op.SW ? 3 : op === Op.SH ? 1 : 0;
        if ((address & alignment) !== 0) {
          trap = Cause.STORE_ADDRESS_MISALIGNED;
          tval = address;
          break execution;
        }
        const page = pages[slots[address >>> 12]!]!;
        if ((page.permissions & PERM_WRITE) === 0) {
          trap = Cause.STORE_PAGE_FAULT;
          tval = address;
          break execution;
        }
        const offset = address & PAGE_MASK;
        if (op === Op.SW) page.view.setInt32(offset, x[rs2]!, true);
        else if (op === Op.SB) page.view.setInt8(offset, x[rs2]!);
        else page.view.setInt16(offset, x[rs2]!, true);
        break;
      }

      case Op.ADDI:
        value = (x[rs1]! + imm) | 0;
        break;
      case Op.SLTI:
        value = x[rs1]! < imm ? 1 : 0;
        break;
      case Op.SLTIU:
        value = (x[rs1]! >>> 0) < (imm >>> 0) ? 1 : 0;
        break;
      case Op.XORI:
        value = x[rs1]! ^ imm;
        break;
      case Op.ORI:
        value = x[rs1]! | imm;
        break;
      case Op.ANDI:
        value = x[rs1]! & imm;
        break;
      case Op.SLLI:
        value = x[rs1]! << imm;
        break;
      case Op.SRLI:
        value = (x[rs1]! >>> imm) | 0;
        break;
      case Op.SRAI:
        value = x[rs1]! >> imm;
        break;

      // JavaScript shifts use the low 5 bits of the shift amount, as RV32 does.
      case Op.ADD:
        value = (x[rs1]! + x[rs2]!) | 0;
        break;
      case Op.SUB:
        value = (x[rs1]! - x[rs2]!) | 0;
        break;
      case Op.SLL:
        value = x[rs1]! << x[rs2]!;
        break;
      case Op.SLT:
        value = x[rs1]! < x[rs2]! ? 1 : 0;
        break;
      case Op.SLTU:
        value = (x[rs1]! >>> 0) < (x[rs2]! >>> 0) ? 1 : 0;
        break;
      case Op.XOR:
        value = x[rs1]! ^ x[rs2]!;
        break;
      case Op.SRL:
        value = (x[rs1]! >>> x[rs2]!) | 0;
        break;
      case Op.SRA:
        value = x[rs1]! >> x[rs2]!;
        break;
      case Op.OR:
        value = x[rs1]! | x[rs2]!;
        break;
      case Op.AND:
        value = x[rs1]! & x[rs2]!;
        break;

      case Op.MUL:
        value = Math.imul(x[rs1]!, x[rs2]!);
        break;
      case Op.MULH:
        value = mulh(x[rs1]!, x[rs2]!);
        break;
      case Op.MULHSU:
        value = mulhsu(x[rs1]!, x[rs2]!);
        break;
      case Op.MULHU:
        value = mulhu(x[rs1]!, x[rs2]!);
        break;
      case Op.DIV:
        value = div(x[rs1]!, x[rs2]!);
        break;
      case Op.DIVU:
        value = divu(x[rs1]!, x[rs2]!);
        break;
      case Op.REM:
        value = rem(x[rs1]!, x[rs2]!);
        break;
      case Op.REMU:
        value = remu(x[rs1]!, x[rs2]!);
        break;

      case Op.FENCE:
        break;
      case Op.ECALL:
        stop = Stop.ECALL;
        break execution;
      case Op.EBREAK:
        stop = Stop.EBREAK;
        break execution;
      default:
        trap = Cause.ILLEGAL_INSTRUCTION;
        tval = raw;
        break execution;
    }

    // Write back; rd is 0 for instructions without a destination.
    x[rd] = value;
    x[0] = 0;
    pc = next;
    retired++;
  }

  // The one place where the outcome is reported.
  hart.pc = pc >>> 0;
  result.retired = retired;
  if (trap >= 0) {
    result.stop = Stop.FAULT;
    result.cause = trap;
    result.tval = tval >>> 0;
  } else if (stop === Stop.ECALL) {
    result.stop = stop;
    result.cause = Cause.USER_ECALL;
    result.tval = 0;
  } else if (stop === Stop.EBREAK) {
    result.stop = stop;
    result.cause = Cause.BREAKPOINT;
    result.tval = pc >>> 0;
  } else {
    result.stop = Stop.BUDGET;
    result.cause = 0;
    result.tval = 0;
  }
}

/** Creates the decoded-instruction cache of `page`, every slot decoding the word 0 (illegal). */
function createDecodedCache(page: MappedPage): Int32Array {
  const decoded = new Int32Array(PAGE_SIZE / 4 * DECODED_WORDS);
  for (let slot = 0; slot < decoded.length; slot += DECODED_WORDS) {
    decoded[slot + 1] = ILLEGAL_FIELDS;
  }
  page.decoded = decoded;
  return decoded;
}
