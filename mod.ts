/**
 * crspec: an executable specification of checkpoint/restore for components of a
 * Genode-style microkernel OS.
 *
 * This module is the public API. The ELF part reads a child's executable
 * ({@linkcode readElf}), checks the loading rules and plans the load ({@linkcode planLoad}),
 * and describes both in words ({@linkcode describeElf}).
 *
 * @example Check whether a file can be started as a child
 * ```ts ignore
 * import { describeElf, planLoad, readElf } from "@crspec/crspec";
 *
 * const bytes = await Deno.readFile("child.elf");
 * const file = readElf(bytes);
 * const plan = planLoad(file, bytes);
 * console.log(describeElf(file, plan).join("\n"));
 * ```
 *
 * @module
 */

export * from "./src/errors.ts";
export { readElf } from "./src/elf/read.ts";
export { planLoad, type PlanLoadOptions } from "./src/elf/validate.ts";
export { describeElf } from "./src/elf/describe.ts";
export type { ElfFile, ElfSegment, ElfSymbol, LoadPlan, LoadSegment } from "./src/elf/types.ts";
