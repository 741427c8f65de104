// Running a child, checkpointing it at some point, restoring the checkpoint into a fresh machine
// and letting the restored child continue gives the same LOG output (label, text and virtual
// time of every line), the same memory in every attachment of the address space, the same
// contents of every RAM dataspace the child owns and the same exit status as running the child
// without interruption. Every checkpoint goes through `encodeImage` and `decodeImage`.
//
// Every example child in examples/children is covered, each alone on its machine; a child that
// waits forever (a server without clients) is compared when nothing can run any more. Short
// children are checkpointed at every instruction. Long ones are checkpointed at fixed points
// (0, 1, the last instruction, at and right after every system call) and at points that
// fast-check samples with a fixed seed. The original child continues after every checkpoint and
// must end like the uninterrupted run as well.
//
// A checkpoint requested while a thread waits for the reply to a call is postponed until the
// reply is delivered; where the reply never comes, the checkpoint fails with CheckpointError and
// only the original child is compared.

import fc from "fast-check";
import {
  assertSameFinalState,
  checkpointAndRestore,
  childNames,
  describePoint,
  EVERY_POINT_LIMIT,
  finish,
  fixedPoints,
  reference,
  type Run,
  runUntil,
  sampleCount,
  SEED,
  SHRINK_LIMIT,
  start,
} from "./_equivalence.ts";

/** Checkpoints runs of `name` at each of `points` (ascending), restores and compares. */
function checkAt(name: string, points: readonly number[]): void {
  const ref = reference(name);
  const finishOriginal = (run: Run) => {
    assertSameFinalState(finish(run), ref.final, `${name}, original after its checkpoints`);
  };

  let original = start(name);
  for (const point of points) {
    // A postponed checkpoint ran the original past this point: start another one.
    if (original.system.clock > point) {
      finishOriginal(original);
      original = start(name);
    }
    const time = runUntil(original, point);
    if (original.child.ended) break;

    const restored = checkpointAndRestore(original);
    if (restored === undefined) continue;
    assertSameFinalState(finish(restored), ref.final, describePoint(name, time, restored));
  }
  finishOriginal(original);
}

for (const name of childNames()) {
  const ref = reference(name);

  if (ref.end <= EVERY_POINT_LIMIT) {
    Deno.test(`${name}: restore at every point`, () => {
      checkAt(name, Array.from({ length: ref.end }, (_, point) => point));
    });
    continue;
  }

  Deno.test(`${name}: restore at fixed points`, () => {
    checkAt(name, fixedPoints(ref));
  });

  Deno.test(`${name}: restore at sampled points`, () => {
    const point = fc.noBias(fc.integer({ min: 1, max: ref.end - 1 }));
    fc.assert(
      fc.property(point, (at) => checkAt(name, [at])),
      { seed: SEED, numRuns: sampleCount(ref.end), endOnFailure: ref.end > SHRINK_LIMIT },
    );
  });
}
