/**
 * Decoding of an image, version 1. Everything is validated before anything is returned.
 *
 * @module
 */

import { CorruptImageError } from "../errors.ts";
import { checksum } from "./checksum.ts";
import type { ImageContents } from "./contents.ts";
import { type DataspaceEntry, readEntry } from "./dataspace_table.ts";
import { checksumMismatch, readHeader } from "./header.ts";
import { ENTRY_SIZE, HEADER_SIZE, MAX_DATASPACE_PAGES, PAGE_SIZE } from "./layout.ts";
import { decodeManifest } from "./manifest.ts";
import { countPresentPages, isPagePresent } from "./page_map.ts";

/**
 * Decodes and validates an image. The returned dataspaces are fresh buffers that share no memory
 * with `bytes`.
 *
 * Checks, in this order: magic, version, header checksum, platform; that each part lies inside the
 * file, directly after the previous part; the checksums of the manifest and of the dataspace
 * table; ids strictly ascending; page map sizes; no bytes after the last part; then per dataspace
 * the checksum of its page map, that the map marks no page beyond the dataspace and as many pages
 * as the table entry records, and the checksum of its pages.
 *
 * @example Rejecting a damaged image
 * ```ts
 * import { CorruptImageError } from "../errors.ts";
 * import { decodeImage, encodeImage } from "./format.ts";
 *
 * const bytes = encodeImage({ manifest: null, dataspaces: new Map() });
 * bytes[bytes.length - 1]! ^= 0xff;
 * try {
 *   decodeImage(bytes);
 * } catch (error) {
 *   if (!(error instanceof CorruptImageError)) throw error;
 * }
 * ```
 *
 * @param bytes The whole image file.
 * @returns The manifest and the dataspaces, all-zero pages filled in.
 * @throws {CorruptImageError} with a one-line message that names what is wrong and where.
 */
export function decodeImage(bytes: Uint8Array): ImageContents {
  const header = readHeader(bytes);
  const fileSize = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // Manifest.
  validatePart("manifest", header.manifestOffset, header.manifestLength, HEADER_SIZE, fileSize);
  const manifestBytes = bytes.subarray(
    header.manifestOffset,
    header.manifestOffset + header.manifestLength,
  );
  verifyChecksum("manifest", manifestBytes, header.manifestChecksum);
  const manifest = decodeManifest(manifestBytes);

  // Dataspace table.
  const tableLength = header.dataspaceCount * ENTRY_SIZE;
  const manifestEnd = header.manifestOffset + header.manifestLength;
  validatePart("dataspace table", header.tableOffset, tableLength, manifestEnd, fileSize);
  const tableEnd = header.tableOffset + tableLength;
  verifyChecksum(
    "dataspace table",
    bytes.subarray(header.tableOffset, tableEnd),
    header.tableChecksum,
  );

  // Layout of the page maps and pages, before any of them is read.
  const entries: DataspaceEntry[] = [];
  let end = tableEnd;
  for (let index = 0; index < header.dataspaceCount; index++) {
    const entry = readEntry(view, header.tableOffset + index * ENTRY_SIZE);
    validateEntry(entry, entries[index - 1], index);
    const name = `dataspace ${entry.id}`;
    validatePart(`${name} page map`, entry.pageMapOffset, entry.pageMapLength, end, fileSize);
    end = entry.pageMapOffset + entry.pageMapLength;
    const pagesLength = entry.storedPageCount * PAGE_SIZE;
    validatePart(`${name} pages`, entry.pagesOffset, pagesLength, end, fileSize);
    end = entry.pagesOffset + pagesLength;
    entries.push(entry);
  }
  if (end !== fileSize) {
    throw new CorruptImageError(
      `${
        fileSize - end
      } bytes of trailing garbage after the last part, which ends at offset ${end}`,
    );
  }

  // Contents.
  const dataspaces = new Map<number, Uint8Array>();
  for (const entry of entries) {
    dataspaces.set(entry.id, decodeDataspace(bytes, entry));
  }
  return { manifest, dataspaces };
}

/** Throws unless the part lies inside the file and starts exactly at `expectedOffset`. */
function validatePart(
  part: string,
  offset: number,
  length: number,
  expectedOffset: number,
  fileSize: number,
): void {
  if (offset + length > fileSize) {
    throw new CorruptImageError(
      `${part} (offset ${offset}, ${length} bytes) ends past the end of the file ` +
        `(${fileSize} bytes); the file is truncated or the offset is wrong`,
    );
  }
  if (offset !== expectedOffset) {
    throw new CorruptImageError(
      `${part} is at offset ${offset}, expected ${expectedOffset}, ` +
        "directly after the previous part",
    );
  }
}

function verifyChecksum(part: string, bytes: Uint8Array, stored: number): void {
  const computed = checksum(bytes);
  if (computed !== stored) throw checksumMismatch(part, stored, computed);
}

/** Throws unless `entry` follows `previous` in id order and its sizes agree with each other. */
function validateEntry(
  entry: DataspaceEntry,
  previous: DataspaceEntry | undefined,
  index: number,
): void {
  if (previous !== undefined && entry.id <= previous.id) {
    throw new CorruptImageError(
      `dataspace table entry ${index} has id ${entry.id} after id ${previous.id}; ` +
        "ids must be strictly ascending",
    );
  }
  if (entry.pageCount > MAX_DATASPACE_PAGES) {
    throw new CorruptImageError(
      `dataspace ${entry.id} has ${entry.pageCount} pages, more than the maximum of ` +
        `${MAX_DATASPACE_PAGES}`,
    );
  }
  const mapLength = Math.ceil(entry.pageCount / 8);
  if (entry.pageMapLength !== mapLength) {
    throw new CorruptImageError(
      `dataspace ${entry.id} page map is ${entry.pageMapLength} bytes, but a dataspace of ` +
        `${entry.pageCount} pages needs ${mapLength}`,
    );
  }
  if (entry.storedPageCount > entry.pageCount) {
    throw new CorruptImageError(
      `dataspace ${entry.id} stores ${entry.storedPageCount} pages, more than its ` +
        `${entry.pageCount} pages`,
    );
  }
}

/** Verifies the page map and pages of `entry` and returns the dataspace contents. */
function decodeDataspace(bytes: Uint8Array, entry: DataspaceEntry): Uint8Array {
  const name = `dataspace ${entry.id}`;
  const bits = bytes.subarray(entry.pageMapOffset, entry.pageMapOffset + entry.pageMapLength);
  verifyChecksum(`${name} page map`, bits, entry.pageMapChecksum);
  validatePageMap(name, bits, entry);

  const pagesEnd = entry.pagesOffset + entry.storedPageCount * PAGE_SIZE;
  verifyChecksum(`${name} pages`, bytes.subarray(entry.pagesOffset, pagesEnd), entry.pagesChecksum);

  const data = allocate(name, entry.pageCount * PAGE_SIZE);
  let source = entry.pagesOffset;
  let page = 0;
  while (page < entry.pageCount) {
    if (!isPagePresent(bits, page)) {
      page++;
      continue;
    }
    // Copy a run of present pages with one call.
    let runEnd = page + 1;
    while (runEnd < entry.pageCount && isPagePresent(bits, runEnd)) runEnd++;
    const length = (runEnd - page) * PAGE_SIZE;
    data.set(bytes.subarray(source, source + length), page * PAGE_SIZE);
    source += length;
    page = runEnd;
  }
  return data;
}

/** Throws unless `bits` marks no page past the dataspace and exactly the stored page count. */
function validatePageMap(name: string, bits: Uint8Array, entry: DataspaceEntry): void {
  const usedBits = entry.pageCount % 8;
  if (usedBits !== 0) {
    const excess = bits[bits.length - 1]! >>> usedBits;
    if (excess !== 0) {
      const page = entry.pageCount + Math.log2(excess & -excess);
      throw new CorruptImageError(
        `${name} page map marks page ${page} present, but the dataspace has ` +
          `${entry.pageCount} pages`,
      );
    }
  }

  const present = countPresentPages(bits);
  if (present !== entry.storedPageCount) {
    throw new CorruptImageError(
      `${name} page map marks ${present} pages present, but the table entry records ` +
        `${entry.storedPageCount} are stored`,
    );
  }
}

function allocate(name: string, size: number): Uint8Array {
  try {
    return new Uint8Array(size);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new CorruptImageError(`${name} of ${size} bytes cannot be allocated: ${error.message}`);
  }
}
