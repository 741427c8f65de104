// An image file is written atomically: the new bytes go to a temporary file in the same
// folder, which is flushed and then renamed over the target. When any step fails (the
// disk is full, the flush fails, the rename fails) writeImageFile throws ImageFileError,
// an image already at the path keeps its bytes, and no temporary file is left behind.

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  checkpoint,
  decodeImage,
  encodeImage,
  ImageFileError,
  readImageFile,
  writeImageFile,
} from "../../mod.ts";
import { runUntilLines, startExample } from "../_support.ts";

/** Images of counter after 3 and after 6 LOG lines. */
function twoImages(): [Uint8Array, Uint8Array] {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 3);
  const first = encodeImage(checkpoint(system, child).contents);
  runUntilLines(system, child, 6);
  return [first, encodeImage(checkpoint(system, child).contents)];
}

/** File-system steps with the real behaviour, one of which can be replaced. */
function steps(failing: Partial<Record<"create" | "write" | "sync" | "rename", () => never>> = {}) {
  return {
    create: (path: string) =>
      failing.create?.() ?? Deno.openSync(path, { write: true, createNew: true }),
    write: (file: Deno.FsFile, bytes: Uint8Array) => {
      if (failing.write !== undefined) {
        // Half the bytes reach the disk before it is full.
        file.writeSync(bytes.subarray(0, bytes.length >> 1));
        failing.write();
      }
      let written = 0;
      while (written < bytes.length) written += file.writeSync(bytes.subarray(written));
    },
    sync: (file: Deno.FsFile) => failing.sync?.() ?? file.syncSync(),
    rename: (from: string, to: string) => failing.rename?.() ?? Deno.renameSync(from, to),
  };
}

const diskFull = (): never => {
  throw new Error("No space left on device (os error 28)");
};

const [first, second] = twoImages();

Deno.test("atomic write: replaces the image", () => {
  const folder = Deno.makeTempDirSync();
  const path = join(folder, "counter.img");
  writeImageFile(path, first);
  writeImageFile(path, second);

  assert.deepEqual(Deno.readFileSync(path), second);
  assert.deepEqual([...Deno.readDirSync(folder)].map((entry) => entry.name), ["counter.img"]);
  assert.deepEqual(readImageFile(path).manifest, decodeImage(second).manifest);
});

for (const step of ["create", "write", "sync", "rename"] as const) {
  Deno.test(`atomic write: ${step} fails`, () => {
    const folder = Deno.makeTempDirSync();
    const path = join(folder, "counter.img");
    writeImageFile(path, first);
    let error: unknown;
    try {
      writeImageFile(path, second, steps({ [step]: diskFull }));
    } catch (caught) {
      error = caught;
    }

    assert.ok(error instanceof ImageFileError, `expected ImageFileError, got ${error}`);
    assert.match(error.message, /No space left/);
    assert.deepEqual(Deno.readFileSync(path), first);
    assert.deepEqual([...Deno.readDirSync(folder)].map((entry) => entry.name), ["counter.img"]);
  });
}

Deno.test("atomic write: failure with no image yet", () => {
  const folder = Deno.makeTempDirSync();
  const path = join(folder, "counter.img");
  assert.throws(() => writeImageFile(path, first, steps({ write: diskFull })), ImageFileError);

  assert.deepEqual([...Deno.readDirSync(folder)], []);
});

Deno.test("atomic write: missing folder", () => {
  const path = join(Deno.makeTempDirSync(), "absent", "counter.img");

  assert.throws(() => writeImageFile(path, first), ImageFileError);
});
