// A `call` whose request the server has not received yet is recorded with its ip at the
// `ecall` and the registers it had, and is issued again after restore. Callers queued at one
// endpoint are issued again in their queue order, so the server receives the requests in the
// order of the uninterrupted run, and every call completes.
//
// In rpc_server, the server thread is held with a pause request while both clients call, so
// both requests queue at the endpoint; the original, resumed at the checkpoint, is the run the
// restored child has to match.

import assert from "node:assert/strict";
import { checkpoint, type Child, Syscall, System } from "../../mod.ts";
import { ECALL, lines, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

/** Runs rpc_server with its server thread paused until both clients are queued. */
function queuedCalls(): { system: System; child: Child } {
  const system = new System();
  const child = start(system, "rpc_server");
  system.run({ stop: () => child.log.length === 1 });
  child.threads[0]!.core.pause();
  const queued = () =>
    ["client-a", "client-b"].every((name) => thread(child, name).blocking?.kind === "call-send");
  system.run({ stop: queued });
  assert.ok(queued());
  return { system, child };
}

Deno.test("unreceived call: recorded at its ecall", () => {
  const { system, child } = queuedCalls();
  const live = new Map(["client-a", "client-b"].map((name) => [name, thread(child, name)]));

  const taken = checkpoint(system, child);
  assert.equal(taken.postponed, undefined);
  for (const [name, kernelThread] of live) {
    const record = threadRecord(taken, name);
    assert.equal(record.kernelState, "blocked in call, request not received");
    assert.equal(record.disposition, "restart-call");
    assert.equal(record.ip, kernelThread.hart.pc);
    assert.equal(child.readWord(record.ip), ECALL);
    assert.equal(record.restartSyscall, Syscall.CALL);
    assert.deepEqual(record.x, Array.from(kernelThread.hart.x, (value) => value >>> 0));
  }
});

Deno.test("unreceived call: issued again", () => {
  const { system, child } = queuedCalls();
  const taken = checkpoint(system, child);
  child.threads[0]!.core.resume();
  system.run();
  assert.equal(child.status.kind, "exited");

  const copy = new System();
  const restored = restoreImage(copy, taken);
  assert.equal(restored.threads[0]!.core.thread.paused, true);
  restored.threads[0]!.core.resume();
  copy.run();
  assert.equal(restored.status.kind, "exited");
  const output = [...lines(child.log).slice(0, taken.manifest.logLines), ...lines(restored.log)];
  assert.deepEqual(output, lines(child.log));
  assert.match(output.at(-1)!, /summary: status=0 served=12 totals=50,8036/);
});

Deno.test("unreceived call: queue order kept", () => {
  const { system, child } = queuedCalls();
  const taken = checkpoint(system, child);

  const copy = new System();
  const restored = restoreImage(copy, taken);
  restored.threads[0]!.core.resume();
  copy.run({ stop: () => restored.log.length >= 2 });
  assert.match(restored.log[0]!.text, /^client-a: add 11 .* serial=1$/);
  assert.match(restored.log[1]!.text, /^client-b: add 1001 .* serial=2$/);
});
