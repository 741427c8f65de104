// An image names the child's ELF by path and content hash. When the file at that path no
// longer has the recorded hash, restore throws ModuleMismatchError and creates nothing:
// no child, no RAM handed out. With the original bytes back in place the same image
// restores.

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  checkpoint,
  decodeImage,
  encodeImage,
  ModuleMismatchError,
  restore,
  System,
} from "../../mod.ts";
import { exampleBytes, runUntilLines } from "../_support.ts";

/** Copies counter.elf to a temporary folder and returns the image of a child started from the copy. */
function imageOfCopy(): { path: string; image: Uint8Array } {
  const folder = Deno.makeTempDirSync();
  const path = join(folder, "counter.elf");
  Deno.writeFileSync(path, exampleBytes("counter"));
  const system = new System();
  system.loadModule(path);
  const child = system.startChild("counter.elf");
  runUntilLines(system, child, 4);
  return { path, image: encodeImage(checkpoint(system, child).contents) };
}

/** Restores `image` into a fresh machine; returns the error and what the machine holds. */
function attempt(image: Uint8Array, modulePaths?: Record<string, string>) {
  const system = new System();
  const ramAvailable = system.ramAvailable;
  let error: unknown;
  try {
    restore(system, decodeImage(image), modulePaths === undefined ? {} : { modulePaths });
  } catch (caught) {
    error = caught;
  }
  return {
    error,
    children: system.children.length,
    ramUnchanged: system.ramAvailable === ramAvailable,
  };
}

Deno.test("changed ELF: one byte changed", () => {
  const { path, image } = imageOfCopy();
  const bytes = Deno.readFileSync(path);
  bytes[0x1000] = bytes[0x1000]! ^ 0x01;
  Deno.writeFileSync(path, bytes);
  const { error, children, ramUnchanged } = attempt(image);

  assert.ok(error instanceof ModuleMismatchError, `expected ModuleMismatchError, got ${error}`);
  assert.match(error.message, /counter\.elf/);
  assert.equal(children, 0);
  assert.ok(ramUnchanged);
});

Deno.test("changed ELF: byte outside the segments", () => {
  const { path, image } = imageOfCopy();
  const bytes = Deno.readFileSync(path);
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
  Deno.writeFileSync(path, bytes);
  const { error, children } = attempt(image);

  assert.ok(error instanceof ModuleMismatchError, `expected ModuleMismatchError, got ${error}`);
  assert.equal(children, 0);
});

Deno.test("changed ELF: other module given", () => {
  const { image } = imageOfCopy();
  const folder = Deno.makeTempDirSync();
  const other = join(folder, "hello.elf");
  Deno.writeFileSync(other, exampleBytes("hello"));
  const { error, children } = attempt(image, { "counter.elf": other });

  assert.ok(error instanceof ModuleMismatchError, `expected ModuleMismatchError, got ${error}`);
  assert.equal(children, 0);
});

Deno.test("changed ELF: unchanged file restores", () => {
  const { path, image } = imageOfCopy();
  const bytes = Deno.readFileSync(path);
  bytes[0x1000] = bytes[0x1000]! ^ 0x01;
  Deno.writeFileSync(path, bytes);
  assert.ok(attempt(image).error instanceof ModuleMismatchError);

  Deno.writeFileSync(path, exampleBytes("counter"));
  const { error, children } = attempt(image);

  assert.equal(error, undefined);
  assert.equal(children, 1);
});
