import { strict as assert } from "node:assert";
import { Hart } from "../../src/rv32/hart.ts";
import { Memory, PERM_EXECUTE, PERM_READ, PERM_WRITE } from "../../src/rv32/memory.ts";
import { Cause, newRunResult, run, type RunResult, Stop } from "../../src/rv32/run.ts";
import {
  add,
  addi,
  beq,
  bne,
  EBREAK,
  ECALL,
  FENCE,
  FENCE_I,
  jal,
  jalr,
  lbu,
  lh,
  lui,
  lw,
  RDCYCLE,
  Reg,
  sb,
  sh,
  sw,
} from "./_encode.ts";

const { zero, t0, t1, a0, a1, a7 } = Reg;

const CODE = 0x10000;
const DATA = 0x20000;
const READ_ONLY = 0x30000;
const NO_EXECUTE = 0x40000;
const UNMAPPED = 0x50000;

interface Machine {
  hart: Hart;
  memory: Memory;
  code: Uint8Array;
  data: Uint8Array;
  readOnly: Uint8Array;
  result: RunResult;
}

/** Builds an address space with `words` at CODE and runs nothing yet. */
function machine(words: number[], codePermissions = PERM_READ | PERM_EXECUTE): Machine {
  const memory = new Memory();
  const code = new Uint8Array(4096);
  const view = new DataView(code.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  const data = new Uint8Array(4096);
  const readOnly = new Uint8Array(4096).fill(0x5a);
  memory.map(CODE >>> 12, code, codePermissions);
  memory.map(DATA >>> 12, data, PERM_READ | PERM_WRITE);
  memory.map(READ_ONLY >>> 12, readOnly, PERM_READ);
  memory.map(NO_EXECUTE >>> 12, new Uint8Array(4096), PERM_READ | PERM_WRITE);
  const hart = new Hart();
  hart.pc = CODE;
  return { hart, memory, code, data, readOnly, result: newRunResult() };
}

function runFor(m: Machine, budget = 1000): RunResult {
  run(m.hart, m.memory, budget, m.result);
  return m.result;
}

Deno.test("run: illegal instruction word 0", () => {
  const m = machine([addi(a0, zero, 1), 0]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.FAULT);
  assert.equal(result.cause, Cause.ILLEGAL_INSTRUCTION);
  assert.equal(result.tval, 0);
  assert.equal(result.retired, 1);
  assert.equal(m.hart.pc, CODE + 4);
});

Deno.test("run: illegal instruction reports its bits", () => {
  for (const word of [0xffffffff, RDCYCLE, 0x00004033 /* funct7 0, funct3 4: xor, valid */]) {
    const m = machine([word, ECALL]);
    const result = runFor(m);
    if (word === 0x00004033) {
      assert.equal(result.stop, Stop.ECALL);
      continue;
    }
    assert.equal(result.stop, Stop.FAULT);
    assert.equal(result.cause, Cause.ILLEGAL_INSTRUCTION);
    assert.equal(result.tval, word);
    assert.equal(result.retired, 0);
  }
});

Deno.test("run: reserved encodings are illegal", () => {
  const words = [
    0x02005033 | (1 << 26), // funct7 0x22 on srl
    0x40001013, // slli with funct7 0x20
    0x02001013, // slli with shamt bit 5 set
    0x00003003, // load funct3 3 (ld)
    0x00003023, // store funct3 3 (sd)
    0x00002063, // branch funct3 2
    0x00001067, // jalr funct3 1
    0x00002073, // system funct3 2 (csrrs)
    0x00200073, // uret-like system word
    0x00000001, // a compressed encoding
  ];
  for (const word of words) {
    const result = runFor(machine([word]));
    assert.equal(result.cause, Cause.ILLEGAL_INSTRUCTION, `word ${word.toString(16)}`);
    assert.equal(result.tval, word >>> 0, `tval of ${word.toString(16)}`);
  }
});

Deno.test("run: misaligned load faults", () => {
  const m = machine([lui(t0, DATA >>> 12), lw(a0, t0, 2)]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.FAULT);
  assert.equal(result.cause, Cause.LOAD_ADDRESS_MISALIGNED);
  assert.equal(result.tval, DATA + 2);
  assert.equal(m.hart.pc, CODE + 4);
  assert.equal(result.retired, 1);
});

Deno.test("run: misaligned halfword load faults", () => {
  const result = runFor(machine([lui(t0, DATA >>> 12), lh(a0, t0, 3)]));
  assert.equal(result.cause, Cause.LOAD_ADDRESS_MISALIGNED);
  assert.equal(result.tval, DATA + 3);
});

Deno.test("run: misaligned store faults", () => {
  const m = machine([lui(t0, DATA >>> 12), addi(a0, zero, -1), sh(a0, t0, 1)]);
  const result = runFor(m);
  assert.equal(result.cause, Cause.STORE_ADDRESS_MISALIGNED);
  assert.equal(result.tval, DATA + 1);
  assert.deepEqual([...m.data.subarray(0, 4)], [0, 0, 0, 0]);
});

Deno.test("run: unmapped store faults", () => {
  const m = machine([lui(t0, UNMAPPED >>> 12), sw(t0, t0, 8)]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.FAULT);
  assert.equal(result.cause, Cause.STORE_PAGE_FAULT);
  assert.equal(result.tval, UNMAPPED + 8);
  assert.equal(m.hart.pc, CODE + 4);
});

Deno.test("run: unmapped load faults", () => {
  const m = machine([lui(t0, UNMAPPED >>> 12), lbu(a0, t0, -1)]);
  const result = runFor(m);
  assert.equal(result.cause, Cause.LOAD_PAGE_FAULT);
  assert.equal(result.tval, UNMAPPED - 1 >>> 0);
});

Deno.test("run: store to read-only page faults", () => {
  const m = machine([lui(t0, READ_ONLY >>> 12), lbu(a1, t0, 0), sb(zero, t0, 0)]);
  const result = runFor(m);
  assert.equal(result.cause, Cause.STORE_PAGE_FAULT);
  assert.equal(result.tval, READ_ONLY);
  assert.equal(m.hart.x[a1], 0x5a);
  assert.equal(m.readOnly[0], 0x5a);
  assert.equal(result.retired, 2);
});

Deno.test("run: fetch from non-executable page faults", () => {
  const m = machine([lui(t0, NO_EXECUTE >>> 12), jalr(zero, t0, 0)]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.FAULT);
  assert.equal(result.cause, Cause.INSTRUCTION_PAGE_FAULT);
  assert.equal(result.tval, NO_EXECUTE);
  assert.equal(m.hart.pc, NO_EXECUTE);
  assert.equal(result.retired, 2);
});

Deno.test("run: fetch from unmapped page faults", () => {
  const m = machine([]);
  m.hart.pc = 0xfffff000;
  const result = runFor(m);
  assert.equal(result.cause, Cause.INSTRUCTION_PAGE_FAULT);
  assert.equal(result.tval, 0xfffff000);
  assert.equal(m.hart.pc, 0xfffff000);
});

Deno.test("run: fetch past the last instruction of a page", () => {
  const m = machine([]);
  new DataView(m.code.buffer).setUint32(4092, addi(a0, zero, 9), true);
  m.hart.pc = CODE + 4092;
  const result = runFor(m);
  assert.equal(result.cause, Cause.INSTRUCTION_PAGE_FAULT);
  assert.equal(result.tval, CODE + 4096);
  assert.equal(m.hart.x[a0], 9);
});

Deno.test("run: misaligned pc faults", () => {
  const m = machine([ECALL, ECALL]);
  m.hart.pc = CODE + 2;
  const result = runFor(m);
  assert.equal(result.cause, Cause.INSTRUCTION_ADDRESS_MISALIGNED);
  assert.equal(result.tval, CODE + 2);
});

Deno.test("run: misaligned jalr target faults at the jalr", () => {
  const m = machine([lui(t0, CODE >>> 12), jalr(a1, t0, 6)]);
  const result = runFor(m);
  assert.equal(result.cause, Cause.INSTRUCTION_ADDRESS_MISALIGNED);
  assert.equal(result.tval, CODE + 6);
  assert.equal(m.hart.pc, CODE + 4);
  assert.equal(m.hart.x[a1], 0);
});

Deno.test("run: jalr clears bit 0 of the target", () => {
  const m = machine([lui(t0, CODE >>> 12), jalr(a1, t0, 9), ECALL, ECALL]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.ECALL);
  assert.equal(m.hart.pc, CODE + 8);
  assert.equal(m.hart.x[a1], CODE + 8);
});

Deno.test("run: misaligned branch and jal targets fault", () => {
  for (const word of [beq(zero, zero, 6), jal(a1, -2)]) {
    const m = machine([addi(a0, zero, 1), word]);
    const result = runFor(m);
    assert.equal(result.cause, Cause.INSTRUCTION_ADDRESS_MISALIGNED);
    assert.equal(m.hart.pc, CODE + 4);
    assert.equal(m.hart.x[a1], 0);
  }
});

Deno.test("run: untaken branch to misaligned target", () => {
  const m = machine([bne(zero, zero, 6), ECALL]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.ECALL);
  assert.equal(m.hart.pc, CODE + 4);
});

Deno.test("run: x0 stays 0", () => {
  const m = machine([
    addi(zero, zero, 5),
    lui(zero, 0x12345),
    lui(t0, DATA >>> 12),
    addi(t1, zero, 77),
    sw(t1, t0, 0),
    lw(zero, t0, 0),
    jal(zero, 4),
    add(a0, zero, zero),
    ECALL,
  ]);
  m.hart.x[a0] = 3;
  const result = runFor(m);
  assert.equal(result.stop, Stop.ECALL);
  assert.equal(m.hart.x[0], 0);
  assert.equal(m.hart.x[a0], 0);
});

Deno.test("run: budget stops at the exact count", () => {
  // loop: addi a0, a0, 1; jal zero, -4
  const m = machine([addi(a0, a0, 1), jal(zero, -4)]);
  const result = runFor(m, 1001);
  assert.equal(result.stop, Stop.BUDGET);
  assert.equal(result.retired, 1001);
  assert.equal(m.hart.x[a0], 501);
  assert.equal(m.hart.pc, CODE + 4);

  runFor(m, 1);
  assert.equal(m.result.retired, 1);
  assert.equal(m.hart.pc, CODE);
});

Deno.test("run: budget of zero retires nothing", () => {
  const m = machine([0]);
  const result = runFor(m, 0);
  assert.equal(result.stop, Stop.BUDGET);
  assert.equal(result.retired, 0);
  assert.equal(m.hart.pc, CODE);
});

Deno.test("run: ecall leaves pc at the ecall", () => {
  const m = machine([addi(a7, zero, 64), ECALL, addi(a0, zero, 1)]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.ECALL);
  assert.equal(result.cause, Cause.USER_ECALL);
  assert.equal(result.retired, 1);
  assert.equal(m.hart.pc, CODE + 4);

  // Running again without advancing pc stops at the same ecall.
  runFor(m);
  assert.equal(m.result.stop, Stop.ECALL);
  assert.equal(m.result.retired, 0);
  assert.equal(m.hart.pc, CODE + 4);
});

Deno.test("run: ebreak leaves pc at the ebreak", () => {
  const m = machine([FENCE, FENCE_I, EBREAK]);
  const result = runFor(m);
  assert.equal(result.stop, Stop.EBREAK);
  assert.equal(result.cause, Cause.BREAKPOINT);
  assert.equal(result.tval, CODE + 8);
  assert.equal(result.retired, 2);
  assert.equal(m.hart.pc, CODE + 8);
});

Deno.test("run: stores reach the frame", () => {
  const m = machine([
    lui(t0, DATA >>> 12),
    lui(t1, 0x11223),
    addi(t1, t1, 0x344),
    sw(t1, t0, 8),
    sb(t1, t0, 1),
    ECALL,
  ]);
  runFor(m);
  assert.deepEqual([...m.data.subarray(8, 12)], [0x44, 0x33, 0x22, 0x11]);
  assert.equal(m.data[1], 0x44);
  assert.equal(m.memory.readWord(DATA + 8), 0x11223344);
});

Deno.test("run: rewritten code runs the new instruction", () => {
  const m = machine([addi(a0, zero, 1), ECALL]);
  runFor(m);
  assert.equal(m.hart.x[a0], 1);

  new DataView(m.code.buffer).setUint32(0, addi(a0, zero, 2), true);
  m.hart.pc = CODE;
  runFor(m);
  assert.equal(m.hart.x[a0], 2);
});

Deno.test("run: store into own code page", () => {
  // The store overwrites the instruction after it, which must run in its new form.
  const m = machine([
    lui(t0, CODE >>> 12),
    lui(t1, 0x00100),
    addi(t1, t1, 0x073), // t1 = ebreak
    sw(t1, t0, 16),
    addi(a0, zero, 5), // overwritten with ebreak
    ECALL,
  ], PERM_READ | PERM_WRITE | PERM_EXECUTE);
  const result = runFor(m);
  assert.equal(result.stop, Stop.EBREAK);
  assert.equal(m.hart.x[a0], 0);
  assert.equal(m.hart.pc, CODE + 16);
});

Deno.test("run: remapped code page", () => {
  const m = machine([addi(a0, zero, 1), ECALL]);
  runFor(m);
  const other = new Uint8Array(4096);
  new DataView(other.buffer).setUint32(0, addi(a0, zero, 3), true);
  new DataView(other.buffer).setUint32(4, ECALL, true);
  m.memory.map(CODE >>> 12, other, PERM_READ | PERM_EXECUTE);
  m.hart.pc = CODE;
  runFor(m);
  assert.equal(m.hart.x[a0], 3);

  m.memory.unmap(CODE >>> 12);
  m.hart.pc = CODE;
  const result = runFor(m);
  assert.equal(result.cause, Cause.INSTRUCTION_PAGE_FAULT);
});

Deno.test("run: x0 cleared even if set", () => {
  const m = machine([add(a0, zero, zero), ECALL]);
  m.hart.x[0] = 99;
  m.hart.x[a0] = 7;
  runFor(m);
  assert.equal(m.hart.x[a0], 0);
  assert.equal(m.hart.x[0], 0);
});
