// A `call` whose request the server received and whose reply is still pending cannot be
// recorded: the reply link lives only in the kernel. The checkpoint is postponed, with the
// child running on, until the reply is delivered; the result's `postponed` names the thread
// it waited for and the ticks it waited. The recorded thread then resumes after its call with
// the reply in its registers and message. This holds for a server thread inside the child
// (rpc_server) and for a server in another component (echo_client calling echo_server).

import assert from "node:assert/strict";
import { checkpoint, type Child, type LogLine, Status, System } from "../../mod.ts";
import { lines, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

/** Starts echo_server, runs it until it waits, then starts echo_client. */
function echoPair(system: System): { server: Child; client: Child } {
  const server = start(system, "echo_server");
  system.run({ stop: () => thread(server, "main").state === "blocked" });
  return { server, client: start(system, "echo_client") };
}

/**
 * The text of `log` without the server's request counter: a new server counts from 1 and
 * takes its requests at another point of its code, so counters and times differ.
 */
function clientTexts(log: readonly LogLine[]): string[] {
  return log.map((line) => line.text.replace(/ served=\d+/, ""));
}

Deno.test("pending reply: server thread in the child", () => {
  const reference = new System();
  const referenceChild = start(reference, "rpc_server");
  reference.run();

  const system = new System();
  const child = start(system, "rpc_server");
  const pending = () => child.threads.find((other) => other.name === "client-a")?.core.thread;
  system.run({ stop: () => pending()?.blocking?.kind === "call-reply" });
  const ecall = thread(child, "client-a").hart.pc;
  const before = system.clock;

  const taken = checkpoint(system, child);
  assert.ok(taken.postponed !== undefined);
  assert.ok(taken.postponed.ticks > 0);
  assert.equal(taken.postponed.ticks, system.clock - before);
  assert.ok(["client-a", "client-b"].includes(taken.postponed.thread));
  const record = threadRecord(taken, "client-a");
  assert.equal(record.disposition, "resume");
  assert.equal(record.ip, ecall + 4);
  assert.equal(record.x[10], Status.OK);
  for (const object of taken.manifest.objects) {
    if (object.kind === "thread") {
      assert.notEqual(object.thread.kernelState, "blocked in call, reply pending");
    }
  }

  const copy = new System();
  const restored = restoreImage(copy, taken);
  copy.run();
  const output = [...lines(child.log).slice(0, taken.manifest.logLines), ...lines(restored.log)];
  assert.deepEqual(output, lines(referenceChild.log));
  system.run();
  assert.deepEqual(lines(child.log), lines(referenceChild.log));
});

Deno.test("pending reply: server in another component", () => {
  const reference = new System();
  const referencePair = echoPair(reference);
  reference.run({ stop: () => referencePair.client.ended });

  const system = new System();
  const { client } = echoPair(system);
  const main = thread(client, "main");
  system.run({ stop: () => main.blocking?.kind === "call-reply" && client.log.length >= 3 });
  const ecall = main.hart.pc;
  const before = system.clock;

  const taken = checkpoint(system, client);
  assert.ok(taken.postponed !== undefined);
  assert.equal(taken.postponed.thread, "main");
  assert.equal(taken.postponed.ticks, system.clock - before);
  assert.ok(taken.postponed.ticks > 1000, "the server works about 3,000 ticks per request");
  const record = threadRecord(taken, "main");
  assert.equal(record.disposition, "resume");
  assert.equal(record.ip, ecall + 4);
  assert.equal(record.x[10], Status.OK);

  // The client comes back next to a new server; the reply it waited for is already in its
  // memory, so its next line is that of the uninterrupted run.
  const copy = new System();
  const fresh = start(copy, "echo_server");
  copy.run({ stop: () => thread(fresh, "main").state === "blocked" });
  const restored = restoreImage(copy, taken);
  copy.run({ stop: () => restored.ended });
  const output = [...client.log.slice(0, taken.manifest.logLines), ...restored.log];
  assert.deepEqual(
    lines(restored.log.slice(0, 1)),
    lines(referencePair.client.log.slice(taken.manifest.logLines, taken.manifest.logLines + 1)),
  );
  assert.deepEqual(clientTexts(output), clientTexts(referencePair.client.log));
  assert.equal(restored.status.kind, "exited");
});
