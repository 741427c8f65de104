/**
 * The crspec command-line interface: `deno task crspec <command>`, or
 * `deno run --allow-read --allow-write --allow-env src/cli/main.ts <command>`.
 *
 * Exit statuses: 0 on success, 1 when the child or the request failed (one line `crspec: ...`
 * on standard error), 2 on a usage error (commander's message on standard error).
 *
 * @module
 */

import { Command, CommanderError } from "@commander-js/extra-typings";
import config from "../../deno.json" with { type: "json" };
import { CrspecError } from "../errors.ts";
import { addCheckpointCommand } from "./checkpoint.ts";
import type { CliContext } from "./context.ts";
import { addElfCommand } from "./elf.ts";
import { Output } from "./output.ts";
import { addRestoreCommand } from "./restore.ts";
import { addRunCommand } from "./run.ts";
import { addShowCommand } from "./show.ts";

/** Exit status of a usage error: an unknown command or option, a missing or invalid argument. */
export const USAGE_ERROR_STATUS = 2;

/** Builds the program with every command; the commands set `context.status`. */
export function createProgram(context: CliContext): Command {
  const program = new Command()
    .name("crspec")
    .description(
      "Run RV32IM ELF children in a modelled microkernel, checkpoint them into image files " +
        "and restore them. Virtual time counts retired instructions.",
    )
    .version(config.version)
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => {
        context.output.progress.clear();
        write(text);
      },
    });

  addRunCommand(program, context);
  addElfCommand(program, context);
  addCheckpointCommand(program, context);
  addRestoreCommand(program, context);
  addShowCommand(program, context);
  return program;
}

/**
 * Runs the CLI with the command-line arguments `args` (without the program name) and returns
 * the exit status. Every error ends here as one line on standard error, never as a stack trace.
 */
export async function main(args: string[]): Promise<number> {
  const output = new Output({ progress: Deno.stderr.isTerminal() });
  const context: CliContext = { output, status: 0 };
  const program = createProgram(context);

  try {
    await program.parseAsync(args, { from: "user" });
    return context.status;
  } catch (error) {
    return reportError(error, output);
  }
}

/** Reports `error` from parsing or from a command and returns the exit status. */
function reportError(error: unknown, output: Output): number {
  if (error instanceof CommanderError) {
    // Commander has written its message or the help text already. Help and --version exit
    // with 0; every other commander error is a usage error.
    return error.exitCode === 0 ? 0 : USAGE_ERROR_STATUS;
  }
  if (error instanceof Deno.errors.BrokenPipe) {
    // Standard output was closed early, as by `crspec run child.elf | head -1`. The reader has
    // what it asked for, so the run ends quietly, as a command killed by SIGPIPE would.
    return 1;
  }
  if (error instanceof CrspecError) {
    output.message(error.message);
    return 1;
  }
  const text = error instanceof Error ? error.message : String(error);
  output.message(`internal error: ${firstLine(text)}`);
  return 1;
}

function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return end < 0 ? text : text.slice(0, end);
}

if (import.meta.main) {
  // `deno task` runs from the project folder; INIT_CWD is the folder the user typed the command
  // in, so relative paths on the command line are taken from there.
  const initialFolder = Deno.env.get("INIT_CWD");
  if (initialFolder !== undefined) Deno.chdir(initialFolder);
  Deno.exit(await main(Deno.args));
}
