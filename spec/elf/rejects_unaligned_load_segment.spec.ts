// Segments are mapped page by page, and read-only ones are attached straight from the ELF
// dataspace, so every PT_LOAD must start on a 4 KiB boundary both in memory (p_vaddr) and in
// the file (p_offset). An unaligned segment is rejected with rule "segment-alignment".

import assert from "node:assert/strict";
import { InvalidExecutableError, planLoad, readElf } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";

/** Reads and plans `bytes`, returning the error raised, or failing when none is. */
function rejectionOf(bytes: Uint8Array): unknown {
  try {
    planLoad(readElf(bytes), bytes);
  } catch (error) {
    return error;
  }
  assert.fail("expected the image to be rejected");
}

Deno.test("unaligned PT_LOAD: vaddr", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11018, data: new Uint8Array(4), flags: 6 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-alignment");
  assert.match(error.message, /0x11018/);
});

Deno.test("unaligned PT_LOAD: file offset", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, offset: 0x1100, data: new Uint8Array(4), flags: 6 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-alignment");
  assert.match(error.message, /offset 0x1100/);
});
