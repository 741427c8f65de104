// A damaged or inconsistent image is rejected with a typed error before anything is
// restored: a truncated file, a flipped byte in the header, the manifest or the pages, an
// image of another format version, a manifest that names a dataspace or a capability
// object that is not there, or an image whose ELF is not the file at hand. The machine
// keeps the children and RAM it had, and the image file is left as it was.

import assert from "node:assert/strict";
import { join } from "node:path";
import {
  checkpoint,
  CorruptImageError,
  decodeImage,
  encodeImage,
  IMAGE_VERSION,
  type ImageContents,
  type Manifest,
  ModuleMismatchError,
  readImageFile,
  restore,
  System,
} from "../../mod.ts";
import { exampleBytes, examplePath, runUntilLines, startExample } from "../_support.ts";

/** Returns a counter checkpoint after 5 LOG lines, its manifest and its encoded image. */
function counterImage(): { contents: ImageContents; manifest: Manifest; bytes: Uint8Array } {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 5);
  const taken = checkpoint(system, child);
  return { contents: taken.contents, manifest: taken.manifest, bytes: encodeImage(taken.contents) };
}

/** Restores what `load` returns on a machine that runs one child already. */
function attempt(load: () => ImageContents, modulePaths?: Record<string, string>) {
  const system = new System();
  system.loadModule(examplePath("hello"));
  system.startChild("hello.elf");
  const ramAvailable = system.ramAvailable;
  let error: unknown;
  try {
    restore(system, load(), modulePaths === undefined ? {} : { modulePaths });
  } catch (caught) {
    error = caught;
  }
  return {
    error,
    children: system.children.length,
    ramUnchanged: system.ramAvailable === ramAvailable,
  };
}

/** Asserts that restoring what `load` returns fails with `type` and creates nothing. */
function assertRejected(
  load: () => ImageContents,
  type: typeof CorruptImageError | typeof ModuleMismatchError,
  modulePaths?: Record<string, string>,
): Error {
  const { error, children, ramUnchanged } = attempt(load, modulePaths);

  assert.ok(error instanceof type, `expected ${type.name}, got ${error}`);
  assert.equal(children, 1);
  assert.ok(ramUnchanged);
  return error;
}

const { bytes: image, manifest } = counterImage();
const manifestOffset = Number(new DataView(image.buffer).getBigUint64(24, true));

for (
  const length of [
    0,
    7,
    40,
    63,
    64,
    manifestOffset + 10,
    Math.floor(image.length / 2),
    image.length - 1,
  ]
) {
  Deno.test(`corrupt image: truncated to ${length} bytes`, () => {
    assertRejected(() => decodeImage(image.slice(0, length)), CorruptImageError);
  });
}

const flips: Array<[string, number]> = [
  ["magic", 0],
  ["version", 8],
  ["platform", 13],
  ["manifest offset", 24],
  ["manifest checksum", 48],
  ["header checksum", 61],
  ["manifest start", manifestOffset],
  ["manifest middle", manifestOffset + 200],
  ["first page byte", image.length - 4096],
  ["last byte", image.length - 1],
];

for (const [part, offset] of flips) {
  Deno.test(`corrupt image: flipped byte in ${part}`, () => {
    const damaged = image.slice();
    damaged[offset] = damaged[offset]! ^ 0x10;

    assertRejected(() => decodeImage(damaged), CorruptImageError);
  });
}

Deno.test("corrupt image: other format version", () => {
  const other = image.slice();
  new DataView(other.buffer).setUint32(8, IMAGE_VERSION + 1, true);
  const error = assertRejected(() => decodeImage(other), CorruptImageError);

  assert.match(error.message, /version/);
});

Deno.test("corrupt image: other manifest version", () => {
  const { contents } = counterImage();
  const edited = { ...contents, manifest: { ...manifest, version: manifest.version + 1 } };
  const error = assertRejected(() => decodeImage(encodeImage(edited)), CorruptImageError);

  assert.match(error.message, /version/);
});

Deno.test("corrupt image: dataspace contents missing", () => {
  const { contents } = counterImage();
  const edited = { manifest: contents.manifest, dataspaces: new Map() };

  assertRejected(() => decodeImage(encodeImage(edited)), CorruptImageError);
});

Deno.test("corrupt image: attachment names a missing dataspace", () => {
  const { contents } = counterImage();
  const objects = manifest.objects.map((object) =>
    object.kind === "region-map"
      ? {
        ...object,
        attachments: object.attachments.map((entry) => ({ ...entry, dataspace: 999 })),
      }
      : object
  );
  const edited = { ...contents, manifest: { ...manifest, objects } };

  assertRejected(() => decodeImage(encodeImage(edited)), CorruptImageError);
});

Deno.test("corrupt image: capability names a missing object", () => {
  const { contents } = counterImage();
  const capabilities = [...manifest.capabilities, { index: 30, object: 999 }];
  const edited = { ...contents, manifest: { ...manifest, capabilities } };

  assertRejected(() => decodeImage(encodeImage(edited)), CorruptImageError);
});

Deno.test("corrupt image: image of another child's ELF", () => {
  const folder = Deno.makeTempDirSync();
  const hello = join(folder, "counter.elf");
  Deno.writeFileSync(hello, exampleBytes("hello"));

  assertRejected(() => decodeImage(image), ModuleMismatchError, { "counter.elf": hello });
});

Deno.test("corrupt image: file left untouched", () => {
  const folder = Deno.makeTempDirSync();
  const path = join(folder, "counter.img");
  const damaged = image.slice();
  damaged[manifestOffset + 200] = damaged[manifestOffset + 200]! ^ 0x10;
  Deno.writeFileSync(path, damaged);

  assertRejected(() => readImageFile(path), CorruptImageError);
  assert.deepEqual(Deno.readFileSync(path), damaged);
  assert.deepEqual([...Deno.readDirSync(folder)].map((entry) => entry.name), ["counter.img"]);
});

Deno.test("corrupt image: intact image restores", () => {
  const { error, children } = attempt(() => decodeImage(image));

  assert.equal(error, undefined);
  assert.equal(children, 2);
});
