// A thread that exited is not part of a checkpoint: it has no thread record and no
// capability, and restore does not create it again. The threads that are left run on, and
// the output equals that of the uninterrupted run.

import assert from "node:assert/strict";
import { checkpoint, System } from "../../mod.ts";
import { lines, restoreImage, start, thread } from "./_blocking.ts";

Deno.test("exited thread: not recorded", () => {
  const reference = new System();
  const referenceChild = start(reference, "rpc_server");
  reference.run();

  const system = new System();
  const child = start(system, "rpc_server");
  system.run({ stop: () => child.threads.some((other) => other.core.thread.state === "exited") });
  assert.equal(thread(child, "client-a").state, "exited");
  assert.equal(thread(child, "client-b").state === "exited", false);

  const taken = checkpoint(system, child);
  const names = taken.manifest.objects.flatMap((object) =>
    object.kind === "thread" ? [object.thread.name] : []
  );
  assert.deepEqual(names, ["main", "client-b"]);
  assert.equal(taken.manifest.threads.length, 2);
  const threadCaps = taken.manifest.capabilities.filter((cap) =>
    taken.manifest.objects[cap.object]?.kind === "thread"
  );
  assert.equal(threadCaps.length, 1);

  const copy = new System();
  const restored = restoreImage(copy, taken);
  assert.deepEqual(restored.threads.map((other) => other.name), ["main", "client-b"]);
  assert.equal(restored.capabilities().filter((cap) => cap.kind === "thread").length, 1);
  copy.run();
  assert.deepEqual(
    lines([...child.log.slice(0, taken.manifest.logLines), ...restored.log]),
    lines(referenceChild.log),
  );
});

Deno.test("exited thread: live one recorded", () => {
  const system = new System();
  const child = start(system, "rpc_server");
  system.run({ stop: () => child.threads.length === 3 && child.log.length >= 2 });

  const taken = checkpoint(system, child);
  const names = taken.manifest.objects.flatMap((object) =>
    object.kind === "thread" ? [object.thread.name] : []
  );
  assert.deepEqual(names, ["main", "client-a", "client-b"]);
});
