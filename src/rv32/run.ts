/**
 * The step loop of the RV32IM processor: runs a hart on an address space until the instruction
 * budget is used up, an `ecall` or `ebreak` is reached, or the hart faults.
 *
 * @module
 */

import { Cause } from "./cause.ts";
import { decodeInto, ILLEGAL_FIELDS } from "./decode.ts";
import type { Hart } from "./hart.ts";
import { DECODED_WORDS, type MappedPage, type Memory, PAGE_SIZE } from "./memory.ts";
import { PERM_EXECUTE, PERM_READ, PERM_WRITE } from "./memory.ts";
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from "./muldiv.ts";

export { Cause } from "./cause.ts";

/** Stop reasons of {@linkcode run}. */
export const Stop = {
  /** The budget was used up, and the hart can run on. */
  BUDGET: 0,
  /** The hart reached an `ecall`; pc is at the `ecall`, which is not counted as retired. */
  ECALL: 1,
  /** The hart reached an `ebreak`; pc is at the `ebreak`, which is not counted as retired. */
  EBREAK: 2,
  /** The hart faulted. pc is at the faulting instruction, and `cause` and `tval` describe it. */
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
const NO_CODE: Int32Array = new Int32Array(0);

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

  x[0] = 0;
  let pc = hart.pc | 0;
  let retired = 0;
  let stop: number = Stop.BUDGET;
  let trap = -1;
  let tval = 0;

  // The page that pc is in, with its decoded-instruction cache and frame view.
  let codePage = -1;
  let code = NO_CODE;
  let codeWords = NO_CODE;

  execution: while (retired < budget) {
    // Fetch. Taken jumps and branches check their target's alignment, so pc can only be
    // misaligned when the run starts, which is caught here because no page is entered yet.
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
      codeWords = page.words;
      codePage = pc >>> 12;
    }
    const slot = pc & PAGE_MASK;
    const raw = codeWords[slot >>> 2]!;
    if (code[slot] !== raw) decodeInto(raw, code, slot);

    // Decode from the cache into locals.
    const fields = code[slot + 1]!;
    const imm = code[slot + 2]!;
    const rd = (fields >>> 8) & 31;
    const rs1 = (fields >>> 16) & 31;
    const rs2 = fields >>> 24;

    // Execute: compute the value for rd (0 when there is none) and the next pc. The labels are
    // the numbers of `Op` in decode.ts written as literals, because V8 turns a switch into a
    // jump table only when every label is an integer literal.
    let value = 0;
    let next = (pc + 4) | 0;
    switch (fields & 0xff) {
      case 2: // lui
        value = imm;
        break;
      case 3: // auipc
        value = (pc + imm) | 0;
        break;
      case 4: // jal
        value = next;
        next = (pc + imm) | 0;
        break;
      case 5: // jalr
        value = next;
        next = (x[rs1]! + imm) & ~1;
        break;

      case 6: // beq
        if (x[rs1] === x[rs2]) next = (pc + imm) | 0;
        break;
      case 7: // bne
        if (x[rs1] !== x[rs2]) next = (pc + imm) | 0;
        break;
      case 8: // blt
        if (x[rs1]! < x[rs2]!) next = (pc + imm) | 0;
        break;
      case 9: // bge
        if (x[rs1]! >= x[rs2]!) next = (pc + imm) | 0;
        break;
      case 10: // bltu
        if (x[rs1]! >>> 0 < x[rs2]! >>> 0) next = (pc + imm) | 0;
        break;
      case 11: // bgeu
        if (x[rs1]! >>> 0 >= x[rs2]! >>> 0) next = (pc + imm) | 0;
        break;

      case 12: { // lb
        const address = (x[rs1]! + imm) | 0;
        const page = pages[slots[address >>> 12]!]!;
        if ((page.permissions & PERM_READ) === 0) {
          trap = Cause.LOAD_PAGE_FAULT;
          tval = address;
          break execution;
        }
        value = (page.frame[address & PAGE_MASK]! << 24) >> 24;
        break;
      }
      case 13: { // lh
        const address = (x[rs1]! + imm) | 0;
        if ((address & 1) !== 0) {
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
        value = (page.halves[(address & PAGE_MASK) >>> 1]! << 16) >> 16;
        break;
      }
      case 14: { // lw
        const address = (x[rs1]! + imm) | 0;
        if ((address & 3) !== 0) {
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
        value = page.words[(address & PAGE_MASK) >>> 2]!;
        break;
      }
      case 15: { // lbu
        const address = (x[rs1]! + imm) | 0;
        const page = pages[slots[address >>> 12]!]!;
        if ((page.permissions & PERM_READ) === 0) {
          trap = Cause.LOAD_PAGE_FAULT;
          tval = address;
          break execution;
        }
        value = page.frame[address & PAGE_MASK]!;
        break;
      }
      case 16: { // lhu
        const address = (x[rs1]! + imm) | 0;
        if ((address & 1) !== 0) {
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
        value = page.halves[(address & PAGE_MASK) >>> 1]!;
        break;
      }
      case 17: { // sb
        const address = (x[rs1]! + imm) | 0;
        const page = pages[slots[address >>> 12]!]!;
        if ((page.permissions & PERM_WRITE) === 0) {
          trap = Cause.STORE_PAGE_FAULT;
          tval = address;
          break execution;
        }
        page.frame[address & PAGE_MASK] = x[rs2]!;
        break;
      }
      case 18: { // sh
        const address = (x[rs1]! + imm) | 0;
        if ((address & 1) !== 0) {
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
        page.halves[(address & PAGE_MASK) >>> 1] = x[rs2]!;
        break;
      }
      case 19: { // sw
        const address = (x[rs1]! + imm) | 0;
        if ((address & 3) !== 0) {
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
        page.words[(address & PAGE_MASK) >>> 2] = x[rs2]!;
        break;
      }

      case 20: // addi
        value = (x[rs1]! + imm) | 0;
        break;
      case 21: // slti
        value = x[rs1]! < imm ? 1 : 0;
        break;
      case 22: // sltiu
        value = (x[rs1]! >>> 0) < (imm >>> 0) ? 1 : 0;
        break;
      case 23: // xori
        value = x[rs1]! ^ imm;
        break;
      case 24: // ori
        value = x[rs1]! | imm;
        break;
      case 25: // andi
        value = x[rs1]! & imm;
        break;
      case 26: // slli
        value = x[rs1]! << imm;
        break;
      case 27: // srli
        value = (x[rs1]! >>> imm) | 0;
        break;
      case 28: // srai
        value = x[rs1]! >> imm;
        break;

      // JavaScript shifts use the low 5 bits of the shift amount, as RV32 does.
      case 29: // add
        value = (x[rs1]! + x[rs2]!) | 0;
        break;
      case 30: // sub
        value = (x[rs1]! - x[rs2]!) | 0;
        break;
      case 31: // sll
        value = x[rs1]! << x[rs2]!;
        break;
      case 32: // slt
        value = x[rs1]! < x[rs2]! ? 1 : 0;
        break;
      case 33: // sltu
        value = (x[rs1]! >>> 0) < (x[rs2]! >>> 0) ? 1 : 0;
        break;
      case 34: // xor
        value = x[rs1]! ^ x[rs2]!;
        break;
      case 35: // srl
        value = (x[rs1]! >>> x[rs2]!) | 0;
        break;
      case 36: // sra
        value = x[rs1]! >> x[rs2]!;
        break;
      case 37: // or
        value = x[rs1]! | x[rs2]!;
        break;
      case 38: // and
        value = x[rs1]! & x[rs2]!;
        break;

      case 42: // mul
        value = Math.imul(x[rs1]!, x[rs2]!);
        break;
      case 43: // mulh
        value = mulh(x[rs1]!, x[rs2]!);
        break;
      case 44: // mulhsu
        value = mulhsu(x[rs1]!, x[rs2]!);
        break;
      case 45: // mulhu
        value = mulhu(x[rs1]!, x[rs2]!);
        break;
      case 46: // div
        value = div(x[rs1]!, x[rs2]!);
        break;
      case 47: // divu
        value = divu(x[rs1]!, x[rs2]!);
        break;
      case 48: // rem
        value = rem(x[rs1]!, x[rs2]!);
        break;
      case 49: // remu
        value = remu(x[rs1]!, x[rs2]!);
        break;

      case 39: // fence
        break;
      case 40: // ecall
        stop = Stop.ECALL;
        break execution;
      case 41: // ebreak
        stop = Stop.EBREAK;
        break execution;
      default:
        trap = Cause.ILLEGAL_INSTRUCTION;
        tval = raw;
        break execution;
    }

    // A taken jump or branch to a misaligned target faults on the jump, before rd is written.
    if ((next & 3) !== 0) {
      trap = Cause.INSTRUCTION_ADDRESS_MISALIGNED;
      tval = next;
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
