import { strict as assert } from "node:assert";
import { InvalidArgumentError } from "../../src/errors.ts";
import { Memory, PAGE_SIZE, PERM_EXECUTE, PERM_READ, PERM_WRITE } from "../../src/rv32/memory.ts";

const RW = PERM_READ | PERM_WRITE;

Deno.test("memory: map and query a page", () => {
  const memory = new Memory();
  const frame = new Uint8Array(PAGE_SIZE);
  memory.map(0x10, frame, PERM_READ | PERM_EXECUTE);
  assert.equal(memory.permissions(0x10), PERM_READ | PERM_EXECUTE);
  assert.equal(memory.frame(0x10), frame);
  assert.equal(memory.permissions(0x11), 0);
  assert.equal(memory.frame(0x11), undefined);
});

Deno.test("memory: unmap removes the page", () => {
  const memory = new Memory();
  memory.map(0x10, new Uint8Array(PAGE_SIZE), RW);
  memory.unmap(0x10);
  assert.equal(memory.permissions(0x10), 0);
  assert.equal(memory.frame(0x10), undefined);
  assert.equal(memory.readWord(0x10000), undefined);
  memory.unmap(0x10);
  assert.equal(memory.permissions(0x10), 0);
});

Deno.test("memory: writes reach the frame", () => {
  const memory = new Memory();
  const frame = new Uint8Array(PAGE_SIZE);
  memory.map(0x10, frame, RW);
  assert.equal(memory.writeWord(0x10004, 0x11223344), true);
  assert.deepEqual([...frame.subarray(4, 8)], [0x44, 0x33, 0x22, 0x11]);
  assert.equal(memory.write(0x10ffe, Uint8Array.of(1, 2)), true);
  assert.equal(frame[0xffe], 1);
  assert.equal(frame[0xfff], 2);
});

Deno.test("memory: frame is a view into a larger buffer", () => {
  const dataspace = new Uint8Array(3 * PAGE_SIZE);
  const memory = new Memory();
  memory.map(0x10, dataspace.subarray(PAGE_SIZE, 2 * PAGE_SIZE), RW);
  memory.writeWord(0x10000, -1);
  assert.equal(dataspace[PAGE_SIZE], 0xff);
  assert.equal(dataspace[0], 0);
});

Deno.test("memory: readWord is unsigned and aligned", () => {
  const memory = new Memory();
  memory.map(0x10, new Uint8Array(PAGE_SIZE), RW);
  memory.writeWord(0x10000, 0xfedcba98);
  assert.equal(memory.readWord(0x10000), 0xfedcba98);
  assert.equal(memory.readWord(0x10002), undefined);
  assert.equal(memory.writeWord(0x10001, 1), false);
});

Deno.test("memory: read and write across pages", () => {
  const memory = new Memory();
  memory.map(0x10, new Uint8Array(PAGE_SIZE), RW);
  memory.map(0x11, new Uint8Array(PAGE_SIZE), RW);
  const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
  assert.equal(memory.write(0x10fd0, bytes), true);
  const back = new Uint8Array(100);
  assert.equal(memory.read(0x10fd0, back), true);
  assert.deepEqual(back, bytes);
});

Deno.test("memory: partial unmapped range copies nothing", () => {
  const memory = new Memory();
  const frame = new Uint8Array(PAGE_SIZE);
  memory.map(0x10, frame, RW);
  assert.equal(memory.write(0x10ff0, new Uint8Array(32).fill(7)), false);
  assert.equal(frame[0xff0], 0);
  const into = new Uint8Array(32).fill(9);
  assert.equal(memory.read(0x10ff0, into), false);
  assert.equal(into[0], 9);
});

Deno.test("memory: permissions are enforced", () => {
  const memory = new Memory();
  const frame = new Uint8Array(PAGE_SIZE).fill(1);
  memory.map(0x10, frame, PERM_READ);
  memory.map(0x11, new Uint8Array(PAGE_SIZE), PERM_WRITE);
  memory.map(0x12, new Uint8Array(PAGE_SIZE), PERM_EXECUTE);
  assert.equal(memory.write(0x10000, Uint8Array.of(5)), false);
  assert.equal(memory.writeWord(0x10000, 5), false);
  assert.equal(frame[0], 1);
  assert.equal(memory.read(0x11000, new Uint8Array(1)), false);
  assert.equal(memory.readWord(0x11000), undefined);
  assert.equal(memory.readWord(0x12000), undefined);
  assert.equal(memory.write(0x11000, Uint8Array.of(5)), true);
});

Deno.test("memory: addresses outside 32 bits", () => {
  const memory = new Memory();
  memory.map(0xfffff, new Uint8Array(PAGE_SIZE), RW);
  assert.equal(memory.write(0xfffffffe, new Uint8Array(4)), false);
  assert.equal(memory.write(0xfffffffc, new Uint8Array(4)), true);
  assert.equal(memory.readWord(-4), undefined);
  assert.equal(memory.readWord(2 ** 32), undefined);
  assert.equal(memory.read(0, new Uint8Array(0)), true);
});

Deno.test("memory: map rejects bad arguments", () => {
  const memory = new Memory();
  assert.throws(() => memory.map(1 << 20, new Uint8Array(PAGE_SIZE), RW), InvalidArgumentError);
  assert.throws(() => memory.map(-1, new Uint8Array(PAGE_SIZE), RW), InvalidArgumentError);
  assert.throws(() => memory.map(1, new Uint8Array(100), RW), InvalidArgumentError);
  assert.throws(() => memory.map(1, new Uint8Array(PAGE_SIZE), 8), InvalidArgumentError);
  const misaligned = new Uint8Array(PAGE_SIZE + 2).subarray(2);
  assert.throws(() => memory.map(1, misaligned, RW), InvalidArgumentError);
});

Deno.test("memory: remapping replaces the frame", () => {
  const memory = new Memory();
  memory.map(0x10, new Uint8Array(PAGE_SIZE), RW);
  const second = new Uint8Array(PAGE_SIZE);
  memory.map(0x10, second, PERM_READ);
  assert.equal(memory.frame(0x10), second);
  assert.equal(memory.permissions(0x10), PERM_READ);
  memory.map(0x20, new Uint8Array(PAGE_SIZE), RW);
  assert.equal(memory.permissions(0x20), RW);
  assert.equal(memory.frame(0x10), second);
});
