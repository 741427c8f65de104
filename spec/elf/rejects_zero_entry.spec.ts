// The initial thread starts at e_entry, so the entry point must be non-zero and must lie
// inside an executable PT_LOAD segment. Otherwise the image is rejected with rule "entry",
// and the message names the entry point.

import assert from "node:assert/strict";
import { InvalidExecutableError, planLoad, readElf } from "../../mod.ts";
import { buildElf } from "../../tests/elf/fixtures.ts";

/** Reads and plans `bytes`, returning the error raised, or failing when none is. */
function rejectionOf(bytes: Uint8Array): unknown {
  try {
    planLoad(readElf(bytes), bytes);
  } catch (error) {
    return error;
  }
  assert.fail("expected the image to be rejected");
}

Deno.test("zero entry: EXEC", () => {
  const error = rejectionOf(buildElf({ entry: 0 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "entry");
  assert.equal(error.value, "0x0");
  assert.match(error.message, /entry point is 0/);
});

Deno.test("entry in the writable data segment", () => {
  const error = rejectionOf(buildElf({ entry: 0x11000 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "entry");
  assert.match(error.message, /0x11000/);
});

Deno.test("entry past every segment", () => {
  const error = rejectionOf(buildElf({ entry: 0x50000 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "entry");
  assert.match(error.message, /0x50000/);
});
