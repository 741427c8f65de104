/**
 * The page map of a dataspace: one bit per page, set when the page is stored in the image. Bit
 * `i` is bit `i % 8` (least significant first) of byte `floor(i / 8)`. All-zero pages are not
 * stored, and their bits are clear.
 *
 * @module
 */

import { PAGE_SIZE } from "./layout.ts";

/** A dataspace's page map with the number of bits it sets. */
export interface PageMap {
  /** The bitmap, `ceil(pageCount / 8)` bytes. */
  bits: Uint8Array;
  /** Number of pages marked present. */
  storedPageCount: number;
}

/** Builds the page map of `data`, whose length is a multiple of {@linkcode PAGE_SIZE}. */
export function buildPageMap(data: Uint8Array): PageMap {
  const pageCount = data.length / PAGE_SIZE;
  const bits = new Uint8Array(Math.ceil(pageCount / 8));
  const words = wordView(data);
  let storedPageCount = 0;

  for (let page = 0; page < pageCount; page++) {
    const zero = words === undefined
      ? isZeroBytes(data, page * PAGE_SIZE)
      : isZeroWords(words, page * (PAGE_SIZE / 4));
    if (!zero) {
      bits[page >>> 3]! |= 1 << (page & 7);
      storedPageCount++;
    }
  }
  return { bits, storedPageCount };
}

/** Tells whether `bits` marks page `page` present. */
export function isPagePresent(bits: Uint8Array, page: number): boolean {
  return ((bits[page >>> 3]! >>> (page & 7)) & 1) === 1;
}

/** Counts the bits set in `bits`. */
export function countPresentPages(bits: Uint8Array): number {
  let count = 0;
  for (const byte of bits) {
    let b = byte;
    while (b !== 0) {
      b &= b - 1;
      count++;
    }
  }
  return count;
}

/** Returns a 32-bit view of `data`, or undefined when its offset is not 4-byte aligned. */
function wordView(data: Uint8Array): Int32Array | undefined {
  if (data.byteOffset % 4 !== 0) return undefined;
  return new Int32Array(data.buffer, data.byteOffset, data.length / 4);
}

function isZeroWords(words: Int32Array, start: number): boolean {
  // OR eight words at a time: one branch per 32 bytes scans zero pages faster than one per word.
  const end = start + PAGE_SIZE / 4;
  for (let i = start; i < end; i += 8) {
    if (
      (words[i]! | words[i + 1]! | words[i + 2]! | words[i + 3]! | words[i + 4]! |
        words[i + 5]! | words[i + 6]! | words[i + 7]!) !== 0
    ) return false;
  }
  return true;
}

function isZeroBytes(data: Uint8Array, start: number): boolean {
  const end = start + PAGE_SIZE;
  for (let i = start; i < end; i++) if (data[i] !== 0) return false;
  return true;
}
