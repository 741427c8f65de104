// A thread that was running or ready in user mode comes back with exactly the registers
// it had at the checkpoint: the same ip, the same sp and the same value in every general
// register. The image records the same values.

import assert from "node:assert/strict";
import type { Child, System } from "../../mod.ts";
import { checkpointAndRestore, startExample } from "../_support.ts";

/** Runs `name` for `ticks`, restores it, and returns the original and restored registers. */
function registersAround(name: "counter" | "heap" | "compute", ticks: number) {
  const { system, child }: { system: System; child: Child } = startExample(name);
  system.run({ ticks });
  const original = child.threads[0]!.core.state();
  const { taken, child: restored } = checkpointAndRestore(system, child);
  const record = taken.manifest.objects[taken.manifest.threads[0]!];
  return { original, restored: restored.threads[0]!.core.state(), record };
}

for (
  const [name, ticks] of [["counter", 30_000], ["heap", 200_000], ["compute", 1_000_003]] as const
) {
  Deno.test(`registers: ${name} after ${ticks} ticks`, () => {
    const { original, restored, record } = registersAround(name, ticks);

    assert.equal(restored.ip, original.ip);
    assert.equal(restored.sp, original.sp);
    assert.notEqual(original.sp, 0);
    for (let i = 0; i < 32; i++) assert.equal(restored.x[i], original.x[i], `x${i}`);
    assert.equal(record?.kind, "thread");
    if (record?.kind === "thread") {
      assert.equal(record.thread.disposition, "resume");
      assert.equal(record.thread.ip, original.ip);
      assert.deepEqual(record.thread.x, original.x);
    }
  });
}

Deno.test("registers: thread runs on from the stored ip", () => {
  const { system, child } = startExample("counter");
  system.run({ ticks: 30_000 });
  const { system: target, child: restored } = checkpointAndRestore(system, child);
  system.run({ ticks: 1 });
  target.run({ ticks: 1 });

  assert.deepEqual(restored.threads[0]!.core.state(), child.threads[0]!.core.state());
});
