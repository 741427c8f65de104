/**
 * `crspec restore <image>`: restores a child from an image file and runs it to its end,
 * printing the LOG lines it writes after the checkpoint.
 *
 * @module
 */

import type { Command } from "@commander-js/extra-typings";
import { validateManifest } from "../checkpoint/manifest.ts";
import { restore, type RestoreOptions } from "../checkpoint/restore.ts";
import { InvalidArgumentError } from "../errors.ts";
import { readImageFile } from "../image/format.ts";
import { System } from "../system.ts";
import type { CliContext } from "./context.ts";
import { DEFAULT_MAX_TICKS, parsePositiveCount } from "./options.ts";
import { reportOutcome } from "./outcome.ts";
import { runInSlices } from "./run_slices.ts";

/** Adds the `restore` command to `program`. */
export function addRestoreCommand(program: Command, context: CliContext): void {
  program
    .command("restore")
    .summary("restore a child from an image and run it to its end")
    .description(
      "Restore a child from an image file and run it to its end, printing the LOG lines it " +
        "writes after the checkpoint. Exit statuses are those of run.",
    )
    .argument("<image>", "the image file")
    .option(
      "--module <path>",
      "read the child's ELF file from path instead of the path recorded in the image; its " +
        "content must be the one the image was taken from",
    )
    .option(
      "--max-ticks <n>",
      "stop with an error after n instructions of virtual time from the checkpoint " +
        `(default ${DEFAULT_MAX_TICKS})`,
      parsePositiveCount,
    )
    .action((image, options) => {
      context.status = restoreChild(
        image,
        options.module,
        options.maxTicks ?? DEFAULT_MAX_TICKS,
        context,
      );
    });
}

/** Restores and runs the child in `imagePath` and returns the exit status. */
function restoreChild(
  imagePath: string,
  modulePath: string | undefined,
  maxTicks: number,
  context: CliContext,
): number {
  const output = context.output;
  const contents = readImageFile(imagePath);
  const manifest = validateManifest(contents.manifest, new Set(contents.dataspaces.keys()));

  const options: RestoreOptions = {};
  if (modulePath !== undefined) {
    const elf = manifest.modules[0];
    if (elf === undefined) {
      throw new InvalidArgumentError(
        `--module ${modulePath}: the image records no ROM module, so there is none to replace`,
      );
    }
    options.modulePaths = { [elf.name]: modulePath };
  }

  // The quantum is part of the scheduling state, so the restored child runs on a machine with
  // the quantum it was checkpointed on.
  const system = new System({ quantum: manifest.quantum, onLog: (line) => output.log(line) });
  const child = restore(system, contents, options);

  const stop = runInSlices(system, { until: system.clock + maxTicks }, output.progress);
  return reportOutcome(child, stop, { clock: system.clock, maxTicks }, output);
}
