// Each writable segment gets fresh RAM of its memsz, page-rounded: the first filesz bytes
// are copied from the file and the rest (the bss) is zero. The copy is the child's own, so
// the child's writes never reach the ELF module.

import assert from "node:assert/strict";
import { readElf, System } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";
import { exampleBytes, runUntilLines, startExample, symbolAddress } from "../_support.ts";

const bytes = exampleBytes("counter");
const data = readElf(bytes).segments.find((segment) =>
  segment.type === 1 && (segment.flags & 2) !== 0
)!;

Deno.test("data: file bytes copied", () => {
  const { child } = startExample("counter");
  // The first word is the parent capability, written by the loader.
  const from = 4;

  assert.deepEqual(
    child.readMemory(data.vaddr + from, data.filesz - from),
    bytes.subarray(data.offset + from, data.offset + data.filesz),
  );
  assert.equal(child.readWord(symbolAddress("counter", "counter")), 100);
});

Deno.test("data: every byte copied, bss zero", () => {
  const contents = Uint8Array.from({ length: 0x1804 }, (_, i) => (i * 7 + 1) & 0xff || 0x5a);
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: contents, memsz: 0x3000, flags: 6 },
  ];
  const system = new System();
  system.addModule("data.elf", buildElf({ segments }));
  const child = system.startChild("data.elf");
  const memory = child.readMemory(0x11000, 0x3000);

  assert.deepEqual(memory.subarray(4, contents.length), contents.subarray(4));
  assert.ok(memory.subarray(contents.length).every((byte) => byte === 0));
});

Deno.test("data: bss zero", () => {
  const { child } = startExample("counter");
  const bss = child.readMemory(data.vaddr + data.filesz, data.memsz - data.filesz);

  assert.equal(bss.length, data.memsz - data.filesz);
  assert.ok(bss.every((byte) => byte === 0));
});

Deno.test("data: page-rounded RAM attached writable", () => {
  const { child } = startExample("counter");
  const attachment = child.pd.addressSpace.attachments.find((entry) => entry.base === data.vaddr);

  assert.equal(attachment?.dataspace.kind, "ram-dataspace");
  assert.equal(attachment?.writable, true);
  assert.equal(attachment?.size, Math.ceil(data.memsz / 4096) * 4096);
});

Deno.test("data: child writes leave the module unchanged", () => {
  const { system, child } = startExample("counter");
  const module = child.module!;
  const before = module.bytes.slice();
  runUntilLines(system, child, 5);

  assert.equal(child.readWord(symbolAddress("counter", "counter")), 105);
  assert.deepEqual(module.bytes, before);
  assert.deepEqual(module.bytes.subarray(0, module.length), bytes);
});
