/**
 * Reading and atomic writing of image files.
 *
 * @module
 */

import { basename, dirname, join } from "node:path";
import { ImageFileError } from "../errors.ts";
import type { ImageContents } from "./contents.ts";
import { decodeImage } from "./decode.ts";

/**
 * File-system steps of an atomic write. Tests replace one of them to inject a failure such as a
 * full disk.
 */
export interface WriteSteps {
  /** Creates `path`, which must not exist yet, and opens it for writing. */
  create(path: string): Deno.FsFile;
  /** Writes all of `bytes` to `file`. */
  write(file: Deno.FsFile, bytes: Uint8Array): void;
  /** Flushes `file` to the disk. */
  sync(file: Deno.FsFile): void;
  /** Renames `from` to `to`, replacing `to`. */
  rename(from: string, to: string): void;
}

/** The real file-system steps. */
export const denoWriteSteps: WriteSteps = {
  create: (path) => Deno.openSync(path, { write: true, createNew: true, mode: 0o644 }),
  write: (file, bytes) => {
    let written = 0;
    while (written < bytes.length) written += file.writeSync(bytes.subarray(written));
  },
  sync: (file) => file.syncSync(),
  rename: (from, to) => Deno.renameSync(from, to),
};

/**
 * Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to the
 * disk, then renamed over `path`. A failure at any step removes the temporary file and leaves
 * whatever was at `path` untouched, so a crash or a full disk never damages an existing image.
 *
 * @example
 * ```ts
 * import { encodeImage, readImageFile, writeImageFile } from "./format.ts";
 *
 * const path = Deno.makeTempFileSync({ suffix: ".img" });
 * writeImageFile(path, encodeImage({ manifest: {}, dataspaces: new Map() }));
 * readImageFile(path);
 * Deno.removeSync(path);
 * ```
 *
 * @param path Where the image goes; its folder must exist.
 * @param bytes The encoded image.
 * @param steps File-system steps; the default performs them on the real file system.
 * @throws {ImageFileError} if any step fails, with the system's reason.
 */
export function writeImageFile(
  path: string,
  bytes: Uint8Array,
  steps: WriteSteps = denoWriteSteps,
): void {
  const folder = dirname(path);
  // A prefix of the name keeps the temporary name within the usual 255-byte limit of a file name.
  const temporary = join(folder, `.${basename(path).slice(0, 100)}.${crypto.randomUUID()}.tmp`);
  let file: Deno.FsFile | undefined;
  let created = false;

  try {
    file = steps.create(temporary);
    created = true;
    steps.write(file, bytes);
    steps.sync(file);
    const written = file;
    file = undefined;
    written.close();
    steps.rename(temporary, path);
    created = false;
  } catch (error) {
    closeQuietly(file);
    const leftover = created ? removeTemporary(temporary) : undefined;
    const reason = reasonOf(error);
    throw new ImageFileError(
      "write",
      path,
      leftover === undefined ? reason : `${reason}; ${leftover}`,
    );
  }

  syncFolder(folder);
}

/**
 * Reads and decodes the image file at `path`.
 *
 * @param path The image file.
 * @returns The decoded contents.
 * @throws {ImageFileError} if the file cannot be read (for example, it does not exist).
 * @throws {import("../errors.ts").CorruptImageError} if its contents are not a valid image.
 */
export function readImageFile(path: string): ImageContents {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(path);
  } catch (error) {
    throw new ImageFileError("read", path, reasonOf(error));
  }
  return decodeImage(bytes);
}

/** Closes `file` after a failed write; a second failure would hide the first, so it is dropped. */
function closeQuietly(file: Deno.FsFile | undefined): void {
  try {
    file?.close();
  } catch {
    // The write has failed already, and that error is the one reported.
  }
}

/** Removes the temporary file; returns a note for the error message if that fails. */
function removeTemporary(path: string): string | undefined {
  try {
    Deno.removeSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    return `the temporary file ${path} could not be removed (${
      reasonOf(error)
    }), delete it by hand`;
  }
  return undefined;
}

/** Flushes the folder entry of the renamed file, so that the rename survives a crash. */
function syncFolder(folder: string): void {
  // NOTE: on systems where a folder cannot be opened or flushed (Windows) the rename is still
  // complete, only its durability across a crash is weaker, so the failure is ignored.
  try {
    const handle = Deno.openSync(folder, { read: true });
    try {
      handle.syncSync();
    } finally {
      handle.close();
    }
  } catch {
    // See the note above.
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Deno.errors.NotFound) return "not found (does the folder exist?)";
  if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
