import { strict as assert } from "node:assert";
import { decodeInto, ILLEGAL_FIELDS, Op, packFields } from "../../src/rv32/decode.ts";
import { addi, beq, jal, jalr, lui, lw, Reg, sw } from "./_encode.ts";

const { zero, t0, t1, a0, a1 } = Reg;

function decode(raw: number): { raw: number; fields: number; imm: number } {
  const decoded = new Int32Array(4);
  decodeInto(raw | 0, decoded, 0);
  return { raw: decoded[0]!, fields: decoded[1]!, imm: decoded[2]! };
}

Deno.test("decode: immediates of every format", () => {
  const cases: [number, number, number][] = [
    [addi(a0, t0, -2048), packFields(Op.ADDI, a0, t0, 0), -2048],
    [lw(a1, t1, 2047), packFields(Op.LW, a1, t1, 31), 2047],
    [sw(a1, t1, -4), packFields(Op.SW, 0, t1, a1), -4],
    [beq(t0, t1, -4096), packFields(Op.BEQ, 0, t0, t1), -4096],
    [beq(t0, t1, 4094), packFields(Op.BEQ, 0, t0, t1), 4094],
    [jal(a0, -1048576), packFields(Op.JAL, a0, 0, 0), -1048576],
    [jal(a0, 1048574), packFields(Op.JAL, a0, 31, 31), 1048574],
    [jalr(zero, a0, -1), packFields(Op.JALR, 0, a0, 31), -1],
    [lui(a0, 0x80000), packFields(Op.LUI, a0, 0, 0), -0x80000000],
  ];
  for (const [raw, fields, imm] of cases) {
    const decoded = decode(raw);
    assert.equal(decoded.raw, raw | 0, `raw of ${raw.toString(16)}`);
    assert.equal(decoded.fields & 0xff, fields & 0xff, `op of ${raw.toString(16)}`);
    assert.equal(decoded.imm, imm, `imm of ${raw.toString(16)}`);
  }
});

Deno.test("decode: register fields", () => {
  const decoded = decode(0x00c58533); // add a0, a1, a2
  assert.equal(decoded.fields, packFields(Op.ADD, 10, 11, 12));
});

Deno.test("decode: stores and branches have no rd", () => {
  assert.equal((decode(sw(a1, t1, 0x1f)).fields >>> 8) & 31, 0);
  assert.equal((decode(beq(t0, t1, 0x10)).fields >>> 8) & 31, 0);
});

Deno.test("decode: word 0 is illegal", () => {
  const decoded = decode(0);
  assert.equal(decoded.fields, ILLEGAL_FIELDS);
  assert.equal(decoded.imm, 0);
});

Deno.test("decode: M extension operations", () => {
  const names = ["MUL", "MULH", "MULHSU", "MULHU", "DIV", "DIVU", "REM", "REMU"] as const;
  names.forEach((name, funct3) => {
    const raw = (1 << 25) | (12 << 20) | (11 << 15) | (funct3 << 12) | (10 << 7) | 0x33;
    assert.equal(decode(raw).fields, packFields(Op[name], 10, 11, 12), name);
  });
});
