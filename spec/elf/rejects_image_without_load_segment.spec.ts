// An image without a PT_LOAD segment has no code to run, so it is rejected with rule
// "no-load-segment", naming how many program headers it has.

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

Deno.test("no PT_LOAD: no program headers", () => {
  const error = rejectionOf(buildElf({ segments: [] }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "no-load-segment");
  assert.match(error.message, /0 program headers/);
});

Deno.test("no PT_LOAD: only a note", () => {
  const segments = [{ type: 4, vaddr: 0, data: DEFAULT_CODE, align: 4 }];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "no-load-segment");
  assert.match(error.message, /1 program headers/);
});
