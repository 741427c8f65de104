/**
 * The ELF identification and file header, read straight from the bytes with bounds checks.
 *
 * elfy (1.0.0) maps `e_type`, `e_machine` and `p_type` to names and drops every number it has
 * no name for (RISC-V among them), and it reads past the end of short input with plain
 * exceptions. This reader gives the raw numbers and rejects a file whose header or header
 * tables do not fit, before elfy parses it.
 *
 * @module
 */

import { InvalidExecutableError } from "../errors.ts";
import { hex } from "./names.ts";

/** Size of `e_ident`. */
const IDENT_SIZE = 16;
/** ELF header size of a 32-bit and a 64-bit file. */
const HEADER_SIZE = { 32: 52, 64: 64 } as const;
/** Program header entry size of a 32-bit and a 64-bit file. */
export const PROGRAM_HEADER_SIZE = { 32: 32, 64: 56 } as const;
/** Section header entry size of a 32-bit and a 64-bit file. */
export const SECTION_HEADER_SIZE = { 32: 40, 64: 64 } as const;

/** The header fields that the reader needs, as raw numbers. */
export interface RawHeader {
  /** 32 or 64, from `EI_CLASS`. */
  readonly bits: 32 | 64;
  /** True for `ELFDATA2LSB`. */
  readonly littleEndian: boolean;
  /** `e_type`. */
  readonly type: number;
  /** `e_machine`. */
  readonly machine: number;
  /** `e_phoff`. */
  readonly phoff: number;
  /** `e_phentsize`. */
  readonly phentsize: number;
  /** `e_phnum`. */
  readonly phnum: number;
  /** `e_shoff`. */
  readonly shoff: number;
  /** `e_shentsize`. */
  readonly shentsize: number;
  /** `e_shnum`. */
  readonly shnum: number;
}

/** Reads unsigned integers of one byte order from a byte array. The caller checks the bounds. */
export class FieldReader {
  readonly #view: DataView;
  readonly #littleEndian: boolean;

  /** Creates a reader over `bytes` in the given byte order. */
  constructor(bytes: Uint8Array, littleEndian: boolean) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#littleEndian = littleEndian;
  }

  /** Reads a 16-bit value at `offset`. */
  u16(offset: number): number {
    return this.#view.getUint16(offset, this.#littleEndian);
  }

  /** Reads a 32-bit value at `offset`. */
  u32(offset: number): number {
    return this.#view.getUint32(offset, this.#littleEndian);
  }

  /**
   * Reads a 64-bit value at `offset` as a number.
   *
   * NOTE: values above 2^53 lose their low bits. They occur only as offsets or addresses that
   * no file of this size can satisfy, so every bounds check still fails on them.
   */
  u64(offset: number): number {
    const first = this.u32(offset);
    const second = this.u32(offset + 4);
    return this.#littleEndian ? first + second * 2 ** 32 : second + first * 2 ** 32;
  }

  /** Reads an address-sized value (`ElfN_Addr`, `ElfN_Off`) at `offset`. */
  word(offset: number, bits: 32 | 64): number {
    return bits === 32 ? this.u32(offset) : this.u64(offset);
  }
}

/** Checks the identification bytes and the header, and returns the header's raw fields. */
export function readHeader(bytes: Uint8Array): RawHeader {
  if (bytes.length < 4) {
    throw new InvalidExecutableError(
      "truncated",
      `${bytes.length} bytes`,
      `the file has ${bytes.length} bytes, too short for the ELF magic`,
    );
  }
  const magic = bytes.subarray(0, 4);
  if (magic[0] !== 0x7f || magic[1] !== 0x45 || magic[2] !== 0x4c || magic[3] !== 0x46) {
    const magicHex = Array.from(magic, (byte) => byte.toString(16).padStart(2, "0")).join(" ");
    throw new InvalidExecutableError(
      "magic",
      magicHex,
      `the file does not start with the ELF magic 7f 45 4c 46 ("\\x7fELF")`,
    );
  }
  if (bytes.length < IDENT_SIZE) {
    throw new InvalidExecutableError(
      "truncated",
      `${bytes.length} bytes`,
      `the file has ${bytes.length} bytes, shorter than the ${IDENT_SIZE}-byte ELF identification`,
    );
  }

  const classByte = bytes[4] ?? 0;
  if (classByte !== 1 && classByte !== 2) {
    throw new InvalidExecutableError(
      "class",
      String(classByte),
      `EI_CLASS is ${classByte}, neither 1 (32-bit) nor 2 (64-bit)`,
    );
  }
  const bits = classByte === 1 ? 32 : 64;
  const dataByte = bytes[5] ?? 0;
  if (dataByte !== 1 && dataByte !== 2) {
    throw new InvalidExecutableError(
      "data",
      String(dataByte),
      `EI_DATA is ${dataByte}, neither 1 (little-endian) nor 2 (big-endian)`,
    );
  }
  const littleEndian = dataByte === 1;

  const headerSize = HEADER_SIZE[bits];
  if (bytes.length < headerSize) {
    throw new InvalidExecutableError(
      "truncated",
      `${bytes.length} bytes`,
      `the file has ${bytes.length} bytes, shorter than the ${headerSize}-byte ELF${bits} header`,
    );
  }

  const fields = new FieldReader(bytes, littleEndian);
  const header: RawHeader = bits === 32
    ? {
      bits,
      littleEndian,
      type: fields.u16(16),
      machine: fields.u16(18),
      phoff: fields.u32(28),
      shoff: fields.u32(32),
      phentsize: fields.u16(42),
      phnum: fields.u16(44),
      shentsize: fields.u16(46),
      shnum: fields.u16(48),
    }
    : {
      bits,
      littleEndian,
      type: fields.u16(16),
      machine: fields.u16(18),
      phoff: fields.u64(32),
      shoff: fields.u64(40),
      phentsize: fields.u16(54),
      phnum: fields.u16(56),
      shentsize: fields.u16(58),
      shnum: fields.u16(60),
    };

  checkTable(bytes, header, "program", header.phoff, header.phnum, header.phentsize);
  checkTable(bytes, header, "section", header.shoff, header.shnum, header.shentsize);
  return header;
}

/** Rejects a program or section header table whose entries are too small or leave the file. */
function checkTable(
  bytes: Uint8Array,
  header: RawHeader,
  kind: "program" | "section",
  offset: number,
  count: number,
  entrySize: number,
): void {
  // A table with no entries or at offset 0 is absent, and elfy skips it as well.
  if (count === 0 || offset === 0) return;

  const minimum = kind === "program"
    ? PROGRAM_HEADER_SIZE[header.bits]
    : SECTION_HEADER_SIZE[header.bits];
  if (entrySize < minimum) {
    throw new InvalidExecutableError(
      `${kind}-header-size`,
      String(entrySize),
      `${kind} header entries are ${entrySize} bytes, smaller than the ${minimum} bytes of ` +
        `an ELF${header.bits} ${kind} header`,
    );
  }

  const end = offset + count * entrySize;
  if (end > bytes.length) {
    throw new InvalidExecutableError(
      "truncated",
      hex(end),
      `the ${kind} header table (${count} entries at ${hex(offset)}) ends at ${hex(end)}, ` +
        `past the end of the ${bytes.length}-byte file`,
    );
  }
}
