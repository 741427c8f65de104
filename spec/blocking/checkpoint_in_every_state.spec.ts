// A checkpoint can be requested at any instruction boundary of a child, whatever its threads
// are doing: running, blocked in wait, reply_and_wait, call or signal_wait, just created,
// exited or stopped on a fault. Each request either succeeds, and then the run restored from
// it logs exactly the lines (text and virtual time) of the uninterrupted run, or fails with a
// CheckpointError; it never fails in another way. The child that was checkpointed runs on
// and its own output also equals the uninterrupted run.

import assert from "node:assert/strict";
import {
  checkpoint,
  CheckpointError,
  type Child,
  decodeImage,
  encodeImage,
  restore,
  System,
} from "../../mod.ts";
import { CHILDREN, lines } from "./_blocking.ts";

/** Starts `name` from its ELF in a new system. */
function start(name: string): { system: System; child: Child } {
  const system = new System();
  system.loadModule(`${CHILDREN}${name}.elf`);
  return { system, child: system.startChild(`${name}.elf`) };
}

/** Runs `name` uninterrupted and returns its LOG output. */
function reference(name: string): string[] {
  const { system, child } = start(name);
  system.run();
  assert.equal(child.status.kind, "exited");
  return lines(child.log);
}

interface Sweep {
  /** Checkpoints that succeeded. */
  taken: number;
  /** Checkpoints that failed with CheckpointError. */
  refused: number;
  /** Kernel states of the recorded threads that the sweep met. */
  states: Set<string>;
}

/**
 * Requests a checkpoint of `name` every `stride` ticks until it exits; restores each one into
 * a new system, runs it to the end and compares the output with `expected`.
 */
function sweep(name: string, stride: number, expected: readonly string[]): Sweep {
  const { system, child } = start(name);
  const result: Sweep = { taken: 0, refused: 0, states: new Set() };
  while (!child.ended) {
    system.run({ ticks: stride });
    if (child.ended) break;
    let taken;
    try {
      taken = checkpoint(system, child, { postponeLimit: 200_000 });
    } catch (error) {
      assert.ok(error instanceof CheckpointError, `at ${system.clock}: ${error}`);
      result.refused++;
      continue;
    }
    result.taken++;
    for (const object of taken.manifest.objects) {
      if (object.kind === "thread") result.states.add(object.thread.kernelState);
    }

    const copy = new System();
    const restored = restore(copy, decodeImage(encodeImage(taken.contents)));
    copy.run();
    const combined = [
      ...lines(child.log).slice(0, taken.manifest.logLines),
      ...lines(restored.log),
    ];
    assert.deepEqual(combined, expected, `checkpoint at ${taken.manifest.clock}`);
    assert.equal(restored.status.kind, "exited", `checkpoint at ${taken.manifest.clock}`);
  }
  assert.deepEqual(lines(child.log), expected);
  return result;
}

Deno.test("every state: rpc_server", () => {
  const expected = reference("rpc_server");
  const result = sweep("rpc_server", 97, expected);

  // A client's queued call always coexists with the other client's pending reply here, so
  // postponing carries every checkpoint past it; unreceived_call_is_reissued covers that state.
  assert.ok(result.taken > 200);
  assert.ok(result.states.has("blocked in wait"));
  assert.ok(result.states.has("blocked in reply_and_wait, reply delivered"));
  assert.ok(result.states.has("created, not started"));
  assert.ok(result.states.has("ready in user mode"));
});

Deno.test("every state: ticker", () => {
  const expected = reference("ticker");
  const result = sweep("ticker", 89, expected);

  assert.ok(result.taken > 500);
  assert.ok(result.states.has("blocked in signal_wait"));
});

Deno.test("every state: faulter", () => {
  const expected = reference("faulter");
  const result = sweep("faulter", 101, expected);

  assert.ok(result.taken > 500);
  assert.ok(result.states.has("stopped on a fault"));
});

Deno.test("every state: misuser", () => {
  const expected = reference("misuser");
  const result = sweep("misuser", 53, expected);

  assert.ok(result.taken > 200);
  assert.ok(result.states.has("blocked in reply_and_wait, reply delivered"));
  assert.ok(result.states.has("created, not started"));
});
