/**
 * The dataspace table: one 40-byte entry per dataspace, in ascending order of id, saying where
 * its page map and its stored pages lie and what their checksums are.
 *
 * @module
 */

import { EntryField, readU64, writeU64 } from "./layout.ts";

/** One entry of the dataspace table. */
export interface DataspaceEntry {
  /** Dataspace id. */
  id: number;
  /** Dataspace size in pages. */
  pageCount: number;
  /** File offset of the page map. */
  pageMapOffset: number;
  /** Length of the page map in bytes. */
  pageMapLength: number;
  /** Number of pages stored. */
  storedPageCount: number;
  /** File offset of the stored pages. */
  pagesOffset: number;
  /** CRC-32 of the page map. */
  pageMapChecksum: number;
  /** CRC-32 of the stored pages. */
  pagesChecksum: number;
}

/** Writes `entry` at byte `offset` of `view`. */
export function writeEntry(view: DataView, offset: number, entry: DataspaceEntry): void {
  view.setUint32(offset + EntryField.id, entry.id, true);
  view.setUint32(offset + EntryField.pageCount, entry.pageCount, true);
  writeU64(view, offset + EntryField.pageMapOffset, entry.pageMapOffset);
  view.setUint32(offset + EntryField.pageMapLength, entry.pageMapLength, true);
  view.setUint32(offset + EntryField.storedPageCount, entry.storedPageCount, true);
  writeU64(view, offset + EntryField.pagesOffset, entry.pagesOffset);
  view.setUint32(offset + EntryField.pageMapChecksum, entry.pageMapChecksum, true);
  view.setUint32(offset + EntryField.pagesChecksum, entry.pagesChecksum, true);
}

/** Reads the entry at byte `offset` of `view`; the caller validates it. */
export function readEntry(view: DataView, offset: number): DataspaceEntry {
  return {
    id: view.getUint32(offset + EntryField.id, true),
    pageCount: view.getUint32(offset + EntryField.pageCount, true),
    pageMapOffset: readU64(view, offset + EntryField.pageMapOffset),
    pageMapLength: view.getUint32(offset + EntryField.pageMapLength, true),
    storedPageCount: view.getUint32(offset + EntryField.storedPageCount, true),
    pagesOffset: readU64(view, offset + EntryField.pagesOffset),
    pageMapChecksum: view.getUint32(offset + EntryField.pageMapChecksum, true),
    pagesChecksum: view.getUint32(offset + EntryField.pagesChecksum, true),
  };
}
