/**
 * `crspec checkpoint <elf> --at <n> -o <image>`: runs a child to virtual time n, takes a
 * checkpoint and writes it to an image file.
 *
 * @module
 */

import type { Command } from "@commander-js/extra-typings";
import { type Checkpoint, checkpoint } from "../checkpoint/checkpoint.ts";
import { ImageFileError } from "../errors.ts";
import { encodeImage, writeImageFile } from "../image/format.ts";
import { type Child, System } from "../system.ts";
import type { CliContext } from "./context.ts";
import { startChildFromFile } from "./input.ts";
import { parseCount } from "./options.ts";
import { describeEnd } from "./outcome.ts";
import { runInSlices } from "./run_slices.ts";

/** The arguments of `crspec checkpoint`. */
interface CheckpointRequest {
  /** The child's ELF file. */
  readonly elfPath: string;
  /** Virtual time of the checkpoint. */
  readonly at: number;
  /** Path of the image file to write. */
  readonly imagePath: string;
  /** True to replace an existing file at `imagePath`. */
  readonly force: boolean;
}

/** Adds the `checkpoint` command to `program`. */
export function addCheckpointCommand(program: Command, context: CliContext): void {
  program
    .command("checkpoint")
    .summary("run a child to a virtual time and write a checkpoint image")
    .description(
      "Run a child to a given virtual time, printing its LOG lines up to then, and write a " +
        "checkpoint of it to an image file. The checkpoint waits for pending replies first, " +
        "so it may be taken a little later.",
    )
    .argument("<elf>", "the child's ELF file")
    .requiredOption(
      "--at <n>",
      "take the checkpoint at virtual time n, in instructions retired since the start",
      parseCount,
    )
    .requiredOption("-o, --output <image>", "path of the image file to write")
    .option("--force", "replace the image file if it exists")
    .action((elf, options) => {
      context.status = checkpointChild({
        elfPath: elf,
        at: options.at,
        imagePath: options.output,
        force: options.force === true,
      }, context);
    });
}

/** Runs the child, writes the image and returns the exit status. */
function checkpointChild(request: CheckpointRequest, context: CliContext): number {
  const output = context.output;
  rejectExistingImage(request);

  const system = new System({ onLog: (line) => output.log(line) });
  const child = startChildFromFile(system, request.elfPath);
  const stop = runInSlices(
    system,
    { until: request.at, stop: () => child.ended },
    output.progress,
  );
  if (child.ended) {
    output.message(
      `child ${child.name} ended at virtual time ${system.clock} (${describeEnd(child)}), ` +
        `before the checkpoint time ${request.at}; choose a smaller --at`,
    );
    return 1;
  }
  if (stop === "idle") {
    output.message(
      `child ${child.name} is stuck at virtual time ${system.clock}, before the checkpoint ` +
        `time ${request.at}: no thread can run and no timeout is pending`,
    );
    return 1;
  }

  const result = checkpoint(system, child);
  const bytes = encodeImage(result.contents);
  rejectExistingImage(request);
  writeImageFile(request.imagePath, bytes);
  output.message(summarize(child, result, bytes.length, request.imagePath));
  return 0;
}

/**
 * Throws ImageFileError when a file exists at the image path and `--force` is not given.
 * NOTE: a file created between this check and the write is replaced, because the write renames
 * a temporary file over the path.
 */
function rejectExistingImage(request: CheckpointRequest): void {
  if (request.force || !exists(request.imagePath)) return;
  throw new ImageFileError(
    "write",
    request.imagePath,
    "the file exists; pass --force to replace it",
  );
}

function exists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Returns the one-line summary of a checkpoint written to `imagePath`. */
function summarize(child: Child, result: Checkpoint, bytes: number, imagePath: string): string {
  const manifest = result.manifest;
  const threads = plural(manifest.threads.length, "thread");
  const dataspaces = plural(result.contents.dataspaces.size, "dataspace");
  let summary = `checkpoint of ${child.name} at virtual time ${manifest.clock}: ${threads}, ` +
    `${dataspaces}, ${plural(bytes, "byte")} written to ${imagePath}`;
  if (result.postponed !== undefined) {
    summary += `; postponed by ${plural(result.postponed.ticks, "instruction")} until thread ` +
      `${result.postponed.thread} received its reply`;
  }
  return summary;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
