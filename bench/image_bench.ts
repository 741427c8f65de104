/**
 * Image encode and decode against a plain copy of the same dataspace bytes into fresh buffers
 * (the `baseline` of each group), so that `deno bench` prints the ratio. Decoding includes
 * checksum verification and copying the pages into fresh dataspace buffers.
 *
 * Run: `deno bench --allow-read --allow-write bench/image_bench.ts`
 *
 * Measured with Deno 2.9.6 on a 2-core x86-64 AMD EPYC, three runs, mean time per iteration
 * and the ratio to the copy of the same group:
 *
 * | group                 | copy          | decode        | decode / copy    | encode / copy    |
 * | --------------------- | ------------- | ------------- | ---------------- | ---------------- |
 * | 1 MiB random          | 111 to 354 µs | 129 to 340 µs | 1.17, 2.96, 0.63 | 1.28, 1.30, 0.52 |
 * | 16 MiB random         | 4.0 to 4.9 ms | 4.8 to 5.1 ms | 1.02, 1.28, 0.98 | 1.02, 1.25, 1.04 |
 * | 64 MiB random         | 32 to 63 ms   | 36 to 64 ms   | 0.99, 1.02, 1.15 | 1.12, 1.20, 1.29 |
 * | 64 MiB, 1 in 16 pages | 30 to 60 ms   | 5.9 to 6.8 ms | 0.20, 0.11, 0.20 | 0.22, 0.16, 0.26 |
 *
 * The means swing from run to run because garbage collection of the fresh buffers lands on
 * whichever case runs at the time. NOTE: at 1 MiB the data stays in the cache, so the copy is
 * fast and the CRC-32 pass (about 18 µs) adds a quarter to a half to it. The minimum times were
 * 51 µs for the copy and 77 µs for decode; medians of 3000 timed calls were 71 to 79 µs and
 * 91 to 94 µs, a factor of 1.2 to 1.3.
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
