/**
 * Reading the symbols of the `.symtab` section.
 *
 * @module
 */

import { InvalidExecutableError } from "../errors.ts";
import { FieldReader } from "./header.ts";
import { hex } from "./names.ts";
import type { ElfSymbol } from "./types.ts";

/** Size of one symbol table entry of a 32-bit and a 64-bit file. */
const SYMBOL_SIZE = { 32: 16, 64: 24 } as const;

/** The section header fields that locate a section's bytes. */
export interface SectionLocation {
  /** Section index. */
  readonly index: number;
  /** `sh_type`, such as 2 for SHT_SYMTAB. */
  readonly type: number;
  /** `sh_offset`. */
  readonly offset: number;
  /** `sh_size`. */
  readonly size: number;
  /** `sh_link`: for a symbol table, the index of its string table. */
  readonly link: number;
}

/** `sh_type` of a symbol table. */
export const SHT_SYMTAB = 2;

/**
 * Reads the named symbols of the SHT_SYMTAB section, in table order.
 *
 * The null symbol and symbols without a name (section and file symbols of some linkers) are
 * left out. A file without a symbol table gives an empty list.
 *
 * @throws {InvalidExecutableError} rule `symtab` when the symbol table or its string table
 *   lies past the end of the file, or a name offset lies outside the string table.
 */
export function readSymbols(
  bytes: Uint8Array,
  sections: readonly SectionLocation[],
  bits: 32 | 64,
  littleEndian: boolean,
): ElfSymbol[] {
  const table = sections.find((section) => section.type === SHT_SYMTAB);
  if (table === undefined) return [];

  checkSectionInFile(bytes, table, "symbol table");
  const strings = sections[table.link];
  if (strings === undefined) {
    throw new InvalidExecutableError(
      "symtab",
      String(table.link),
      `the symbol table (section ${table.index}) links to string table section ${table.link}, ` +
        `but the file has ${sections.length} sections`,
    );
  }
  checkSectionInFile(bytes, strings, "symbol string table");
  const names = bytes.subarray(strings.offset, strings.offset + strings.size);

  const fields = new FieldReader(bytes, littleEndian);
  const entrySize = SYMBOL_SIZE[bits];
  const count = Math.floor(table.size / entrySize);
  const symbols: ElfSymbol[] = [];

  // Entry 0 is the null symbol.
  for (let i = 1; i < count; i++) {
    const at = table.offset + i * entrySize;
    const nameOffset = fields.u32(at);
    const value = bits === 32 ? fields.u32(at + 4) : fields.u64(at + 8);
    const size = bits === 32 ? fields.u32(at + 8) : fields.u64(at + 16);

    const name = readName(names, nameOffset, i);
    if (name === "") continue;
    symbols.push({ name, value, size });
  }
  return symbols;
}

function checkSectionInFile(
  bytes: Uint8Array,
  section: SectionLocation,
  description: string,
): void {
  const end = section.offset + section.size;
  if (end > bytes.length) {
    throw new InvalidExecutableError(
      "symtab",
      hex(end),
      `the ${description} (section ${section.index}, ${section.size} bytes at ${
        hex(section.offset)
      }) ` +
        `ends at ${hex(end)}, past the end of the ${bytes.length}-byte file`,
    );
  }
}

/** Decodes the NUL-terminated name at `offset` of the string table `names`. */
function readName(names: Uint8Array, offset: number, symbolIndex: number): string {
  if (offset >= names.length) {
    if (offset === 0) return "";
    throw new InvalidExecutableError(
      "symtab",
      hex(offset),
      `symbol ${symbolIndex} has its name at ${hex(offset)}, outside the ` +
        `${names.length}-byte string table`,
    );
  }
  let end = names.indexOf(0, offset);
  if (end < 0) end = names.length;
  return new TextDecoder().decode(names.subarray(offset, end));
}
