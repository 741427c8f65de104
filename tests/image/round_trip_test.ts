import assert from "node:assert/strict";
import { decodeImage, encodeImage, type ImageContents, PAGE_SIZE } from "../../src/image/format.ts";
import { HEADER_SIZE } from "../../src/image/layout.ts";
import { randomPages } from "./_image_fixtures.ts";

function roundTrip(contents: ImageContents): ImageContents {
  return decodeImage(encodeImage(contents));
}

Deno.test("round trip: empty manifest, no dataspaces", () => {
  const decoded = roundTrip({ manifest: {}, dataspaces: new Map() });
  assert.deepEqual(decoded.manifest, {});
  assert.equal(decoded.dataspaces.size, 0);
});

Deno.test("round trip: scalar manifests", () => {
  for (const manifest of [null, true, false, 0, -1.5, 1e300, "", "ü ☃ \u0000", []]) {
    assert.deepEqual(roundTrip({ manifest, dataspaces: new Map() }).manifest, manifest);
  }
});

Deno.test("round trip: nested manifest", () => {
  const manifest = {
    threads: [{ name: "main", ip: 0x1_0074, regs: [0, 1, 2], started: true, fault: null }],
    regions: [{ at: 0x10000, size: 8192, writable: false, rom: { path: "/a b/c.elf" } }],
    'odd key "\n': { nested: { deeper: [[], {}] } },
  };
  assert.deepEqual(roundTrip({ manifest, dataspaces: new Map() }).manifest, manifest);
});

Deno.test("round trip: dense dataspaces", () => {
  const dataspaces = new Map([[7, randomPages(3, 1)], [2, randomPages(1, 2)], [
    0,
    randomPages(5, 3),
  ]]);
  const decoded = roundTrip({ manifest: { n: 3 }, dataspaces });
  assert.deepEqual([...decoded.dataspaces.keys()], [0, 2, 7]);
  for (const [id, data] of dataspaces) assert.deepEqual(decoded.dataspaces.get(id), data);
});

Deno.test("round trip: all-zero dataspace stores no pages", () => {
  const zero = new Uint8Array(64 * PAGE_SIZE);
  const bytes = encodeImage({ manifest: null, dataspaces: new Map([[1, zero]]) });
  assert.ok(bytes.length < HEADER_SIZE + 200, `image is ${bytes.length} bytes`);
  assert.deepEqual(decodeImage(bytes).dataspaces.get(1), zero);
});

Deno.test("round trip: empty dataspace", () => {
  const decoded = roundTrip({ manifest: null, dataspaces: new Map([[4, new Uint8Array(0)]]) });
  assert.equal(decoded.dataspaces.get(4)?.length, 0);
});

Deno.test("round trip: large sparse dataspace", () => {
  const pages = 16384;
  const data = new Uint8Array(pages * PAGE_SIZE);
  const present = [0, 1, 2, 100, 8191, 8192, pages - 1];
  for (const page of present) data.set(randomPages(1, page + 10), page * PAGE_SIZE);
  data[5000 * PAGE_SIZE + 4095] = 1; // one non-zero byte makes a page present
  const bytes = encodeImage({ manifest: {}, dataspaces: new Map([[9, data]]) });
  const expectedPages = present.length + 1;
  assert.ok(bytes.length < (expectedPages + 1) * PAGE_SIZE, `image is ${bytes.length} bytes`);
  assert.ok(bytes.length >= expectedPages * PAGE_SIZE, `image is ${bytes.length} bytes`);
  assert.deepEqual(decodeImage(bytes).dataspaces.get(9), data);
});

Deno.test("round trip: page count not a multiple of 8", () => {
  const data = randomPages(13, 4);
  data.fill(0, 4 * PAGE_SIZE, 9 * PAGE_SIZE);
  assert.deepEqual(
    roundTrip({ manifest: 1, dataspaces: new Map([[1, data]]) }).dataspaces.get(1),
    data,
  );
});

Deno.test("round trip: largest dataspace id", () => {
  const data = randomPages(1, 5);
  const decoded = roundTrip({ manifest: 1, dataspaces: new Map([[0xffff_ffff, data]]) });
  assert.deepEqual(decoded.dataspaces.get(0xffff_ffff), data);
});

Deno.test("encode: unaligned dataspace view", () => {
  const backing = new Uint8Array(2 * PAGE_SIZE + 1);
  backing.set(randomPages(1, 6), 1);
  const view = backing.subarray(1);
  const decoded = roundTrip({ manifest: null, dataspaces: new Map([[1, view]]) });
  assert.deepEqual(decoded.dataspaces.get(1), view);
});

Deno.test("decode: image at an offset inside a larger buffer", () => {
  const bytes = encodeImage({ manifest: [1], dataspaces: new Map([[1, randomPages(2, 7)]]) });
  const backing = new Uint8Array(bytes.length + 3);
  backing.set(bytes, 3);
  assert.deepEqual(decodeImage(backing.subarray(3)), decodeImage(bytes));
});

Deno.test("decode: dataspaces share no memory with the image", () => {
  const bytes = encodeImage({ manifest: null, dataspaces: new Map([[1, randomPages(1, 8)]]) });
  const data = decodeImage(bytes).dataspaces.get(1)!;
  assert.notEqual(data.buffer, bytes.buffer);
  const before = bytes.slice();
  data.fill(0xaa);
  assert.deepEqual(bytes, before);
});

Deno.test("encode: same contents, same bytes", () => {
  const make = () => new Map([[3, randomPages(2, 9)], [1, new Uint8Array(PAGE_SIZE)]]);
  assert.deepEqual(
    encodeImage({ manifest: { a: 1 }, dataspaces: make() }),
    encodeImage({ manifest: { a: 1 }, dataspaces: make() }),
  );
});

Deno.test("manifest: readable JSON text in the image", () => {
  const bytes = encodeImage({ manifest: { label: "init" }, dataspaces: new Map() });
  const text = new TextDecoder().decode(bytes.subarray(HEADER_SIZE));
  assert.ok(text.includes('"label": "init"'), text);
});
