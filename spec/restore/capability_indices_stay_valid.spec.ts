// Restore installs every capability at the index it had at the checkpoint, so indices the
// child keeps in its memory and registers stay valid: each index in use before the
// checkpoint names an object of the same kind after restore, and the child's calls through
// those indices (its LOG session, its PD session, region map and dataspaces) keep working.

import assert from "node:assert/strict";
import { PARENT_CAP_INDEX } from "../../mod.ts";
import {
  checkpointAndRestore,
  runUntilLines,
  startExample,
  uninterruptedLog,
} from "../_support.ts";

for (const [name, lines] of [["counter", 4], ["heap", 3], ["heap", 9]] as const) {
  Deno.test(`capabilities: ${name} after ${lines} lines keep index and kind`, () => {
    const { system, child } = startExample(name);
    runUntilLines(system, child, lines);
    const before = child.capabilities();
    const restored = checkpointAndRestore(system, child).child;

    assert.ok(before.length >= 2);
    assert.deepEqual(restored.capabilities(), before);
  });
}

Deno.test("capabilities: parent still at index 1", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 4);
  const restored = checkpointAndRestore(system, child).child;

  assert.deepEqual(restored.capabilities().find((cap) => cap.index === PARENT_CAP_INDEX), {
    index: PARENT_CAP_INDEX,
    kind: "parent",
  });
});

Deno.test("capabilities: LOG session index keeps working", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 4);
  const log = child.capabilities().find((cap) => cap.kind === "log-session");
  const restored = checkpointAndRestore(system, child);
  restored.system.run();

  assert.ok(log !== undefined);
  assert.deepEqual(restored.child.capabilities().find((cap) => cap.index === log.index), log);
  assert.equal(restored.child.log[0]?.label, child.log[0]?.label);
  assert.deepEqual(
    restored.child.log.map((line) => line.text),
    uninterruptedLog("counter").slice(4),
  );
});

Deno.test("capabilities: stored dataspace index reattaches", () => {
  // heap detaches `scratch` after step 4 and attaches it again in step 10 through the index
  // it kept, then logs its checksum, which must equal the one logged before the detach.
  const { system, child } = startExample("heap");
  runUntilLines(system, child, 8);
  const restored = checkpointAndRestore(system, child);
  restored.system.run();
  const reattached = restored.child.log.find((line) =>
    line.text.startsWith("scratch attached again")
  );

  assert.deepEqual(restored.child.status, { kind: "exited", code: 0 });
  assert.ok(reattached !== undefined);
  assert.ok(uninterruptedLog("heap").includes(reattached.text));
});
