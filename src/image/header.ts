/**
 * The 64-byte header of an image: magic, version, platform, where the manifest and the dataspace
 * table lie, their checksums, and a checksum of the header itself.
 *
 * @module
 */

import { CorruptImageError } from "../errors.ts";
import { checksum } from "./checksum.ts";
import {
  HEADER_SIZE,
  HeaderField,
  IMAGE_MAGIC,
  IMAGE_PLATFORM,
  IMAGE_VERSION,
  readU64,
  writeU64,
} from "./layout.ts";

/** The variable fields of a header. */
export interface ImageHeader {
  /** Number of entries in the dataspace table. */
  dataspaceCount: number;
  /** File offset of the manifest. */
  manifestOffset: number;
  /** Length of the manifest in bytes. */
  manifestLength: number;
  /** File offset of the dataspace table. */
  tableOffset: number;
  /** CRC-32 of the manifest. */
  manifestChecksum: number;
  /** CRC-32 of the dataspace table. */
  tableChecksum: number;
}

/** Writes a complete header with `fields` into the first 64 bytes of `image`. */
export function writeHeader(image: Uint8Array, fields: ImageHeader): void {
  const view = new DataView(image.buffer, image.byteOffset, HEADER_SIZE);
  image.set(IMAGE_MAGIC, HeaderField.magic);
  view.setUint32(HeaderField.version, IMAGE_VERSION, true);
  image.fill(0, HeaderField.platform, HeaderField.platform + 8);
  image.set(new TextEncoder().encode(IMAGE_PLATFORM), HeaderField.platform);
  view.setUint32(HeaderField.dataspaceCount, fields.dataspaceCount, true);
  writeU64(view, HeaderField.manifestOffset, fields.manifestOffset);
  writeU64(view, HeaderField.manifestLength, fields.manifestLength);
  writeU64(view, HeaderField.tableOffset, fields.tableOffset);
  view.setUint32(HeaderField.manifestChecksum, fields.manifestChecksum, true);
  view.setUint32(HeaderField.tableChecksum, fields.tableChecksum, true);
  view.setUint32(HeaderField.reserved, 0, true);
  view.setUint32(
    HeaderField.headerChecksum,
    checksum(image.subarray(0, HeaderField.headerChecksum)),
    true,
  );
}

/**
 * Reads and validates the header at the start of `image`: size, magic, version (before the
 * checksum, so that an image of another version is reported as such), checksum, platform and
 * the reserved field. Offsets are checked against the file by the caller.
 *
 * @throws {CorruptImageError} naming the first field that is wrong.
 */
export function readHeader(image: Uint8Array): ImageHeader {
  const magicLength = Math.min(image.length, IMAGE_MAGIC.length);
  for (let i = 0; i < magicLength; i++) {
    if (image[i] !== IMAGE_MAGIC[i]) {
      throw new CorruptImageError(
        `wrong magic ${hex(image.subarray(0, IMAGE_MAGIC.length))} at offset 0, ` +
          `expected ${hex(IMAGE_MAGIC)} ("CRSPECIM"); the file is not a crspec image`,
      );
    }
  }
  if (image.length < HEADER_SIZE) {
    throw new CorruptImageError(
      `file is ${image.length} bytes, shorter than the ${HEADER_SIZE}-byte header; ` +
        "the file is truncated",
    );
  }

  const view = new DataView(image.buffer, image.byteOffset, HEADER_SIZE);
  const version = view.getUint32(HeaderField.version, true);
  if (version !== IMAGE_VERSION) {
    throw new CorruptImageError(
      `unsupported image version ${version}; this reader supports version ${IMAGE_VERSION} only`,
    );
  }

  const stored = view.getUint32(HeaderField.headerChecksum, true);
  const computed = checksum(image.subarray(0, HeaderField.headerChecksum));
  if (stored !== computed) throw checksumMismatch("header", stored, computed);

  const platformBytes = image.subarray(HeaderField.platform, HeaderField.platform + 8);
  const platform = new TextDecoder().decode(platformBytes).replace(/\0+$/, "");
  if (platform !== IMAGE_PLATFORM) {
    throw new CorruptImageError(
      `image is for platform ${JSON.stringify(platform)}, expected ${
        JSON.stringify(IMAGE_PLATFORM)
      }`,
    );
  }

  const reserved = view.getUint32(HeaderField.reserved, true);
  if (reserved !== 0) {
    throw new CorruptImageError(
      `reserved header field at offset ${HeaderField.reserved} is ${reserved}, expected 0`,
    );
  }

  return {
    dataspaceCount: view.getUint32(HeaderField.dataspaceCount, true),
    manifestOffset: readU64(view, HeaderField.manifestOffset),
    manifestLength: readU64(view, HeaderField.manifestLength),
    tableOffset: readU64(view, HeaderField.tableOffset),
    manifestChecksum: view.getUint32(HeaderField.manifestChecksum, true),
    tableChecksum: view.getUint32(HeaderField.tableChecksum, true),
  };
}

/** Creates the error for a part whose stored checksum differs from the computed one. */
export function checksumMismatch(
  part: string,
  stored: number,
  computed: number,
): CorruptImageError {
  return new CorruptImageError(
    `checksum mismatch in ${part} (stored 0x${hex32(stored)}, computed 0x${hex32(computed)})`,
  );
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, "0");
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}
