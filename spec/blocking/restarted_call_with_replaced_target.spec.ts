// A call to a server in another component is recorded with the name of the service the
// capability came from, not with the server's objects. When the call had not been received
// yet, restore looks the service up again and the call is issued again: in a new machine it
// reaches whatever server announces the service there, and the old server never sees it.
// Without such a server the restore fails with a service-denied CrspecError and leaves no
// child behind.

import assert from "node:assert/strict";
import {
  type Checkpoint,
  checkpoint,
  type Child,
  CrspecError,
  readElf,
  System,
} from "../../mod.ts";
import { CHILDREN, ECALL, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

/** Address of the symbol `name` in the ELF image of echo_server. */
function symbolAddress(name: string): number {
  const elf = readElf(Deno.readFileSync(`${CHILDREN}echo_server.elf`));
  const symbol = elf.symbols.find((candidate) => candidate.name === name);
  assert.ok(symbol !== undefined, `no symbol ${name}`);
  return symbol.value;
}

/** Runs echo_client until its first call is queued at an echo_server held by a pause. */
function queuedAtPausedServer(): {
  system: System;
  server: Child;
  client: Child;
  taken: Checkpoint;
} {
  const system = new System();
  const server = start(system, "echo_server");
  system.run({ stop: () => server.log.length === 1 });
  server.threads[0]!.core.pause();
  const client = start(system, "echo_client");
  system.run({ stop: () => thread(client, "main").blocking?.kind === "call-send" });
  return { system, server, client, taken: checkpoint(system, client) };
}

Deno.test("replaced target: recorded by service", () => {
  const { taken, client } = queuedAtPausedServer();
  const record = threadRecord(taken, "main");
  assert.equal(record.disposition, "restart-call");
  assert.equal(client.readWord(record.ip), ECALL);
  const services = taken.manifest.objects.filter((object) => object.kind === "service");
  assert.deepEqual(services.map((object) => object.kind === "service" ? object.name : ""), [
    "Echo",
  ]);
});

Deno.test("replaced target: new server answers", () => {
  const { server, taken } = queuedAtPausedServer();

  const copy = new System();
  const fresh = start(copy, "echo_server");
  copy.run({ stop: () => thread(fresh, "main").state === "blocked" });
  const restored = restoreImage(copy, taken);
  copy.run({ stop: () => restored.ended });
  assert.deepEqual(restored.status, { kind: "exited", code: 0 });
  assert.match(restored.log[0]!.text, /^echo 1: result=0 .* served=1 text=PING 1$/);
  assert.equal(restored.log.length, 9);
  assert.equal(fresh.readWord(symbolAddress("served")), 8);
  assert.equal(server.readWord(symbolAddress("served")), 0);
});

Deno.test("replaced target: no server", () => {
  const { taken } = queuedAtPausedServer();
  const copy = new System();

  let error: unknown;
  try {
    restoreImage(copy, taken);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof CrspecError);
  assert.equal(error.code, "service-denied");
  assert.match(error.message, /Echo/);
  assert.equal(copy.children.length, 0);
});
