/**
 * `crspec run <elf>`: runs a child to its end, printing its LOG lines as they are written.
 *
 * @module
 */

import type { Command } from "@commander-js/extra-typings";
import { System } from "../system.ts";
import type { CliContext } from "./context.ts";
import { startChildFromFile } from "./input.ts";
import { DEFAULT_MAX_TICKS, parsePositiveCount } from "./options.ts";
import { reportOutcome } from "./outcome.ts";
import { runInSlices } from "./run_slices.ts";

/** Adds the `run` command to `program`. */
export function addRunCommand(program: Command, context: CliContext): void {
  program
    .command("run")
    .summary("run a child to its end, printing its LOG lines")
    .description("Run a child from an RV32IM ELF file to its end, printing its LOG lines.")
    .argument("<elf>", "the child's ELF file")
    .option(
      "--max-ticks <n>",
      `stop with an error after n instructions of virtual time (default ${DEFAULT_MAX_TICKS})`,
      parsePositiveCount,
    )
    .action((elf, options) => {
      context.status = runChild(elf, options.maxTicks ?? DEFAULT_MAX_TICKS, context);
    });
}

/** Runs the child in `elfPath` and returns the exit status. */
function runChild(elfPath: string, maxTicks: number, context: CliContext): number {
  const output = context.output;
  const system = new System({ onLog: (line) => output.log(line) });
  const child = startChildFromFile(system, elfPath);

  const stop = runInSlices(system, { until: system.clock + maxTicks }, output.progress);
  return reportOutcome(child, stop, { clock: system.clock, maxTicks }, output);
}
