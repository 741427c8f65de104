// A valid image loads without copying its read-only segments: each is attached straight
// from the ELF dataspace, executable when PF_X is set. Each writable segment is copied into
// fresh RAM of p_memsz bytes, with the bss past p_filesz zeroed. Program headers other than
// PT_LOAD are not loaded.

import assert from "node:assert/strict";
import { planLoad, readElf } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";

Deno.test("plan: text attached, data copied", () => {
  const bytes = buildElf();
  const plan = planLoad(readElf(bytes), bytes);

  assert.equal(plan.entry, 0x10000);
  assert.deepEqual(plan.segments, [
    {
      index: 0,
      action: "attach",
      vaddr: 0x10000,
      memsz: 8,
      filesz: 8,
      offset: 0x1000,
      writable: false,
      executable: true,
    },
    {
      index: 1,
      action: "copy",
      vaddr: 0x11000,
      memsz: 0x40,
      filesz: 4,
      offset: 0x2000,
      writable: true,
      executable: false,
    },
  ]);
});

Deno.test("plan: read-only data attached", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(8), flags: 4 },
  ];
  const bytes = buildElf({ segments });
  const [, rodata] = planLoad(readElf(bytes), bytes).segments;

  assert.equal(rodata?.action, "attach");
  assert.equal(rodata?.executable, false);
});

Deno.test("plan: other program headers skipped", () => {
  const segments = [
    { type: 4, vaddr: 0, data: new Uint8Array(8), align: 4 },
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
  ];
  const bytes = buildElf({ segments });
  const plan = planLoad(readElf(bytes), bytes);

  assert.deepEqual(plan.segments.map((segment) => segment.index), [1]);
});
