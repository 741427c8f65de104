/**
 * `crspec elf <file>`: describes an ELF file and what loading it as a child would do.
 *
 * @module
 */

import type { Command } from "@commander-js/extra-typings";
import { describeElf } from "../elf/describe.ts";
import { readElf } from "../elf/read.ts";
import { planLoad } from "../elf/validate.ts";
import { CrspecError } from "../errors.ts";
import type { CliContext } from "./context.ts";
import { readInputFile } from "./input.ts";

/** Adds the `elf` command to `program`. */
export function addElfCommand(program: Command, context: CliContext): void {
  program
    .command("elf")
    .summary("describe an ELF file and whether a child can be started from it")
    .description(
      "Describe an ELF file: header, program headers, the loading action for each, and " +
        "whether a child can be started from it (exit status 0 if it can, 1 if not).",
    )
    .argument("<file>", "the ELF file")
    .action((path) => {
      context.status = describeElfFile(path, context);
    });
}

/** Prints the description of the ELF file at `path` and returns the exit status. */
function describeElfFile(path: string, context: CliContext): number {
  const bytes = readInputFile(path, "ELF file");
  const file = readElf(bytes);

  let plan: ReturnType<typeof planLoad> | CrspecError;
  try {
    plan = planLoad(file, bytes);
  } catch (error) {
    if (!(error instanceof CrspecError)) throw error;
    plan = error;
  }

  for (const line of describeElf(file, plan)) context.output.line(line);
  return plan instanceof CrspecError ? 1 : 0;
}
