// Postponing a checkpoint for a pending reply is bounded by `postponeLimit` ticks. Past the
// limit the checkpoint fails with a CheckpointError that names the thread and the server it
// is blocked on, and the child runs on unharmed: its output continues equal to the
// uninterrupted run, LOG line times included.

import assert from "node:assert/strict";
import {
  type Checkpoint,
  checkpoint,
  CheckpointError,
  type Child,
  type LogLine,
  System,
  type ThreadRecord,
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

/** Finds the record of the thread called `name` in `taken`. */
function threadRecord(taken: Checkpoint, name: string): ThreadRecord {
  for (const object of taken.manifest.objects) {
    if (object.kind === "thread" && object.thread.name === name) return object.thread;
  }
  assert.fail(`no thread ${name} in the checkpoint`);
}

/** Finds the kernel thread of `child` called `name`. */
function thread(child: Child, name: string) {
  const found = child.threads.find((candidate) => candidate.name === name);
  assert.ok(found !== undefined, `no thread ${name}`);
  return found.core.thread;
}

/** Returns the error `action` throws, failing when it throws none. */
function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
}

Deno.test("postpone limit: server thread in the child", () => {
  const reference = new System();
  const referenceChild = start(reference, "rpc_server");
  reference.run();

  const system = new System();
  const child = start(system, "rpc_server");
  const pending = () => child.threads.find((other) => other.name === "client-a")?.core.thread;
  system.run({ stop: () => pending()?.blocking?.kind === "call-reply" });

  const error = errorOf(() => checkpoint(system, child, { postponeLimit: 100 }));
  assert.ok(error instanceof CheckpointError);
  assert.match(error.message, /thread client-a of rpc_server/);
  assert.match(error.message, /blocked in call/);
  assert.match(error.message, /thread main of rpc_server/);

  system.run();
  assert.equal(child.status.kind, "exited");
  assert.deepEqual(lines(child.log), lines(referenceChild.log));
});

Deno.test("postpone limit: server in another component", () => {
  const reference = new System();
  const referenceServer = start(reference, "echo_server");
  reference.run({ stop: () => thread(referenceServer, "main").state === "blocked" });
  const referenceClient = start(reference, "echo_client");
  reference.run({ stop: () => referenceClient.ended });

  const system = new System();
  const server = start(system, "echo_server");
  system.run({ stop: () => thread(server, "main").state === "blocked" });
  const client = start(system, "echo_client");
  system.run({ stop: () => thread(client, "main").blocking?.kind === "call-reply" });

  const error = errorOf(() => checkpoint(system, client, { postponeLimit: 500 }));
  assert.ok(error instanceof CheckpointError);
  assert.match(error.message, /thread main of echo_client/);
  assert.match(error.message, /thread main of echo_server/);

  system.run({ stop: () => client.ended });
  assert.deepEqual(client.status, { kind: "exited", code: 0 });
  assert.deepEqual(lines(client.log), lines(referenceClient.log));
  assert.deepEqual(lines(server.log), lines(referenceServer.log));
});

Deno.test("postpone limit: generous limit succeeds", () => {
  const system = new System();
  const server = start(system, "echo_server");
  system.run({ stop: () => thread(server, "main").state === "blocked" });
  const client = start(system, "echo_client");
  system.run({ stop: () => thread(client, "main").blocking?.kind === "call-reply" });

  const taken: Checkpoint = checkpoint(system, client, { postponeLimit: 10_000 });
  assert.ok(taken.postponed !== undefined);
  assert.ok(taken.postponed.ticks <= 10_000);
  assert.equal(threadRecord(taken, "main").disposition, "resume");
});
