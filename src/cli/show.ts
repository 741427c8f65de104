/**
 * `crspec show <image>`: lists what an image file holds.
 *
 * @module
 */

import type { Command } from "@commander-js/extra-typings";
import { describeManifest } from "../checkpoint/describe.ts";
import { validateManifest } from "../checkpoint/manifest.ts";
import { readImageFile } from "../image/format.ts";
import type { CliContext } from "./context.ts";

/** Adds the `show` command to `program`. */
export function addShowCommand(program: Command, context: CliContext): void {
  program
    .command("show")
    .summary("list the threads, regions, capabilities and sessions in an image")
    .description(
      "List what an image file holds: threads (name, ip, sp, kernel state, restart " +
        "disposition), regions, capabilities and sessions.",
    )
    .argument("<image>", "the image file")
    .option("--json", "print the decoded manifest as indented JSON instead")
    .action((image, options) => {
      context.status = showImage(image, options.json === true, context);
    });
}

/** Prints the listing of the image at `imagePath` and returns the exit status. */
function showImage(imagePath: string, json: boolean, context: CliContext): number {
  const contents = readImageFile(imagePath);
  if (json) {
    context.output.line(JSON.stringify(contents.manifest, null, 2));
    return 0;
  }

  const manifest = validateManifest(contents.manifest, new Set(contents.dataspaces.keys()));
  for (const line of describeManifest(manifest)) context.output.line(line);
  return 0;
}
