// The defining property of checkpoint/restore: the LOG lines a child wrote before the
// checkpoint, followed by the lines the restored child writes, equal the lines of the
// uninterrupted run, and the restored child ends the same way. Checked here for a few
// checkpoint points of counter and heap.

import assert from "node:assert/strict";
import { checkpointAndRestore, type ExampleName, startExample } from "../_support.ts";

/** Returns the lines and status of `name` run uninterrupted. */
function uninterrupted(name: ExampleName) {
  const { system, child } = startExample(name);
  system.run();
  return { lines: child.log.map((line) => `${line.label}: ${line.text}`), status: child.status };
}

const points: Array<[ExampleName, number]> = [
  ["counter", 1],
  ["counter", 5_000],
  ["counter", 47_777],
  ["counter", 93_000],
  ["heap", 20_000],
  ["heap", 150_001],
  ["heap", 400_000],
];

const expected = new Map<ExampleName, ReturnType<typeof uninterrupted>>(
  (["counter", "heap"] as const).map((name) => [name, uninterrupted(name)]),
);

for (const [name, ticks] of points) {
  Deno.test(`output: ${name} checkpointed at ${ticks}`, () => {
    const { system, child } = startExample(name);
    system.run({ until: ticks });
    const before = child.log.map((line) => `${line.label}: ${line.text}`);
    const restored = checkpointAndRestore(system, child);
    restored.system.run();
    const after = restored.child.log.map((line) => `${line.label}: ${line.text}`);

    assert.deepEqual([...before, ...after], expected.get(name)!.lines);
    assert.deepEqual(restored.child.status, expected.get(name)!.status);
  });
}
