/**
 * Byte layout of an image file, version 1: sizes and field offsets shared by the encoder and the
 * decoder. `docs/image-format.md` describes the same layout for readers in other languages.
 *
 * All integers are little-endian. An image is the header, the manifest, the dataspace table, and
 * then for each table entry in order its page map and its stored pages. The parts follow each
 * other without gaps, so every byte of the file is covered by exactly one checksum.
 *
 * @module
 */

/** Version of the image format that this code writes and reads. */
export const IMAGE_VERSION = 1;

/** The first 8 bytes of every image: ASCII `CRSPECIM`. */
export const IMAGE_MAGIC: Uint8Array = new TextEncoder().encode("CRSPECIM");

/** Platform of the checkpointed child, stored NUL-padded in an 8-byte header field. */
export const IMAGE_PLATFORM = "RV32IM";

/** Size of a page in bytes; dataspace sizes are multiples of it. */
export const PAGE_SIZE = 4096;

/** Size of the header in bytes. */
export const HEADER_SIZE = 64;

/** Byte offsets of the header fields. */
export const HeaderField = {
  /** 8 bytes: {@linkcode IMAGE_MAGIC}. */
  magic: 0,
  /** u32: format version. */
  version: 8,
  /** 8 bytes: ASCII platform name, NUL-padded. */
  platform: 12,
  /** u32: number of entries in the dataspace table. */
  dataspaceCount: 20,
  /** u64: file offset of the manifest. */
  manifestOffset: 24,
  /** u64: length of the manifest in bytes. */
  manifestLength: 32,
  /** u64: file offset of the dataspace table. */
  tableOffset: 40,
  /** u32: CRC-32 of the manifest. */
  manifestChecksum: 48,
  /** u32: CRC-32 of the dataspace table. */
  tableChecksum: 52,
  /** u32: reserved, zero. */
  reserved: 56,
  /** u32: CRC-32 of header bytes 0 to 59. */
  headerChecksum: 60,
} as const;

/** Size of one dataspace table entry in bytes. */
export const ENTRY_SIZE = 40;

/** Byte offsets of the fields of a dataspace table entry, relative to the entry. */
export const EntryField = {
  /** u32: dataspace id. */
  id: 0,
  /** u32: dataspace size in pages. */
  pageCount: 4,
  /** u64: file offset of the page map. */
  pageMapOffset: 8,
  /** u32: length of the page map in bytes, `ceil(pageCount / 8)`. */
  pageMapLength: 16,
  /** u32: number of pages stored, the number of bits set in the page map. */
  storedPageCount: 20,
  /** u64: file offset of the stored pages. */
  pagesOffset: 24,
  /** u32: CRC-32 of the page map. */
  pageMapChecksum: 32,
  /** u32: CRC-32 of the stored pages. */
  pagesChecksum: 36,
} as const;

/** Largest value of a u32 field, such as a dataspace id. */
export const U32_MAX = 0xffff_ffff;

/** Reads the u64 at `offset`; values of 2^53 and above come back inexact but still that large. */
export function readU64(view: DataView, offset: number): number {
  const low = view.getUint32(offset, true);
  const high = view.getUint32(offset + 4, true);
  return high * 0x1_0000_0000 + low;
}

/** Writes `value`, a non-negative safe integer, as a u64 at `offset`. */
export function writeU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value % 0x1_0000_0000, true);
  view.setUint32(offset + 4, Math.floor(value / 0x1_0000_0000), true);
}

/**
 * Largest dataspace in pages: 4 GiB less one page. Sizes on a 32-bit platform are 32-bit
 * (`size_t`), so no RAM dataspace of an RV32 child can be larger.
 */
export const MAX_DATASPACE_PAGES = 0xf_ffff;
