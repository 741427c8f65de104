// Only a program can be started: e_type must be EXEC (2), or DYN (3) with an entry point,
// which is a position-independent executable. A relocatable object, a core file, or a DYN
// without an entry point (a shared library) is rejected with rule "type".

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

Deno.test("wrong type: relocatable object", () => {
  const error = rejectionOf(buildElf({ type: 1 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "type");
  assert.match(error.message, /REL \(1\)/);
});

Deno.test("wrong type: core file", () => {
  const error = rejectionOf(buildElf({ type: 4 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "type");
  assert.match(error.message, /CORE \(4\)/);
});

Deno.test("wrong type: shared library", () => {
  const error = rejectionOf(buildElf({ type: 3, entry: 0 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "type");
  assert.match(error.message, /DYN \(3\)/);
});

Deno.test("wrong type: DYN with an entry loads", () => {
  const bytes = buildElf({ type: 3 });

  assert.equal(planLoad(readElf(bytes), bytes).entry, 0x10000);
});
