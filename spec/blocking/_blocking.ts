/**
 * Helpers shared by the spec files on threads blocked in the kernel: starting an example
 * child, comparing LOG output, restoring through an encoded image and finding threads.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type Checkpoint,
  type Child,
  decodeImage,
  encodeImage,
  type LogLine,
  restore,
  type System,
  type Thread,
  type ThreadRecord,
} from "../../mod.ts";

/** The folder of the example children, with a trailing slash. */
export const CHILDREN = new URL("../../examples/children/", import.meta.url).pathname;

/** The `ecall` instruction. */
export const ECALL = 0x0000_0073;

/** Loads the ELF of `name` into `system` and starts it. */
export function start(system: System, name: string): Child {
  system.loadModule(`${CHILDREN}${name}.elf`);
  return system.startChild(`${name}.elf`);
}

/** Formats lines for comparison: virtual time, label and text. */
export function lines(log: readonly LogLine[]): string[] {
  return log.map((line) => `${line.time} ${line.label}: ${line.text}`);
}

/** Restores `taken` through an encoded image into `system`. */
export function restoreImage(system: System, taken: Checkpoint): Child {
  return restore(system, decodeImage(encodeImage(taken.contents)));
}

/** Finds the record of the thread called `name` in `taken`. */
export function threadRecord(taken: Checkpoint, name: string): ThreadRecord {
  for (const object of taken.manifest.objects) {
    if (object.kind === "thread" && object.thread.name === name) return object.thread;
  }
  assert.fail(`no thread ${name} in the checkpoint`);
}

/** Finds the kernel thread of `child` called `name`. */
export function thread(child: Child, name: string): Thread {
  const found = child.threads.find((candidate) => candidate.name === name);
  assert.ok(found !== undefined, `no thread ${name}`);
  return found.core.thread;
}
