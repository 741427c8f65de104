// A read-only segment is attached straight from the ELF's ROM dataspace, at the segment's
// file offset: nothing is copied, so the child pays no RAM for its text. Executable
// segments are attached executable. The child's RAM use is the page-rounded size of its
// writable segments and nothing more.

import assert from "node:assert/strict";
import { readElf, System } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";
import { exampleBytes, startExample } from "../_support.ts";

Deno.test("text: attached from the module", () => {
  const { child } = startExample("counter");
  const text = readElf(exampleBytes("counter")).segments[0]!;
  const attachment = child.pd.addressSpace.attachments.find((entry) => entry.base === text.vaddr);

  assert.ok(attachment !== undefined);
  assert.equal(attachment.dataspace, child.module);
  assert.equal(attachment.offset, text.offset);
  assert.equal(attachment.writable, false);
  assert.equal(attachment.executable, true);
});

Deno.test("text: same bytes as the file", () => {
  const { child } = startExample("counter");
  const bytes = exampleBytes("counter");
  const text = readElf(bytes).segments[0]!;

  assert.deepEqual(
    child.readMemory(text.vaddr, text.filesz),
    bytes.subarray(text.offset, text.offset + text.filesz),
  );
});

Deno.test("text: RAM used only for writable segments", () => {
  const { child } = startExample("counter");
  const writable = readElf(exampleBytes("counter")).segments
    .filter((segment) => segment.type === 1 && (segment.flags & 2) !== 0);
  const expected = writable.reduce(
    (sum, segment) => sum + Math.ceil(segment.memsz / 4096) * 4096,
    0,
  );

  assert.equal(child.pd.core.ramQuota - child.pd.core.ramAvailable, expected);
  assert.equal(child.pd.dataspaces.length, writable.length);
});

Deno.test("read-only data: attached, not executable", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(0x3000).fill(7), flags: 4 },
    { vaddr: 0x14000, data: new Uint8Array(4), memsz: 0x10, flags: 6 },
  ];
  const system = new System();
  const module = system.addModule("rodata.elf", buildElf({ segments }));
  const child = system.startChild("rodata.elf");
  const rodata = child.pd.addressSpace.attachments.find((entry) => entry.base === 0x11000);

  assert.equal(rodata?.dataspace, module);
  assert.equal(rodata?.executable, false);
  assert.equal(rodata?.writable, false);
  assert.equal(child.pd.core.ramQuota - child.pd.core.ramAvailable, 0x1000);
});
