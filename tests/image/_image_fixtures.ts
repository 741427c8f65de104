/**
 * Helpers for image tests: pseudo-random pages and re-sealing of hand-edited images.
 *
 * @module
 */

import { checksum } from "../../src/image/checksum.ts";
import { ENTRY_SIZE, EntryField, HeaderField, PAGE_SIZE, readU64 } from "../../src/image/layout.ts";

/** Returns `pages` pages of pseudo-random bytes from a xorshift32 generator seeded with `seed`. */
export function randomPages(pages: number, seed: number): Uint8Array {
  const data = new Uint8Array(pages * PAGE_SIZE);
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

/**
 * Recomputes every checksum of `image` in place from the offsets and lengths it contains: page
 * maps and pages, then the table, manifest and header. Offsets must lie inside the image, except
 * for the table's. Tests use it to build images that are
 * wrong in one field yet pass the checksums.
 */
export function reseal(image: Uint8Array): void {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const count = view.getUint32(HeaderField.dataspaceCount, true);
  const tableOffset = readU64(view, HeaderField.tableOffset);

  // A table that lies outside the image is left as it is: only the header can be resealed.
  const tableInside = tableOffset + count * ENTRY_SIZE <= image.length;
  for (let index = 0; tableInside && index < count; index++) {
    const entry = tableOffset + index * ENTRY_SIZE;
    const mapOffset = readU64(view, entry + EntryField.pageMapOffset);
    const mapLength = view.getUint32(entry + EntryField.pageMapLength, true);
    const pagesOffset = readU64(view, entry + EntryField.pagesOffset);
    const stored = view.getUint32(entry + EntryField.storedPageCount, true);
    const map = image.subarray(mapOffset, mapOffset + mapLength);
    const pages = image.subarray(pagesOffset, pagesOffset + stored * PAGE_SIZE);
    view.setUint32(entry + EntryField.pageMapChecksum, checksum(map), true);
    view.setUint32(entry + EntryField.pagesChecksum, checksum(pages), true);
  }

  if (tableInside) {
    const table = image.subarray(tableOffset, tableOffset + count * ENTRY_SIZE);
    view.setUint32(HeaderField.tableChecksum, checksum(table), true);
  }
  const manifestOffset = readU64(view, HeaderField.manifestOffset);
  const manifestLength = readU64(view, HeaderField.manifestLength);
  const manifest = image.subarray(manifestOffset, manifestOffset + manifestLength);
  view.setUint32(HeaderField.manifestChecksum, checksum(manifest), true);
  const header = image.subarray(0, HeaderField.headerChecksum);
  view.setUint32(HeaderField.headerChecksum, checksum(header), true);
}
