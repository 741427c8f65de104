// A file that ends before its ELF header, or before the end of its program header table, is
// truncated, and the loader cannot know which segments the image has. Such a file is rejected
// with rule "truncated", naming the file size or the offset where the table should end.

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

Deno.test("truncated: inside the identification", () => {
  const error = rejectionOf(buildElf({ truncateTo: 10 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "truncated");
  assert.match(error.message, /10 bytes/);
});

Deno.test("truncated: inside the ELF header", () => {
  const error = rejectionOf(buildElf({ truncateTo: 40 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "truncated");
  assert.match(error.message, /40 bytes/);
});

Deno.test("truncated: inside the program header table", () => {
  // The two program headers of the default image span bytes 0x34 up to 0x74.
  const error = rejectionOf(buildElf({ truncateTo: 0x60 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "truncated");
  assert.match(error.message, /0x74/);
});

Deno.test("truncated: more program headers claimed than present", () => {
  // 300 entries of 32 bytes from offset 0x34 end at 0x25b4, past the 0x2004-byte file.
  const error = rejectionOf(buildElf({ phnum: 300 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "truncated");
  assert.match(error.message, /300 entries at 0x34\) ends at 0x25b4/);
});
