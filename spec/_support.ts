/**
 * Helpers shared by the spec files: the example children, runs up to a LOG line, and a
 * checkpoint taken through an encoded image and restored into a fresh machine.
 *
 * @module
 */

import {
  type Checkpoint,
  checkpoint,
  type Child,
  decodeImage,
  encodeImage,
  readElf,
  restore,
  System,
} from "../mod.ts";

/** Example children under `examples/children/`. */
export type ExampleName = "hello" | "counter" | "heap" | "compute";

/** Returns the path of the committed ELF of example child `name`. */
export function examplePath(name: ExampleName): string {
  return new URL(`../examples/children/${name}.elf`, import.meta.url).pathname;
}

/** Returns the bytes of the committed ELF of example child `name`. */
export function exampleBytes(name: ExampleName): Uint8Array {
  return Deno.readFileSync(examplePath(name));
}

/** Returns the address of symbol `symbol` in the ELF of `name`; throws when it is missing. */
export function symbolAddress(name: ExampleName, symbol: string): number {
  const found = readElf(exampleBytes(name)).symbols.find((entry) => entry.name === symbol);
  if (found === undefined) throw new Error(`symbol ${symbol} is missing from ${name}.elf`);
  return found.value;
}

/** A machine running one example child. */
export interface Started {
  /** The machine. */
  readonly system: System;
  /** The child, started from its ELF. */
  readonly child: Child;
}

/** Starts example child `name` on a fresh machine without running it. */
export function startExample(name: ExampleName): Started {
  const system = new System();
  system.loadModule(examplePath(name));
  const child = system.startChild(`${name}.elf`);
  return { system, child };
}

/** Runs `system` until `child` has written `lines` LOG lines or has ended. */
export function runUntilLines(system: System, child: Child, lines: number): void {
  system.run({ stop: () => child.log.length >= lines || child.ended });
}

/** Returns the LOG lines of example child `name` run to its end without interruption. */
export function uninterruptedLog(name: ExampleName): string[] {
  const { system, child } = startExample(name);
  system.run();
  return child.log.map((line) => line.text);
}

/** A checkpoint and the child restored from it. */
export interface Restored {
  /** The checkpoint, as taken from the original child. */
  readonly taken: Checkpoint;
  /** The fresh machine the child was restored into. */
  readonly system: System;
  /** The restored child, its threads not yet run. */
  readonly child: Child;
}

/**
 * Checkpoints `child`, encodes and decodes the image, and restores it into a fresh machine.
 * The restored child has not run yet.
 */
export function checkpointAndRestore(system: System, child: Child): Restored {
  const taken = checkpoint(system, child);
  const contents = decodeImage(encodeImage(taken.contents));
  const target = new System();
  return { taken, system: target, child: restore(target, contents) };
}
