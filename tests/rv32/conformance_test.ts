import { strict as assert } from "node:assert";
import { readProgram, SELF_CHECKING } from "./_programs.ts";
import { runLinuxProgram } from "./_linux_runner.ts";

const decoder = new TextDecoder();

for (const [name, checks] of Object.entries(SELF_CHECKING)) {
  Deno.test(`conformance: ${name}`, () => {
    const outcome = runLinuxProgram(readProgram(name));
    assert.equal(outcome.trap, undefined);
    assert.equal(decoder.decode(outcome.stdout), `${name}: ${checks} checks passed\n`);
    assert.equal(outcome.exitCode, 0);
  });
}
