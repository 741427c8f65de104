// User addresses run from 0x10000 up to, not including, 0xc0000000: the first 64 KiB stay
// unmapped so that a null pointer faults. Every
// PT_LOAD must lie inside this range, or the image is rejected with rule "address-range".
// The end of a segment is computed without 32-bit wrap-around.

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

Deno.test("address range: below 0x10000", () => {
  const segments = [{ vaddr: 0xf000, data: DEFAULT_CODE, memsz: 0x1008, flags: 5 }];
  const error = rejectionOf(buildElf({ segments, entry: 0xf000 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "address-range");
  assert.match(error.message, /0xf000/);
});

Deno.test("address range: reaches into the kernel", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0xbfff0000, memsz: 0x10001, flags: 6 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "address-range");
  assert.equal(error.value, "0xbfff0000-0xc0000001");
  assert.match(error.message, /0xc0000001/);
});

Deno.test("address range: wraps around 2^32", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0xfffff000, memsz: 0x11000, flags: 6 },
  ];
  const error = rejectionOf(buildElf({ segments }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "address-range");
  assert.match(error.message, /0x100010000/);
});
