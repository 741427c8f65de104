// A restored child is created from an invalid ELF capability, so nothing is loaded from
// the ELF and its startup code never runs again: the word `__crt0_entries`, which the
// startup code increments, stays at the value it had in the original run. The first LOG
// line after restore is the next step of the program, not a line of its start.

import assert from "node:assert/strict";
import {
  checkpointAndRestore,
  runUntilLines,
  startExample,
  symbolAddress,
  uninterruptedLog,
} from "../_support.ts";

const entries = symbolAddress("counter", "__crt0_entries");
const full = uninterruptedLog("counter");

Deno.test("restore: no ELF module", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 3);
  const restored = checkpointAndRestore(system, child).child;

  assert.equal(restored.module, undefined);
});

Deno.test("restore: startup code not run again", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 3);
  const restored = checkpointAndRestore(system, child);

  assert.equal(restored.child.readWord(entries), 1);
  restored.system.run();
  assert.equal(restored.child.readWord(entries), 1);
  assert.deepEqual(restored.child.status, { kind: "exited", code: 0 });
});

Deno.test("restore: first line is the next step", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 3);
  const restored = checkpointAndRestore(system, child);
  restored.system.run();

  assert.equal(restored.child.log[0]?.text, full[3]);
  assert.match(restored.child.log[0]?.text ?? "", /^step 4:/);
});

Deno.test("restore: checkpoint before startup ran", () => {
  const { system, child } = startExample("counter");
  system.run({ ticks: 2 });
  assert.equal(child.readWord(entries), 0);
  const restored = checkpointAndRestore(system, child);
  restored.system.run();

  // Startup had not run yet, so it runs once, from where the original stopped.
  assert.equal(restored.child.readWord(entries), 1);
  assert.deepEqual(restored.child.log.map((line) => line.text), full);
});
