// Children run on a 32-bit RISC-V processor (RV32), so only 32-bit ELF files (EI_CLASS 1)
// can be loaded. A 64-bit file is rejected with rule "class", and the message names the
// file's actual class and machine, so that a
// user who passed a host binary learns the reason.

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

Deno.test("wrong class: 64-bit RISC-V", () => {
  const error = rejectionOf(buildElf({ bits: 64 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "class");
  assert.equal(error.value, "64-bit");
  assert.match(error.message, /64-bit RISC-V \(243\)/);
});

Deno.test("wrong class: host binary /bin/ls", async () => {
  const error = rejectionOf(await Deno.readFile("/bin/ls"));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "class");
  assert.match(error.message, /64-bit x86-64 \(62\)/);
});

Deno.test("wrong class: invalid EI_CLASS", () => {
  const error = rejectionOf(buildElf({ classByte: 0 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "class");
  assert.equal(error.value, "0");
});
