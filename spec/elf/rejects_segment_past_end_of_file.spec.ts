// Every segment's bytes, p_filesz of them from p_offset, must lie inside the file. A segment
// that reaches past the end would be filled from bytes that do not exist, so the image is
// rejected with rule "segment-bounds", naming where the segment ends.

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

Deno.test("segment past end: filesz too large", () => {
  const segments = [{ vaddr: 0x10000, data: DEFAULT_CODE, filesz: 0x2000, flags: 5 }];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-bounds");
  assert.equal(error.value, "0x3000");
  assert.match(error.message, /ending at 0x3000/);
});

Deno.test("segment past end: file cut short", () => {
  const bytes = buildElf();
  const error = rejectionOf(bytes.slice(0, bytes.length - 1));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-bounds");
  assert.match(error.message, /0x2004/);
});

Deno.test("segment past end: any segment type", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { type: 4, vaddr: 0, offset: 0x9000, filesz: 0x20, align: 4 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-bounds");
  assert.match(error.message, /PT_NOTE/);
});
