// A thread waiting for a timeout is recorded with the timer's remaining virtual time, and
// restore re-arms the timer with exactly that time. The timeout fires at the same virtual
// time as in the uninterrupted run: never early, never lost, never twice. Every LOG line of
// ticker carries its virtual time (`LogLine.time`) and the ticks elapsed since the session
// was opened, so the restored run must match both.

import assert from "node:assert/strict";
import { type Checkpoint, checkpoint, type Child, type LogLine, System } from "../../mod.ts";
import { lines, restoreImage, start, thread, threadRecord } from "./_blocking.ts";

/** Runs ticker uninterrupted and returns its LOG lines. */
function reference(): LogLine[] {
  const system = new System();
  const child = start(system, "ticker");
  system.run();
  return child.log;
}

/** Finds the timer-session record of `taken`. */
function timerRecord(taken: Checkpoint) {
  for (const object of taken.manifest.objects) {
    if (object.kind === "timer-session") return object;
  }
  assert.fail("no timer session in the checkpoint");
}

/** Runs ticker until its thread has waited in signal_wait `waits` times, then checkpoints it. */
function checkpointInWait(waits: number): { system: System; child: Child; taken: Checkpoint } {
  const system = new System();
  const child = start(system, "ticker");
  let seen = 0;
  let blocked = false;
  system.run({
    stop: () => {
      const now = thread(child, "main").blocking?.kind === "signal";
      if (now && !blocked) seen++;
      blocked = now;
      return seen === waits;
    },
  });
  return { system, child, taken: checkpoint(system, child) };
}

Deno.test("timer: one-shot waits", () => {
  const expected = reference();
  for (const waits of [1, 3, 5]) {
    const { system, child, taken } = checkpointInWait(waits);
    const timer = timerRecord(taken);
    const deadline = system.kernel.nextDeadline!;
    assert.equal(threadRecord(taken, "main").disposition, "restart-signal-wait");
    assert.equal(timer.period, 0);
    assert.equal(timer.remaining, deadline - system.clock);
    assert.ok(timer.remaining! > 0);

    const copy = new System();
    const restored = restoreImage(copy, taken);
    assert.equal(copy.kernel.nextDeadline, deadline);
    copy.run();
    const output = [...child.log.slice(0, taken.manifest.logLines), ...restored.log];
    assert.deepEqual(lines(output), lines(expected), `checkpoint in wait ${waits}`);
  }
});

Deno.test("timer: periodic waits", () => {
  const expected = reference();
  for (const waits of [6, 8, 10]) {
    const { system, child, taken } = checkpointInWait(waits);
    const timer = timerRecord(taken);
    assert.equal(timer.period, 3000);
    assert.equal(timer.remaining, system.kernel.nextDeadline! - system.clock);

    const copy = new System();
    const restored = restoreImage(copy, taken);
    copy.run();
    const output = [...child.log.slice(0, taken.manifest.logLines), ...restored.log];
    assert.deepEqual(lines(output), lines(expected), `checkpoint in wait ${waits}`);
    assert.deepEqual(
      output.map((line) => line.text.match(/count=(\d+)/)?.[1] ?? "1"),
      expected.map(() => "1"),
    );
  }
});

Deno.test("timer: armed while running", () => {
  // Between trigger_once and signal_wait the thread runs in user mode with a timeout armed.
  const expected = reference();
  const system = new System();
  const child = start(system, "ticker");
  system.run({ stop: () => child.log.length === 2 });
  system.run({ stop: () => system.kernel.nextDeadline !== undefined });
  const taken = checkpoint(system, child);
  assert.equal(threadRecord(taken, "main").disposition, "resume");
  assert.ok(timerRecord(taken).remaining! > 0);

  const copy = new System();
  const restored = restoreImage(copy, taken);
  copy.run();
  assert.deepEqual(
    lines([...child.log.slice(0, taken.manifest.logLines), ...restored.log]),
    lines(expected),
  );
});
