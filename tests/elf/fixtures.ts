/**
 * A builder of small ELF files in memory, valid RV32 executables by default, with a knob for
 * each loading rule so that tests can break one rule at a time.
 *
 * @module
 */

/** One program header to write. */
export interface SegmentSpec {
  /** `p_type`; PT_LOAD (1) by default. */
  readonly type?: number;
  /** `p_vaddr`. */
  readonly vaddr: number;
  /** Bytes written into the file for the segment; empty by default. */
  readonly data?: Uint8Array;
  /** `p_offset`; by default the next multiple of 4096 after the bytes written so far. */
  readonly offset?: number;
  /** `p_filesz`; `data.length` by default. */
  readonly filesz?: number;
  /** `p_memsz`; `filesz` by default. */
  readonly memsz?: number;
  /** `p_flags`; R (4) by default. */
  readonly flags?: number;
  /** `p_align`; 4096 by default. */
  readonly align?: number;
}

/** One `.symtab` entry to write. */
export interface SymbolSpec {
  /** Symbol name. */
  readonly name: string;
  /** `st_value`. */
  readonly value: number;
  /** `st_size`; 0 by default. */
  readonly size?: number;
}

/** What to build. Every field is optional, and the defaults give a valid RV32 executable. */
export interface ElfSpec {
  /** The first four bytes; `7f 45 4c 46` by default. */
  readonly magic?: readonly number[];
  /** 32 or 64: the layout of the headers and `EI_CLASS`; 32 by default. */
  readonly bits?: 32 | 64;
  /** `EI_CLASS` written regardless of `bits`, to write an invalid class. */
  readonly classByte?: number;
  /** True for big-endian headers (`EI_DATA` 2); false by default. */
  readonly bigEndian?: boolean;
  /** `EI_DATA` written regardless of `bigEndian`, to write an invalid encoding. */
  readonly dataByte?: number;
  /** `e_type`; EXEC (2) by default. */
  readonly type?: number;
  /** `e_machine`; RISC-V (243) by default. */
  readonly machine?: number;
  /** `e_entry`; 0x10000 by default. */
  readonly entry?: number;
  /** Program headers; {@linkcode DEFAULT_SEGMENTS} by default. */
  readonly segments?: readonly SegmentSpec[];
  /** When set, adds a PT_INTERP segment with this path and a PT_DYNAMIC segment. */
  readonly interpreter?: string;
  /** When set, adds `.symtab`, `.strtab` and `.shstrtab` sections with these symbols. */
  readonly symbols?: readonly SymbolSpec[];
  /** `sh_link` of `.symtab`; the index of `.strtab` (2) by default. */
  readonly symtabLink?: number;
  /** `e_phentsize`; the size of one program header of the class by default. */
  readonly phentsize?: number;
  /** `e_phnum`; the number of program headers written by default. */
  readonly phnum?: number;
  /** Cuts the file to this many bytes after building. */
  readonly truncateTo?: number;
}

/** Machine code of `_start`: `j .` (an endless loop), then `nop`. */
export const DEFAULT_CODE: Uint8Array = Uint8Array.of(0x6f, 0, 0, 0, 0x13, 0, 0, 0);

/** A text segment (R+X) at 0x10000 and a data segment (R+W) at 0x11000 with 0x3c bytes of bss. */
export const DEFAULT_SEGMENTS: readonly SegmentSpec[] = [
  { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
  { vaddr: 0x11000, data: new Uint8Array([1, 2, 3, 4]), memsz: 0x40, flags: 6 },
];

const SIZES = {
  32: { header: 52, phent: 32, shent: 40, sym: 16 },
  64: { header: 64, phent: 56, shent: 64, sym: 24 },
} as const;

/** A growable byte buffer with writes in one byte order. */
class Writer {
  bytes = new Uint8Array(0x4000);
  length = 0;

  constructor(readonly littleEndian: boolean, readonly bits: 32 | 64) {}

  ensure(end: number): void {
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, this.bytes.length * 2));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.length = Math.max(this.length, end);
  }

  put(offset: number, data: Uint8Array | readonly number[]): void {
    this.ensure(offset + data.length);
    this.bytes.set(data, offset);
  }

  u8(offset: number, value: number): void {
    this.put(offset, [value & 0xff]);
  }

  u16(offset: number, value: number): void {
    this.ensure(offset + 2);
    new DataView(this.bytes.buffer).setUint16(offset, value, this.littleEndian);
  }

  u32(offset: number, value: number): void {
    this.ensure(offset + 4);
    new DataView(this.bytes.buffer).setUint32(offset, value >>> 0, this.littleEndian);
  }

  u64(offset: number, value: number): void {
    const low = value % 2 ** 32;
    const high = Math.floor(value / 2 ** 32);
    this.u32(offset + (this.littleEndian ? 0 : 4), low);
    this.u32(offset + (this.littleEndian ? 4 : 0), high);
  }

  /** Writes an address-sized field. */
  word(offset: number, value: number): void {
    if (this.bits === 32) this.u32(offset, value);
    else this.u64(offset, value);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Rounds `value` up to a multiple of `alignment`. */
function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

/** Adds the PT_INTERP and PT_DYNAMIC segments for `interpreter` to `segments`. */
function withDynamicSegments(segments: readonly SegmentSpec[], interpreter: string): SegmentSpec[] {
  const path = new TextEncoder().encode(`${interpreter}\0`);
  return [
    { type: 3, vaddr: 0x12000, data: path, flags: 4, align: 1 },
    ...segments,
    { type: 2, vaddr: 0x13000, data: new Uint8Array(16), flags: 6, align: 4 },
  ];
}

/**
 * Builds an ELF file from `spec`. With no argument, the result is a valid RV32 executable
 * with entry 0x10000 and the two segments of {@linkcode DEFAULT_SEGMENTS}.
 */
export function buildElf(spec: ElfSpec = {}): Uint8Array {
  const bits = spec.bits ?? 32;
  const sizes = SIZES[bits];
  const out = new Writer(spec.bigEndian !== true, bits);
  const segments = spec.interpreter === undefined
    ? (spec.segments ?? DEFAULT_SEGMENTS)
    : withDynamicSegments(spec.segments ?? DEFAULT_SEGMENTS, spec.interpreter);

  // Identification.
  out.put(0, spec.magic ?? [0x7f, 0x45, 0x4c, 0x46]);
  out.u8(4, spec.classByte ?? (bits === 32 ? 1 : 2));
  out.u8(5, spec.dataByte ?? (spec.bigEndian === true ? 2 : 1));
  out.u8(6, 1); // EI_VERSION
  out.ensure(16);

  // Segment contents, each on its own page unless the spec gives the offset.
  const phoff = sizes.header;
  let next = alignUp(phoff + segments.length * sizes.phent, 0x1000);
  const offsets = segments.map((segment) => {
    const data = segment.data ?? new Uint8Array(0);
    const offset = segment.offset ?? next;
    if (data.length > 0) out.put(offset, data);
    next = alignUp(Math.max(next, offset + data.length, offset + 1), 0x1000);
    return offset;
  });

  // Program headers.
  segments.forEach((segment, index) => {
    const at = phoff + index * sizes.phent;
    const filesz = segment.filesz ?? segment.data?.length ?? 0;
    const memsz = segment.memsz ?? filesz;
    const offset = offsets[index] ?? 0;
    const type = segment.type ?? 1;
    const flags = segment.flags ?? 4;
    const align = segment.align ?? 0x1000;
    if (bits === 32) {
      out.u32(at, type);
      out.u32(at + 4, offset);
      out.u32(at + 8, segment.vaddr);
      out.u32(at + 12, segment.vaddr);
      out.u32(at + 16, filesz);
      out.u32(at + 20, memsz);
      out.u32(at + 24, flags);
      out.u32(at + 28, align);
    } else {
      out.u32(at, type);
      out.u32(at + 4, flags);
      out.u64(at + 8, offset);
      out.u64(at + 16, segment.vaddr);
      out.u64(at + 24, segment.vaddr);
      out.u64(at + 32, filesz);
      out.u64(at + 40, memsz);
      out.u64(at + 48, align);
    }
  });

  const sections = spec.symbols === undefined
    ? undefined
    : writeSymbolSections(out, spec.symbols, spec.symtabLink ?? 2, next);

  // File header.
  const entryAt = 24;
  out.u16(16, spec.type ?? 2);
  out.u16(18, spec.machine ?? 243);
  out.u32(20, 1); // e_version
  out.word(entryAt, spec.entry ?? 0x10000);
  const tail = bits === 32 ? 28 : 32; // e_phoff and the fields after it
  out.word(tail, segments.length === 0 ? 0 : phoff);
  out.word(tail + (bits === 32 ? 4 : 8), sections?.shoff ?? 0);
  const small = tail + (bits === 32 ? 12 : 20); // e_ehsize
  out.u16(small, sizes.header);
  out.u16(small + 2, spec.phentsize ?? sizes.phent);
  out.u16(small + 4, spec.phnum ?? segments.length);
  out.u16(small + 6, sizes.shent);
  out.u16(small + 8, sections?.shnum ?? 0);
  out.u16(small + 10, sections?.shstrndx ?? 0);

  const bytes = out.result();
  return spec.truncateTo === undefined ? bytes : bytes.slice(0, spec.truncateTo);
}

/** Writes `.symtab`, `.strtab`, `.shstrtab` and the section header table from `start`. */
function writeSymbolSections(
  out: Writer,
  symbols: readonly SymbolSpec[],
  symtabLink: number,
  start: number,
): { shoff: number; shnum: number; shstrndx: number } {
  const sizes = SIZES[out.bits];
  const encoder = new TextEncoder();

  // String table: a leading NUL, then each name with its NUL.
  const strtab: number[] = [0];
  const nameOffsets = symbols.map((symbol) => {
    const offset = strtab.length;
    strtab.push(...encoder.encode(symbol.name), 0);
    return offset;
  });

  // Symbol table: the null symbol, then one entry per symbol.
  const symtabOffset = start;
  const symtabSize = (symbols.length + 1) * sizes.sym;
  symbols.forEach((symbol, i) => {
    const at = symtabOffset + (i + 1) * sizes.sym;
    out.u32(at, nameOffsets[i] ?? 0);
    if (out.bits === 32) {
      out.u32(at + 4, symbol.value);
      out.u32(at + 8, symbol.size ?? 0);
      out.u8(at + 12, 0x10); // STB_GLOBAL, STT_NOTYPE
    } else {
      out.u8(at + 4, 0x10);
      out.u64(at + 8, symbol.value);
      out.u64(at + 16, symbol.size ?? 0);
    }
  });
  out.ensure(symtabOffset + symtabSize);

  const strtabOffset = symtabOffset + symtabSize;
  out.put(strtabOffset, strtab);

  const sectionNames = [0, ...encoder.encode(".symtab\0.strtab\0.shstrtab\0")];
  const shstrtabOffset = strtabOffset + strtab.length;
  out.put(shstrtabOffset, sectionNames);

  // Section headers: null, .symtab, .strtab, .shstrtab. The `info` of .symtab is the index of
  // its first global symbol, and every symbol written is global.
  const shoff = alignUp(shstrtabOffset + sectionNames.length, 8);
  const headers = [
    { name: 0, type: 0, offset: 0, size: 0, link: 0, info: 0, entsize: 0 },
    {
      name: 1,
      type: 2,
      offset: symtabOffset,
      size: symtabSize,
      link: symtabLink,
      info: 1,
      entsize: sizes.sym,
    },
    { name: 9, type: 3, offset: strtabOffset, size: strtab.length, link: 0, info: 0, entsize: 0 },
    {
      name: 17,
      type: 3,
      offset: shstrtabOffset,
      size: sectionNames.length,
      link: 0,
      info: 0,
      entsize: 0,
    },
  ];
  headers.forEach((header, i) => {
    const at = shoff + i * sizes.shent;
    out.u32(at, header.name);
    out.u32(at + 4, header.type);
    if (out.bits === 32) {
      out.u32(at + 16, header.offset);
      out.u32(at + 20, header.size);
      out.u32(at + 24, header.link);
      out.u32(at + 28, header.info);
      out.u32(at + 36, header.entsize);
    } else {
      out.u64(at + 24, header.offset);
      out.u64(at + 32, header.size);
      out.u32(at + 40, header.link);
      out.u32(at + 44, header.info);
      out.u64(at + 56, header.entsize);
    }
  });
  out.ensure(shoff + headers.length * sizes.shent);

  return { shoff, shnum: headers.length, shstrndx: 3 };
}
