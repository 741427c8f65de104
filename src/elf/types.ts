/**
 * The parsed form of an ELF file and the plan for loading it into a child.
 *
 * @module
 */

/** One program header of an ELF file. Addresses and sizes are byte counts. */
export interface ElfSegment {
  /** Position in the program header table. */
  readonly index: number;
  /** `p_type`, such as 1 for PT_LOAD. */
  readonly type: number;
  /** Name of `p_type`, such as `PT_LOAD`, or the number in hex when unknown. */
  readonly typeName: string;
  /** `p_offset`: where the segment's bytes start in the file. */
  readonly offset: number;
  /** `p_vaddr`: where the segment starts in memory. */
  readonly vaddr: number;
  /** `p_filesz`: bytes taken from the file. */
  readonly filesz: number;
  /** `p_memsz`: bytes in memory; the bytes past `filesz` are zero. */
  readonly memsz: number;
  /** `p_flags`: PF_X = 1, PF_W = 2, PF_R = 4. */
  readonly flags: number;
  /** `p_align`. */
  readonly align: number;
}

/** One symbol of the `.symtab` section. */
export interface ElfSymbol {
  /** Symbol name. */
  readonly name: string;
  /** `st_value`: the symbol's address. */
  readonly value: number;
  /** `st_size` in bytes. */
  readonly size: number;
}

/** An ELF file as read, before any of the loading rules are checked. */
export interface ElfFile {
  /** 32 or 64. */
  readonly bits: 32 | 64;
  /** True for little-endian data encoding. */
  readonly littleEndian: boolean;
  /** `e_machine`, such as 243 for RISC-V. */
  readonly machine: number;
  /** Name of `e_machine`, such as `RISC-V`, or the number when unknown. */
  readonly machineName: string;
  /** `e_type`, such as 2 for EXEC. */
  readonly type: number;
  /** Name of `e_type`, such as `EXEC`. */
  readonly typeName: string;
  /** `e_entry`. */
  readonly entry: number;
  /** Every program header, in file order. */
  readonly segments: readonly ElfSegment[];
  /** The PT_INTERP path, when the file has one. */
  readonly interpreter: string | undefined;
  /** True when the file has a PT_DYNAMIC segment. */
  readonly dynamic: boolean;
  /** Symbols of `.symtab`; empty when the file is stripped. */
  readonly symbols: readonly ElfSymbol[];
}

/** What loading does with one PT_LOAD segment. */
export interface LoadSegment {
  /** Index of the program header this entry comes from. */
  readonly index: number;
  /** `attach`: mapped from the ELF dataspace itself; `copy`: copied into fresh RAM. */
  readonly action: "attach" | "copy";
  /** First address in memory, page-aligned. */
  readonly vaddr: number;
  /** Bytes in memory. */
  readonly memsz: number;
  /** Bytes taken from the file. */
  readonly filesz: number;
  /** File offset of the segment's bytes. */
  readonly offset: number;
  /** True when the segment is writable (and so copied). */
  readonly writable: boolean;
  /** True when the segment is executable. */
  readonly executable: boolean;
}

/** A validated RV32 executable: where to start and what to do with each segment. */
export interface LoadPlan {
  /** Entry point of the initial thread. */
  readonly entry: number;
  /** The PT_LOAD segments in file order. */
  readonly segments: readonly LoadSegment[];
}
