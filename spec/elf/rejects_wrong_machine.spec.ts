// Children are RISC-V programs, so e_machine must be 243 (EM_RISCV). A 32-bit
// little-endian file for any other machine is rejected with rule "machine", and the message
// names the machine the file was built for.

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

Deno.test("wrong machine: 32-bit ARM", () => {
  const error = rejectionOf(buildElf({ machine: 40 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "machine");
  assert.match(error.message, /ARM \(40\)/);
});

Deno.test("wrong machine: 32-bit x86", () => {
  const error = rejectionOf(buildElf({ machine: 3 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "machine");
  assert.match(error.message, /x86 \(3\)/);
});

Deno.test("wrong machine: unknown number", () => {
  const error = rejectionOf(buildElf({ machine: 4242 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "machine");
  assert.match(error.message, /machine 4242/);
});
