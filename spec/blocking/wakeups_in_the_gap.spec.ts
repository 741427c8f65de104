// A signal or a reply that arrives after a child's threads were paused and before the
// checkpoint is taken is kept in the checkpoint and delivered after restore exactly once:
// nothing is lost and nothing is delivered twice. The threads are paused through the CPU
// session's thread interface; the original, resumed at the same point, is the run the
// restored child has to match.

import assert from "node:assert/strict";
import { type Checkpoint, checkpoint, type Child, System } from "../../mod.ts";
import { lines, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

/** Output of `original` up to the checkpoint followed by that of `restored`. */
function combined(original: Child, taken: Checkpoint, restored: Child): string[] {
  return lines([...original.log.slice(0, taken.manifest.logLines), ...restored.log]);
}

Deno.test("gap: timeout while blocked", () => {
  const system = new System();
  const child = start(system, "ticker");
  const main = () => thread(child, "main");
  system.run({ stop: () => main().blocking?.kind === "signal" && child.log.length === 2 });
  child.threads[0]!.core.pause();
  system.run({ until: system.kernel.nextDeadline! + 10 });
  assert.equal(main().state, "ready");
  assert.equal(main().paused, true);

  const taken = checkpoint(system, child);
  const record = threadRecord(taken, "main");
  assert.equal(record.disposition, "resume");
  assert.equal(record.paused, true);
  child.threads[0]!.core.resume();
  system.run();

  const copy = new System();
  const restored = restoreImage(copy, taken);
  restored.threads[0]!.core.resume();
  copy.run();
  assert.deepEqual(combined(child, taken, restored), lines(child.log));
  assert.equal(restored.log.filter((line) => line.text.startsWith("once 3:")).length, 1);
  assert.match(restored.log[0]!.text, /^once 3: status=0 badge=7 count=1 /);
});

Deno.test("gap: timeout while running", () => {
  // The thread is paused in user mode with a timeout armed; the signal stays pending at the
  // receiver until the thread waits for it.
  const system = new System();
  const child = start(system, "ticker");
  system.run({ stop: () => child.log.length === 1 });
  system.run({ stop: () => system.kernel.nextDeadline !== undefined });
  child.threads[0]!.core.pause();
  system.run({ until: system.kernel.nextDeadline! + 10 });

  const taken = checkpoint(system, child);
  const receiver = taken.manifest.objects.find((object) => object.kind === "signal-receiver");
  assert.ok(receiver?.kind === "signal-receiver");
  assert.equal(receiver.pending.length, 1);
  child.threads[0]!.core.resume();
  system.run();

  const copy = new System();
  const restored = restoreImage(copy, taken);
  restored.threads[0]!.core.resume();
  copy.run();
  assert.deepEqual(combined(child, taken, restored), lines(child.log));
  assert.match(restored.log[0]!.text, /^once 2: status=0 badge=7 count=1 /);
});

Deno.test("gap: reply from another component", () => {
  const system = new System();
  const server = start(system, "echo_server");
  system.run({ stop: () => thread(server, "main").state === "blocked" });
  const client = start(system, "echo_client");
  const main = () => thread(client, "main");
  system.run({ stop: () => main().blocking?.kind === "call-reply" && client.log.length === 2 });
  const ecall = main().hart.pc;
  client.threads[0]!.core.pause();
  system.run({ stop: () => main().state === "ready" });

  const taken = checkpoint(system, client);
  assert.equal(taken.postponed, undefined);
  const record = threadRecord(taken, "main");
  assert.equal(record.disposition, "resume");
  assert.equal(record.ip, ecall + 4);
  client.threads[0]!.core.resume();
  system.run({ stop: () => client.ended });

  // The client comes back next to a new server, which never saw the third request.
  const copy = new System();
  const fresh = start(copy, "echo_server");
  copy.run({ stop: () => thread(fresh, "main").state === "blocked" });
  const restored = restoreImage(copy, taken);
  restored.threads[0]!.core.resume();
  copy.run({ stop: () => restored.ended });
  assert.equal(restored.log[0]!.text, client.log[2]!.text);
  assert.match(restored.log[0]!.text, /^echo 3: result=0 .* served=3 text=PING 3$/);
  assert.equal(restored.log.filter((line) => line.text.startsWith("echo 3:")).length, 1);
  assert.match(restored.log[1]!.text, /^echo 4: result=0 .* served=1 text=PING 4$/);
  assert.equal(restored.log.length, client.log.length - 2);
});
