// A thread that exited is not part of a checkpoint: it has no thread record and no
// capability, and restore does not create it again. The threads that are left run on, and
// the output equals that of the uninterrupted run.

import assert from "node:assert/strict";
import {
  type Checkpoint,
  checkpoint,
  type Child,
  decodeImage,
  encodeImage,
  type LogLine,
  restore,
  System,
} from "../../mod.ts";

const CHILDREN = new URL("../../examples/children/", import.meta.url).pathname;

/** Loads the ELF of `name` into `system` and starts it. */
function start(system: System, name: string): Child {
  system.loadModule(`${CHILDREN}${name}.elf`);
  return system.startChild(`${name}.elf`);
}

/** Formats lines for comparison: virtual time, label and text. */
function lines(log: readonly LogLine[]): string[] {
  return log.map((line) => `${line.time} ${line.label}: ${line.text}`);
}

/** Restores `taken` through an encoded image into `system`. */
function restoreImage(system: System, taken: Checkpoint): Child {
  return restore(system, decodeImage(encodeImage(taken.contents)));
}

/** Finds the kernel thread of `child` called `name`. */
function thread(child: Child, name: string) {
  const found = child.threads.find((candidate) => candidate.name === name);
  assert.ok(found !== undefined, `no thread ${name}`);
  return found.core.thread;
}

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
