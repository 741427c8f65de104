import assert from "node:assert/strict";
import fc from "fast-check";
import { CorruptImageError } from "../../src/errors.ts";
import { decodeImage, encodeImage, type ImageContents, PAGE_SIZE } from "../../src/image/format.ts";
import {
  ENTRY_SIZE,
  EntryField,
  HEADER_SIZE,
  HeaderField,
  readU64,
  writeU64,
} from "../../src/image/layout.ts";
import { randomPages, reseal } from "./_image_fixtures.ts";

/** Encodes an image with a manifest and dataspaces 3 (13 pages, some zero) and 5 (one page). */
function sampleImage(): Uint8Array {
  const three = randomPages(13, 11);
  three.fill(0, 2 * PAGE_SIZE, 6 * PAGE_SIZE);
  const dataspaces = new Map([[5, randomPages(1, 12)], [3, three]]);
  return encodeImage({ manifest: { threads: [{ name: "main" }] }, dataspaces });
}

function view(image: Uint8Array): DataView {
  return new DataView(image.buffer, image.byteOffset, image.byteLength);
}

/** File offset of table entry `index`. */
function entryOffset(image: Uint8Array, index: number): number {
  return readU64(view(image), HeaderField.tableOffset) + index * ENTRY_SIZE;
}

function assertCorrupt(image: Uint8Array, message: RegExp): void {
  let thrown: unknown;
  try {
    decodeImage(image);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof CorruptImageError, `expected CorruptImageError, got ${thrown}`);
  assert.match(thrown.message, message);
}

/** Decodes `image` and reports how it failed; anything but CorruptImageError is a test failure. */
function decodeOutcome(image: Uint8Array): "corrupt" | "decoded" {
  try {
    decodeImage(image);
    return "decoded";
  } catch (error) {
    if (error instanceof CorruptImageError) return "corrupt";
    throw error;
  }
}

const pageArbitrary = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 0x7fff_ffff }),
);

const contentsArbitrary: fc.Arbitrary<ImageContents> = fc.record({
  manifest: fc.jsonValue({ maxDepth: 3 }),
  dataspaces: fc.uniqueArray(
    fc.tuple(fc.integer({ min: 0, max: 0xffff_ffff }), fc.array(pageArbitrary, { maxLength: 10 })),
    { maxLength: 3, selector: ([id]) => id },
  ).map((list) =>
    new Map(list.map(([id, seeds]) => {
      const data = new Uint8Array(seeds.length * PAGE_SIZE);
      seeds.forEach((seed, page) => {
        if (seed !== 0) data.set(randomPages(1, seed), page * PAGE_SIZE);
      });
      return [id, data];
    }))
  ),
});

Deno.test("property: round trip", () => {
  fc.assert(fc.property(contentsArbitrary, (contents) => {
    const decoded = decodeImage(encodeImage(contents));
    assert.deepEqual(JSON.stringify(decoded.manifest), JSON.stringify(contents.manifest));
    assert.deepEqual(decoded.dataspaces, contents.dataspaces);
  }));
});

Deno.test("property: flipped byte is detected", () => {
  fc.assert(
    fc.property(
      contentsArbitrary,
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      (contents, position, mask) => {
        const image = encodeImage(contents);
        image[position % image.length]! ^= mask;
        assert.deepEqual(decodeOutcome(image), "corrupt");
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("property: truncation is detected", () => {
  fc.assert(
    fc.property(contentsArbitrary, fc.nat(), (contents, cut) => {
      const image = encodeImage(contents);
      assert.deepEqual(decodeOutcome(image.subarray(0, cut % image.length)), "corrupt");
    }),
    { numRuns: 300 },
  );
});

Deno.test("flip: every byte of a sample image", () => {
  const image = sampleImage();
  for (let position = 0; position < image.length; position++) {
    for (const mask of [0x01, 0x80, 0xff]) {
      const damaged = image.slice();
      damaged[position]! ^= mask;
      assert.deepEqual(decodeOutcome(damaged), "corrupt", `byte ${position} mask ${mask}`);
    }
  }
});

Deno.test("truncate: every length of a sample image", () => {
  const image = sampleImage();
  for (let length = 0; length < image.length; length++) {
    assert.deepEqual(decodeOutcome(image.subarray(0, length)), "corrupt", `length ${length}`);
  }
});

Deno.test("checksum mismatch names the part", () => {
  const image = sampleImage();
  const three = entryOffset(image, 0);
  const five = entryOffset(image, 1);
  const cases: [number, RegExp][] = [
    [HeaderField.dataspaceCount, /checksum mismatch in header \(stored/],
    [HEADER_SIZE + 3, /checksum mismatch in manifest/],
    [three + EntryField.pageCount, /checksum mismatch in dataspace table/],
    [readU64(view(image), three + EntryField.pageMapOffset), /dataspace 3 page map/],
    [readU64(view(image), three + EntryField.pagesOffset) + 5000, /dataspace 3 pages/],
    [readU64(view(image), five + EntryField.pagesOffset) + 4095, /dataspace 5 pages/],
  ];
  for (const [position, message] of cases) {
    const damaged = image.slice();
    damaged[position]! ^= 0x10;
    assertCorrupt(damaged, message);
  }
});

Deno.test("decode: empty file", () => {
  assertCorrupt(new Uint8Array(0), /file is 0 bytes, shorter than the 64-byte header/);
});

Deno.test("decode: wrong magic", () => {
  const image = sampleImage();
  image.set(new TextEncoder().encode("\x7fELF"), 0);
  assertCorrupt(image, /wrong magic 7f 45 4c 46 .* not a crspec image/);
});

Deno.test("decode: wrong magic in a short file", () => {
  assertCorrupt(new TextEncoder().encode("hi"), /wrong magic 68 69 at offset 0/);
});

Deno.test("decode: wrong version", () => {
  const image = sampleImage();
  view(image).setUint32(HeaderField.version, 2, true);
  assertCorrupt(image, /unsupported image version 2; this reader supports version 1 only/);
});

Deno.test("decode: wrong platform", () => {
  const image = sampleImage();
  image.set(new TextEncoder().encode("RV64GC"), HeaderField.platform);
  reseal(image);
  assertCorrupt(image, /platform "RV64GC", expected "RV32IM"/);
});

Deno.test("decode: reserved field set", () => {
  const image = sampleImage();
  view(image).setUint32(HeaderField.reserved, 1, true);
  reseal(image);
  assertCorrupt(image, /reserved header field at offset 56 is 1/);
});

Deno.test("decode: trailing garbage", () => {
  const image = sampleImage();
  const longer = new Uint8Array(image.length + 3);
  longer.set(image);
  assertCorrupt(longer, new RegExp(`3 bytes of trailing garbage .* offset ${image.length}$`));
});

Deno.test("decode: manifest past the end", () => {
  const image = sampleImage();
  writeU64(view(image), HeaderField.manifestLength, 1_000_000);
  reseal(image);
  assertCorrupt(image, /manifest \(offset 64, 1000000 bytes\) ends past the end of the file/);
});

Deno.test("decode: table offset outside the file", () => {
  const image = sampleImage();
  writeU64(view(image), HeaderField.tableOffset, 2 ** 40);
  reseal(image);
  assertCorrupt(image, /dataspace table \(offset 1099511627776, 80 bytes\) ends past the end/);
});

Deno.test("decode: huge dataspace count", () => {
  const image = sampleImage();
  view(image).setUint32(HeaderField.dataspaceCount, 0xffff_ffff, true);
  reseal(image);
  assertCorrupt(image, /dataspace table .* ends past the end of the file/);
});

Deno.test("decode: page map offset outside the file", () => {
  const image = sampleImage();
  writeU64(view(image), entryOffset(image, 1) + EntryField.pageMapOffset, 2 ** 60);
  reseal(image);
  assertCorrupt(image, /dataspace 5 page map \(offset \d+, 1 bytes\) ends past the end/);
});

Deno.test("decode: part not where the layout puts it", () => {
  const image = sampleImage();
  writeU64(view(image), HeaderField.manifestOffset, 65);
  writeU64(view(image), HeaderField.manifestLength, 3);
  reseal(image);
  assertCorrupt(image, /manifest is at offset 65, expected 64/);
});

Deno.test("decode: page map marks page past the end", () => {
  const image = sampleImage();
  const entry = entryOffset(image, 0);
  const mapOffset = readU64(view(image), entry + EntryField.pageMapOffset);
  image[mapOffset + 1]! |= 0x40; // page 14 of a 13-page dataspace
  reseal(image);
  assertCorrupt(
    image,
    /dataspace 3 page map marks page 14 present, but the dataspace has 13 pages/,
  );
});

Deno.test("decode: page map longer than needed", () => {
  const image = sampleImage();
  view(image).setUint32(entryOffset(image, 0) + EntryField.pageCount, 8, true);
  reseal(image);
  assertCorrupt(image, /dataspace 3 page map is 2 bytes, but a dataspace of 8 pages needs 1/);
});

Deno.test("decode: stored page count disagrees with map", () => {
  const image = sampleImage();
  const entry = entryOffset(image, 0);
  const mapOffset = readU64(view(image), entry + EntryField.pageMapOffset);
  image[mapOffset]! &= ~0x01; // page 0 no longer marked, still stored
  reseal(image);
  assertCorrupt(image, /dataspace 3 page map marks 8 pages present, but the table entry records 9/);
});

Deno.test("decode: more stored pages than pages", () => {
  const image = sampleImage();
  view(image).setUint32(entryOffset(image, 1) + EntryField.storedPageCount, 2, true);
  reseal(image);
  assertCorrupt(image, /dataspace 5 stores 2 pages, more than its 1 pages/);
});

Deno.test("decode: dataspace larger than 4 GiB", () => {
  const image = sampleImage();
  view(image).setUint32(entryOffset(image, 1) + EntryField.pageCount, 0x10_0000, true);
  reseal(image);
  assertCorrupt(image, /dataspace 5 has 1048576 pages, more than the maximum/);
});

Deno.test("decode: ids not ascending", () => {
  const image = sampleImage();
  view(image).setUint32(entryOffset(image, 1) + EntryField.id, 3, true);
  reseal(image);
  assertCorrupt(image, /entry 1 has id 3 after id 3; ids must be strictly ascending/);
});

Deno.test("decode: manifest not JSON", () => {
  const image = sampleImage();
  image[HEADER_SIZE] = "x".charCodeAt(0);
  reseal(image);
  assertCorrupt(image, /^corrupt image: manifest is not valid JSON: /);
});

Deno.test("decode: manifest not UTF-8", () => {
  const image = sampleImage();
  image[HEADER_SIZE + 1] = 0xff;
  reseal(image);
  assertCorrupt(image, /manifest is not valid UTF-8/);
});

Deno.test("decode: messages are one line", () => {
  const image = sampleImage();
  for (let length = 0; length < image.length; length += 97) {
    try {
      decodeImage(image.subarray(0, length));
    } catch (error) {
      assert.ok(error instanceof CorruptImageError, `expected CorruptImageError, got ${error}`);
      assert.doesNotMatch(error.message, /\n/);
    }
  }
});
