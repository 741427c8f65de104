// A thread blocked in `wait`, or in `reply_and_wait` after its reply went out, is recorded
// with its ip at the `ecall` and its restart system call set to a plain `wait`; its registers,
// a7 included, stay as they were, because the ABI keeps a7 across a system call. On restore
// it enters the wait again and never sends a reply a second time: each client sees each reply
// once, and the output equals that of the uninterrupted run.

import assert from "node:assert/strict";
import { checkpoint, type Child, Syscall, System } from "../../mod.ts";
import { CHILDREN, ECALL, lines, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

/** Runs rpc_server uninterrupted and returns its output. */
function reference(): string[] {
  const system = new System();
  const child = start(system, "rpc_server");
  system.run();
  return lines(child.log);
}

/** Runs rpc_server until `main` blocks in wait with `syscall` in a7 and no reply is pending. */
function serverWaiting(syscall: number, skip = 0): { system: System; child: Child } {
  const system = new System();
  const child = start(system, "rpc_server");
  let seen = 0;
  system.run({
    stop: () => {
      const main = thread(child, "main");
      const waiting = main.state === "blocked" && main.blocking?.kind === "wait" &&
        main.hart.x[17] === syscall &&
        child.threads.every((other) => other.core.thread.blocking?.kind !== "call-reply");
      return waiting && seen++ === skip;
    },
  });
  return { system, child };
}

Deno.test("wait: first wait restarts", () => {
  const expected = reference();
  const { system, child } = serverWaiting(Syscall.WAIT);
  const ecall = thread(child, "main").hart.pc;

  const taken = checkpoint(system, child);
  const record = threadRecord(taken, "main");
  assert.equal(taken.postponed, undefined);
  assert.equal(record.disposition, "restart-wait");
  assert.equal(record.restartSyscall, Syscall.WAIT);
  assert.equal(record.x[17], Syscall.WAIT);
  assert.equal(record.ip, ecall);
  assert.equal(child.readWord(record.ip), ECALL);

  const copy = new System();
  const restored = restoreImage(copy, taken);
  copy.run();
  assert.deepEqual(
    [...lines(child.log).slice(0, taken.manifest.logLines), ...lines(restored.log)],
    expected,
  );
});

Deno.test("wait: reply_and_wait after reply", () => {
  const expected = reference();
  for (const skip of [0, 3, 6]) {
    const { system, child } = serverWaiting(Syscall.REPLY_AND_WAIT, skip);
    const ecall = thread(child, "main").hart.pc;

    const taken = checkpoint(system, child);
    const record = threadRecord(taken, "main");
    assert.equal(taken.postponed, undefined);
    assert.equal(record.kernelState, "blocked in reply_and_wait, reply delivered");
    assert.equal(record.disposition, "restart-wait");
    assert.equal(record.restartSyscall, Syscall.WAIT);
    assert.equal(record.x[17], Syscall.REPLY_AND_WAIT);
    assert.equal(record.ip, ecall);
    assert.equal(child.readWord(record.ip), ECALL);

    const copy = new System();
    const restored = restoreImage(copy, taken);
    copy.run();
    const output = [...lines(child.log).slice(0, taken.manifest.logLines), ...lines(restored.log)];
    assert.deepEqual(output, expected, `checkpoint after wait number ${skip}`);
    const serials = output.flatMap((line) => line.match(/serial=(\d+)/)?.[1] ?? []);
    assert.deepEqual(serials, Array.from({ length: 12 }, (_, i) => String(i + 1)));
  }
});

Deno.test("wait: server outside the client", () => {
  // echo_server waits in reply_and_wait after serving a whole echo_client run. Restored into a
  // new machine, its first request is that of a new client, answered once.
  const system = new System();
  const server = start(system, "echo_server");
  system.run({ stop: () => thread(server, "main").state === "blocked" });
  const client = start(system, "echo_client");
  system.run({ stop: () => client.ended });
  const main = thread(server, "main");
  assert.equal(main.blocking?.kind, "wait");
  assert.equal(main.hart.x[17], Syscall.REPLY_AND_WAIT);

  const taken = checkpoint(system, server);
  const record = threadRecord(taken, "main");
  assert.equal(record.disposition, "restart-wait");
  assert.equal(record.restartSyscall, Syscall.WAIT);
  assert.equal(server.readWord(record.ip), ECALL);

  const copy = new System();
  restoreImage(copy, taken);
  copy.loadModule(`${CHILDREN}echo_client.elf`);
  const second = copy.startChild("echo_client.elf");
  copy.run({ stop: () => second.ended });
  const served = second.log.flatMap((line) => line.text.match(/served=(\d+)/)?.[1] ?? []);
  assert.deepEqual(served, ["9", "10", "11", "12", "13", "14", "15", "16"]);
});
