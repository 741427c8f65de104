/**
 * The crspec demo: run the `counter` child, checkpoint it part-way into an image file, restore
 * the image into a fresh machine, and let the restored child continue where it stopped.
 *
 * Run it with `deno task demo`.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import {
  checkpoint,
  encodeImage,
  type LogLine,
  readElf,
  readImageFile,
  restore,
  System,
  writeImageFile,
} from "../mod.ts";

const elfPath = fileURLToPath(new URL("./children/counter.elf", import.meta.url));
const checkpointAt = 50_000;

function print(prefix: string): (line: LogLine) => void {
  return (line) => console.log(`${prefix} [${line.label}] ${line.text}`);
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, "0")}`;
}

const crt0Entries = readElf(Deno.readFileSync(elfPath)).symbols
  .find((symbol) => symbol.name === "__crt0_entries")!.value;

// 1. Run the child on a first machine up to the checkpoint.
console.log(`== run ${elfPath} up to virtual time ${checkpointAt}`);
const first = new System({ onLog: print("original ") });
first.loadModule(elfPath);
const original = first.startChild("counter.elf");
first.run({ until: checkpointAt });

// 2. Checkpoint it into an image file. The original child could go on; here it is dropped.
const folder = Deno.makeTempDirSync({ prefix: "crspec-demo-" });
const imagePath = `${folder}/counter.crspec`;
const taken = checkpoint(first, original);
const image = encodeImage(taken.contents);
writeImageFile(imagePath, image);
const thread = taken.manifest.objects[taken.manifest.threads[0]!]!;
const ip = thread.kind === "thread" ? thread.thread.ip : 0;
console.log(
  `== checkpoint at virtual time ${taken.manifest.clock}: ${image.length} bytes in ${imagePath}, ` +
    `thread main at ip ${hex(ip)}, startup code ran ${original.readWord(crt0Entries)} time(s)`,
);
first.destroyChild(original);

// 3. Restore into a fresh machine: the child is created from an invalid ELF capability, its
// memory comes from the image and its thread starts at the recorded instruction.
const second = new System({ onLog: print("restored ") });
const restored = restore(second, readImageFile(imagePath));
console.log(
  `== restored into a fresh machine: thread main at ip ${
    hex(restored.threads[0]!.core.state().ip)
  }`,
);
second.run();

// 4. The startup code did not run again, and the child ended as an uninterrupted run does.
console.log(
  `== restored child ${
    restored.status.kind === "exited"
      ? `exited with code ${restored.status.code}`
      : restored.status.kind
  }` +
    `; startup code ran ${restored.readWord(crt0Entries)} time(s) in all`,
);
Deno.removeSync(folder, { recursive: true });
