/**
 * A human-readable account of an ELF file and of what loading would do with it.
 *
 * @module
 */

import { describeMachine, hex, PF_R, PF_W, PF_X, PT_LOAD } from "./names.ts";
import type { ElfFile, ElfSegment, LoadPlan } from "./types.ts";

/**
 * Describes an ELF file line by line, for the CLI command `crspec elf <file>`.
 *
 * The lines are the header facts (class, machine, type, entry) and the interpreter when there
 * is one. Then comes one line per program header, with the action that loading takes for it,
 * and the number of symbols. The last line is either `loadable` or the validation error.
 *
 * @example Describe a file
 * ```ts ignore
 * import { describeElf, planLoad, readElf } from "../../mod.ts";
 *
 * const bytes = await Deno.readFile("child.elf");
 * const file = readElf(bytes);
 * let plan;
 * try {
 *   plan = planLoad(file, bytes);
 * } catch (error) {
 *   plan = error as Error;
 * }
 * console.log(describeElf(file, plan).join("\n"));
 * ```
 *
 * @param file The file as read by {@linkcode readElf}.
 * @param plan The result of {@linkcode planLoad} for the file, or the error it raised.
 * @returns The lines, without line terminators.
 */
export function describeElf(file: ElfFile, plan: LoadPlan | Error): string[] {
  const lines = [
    `class: ELF${file.bits}, ${file.littleEndian ? "little" : "big"}-endian`,
    `machine: ${describeMachine(file.machine)}`,
    `type: ${file.typeName} (${file.type})`,
    `entry: ${hex(file.entry)}`,
  ];
  if (file.interpreter !== undefined) lines.push(`interpreter: ${file.interpreter}`);

  for (const segment of file.segments) {
    lines.push(
      `segment ${segment.index}: ${segment.typeName} vaddr ${hex(segment.vaddr)} ` +
        `memsz ${hex(segment.memsz)} filesz ${hex(segment.filesz)} ` +
        `offset ${hex(segment.offset)} flags ${flagLetters(segment.flags)}: ` +
        describeAction(segment),
    );
  }
  lines.push(`symbols: ${file.symbols.length}`);

  lines.push(plan instanceof Error ? plan.message : `loadable, entry ${hex(plan.entry)}`);
  return lines;
}

/** Formats `p_flags` as `R`, `W`, `X` letters with `-` for a clear bit, such as `R-X`. */
function flagLetters(flags: number): string {
  const read = (flags & PF_R) !== 0 ? "R" : "-";
  const write = (flags & PF_W) !== 0 ? "W" : "-";
  const execute = (flags & PF_X) !== 0 ? "X" : "-";
  return read + write + execute;
}

/** Says what loading does with `segment`, from its type and flags. */
function describeAction(segment: ElfSegment): string {
  if (segment.type !== PT_LOAD) return "ignored (not PT_LOAD)";

  const executable = (segment.flags & PF_X) !== 0 ? ", executable" : "";
  if ((segment.flags & PF_W) === 0) {
    return `attach read-only from the ELF dataspace${executable}`;
  }

  const bss = segment.memsz - segment.filesz;
  const zero = bss > 0 ? `, zero ${hex(bss)} bytes of bss` : "";
  return `copy ${hex(segment.filesz)} bytes into fresh RAM${zero}${executable}`;
}
