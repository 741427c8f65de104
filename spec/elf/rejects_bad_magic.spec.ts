// An ELF image starts with the four bytes 7f 45 4c 46 ("\x7fELF"). A file that starts with
// anything else is not an ELF image at all, so it is rejected before any other field is read.
// The error names the bytes that were found.

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

Deno.test("bad magic: last byte wrong", () => {
  const error = rejectionOf(buildElf({ magic: [0x7f, 0x45, 0x4c, 0x00] }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "magic");
  assert.match(error.message, /7f 45 4c 00/);
});

Deno.test("bad magic: a shell script", () => {
  const error = rejectionOf(new TextEncoder().encode("#!/bin/sh\necho hello\n"));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "magic");
  assert.match(error.message, /23 21 2f 62/);
});
