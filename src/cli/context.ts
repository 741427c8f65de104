/**
 * State shared by the CLI commands.
 *
 * @module
 */

import type { Output } from "./output.ts";

/** What a command needs from the program around it. */
export interface CliContext {
  /** The output streams. */
  readonly output: Output;
  /** Exit status the command sets: 0 on success, 1 when the child or the request failed. */
  status: number;
}
