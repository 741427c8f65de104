/**
 * Parsers and defaults of the CLI's numeric options.
 *
 * @module
 */

import { InvalidArgumentError } from "@commander-js/extra-typings";

/** Default of `--max-ticks`: 10^10 instructions of virtual time. */
export const DEFAULT_MAX_TICKS = 10_000_000_000;

/**
 * Parses a count of instructions: decimal digits, optionally grouped with `_` as in
 * `5_000_000`, at most `Number.MAX_SAFE_INTEGER`.
 *
 * @throws {InvalidArgumentError} (commander's) for anything else, which the CLI reports as a
 *   usage error.
 */
export function parseCount(value: string): number {
  if (!/^\d+(_\d+)*$/.test(value)) {
    throw new InvalidArgumentError("expected a non-negative integer number of instructions.");
  }
  const count = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(count)) {
    throw new InvalidArgumentError(`expected at most ${Number.MAX_SAFE_INTEGER}.`);
  }
  return count;
}

/** Parses a count of instructions like {@linkcode parseCount} and rejects zero. */
export function parsePositiveCount(value: string): number {
  const count = parseCount(value);
  if (count === 0) throw new InvalidArgumentError("expected at least 1.");
  return count;
}
