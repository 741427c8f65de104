// Each PT_LOAD gets its own range of the child's address space, so no two of them may
// share an address. Segments that overlap in memory are rejected with rule
// "segment-overlap", naming the shared range. Segments that merely touch are fine.

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

Deno.test("overlapping segments: same start", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x10000, data: new Uint8Array(4), flags: 6 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-overlap");
  assert.match(error.message, /0x10000/);
});

Deno.test("overlapping segments: bss reaches the next segment", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(4), memsz: 0x2000, flags: 6 },
    { vaddr: 0x12000, data: new Uint8Array(4), flags: 4 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-overlap");
  assert.equal(error.value, "0x12000-0x13000");
  assert.match(error.message, /0x12000-0x13000/);
});

Deno.test("overlapping segments: touching is allowed", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, memsz: 0x1000, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(4), flags: 6 },
  ];
  const bytes = buildElf({ segments });

  assert.equal(planLoad(readElf(bytes), bytes).segments.length, 2);
});
