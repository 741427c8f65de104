// The loader writes the index of the parent capability into the word at offset 0 of the
// first writable segment, where the runtime keeps `__parent_cap`. It writes no other word:
// every other word of every writable segment equals the file, and later writable segments
// get no parent capability.

import assert from "node:assert/strict";
import { PARENT_CAP_INDEX, readElf, System } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";
import { exampleBytes, startExample, symbolAddress } from "../_support.ts";

Deno.test("parent cap: first word of the data segment", () => {
  const { child } = startExample("counter");
  const bytes = exampleBytes("counter");
  const data = readElf(bytes).segments.find((segment) => (segment.flags & 2) !== 0)!;

  assert.equal(symbolAddress("counter", "__parent_cap"), data.vaddr);
  assert.equal(child.readWord(data.vaddr), PARENT_CAP_INDEX);
  assert.deepEqual(child.capabilities().find((cap) => cap.index === PARENT_CAP_INDEX), {
    index: PARENT_CAP_INDEX,
    kind: "parent",
  });
});

Deno.test("parent cap: no other word written", () => {
  const { child } = startExample("counter");
  const bytes = exampleBytes("counter");
  const data = readElf(bytes).segments.find((segment) => (segment.flags & 2) !== 0)!;
  const file = new Uint8Array(data.memsz);
  file.set(bytes.subarray(data.offset, data.offset + data.filesz));
  const memory = child.readMemory(data.vaddr, data.memsz);

  const differing: number[] = [];
  for (let offset = 0; offset < data.memsz; offset += 4) {
    const a = memory.subarray(offset, offset + 4).join();
    const b = file.subarray(offset, offset + 4).join();
    if (a !== b) differing.push(offset);
  }
  assert.deepEqual(differing, [0]);
});

Deno.test("parent cap: only the first writable segment", () => {
  const first = new Uint8Array(8).fill(0xaa);
  const second = new Uint8Array(8).fill(0xbb);
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: first, flags: 6 },
    { vaddr: 0x12000, data: second, flags: 6 },
  ];
  const system = new System();
  system.addModule("two.elf", buildElf({ segments }));
  const child = system.startChild("two.elf");

  assert.equal(child.readWord(0x11000), PARENT_CAP_INDEX);
  assert.deepEqual(child.readMemory(0x11004, 4), first.subarray(4));
  assert.deepEqual(child.readMemory(0x12000, 8), second);
});
