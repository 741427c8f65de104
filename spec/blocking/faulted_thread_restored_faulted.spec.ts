// A thread stopped on an unresolved fault is recorded with its registers and the fault
// (cause and faulting address) and comes back in the same faulted state: it does not run,
// its registers and fault are those of the original, and the other threads run on. In
// faulter, the thread "faulty" loads from 0x24 (a field behind a null pointer) while the
// initial thread keeps logging.

import assert from "node:assert/strict";
import { Cause, checkpoint, System } from "../../mod.ts";
import { lines, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

Deno.test("faulted thread: recorded with fault", () => {
  const system = new System();
  const child = start(system, "faulter");
  system.run({ stop: () => child.threads.some((other) => other.core.thread.state === "faulted") });
  const faulty = thread(child, "faulty");
  assert.equal(child.status.kind, "running");

  const taken = checkpoint(system, child);
  const record = threadRecord(taken, "faulty");
  assert.equal(record.disposition, "faulted");
  assert.deepEqual(record.fault, { cause: Cause.LOAD_PAGE_FAULT, tval: 0x24 });
  assert.equal(record.ip, faulty.hart.pc);
  assert.deepEqual(record.x, Array.from(faulty.hart.x, (value) => value >>> 0));
});

Deno.test("faulted thread: restored faulted", () => {
  const reference = new System();
  const referenceChild = start(reference, "faulter");
  reference.run();

  const system = new System();
  const child = start(system, "faulter");
  system.run({ stop: () => child.threads.some((other) => other.core.thread.state === "faulted") });
  system.run({ ticks: 5000 });
  const original = thread(child, "faulty");
  const taken = checkpoint(system, child);

  const copy = new System();
  const restored = restoreImage(copy, taken);
  const faulty = thread(restored, "faulty");
  assert.equal(faulty.state, "faulted");
  assert.deepEqual(faulty.fault, { cause: Cause.LOAD_PAGE_FAULT, tval: 0x24 });
  assert.equal(faulty.hart.pc, original.hart.pc);
  assert.deepEqual(Array.from(faulty.hart.x), Array.from(original.hart.x));
  assert.equal(restored.status.kind, "running");

  copy.run({ stop: () => restored.log.length === 3 });
  assert.equal(faulty.state, "faulted");
  copy.run();
  assert.deepEqual(restored.status, { kind: "exited", code: 0 });
  assert.deepEqual(
    lines([...child.log.slice(0, taken.manifest.logLines), ...restored.log]),
    lines(referenceChild.log),
  );
});
