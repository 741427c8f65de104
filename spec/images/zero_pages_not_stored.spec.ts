// An image leaves out every all-zero page of a dataspace: only pages with a non-zero byte
// take room in the file. A child with a large, untouched bss therefore gives an image far
// smaller than its RAM, and the pages left out come back as zeros on restore.

import assert from "node:assert/strict";
import { checkpoint, decodeImage, encodeImage, restore, System } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";
import { startExample } from "../_support.ts";

const BSS = 4 * 1024 * 1024;

const segments = [
  { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
  { vaddr: 0x11000, data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), memsz: BSS, flags: 6 },
];
const elf = buildElf({ segments });

/** Starts a child whose only writable segment is 8 bytes of data and 4 MiB of bss. */
function bigBssChild() {
  const system = new System();
  system.addModule("bss.elf", elf);
  const child = system.startChild("bss.elf");
  system.run({ ticks: 100 });
  return { system, child };
}

Deno.test("zero pages: image much smaller than RAM", () => {
  const { system, child } = bigBssChild();
  const image = encodeImage(checkpoint(system, child).contents);
  const ram = child.pd.core.ramQuota - child.pd.core.ramAvailable;

  assert.equal(ram, BSS);
  assert.ok(image.length < 3 * 4096, `image of ${image.length} bytes for ${ram} bytes of RAM`);
});

Deno.test("zero pages: restored as zeros", () => {
  const { system, child } = bigBssChild();
  const image = encodeImage(checkpoint(system, child).contents);
  const target = new System();
  target.addModule("bss.elf", elf);
  const restored = restore(target, decodeImage(image));
  const memory = restored.readMemory(0x11000, BSS);

  // The first word is the parent capability index, 1.
  assert.deepEqual(Array.from(memory.subarray(0, 8)), [1, 0, 0, 0, 5, 6, 7, 8]);
  assert.ok(memory.subarray(8).every((byte) => byte === 0));
});

Deno.test("zero pages: written pages are stored", () => {
  // compute's 64 KiB bitmap in its bss is all zero at the start and filled by the sieve.
  const early = startExample("compute");
  early.system.run({ ticks: 100 });
  const before = encodeImage(checkpoint(early.system, early.child).contents).length;

  const late = startExample("compute");
  late.system.run({ ticks: 30_000_000 });
  const after = encodeImage(checkpoint(late.system, late.child).contents).length;

  assert.ok(after - before >= 64 * 1024, `image grew from ${before} to ${after} bytes`);
});
