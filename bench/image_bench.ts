/**
 * Image encode and decode against a plain copy of the same dataspace bytes into fresh buffers
 * (the `baseline` of each group), so that `deno bench` prints the ratio. Decoding includes
 * checksum verification and copying the pages into fresh dataspace buffers.
 *
 * Run: `deno bench --allow-read --allow-write bench/image_bench.ts`
 *
 * @module
 */

import { decodeImage, encodeImage, PAGE_SIZE } from "../src/image/format.ts";

const MIB = 1024 * 1024;

/** Pseudo-random bytes from a xorshift32 generator: no page is all zero. */
function randomBytes(size: number, seed: number): Uint8Array {
  const data = new Uint8Array(size);
  const words = new Uint32Array(data.buffer);
  let state = seed | 1;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  return data;
}

/** Adds a group: baseline copy, encode and decode of one dataspace with `data`. */
function benchGroup(group: string, data: Uint8Array): void {
  const dataspaces = new Map([[1, data]]);
  const image = encodeImage({ manifest: { threads: [{ name: "main" }] }, dataspaces });

  Deno.bench({ name: `${group}: copy`, group, baseline: true }, () => {
    const copy = new Uint8Array(data.length);
    copy.set(data);
  });
  Deno.bench({ name: `${group}: decode`, group }, () => {
    decodeImage(image);
  });
  Deno.bench({ name: `${group}: encode`, group }, () => {
    encodeImage({ manifest: { threads: [{ name: "main" }] }, dataspaces });
  });
}

for (const size of [1, 16, 64]) benchGroup(`${size} MiB random`, randomBytes(size * MIB, size));

// Mostly zero: one page in 16 contains non-zero bytes, as in a sparse heap.
const sparse = new Uint8Array(64 * MIB);
for (let page = 0; page < sparse.length / PAGE_SIZE; page += 16) {
  sparse.set(randomBytes(PAGE_SIZE, page + 1), page * PAGE_SIZE);
}
benchGroup("64 MiB, 1 page in 16 non-zero", sparse);
