/**
 * Reading an ELF file into an {@linkcode ElfFile}, without checking the loading rules.
 *
 * @module
 */

import elfy from "elfy";
import { Buffer } from "node:buffer";
import { InvalidExecutableError } from "../errors.ts";
import { FieldReader, type RawHeader, readHeader } from "./header.ts";
import {
  machineName,
  PF_R,
  PF_W,
  PF_X,
  PT_DYNAMIC,
  PT_INTERP,
  segmentTypeName,
  typeName,
} from "./names.ts";
import { readSymbols, type SectionLocation } from "./symbols.ts";
import type { ElfFile, ElfSegment } from "./types.ts";

/** The header fields of elfy's result that the reader uses. */
interface ElfyHeader {
  readonly entry: number;
}

/** A program header as elfy returns it: `flags` maps `r`, `w`, `x` or a bit number to true. */
interface ElfyProgram {
  readonly offset: number;
  readonly vaddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly align: number;
}

/** A section header as elfy returns it: `type` is a name such as `symtab`, or the number. */
interface ElfySection {
  readonly type: string | number;
  readonly off: number;
  readonly size: number;
  readonly link: number;
}

/** The steps of elfy's parser that the reader calls. */
interface ElfyParser {
  parseHeader(buffer: Buffer): ElfyHeader;
  parsePrograms(buffer: Buffer, header: ElfyHeader): ElfyProgram[];
  parseSections(buffer: Buffer, header: ElfyHeader): ElfySection[];
}

/** Names that elfy gives to `p_flags` bits. */
const ELFY_FLAG_BITS: Readonly<Record<string, number>> = {
  x: PF_X,
  w: PF_W,
  r: PF_R,
  sunw_failure: 0x0010_0000,
  sunw_killed: 0x0020_0000,
  sunw_siginfo: 0x0040_0000,
};

/** Names that elfy gives to the `sh_type` values the reader looks for. */
const ELFY_SECTION_TYPES: Readonly<Record<string, number>> = { symtab: 2, strtab: 3 };

/**
 * Reads an ELF file of any class, byte order and machine.
 *
 * The header, program headers and section headers are parsed by elfy. This function checks
 * the bounds that elfy leaves unchecked and reads the numbers that elfy drops (`e_machine`,
 * `e_type`, `p_type`) from the bytes. It checks no loading rule: use
 * {@linkcode planLoad} for that.
 *
 * @example Read a file and print its machine
 * ```ts ignore
 * import { readElf } from "./read.ts";
 *
 * const file = readElf(await Deno.readFile("/bin/ls"));
 * console.log(file.bits, file.machineName); // 64 "x86-64"
 * ```
 *
 * @param bytes The whole ELF file.
 * @returns The parsed file: header facts, every program header, the interpreter path and the
 *   named symbols of `.symtab`.
 * @throws {InvalidExecutableError} when the file cannot be read as ELF. Rules: `magic`,
 *   `class` (EI_CLASS neither 32- nor 64-bit), `data` (EI_DATA neither little- nor
 *   big-endian), `truncated` (the header or a header table leaves the file),
 *   `program-header-size`, `section-header-size`, `symtab`, and `elf-parse` for any other
 *   failure of elfy.
 */
export function readElf(bytes: Uint8Array): ElfFile {
  const header = readHeader(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parser = new elfy.Parser() as ElfyParser;

  // elfy.parse() also resolves section names and fails on every file without section
  // headers, so the reader calls the parser's steps and leaves section names unresolved.
  const parsed = callElfy(() => {
    const elfyHeader = parser.parseHeader(buffer);
    const programs = parser.parsePrograms(buffer, elfyHeader);
    const sections = header.shnum === 0 ? [] : parser.parseSections(buffer, elfyHeader);
    return { elfyHeader, programs, sections };
  });

  const segments = readSegments(bytes, header, parsed.programs);
  const locations = parsed.sections.map((section, index): SectionLocation => ({
    index,
    type: typeof section.type === "number" ? section.type : ELFY_SECTION_TYPES[section.type] ?? -1,
    offset: section.off,
    size: section.size,
    link: section.link,
  }));

  return {
    bits: header.bits,
    littleEndian: header.littleEndian,
    machine: header.machine,
    machineName: machineName(header.machine),
    type: header.type,
    typeName: typeName(header.type),
    entry: parsed.elfyHeader.entry,
    segments,
    interpreter: readInterpreter(bytes, segments),
    dynamic: segments.some((segment) => segment.type === PT_DYNAMIC),
    symbols: readSymbols(bytes, locations, header.bits, header.littleEndian),
  };
}

/** Runs `parse` and turns any exception of elfy into an error of rule `elf-parse`. */
function callElfy<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidExecutableError("elf-parse", message, `elfy cannot parse the file`);
  }
}

/** Combines elfy's program headers with the `p_type` numbers read from the bytes. */
function readSegments(
  bytes: Uint8Array,
  header: RawHeader,
  programs: readonly ElfyProgram[],
): ElfSegment[] {
  const fields = new FieldReader(bytes, header.littleEndian);
  return programs.map((program, index): ElfSegment => {
    // elfy maps p_type to a name and drops numbers it has no name for, so read it here.
    // readHeader has checked that the whole table lies inside the file.
    const type = fields.u32(header.phoff + index * header.phentsize);
    return {
      index,
      type,
      typeName: segmentTypeName(type, header.machine),
      offset: program.offset,
      vaddr: program.vaddr,
      filesz: program.filesz,
      memsz: program.memsz,
      flags: flagBits(program.flags),
      align: program.align,
    };
  });
}

/** Turns elfy's flag map back into the `p_flags` number. */
function flagBits(flags: Readonly<Record<string, boolean>>): number {
  let bits = 0;
  for (const [name, set] of Object.entries(flags)) {
    if (!set) continue;
    // elfy names the bits in its table and keys the others by their value, with bit 31 as a
    // negative number.
    bits |= ELFY_FLAG_BITS[name] ?? Number(name);
  }
  return bits >>> 0;
}

/**
 * Reads the PT_INTERP path up to its first NUL byte.
 *
 * Bytes past the end of the file are not read; validation rejects such a segment later with
 * rule `segment-bounds`.
 */
function readInterpreter(bytes: Uint8Array, segments: readonly ElfSegment[]): string | undefined {
  const interp = segments.find((segment) => segment.type === PT_INTERP);
  if (interp === undefined) return undefined;

  const start = Math.min(interp.offset, bytes.length);
  const end = Math.min(interp.offset + interp.filesz, bytes.length);
  const path = bytes.subarray(start, end);
  const nul = path.indexOf(0);
  return new TextDecoder().decode(nul < 0 ? path : path.subarray(0, nul));
}
