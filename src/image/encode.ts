/**
 * Encoding of an image, version 1.
 *
 * @module
 */

import { InvalidArgumentError } from "../errors.ts";
import { checksum } from "./checksum.ts";
import type { ImageContents } from "./contents.ts";
import { type DataspaceEntry, writeEntry } from "./dataspace_table.ts";
import { writeHeader } from "./header.ts";
import { ENTRY_SIZE, HEADER_SIZE, MAX_DATASPACE_PAGES, PAGE_SIZE, U32_MAX } from "./layout.ts";
import { encodeManifest } from "./manifest.ts";
import { buildPageMap, isPagePresent, type PageMap } from "./page_map.ts";

/**
 * Encodes `contents` as an image: header, manifest, dataspace table, and per dataspace (in
 * ascending order of id) its page map and its non-zero pages. The input is not modified.
 *
 * @example Round trip
 * ```ts
 * import { decodeImage, encodeImage } from "./format.ts";
 *
 * const page = new Uint8Array(4096).fill(7);
 * const bytes = encodeImage({ manifest: { threads: [] }, dataspaces: new Map([[1, page]]) });
 * const decoded = decodeImage(bytes);
 * if (decoded.dataspaces.get(1)?.[0] !== 7) throw new Error("round trip failed");
 * ```
 *
 * @param contents The manifest and the dataspaces to store.
 * @returns The image bytes.
 * @throws {InvalidArgumentError} if the manifest is not plain JSON, a dataspace id is not an
 * integer from 0 to 2^32 - 1, or a dataspace's length is not a multiple of 4096 or exceeds 4 GiB.
 */
export function encodeImage(contents: ImageContents): Uint8Array {
  const ids = [...contents.dataspaces.keys()].sort((a, b) => a - b);
  for (const id of ids) validateDataspace(id, contents.dataspaces.get(id));
  const manifest = encodeManifest(contents.manifest);

  // Plan the layout: every part follows the previous one without a gap.
  const tableOffset = HEADER_SIZE + manifest.length;
  let end = tableOffset + ids.length * ENTRY_SIZE;
  const planned: { data: Uint8Array; map: PageMap; entry: DataspaceEntry }[] = [];
  for (const id of ids) {
    const data = contents.dataspaces.get(id)!;
    const map = buildPageMap(data);
    const entry: DataspaceEntry = {
      id,
      pageCount: data.length / PAGE_SIZE,
      pageMapOffset: end,
      pageMapLength: map.bits.length,
      storedPageCount: map.storedPageCount,
      pagesOffset: end + map.bits.length,
      pageMapChecksum: 0,
      pagesChecksum: 0,
    };
    end = entry.pagesOffset + map.storedPageCount * PAGE_SIZE;
    planned.push({ data, map, entry });
  }

  // Fill the parts, checksumming each once it is complete.
  const image = new Uint8Array(end);
  const view = new DataView(image.buffer);
  image.set(manifest, HEADER_SIZE);
  planned.forEach(({ data, map, entry }, index) => {
    image.set(map.bits, entry.pageMapOffset);
    copyStoredPages(data, map.bits, entry.pageCount, image, entry.pagesOffset);
    entry.pageMapChecksum = checksum(image.subarray(entry.pageMapOffset, entry.pagesOffset));
    entry.pagesChecksum = checksum(
      image.subarray(entry.pagesOffset, entry.pagesOffset + entry.storedPageCount * PAGE_SIZE),
    );
    writeEntry(view, tableOffset + index * ENTRY_SIZE, entry);
  });

  const tableEnd = tableOffset + ids.length * ENTRY_SIZE;
  writeHeader(image, {
    dataspaceCount: ids.length,
    manifestOffset: HEADER_SIZE,
    manifestLength: manifest.length,
    tableOffset,
    manifestChecksum: checksum(manifest),
    tableChecksum: checksum(image.subarray(tableOffset, tableEnd)),
  });
  return image;
}

function validateDataspace(id: number, data: Uint8Array | undefined): void {
  if (!Number.isInteger(id) || id < 0 || id > U32_MAX) {
    throw new InvalidArgumentError(
      `dataspace id ${id} is not an integer from 0 to ${U32_MAX}; an image stores ids as u32`,
    );
  }
  if (!(data instanceof Uint8Array)) {
    throw new InvalidArgumentError(`dataspace ${id} contents are not a Uint8Array`);
  }
  if (data.length % PAGE_SIZE !== 0) {
    throw new InvalidArgumentError(
      `dataspace ${id} is ${data.length} bytes, not a multiple of the ${PAGE_SIZE}-byte page`,
    );
  }
  if (data.length / PAGE_SIZE > MAX_DATASPACE_PAGES) {
    throw new InvalidArgumentError(
      `dataspace ${id} is ${data.length} bytes, more than the ${MAX_DATASPACE_PAGES} pages ` +
        "that a dataspace of a 32-bit child can have",
    );
  }
}

/** Copies the pages that `bits` marks present, in ascending order, to `image` at `offset`. */
function copyStoredPages(
  data: Uint8Array,
  bits: Uint8Array,
  pageCount: number,
  image: Uint8Array,
  offset: number,
): void {
  let target = offset;
  let page = 0;
  while (page < pageCount) {
    if (!isPagePresent(bits, page)) {
      page++;
      continue;
    }
    // Copy a run of present pages with one call.
    let runEnd = page + 1;
    while (runEnd < pageCount && isPagePresent(bits, runEnd)) runEnd++;
    image.set(data.subarray(page * PAGE_SIZE, runEnd * PAGE_SIZE), target);
    target += (runEnd - page) * PAGE_SIZE;
    page = runEnd;
  }
}
