/**
 * Running the machine in slices of virtual time, so that the progress line can be redrawn
 * between them.
 *
 * @module
 */

import type { RunStop } from "../kernel/kernel.ts";
import type { System } from "../system.ts";
import type { Progress } from "./progress.ts";

/** Virtual time per slice: 5 million instructions. */
export const SLICE_TICKS = 5_000_000;

/** Options of {@linkcode runInSlices}. */
export interface SliceOptions {
  /** Virtual time at which the run stops with `budget`. */
  readonly until: number;
  /** Stops the run when it returns true; the default stops once every child has ended. */
  readonly stop?: () => boolean;
}

/**
 * Runs `system` until `options.until` or until it stops on its own, redrawing `progress` after
 * every slice. The result is the one that a single `system.run` call with the same limit
 * returns: `budget`, `idle` or `stopped`.
 */
export function runInSlices(system: System, options: SliceOptions, progress: Progress): RunStop {
  progress.start(system.clock);
  try {
    while (true) {
      const until = Math.min(options.until, system.clock + SLICE_TICKS);
      const result = options.stop === undefined
        ? system.run({ until })
        : system.run({ until, stop: options.stop });
      if (result !== "budget" || system.clock >= options.until) return result;
      progress.update(system.clock);
    }
  } finally {
    progress.clear();
  }
}
