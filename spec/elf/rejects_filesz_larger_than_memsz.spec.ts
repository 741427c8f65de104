// A PT_LOAD occupies p_memsz bytes in memory, of which the first p_filesz come from the file
// and the rest are zero. A segment with p_filesz > p_memsz takes more from the file than it
// has room for, and is rejected with rule "segment-size".

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

Deno.test("filesz > memsz: writable segment", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(0x20), memsz: 0x10, flags: 6 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-size");
  assert.equal(error.value, "filesz 0x20 > memsz 0x10");
  assert.match(error.message, /filesz 0x20 > memsz 0x10/);
});

Deno.test("filesz > memsz: empty in memory", () => {
  const segments = [{ vaddr: 0x10000, data: DEFAULT_CODE, memsz: 0, flags: 5 }];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "segment-size");
  assert.match(error.message, /memsz 0x0/);
});
