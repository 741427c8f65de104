// A restored child can be checkpointed again: running a child, checkpointing it, restoring it
// into a fresh machine, running the restored child to a later point, checkpointing that child
// and restoring it into another fresh machine gives the same LOG output, memory, owned RAM
// dataspaces and exit status as running the child without interruption. The first restored
// child, which continues after its own checkpoint, must end the same way. Every checkpoint goes
// through `encodeImage` and `decodeImage`.
//
// Pairs of points cover every example child: each fixed point (0, 1, the last instruction, at
// and right after every system call) paired with the next one, so that a child restored inside
// a system call is checkpointed right after the call completes, and pairs that fast-check
// samples with a fixed seed. A checkpoint that fails with CheckpointError because the reply
// its postponement waits for never comes ends the case without a comparison for that pair.

import fc from "fast-check";
import {
  assertSameFinalState,
  checkpointAndRestore,
  childNames,
  describePoint,
  finish,
  fixedPoints,
  reference,
  runUntil,
  sampleCount,
  SEED,
  SHRINK_LIMIT,
  start,
} from "./_equivalence.ts";

/** Checkpoints `name` at `first`, restores, checkpoints the restored child at `second`, restores. */
function checkPair(name: string, first: number, second: number): void {
  const ref = reference(name);
  const original = start(name);
  const firstTime = runUntil(original, first);
  if (original.child.ended) return;
  const restored = checkpointAndRestore(original);
  if (restored === undefined) return;
  const firstPoint = describePoint(name, firstTime, restored);

  const secondTime = runUntil(restored, second);
  if (!restored.child.ended) {
    const again = checkpointAndRestore(restored);
    if (again !== undefined) {
      const where = `${firstPoint}, restored, ${describePoint("", secondTime, again).slice(2)}`;
      assertSameFinalState(finish(again), ref.final, where);
    }
  }
  assertSameFinalState(finish(restored), ref.final, `${firstPoint}, restored, run to the end`);
}

for (const name of childNames()) {
  const ref = reference(name);

  Deno.test(`${name}: checkpoint restored child at fixed points`, () => {
    const points = fixedPoints(ref);
    for (let i = 0; i + 1 < points.length; i++) checkPair(name, points[i]!, points[i + 1]!);
  });

  Deno.test(`${name}: checkpoint restored child at sampled points`, () => {
    const point = fc.noBias(fc.integer({ min: 1, max: ref.end - 1 }));
    const pair = fc.tuple(point, point).filter(([a, b]) => a !== b).map(([a, b]) =>
      a < b ? [a, b] as const : [b, a] as const
    );
    fc.assert(
      fc.property(pair, ([first, second]) => checkPair(name, first, second)),
      {
        seed: SEED,
        numRuns: Math.ceil(sampleCount(ref.end) / 2),
        endOnFailure: ref.end > SHRINK_LIMIT,
      },
    );
  });
}
