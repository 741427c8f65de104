// RV32 is little-endian, so the image's data encoding (EI_DATA) must be 1, little-endian.
// A big-endian file is rejected with rule "data", and so is a file whose EI_DATA is neither
// encoding.

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

Deno.test("wrong data encoding: big-endian", () => {
  const error = rejectionOf(buildElf({ bigEndian: true }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "data");
  assert.equal(error.value, "big-endian");
  assert.match(error.message, /big-endian/);
});

Deno.test("wrong data encoding: EI_DATA 3", () => {
  const error = rejectionOf(buildElf({ dataByte: 3 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "data");
  assert.match(error.message, /EI_DATA is 3/);
});
