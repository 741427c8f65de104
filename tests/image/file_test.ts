import assert from "node:assert/strict";
import { join } from "node:path";
import { CorruptImageError, ImageFileError } from "../../src/errors.ts";
import { encodeImage, readImageFile, writeImageFile } from "../../src/image/format.ts";
import { denoWriteSteps, type WriteSteps } from "../../src/image/file.ts";
import { randomPages } from "./_image_fixtures.ts";

const oldImage = encodeImage({ manifest: { generation: 1 }, dataspaces: new Map() });
const newImage = encodeImage({
  manifest: { generation: 2 },
  dataspaces: new Map([[1, randomPages(2, 1)]]),
});

/** Runs `test` in a fresh folder that contains `image.crs` with the old image. */
function withFolder(test: (folder: string, path: string) => void): () => void {
  return () => {
    const folder = Deno.makeTempDirSync({ prefix: "crspec_image_" });
    try {
      const path = join(folder, "image.crs");
      Deno.writeFileSync(path, oldImage);
      test(folder, path);
    } finally {
      Deno.chmodSync(folder, 0o755);
      Deno.removeSync(folder, { recursive: true });
    }
  };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function listFolder(folder: string): string[] {
  return [...Deno.readDirSync(folder)].map((entry) => entry.name).sort();
}

/** Tells whether this process is denied writes into a folder with mode 0o555. */
function readOnlyFoldersBlockWrites(): boolean {
  const folder = Deno.makeTempDirSync({ prefix: "crspec_probe_" });
  try {
    Deno.chmodSync(folder, 0o555);
    Deno.writeFileSync(join(folder, "probe"), new Uint8Array(1));
    return false;
  } catch {
    return true;
  } finally {
    Deno.chmodSync(folder, 0o755);
    Deno.removeSync(folder, { recursive: true });
  }
}

/** A failure like a full disk, raised after half of the bytes are written. */
const diskFullSteps: WriteSteps = {
  ...denoWriteSteps,
  write: (file, bytes) => {
    denoWriteSteps.write(file, bytes.subarray(0, bytes.length >> 1));
    throw new Error("No space left on device (os error 28)");
  },
};

Deno.test(
  "write: replaces the old image",
  withFolder((folder, path) => {
    writeImageFile(path, newImage);
    assert.deepEqual(Deno.readFileSync(path), newImage);
    assert.deepEqual(listFolder(folder), ["image.crs"]);
  }),
);

Deno.test(
  "write: creates a new file",
  withFolder((folder) => {
    const path = join(folder, "fresh.crs");
    writeImageFile(path, newImage);
    assert.deepEqual(readImageFile(path).manifest, { generation: 2 });
  }),
);

Deno.test(
  "write: disk full keeps old image",
  withFolder((folder, path) => {
    const error = thrownBy(() => writeImageFile(path, newImage, diskFullSteps));
    assert.ok(error instanceof ImageFileError, `expected ImageFileError, got ${error}`);
    assert.match(error.message, /cannot write image file .*image\.crs: No space left/);
    assert.deepEqual(Deno.readFileSync(path), oldImage);
    assert.deepEqual(listFolder(folder), ["image.crs"]);
  }),
);

Deno.test(
  "write: failed sync keeps old image",
  withFolder((folder, path) => {
    const steps: WriteSteps = {
      ...denoWriteSteps,
      sync: () => {
        throw new Error("Input/output error (os error 5)");
      },
    };
    assert.ok(thrownBy(() => writeImageFile(path, newImage, steps)) instanceof ImageFileError);
    assert.deepEqual(Deno.readFileSync(path), oldImage);
    assert.deepEqual(listFolder(folder), ["image.crs"]);
  }),
);

Deno.test(
  "write: failed rename removes temporary",
  withFolder((folder, path) => {
    // The target is a folder, so the final rename fails after the temporary file is complete.
    const target = join(folder, "taken");
    Deno.mkdirSync(target);
    Deno.writeFileSync(join(target, "inside"), oldImage);
    const error = thrownBy(() => writeImageFile(target, newImage));
    assert.ok(error instanceof ImageFileError, `expected ImageFileError, got ${error}`);
    assert.deepEqual(listFolder(folder), ["image.crs", "taken"]);
    assert.deepEqual(Deno.readFileSync(join(target, "inside")), oldImage);
    assert.deepEqual(Deno.readFileSync(path), oldImage);
  }),
);

Deno.test(
  "write: missing parent folder",
  withFolder((folder) => {
    const path = join(folder, "missing", "image.crs");
    const error = thrownBy(() => writeImageFile(path, newImage));
    assert.ok(error instanceof ImageFileError, `expected ImageFileError, got ${error}`);
    assert.match(error.message, /not found \(does the folder exist\?\)/);
    assert.deepEqual(listFolder(folder), ["image.crs"]);
  }),
);

Deno.test({
  name: "write: read-only folder keeps old image",
  // The superuser may write into a read-only folder, where this case cannot be set up.
  ignore: !readOnlyFoldersBlockWrites(),
  fn: withFolder((folder, path) => {
    Deno.chmodSync(folder, 0o555);
    const error = thrownBy(() => writeImageFile(path, newImage));
    assert.ok(error instanceof ImageFileError, `expected ImageFileError, got ${error}`);
    assert.match(error.message, /permission denied/);
    assert.deepEqual(Deno.readFileSync(path), oldImage);
    assert.deepEqual(listFolder(folder), ["image.crs"]);
  }),
});

Deno.test(
  "read: missing file",
  withFolder((folder) => {
    const path = join(folder, "absent.crs");
    const error = thrownBy(() => readImageFile(path));
    assert.ok(error instanceof ImageFileError, `expected ImageFileError, got ${error}`);
    assert.match(error.message, /^cannot read image file .*absent\.crs: not found/);
  }),
);

Deno.test(
  "read: damaged file",
  withFolder((_folder, path) => {
    const damaged = newImage.slice();
    damaged[damaged.length - 1]! ^= 1;
    Deno.writeFileSync(path, damaged);
    const error = thrownBy(() => readImageFile(path));
    assert.ok(error instanceof CorruptImageError, `expected CorruptImageError, got ${error}`);
    assert.match(error.message, /checksum mismatch in dataspace 1 pages/);
  }),
);

Deno.test(
  "write: longest file name",
  withFolder((folder) => {
    const path = join(folder, "i".repeat(251) + ".crs");
    writeImageFile(path, newImage);
    assert.deepEqual(Deno.readFileSync(path), newImage);
    assert.deepEqual(listFolder(folder), ["i".repeat(251) + ".crs", "image.crs"]);
  }),
);
