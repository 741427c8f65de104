import { strict as assert } from "node:assert";
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from "../../src/rv32/muldiv.ts";

const EDGES = [
  0,
  1,
  -1,
  2,
  -2,
  7,
  -7,
  0x7fffffff,
  -0x80000000,
  0x12345678,
  -0x6543210f,
  0xffff,
  0x10000,
];

/** Deterministic operands: the edge values, then xorshift values. */
function operands(): number[] {
  const values = [...EDGES];
  let state = 0x9e3779b9;
  for (let i = 0; i < 300; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values.push(state | 0);
  }
  return values;
}

const signed = (v: number) => BigInt(v | 0);
const unsigned = (v: number) => BigInt(v >>> 0);
const high = (product: bigint) => Number(BigInt.asIntN(32, product >> 32n));

Deno.test("muldiv: high products match BigInt", () => {
  const values = operands();
  for (const a of values) {
    for (const b of values.slice(0, 40)) {
      assert.equal(mulh(a, b), high(signed(a) * signed(b)), `mulh ${a} ${b}`);
      assert.equal(mulhu(a, b), high(unsigned(a) * unsigned(b)), `mulhu ${a} ${b}`);
      assert.equal(mulhsu(a, b), high(signed(a) * unsigned(b)), `mulhsu ${a} ${b}`);
    }
  }
});

Deno.test("muldiv: quotients match BigInt", () => {
  const values = operands();
  for (const a of values) {
    for (const b of values.slice(0, 40)) {
      if (b === 0 || (a === -0x80000000 && b === -1)) continue;
      assert.equal(div(a, b), Number(BigInt.asIntN(32, signed(a) / signed(b))), `div ${a} ${b}`);
      assert.equal(rem(a, b), Number(BigInt.asIntN(32, signed(a) % signed(b))), `rem ${a} ${b}`);
      assert.equal(
        divu(a, b),
        Number(BigInt.asIntN(32, unsigned(a) / unsigned(b))),
        `divu ${a} ${b}`,
      );
      assert.equal(
        remu(a, b),
        Number(BigInt.asIntN(32, unsigned(a) % unsigned(b))),
        `remu ${a} ${b}`,
      );
    }
  }
});

Deno.test("muldiv: division by zero", () => {
  assert.equal(div(5, 0), -1);
  assert.equal(divu(5, 0), -1);
  assert.equal(rem(-5, 0), -5);
  assert.equal(remu(-5, 0), -5);
});

Deno.test("muldiv: signed overflow", () => {
  assert.equal(div(-0x80000000, -1), -0x80000000);
  assert.equal(rem(-0x80000000, -1), 0);
});
