// Postponing a checkpoint for a pending reply is bounded by `postponeLimit` ticks. Past the
// limit the checkpoint fails with a CheckpointError that names the thread and the server it
// is blocked on, and the child runs on unharmed: its output continues equal to the
// uninterrupted run, LOG line times included.

import assert from "node:assert/strict";
import { type Checkpoint, checkpoint, CheckpointError, System } from "../../mod.ts";
import { lines, start, thread, threadRecord } from "./_blocking.ts";

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
