// A child created from an invalid ELF capability gets nothing loaded: no attachment, no
// RAM. Its initial thread exists but is not started, and the parent capability is
// installed at index 1 as for any child. Until the parent populates it and starts a
// thread, the child does not run.

import assert from "node:assert/strict";
import { INITIAL_THREAD_NAME, PARENT_CAP_INDEX, System } from "../../mod.ts";

Deno.test("empty child: nothing attached", () => {
  const child = new System().createEmptyChild("empty");

  assert.equal(child.module, undefined);
  assert.equal(child.pd.addressSpace.attachments.length, 0);
});

Deno.test("empty child: no RAM used", () => {
  const child = new System().createEmptyChild("empty", { ramQuota: 1 << 20 });

  assert.equal(child.pd.dataspaces.length, 0);
  assert.equal(child.pd.core.ramAvailable, 1 << 20);
});

Deno.test("empty child: initial thread not started", () => {
  const child = new System().createEmptyChild("empty");
  const [thread] = child.threads;

  assert.equal(child.threads.length, 1);
  assert.equal(thread?.name, INITIAL_THREAD_NAME);
  assert.equal(thread?.startedAt, undefined);
  assert.equal(thread?.core.thread.state, "created");
});

Deno.test("empty child: parent capability at index 1", () => {
  const child = new System().createEmptyChild("empty");

  assert.equal(PARENT_CAP_INDEX, 1);
  assert.deepEqual(child.capabilities(), [{ index: PARENT_CAP_INDEX, kind: "parent" }]);
});

Deno.test("empty child: does not run", () => {
  const system = new System();
  const child = system.createEmptyChild("empty");
  const stop = system.run({ ticks: 10_000 });

  assert.equal(stop, "idle");
  assert.deepEqual(child.status, { kind: "running" });
  assert.equal(child.threads[0]?.core.state().ip, 0);
  assert.equal(child.log.length, 0);
});
