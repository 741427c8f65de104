/**
 * Shared steps of the equivalence spec files: discovering the example children, the
 * uninterrupted reference run, checkpoint and restore through an encoded image, and the
 * comparison of LOG output and final memory.
 *
 * @module
 */

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  checkpoint,
  CheckpointError,
  type Child,
  type ChildStatus,
  decodeImage,
  encodeImage,
  InvalidArgumentError,
  type LogLine,
  RamDataspace,
  restore,
  System,
} from "../../mod.ts";

/** Folder of the example children. */
export const CHILDREN_FOLDER = fileURLToPath(new URL("../../examples/children/", import.meta.url));

/** Seed of every fast-check run in these spec files, so a failing point can be replayed. */
export const SEED = 20261204;

/** Children whose reference run retires at most this many instructions are tested at every point. */
export const EVERY_POINT_LIMIT = 1_500;

/**
 * Instructions the sampled points of one child may cost in total: each sampled point costs
 * about one whole run of the child (the run up to the point, then the restored rest).
 */
export const SAMPLE_BUDGET = 100_000_000;

/**
 * fast-check shrinks a failing point only for children whose run retires at most this many
 * instructions, because every shrinking step reruns the child.
 */
export const SHRINK_LIMIT = 5_000_000;

const PAGE = 4096;

/** Returns the names of the example children (`<name>.elf` in the children folder), sorted. */
export function childNames(): string[] {
  const names: string[] = [];
  for (const entry of Deno.readDirSync(CHILDREN_FOLDER)) {
    if (entry.isFile && entry.name.endsWith(".elf")) names.push(entry.name.slice(0, -4));
  }
  return names.sort();
}

/** Number of sampled checkpoint points for a child whose run retires `length` instructions. */
export function sampleCount(length: number): number {
  return Math.max(4, Math.min(100, Math.floor(SAMPLE_BUDGET / length)));
}

/** One attachment of the child's address space with the bytes visible through it. */
export interface Region {
  /** First address. */
  readonly base: number;
  /** Bytes attached. */
  readonly size: number;
  /** Offset into the dataspace. */
  readonly offset: number;
  /** Kind of the attached dataspace, such as `ram-dataspace`. */
  readonly kind: string;
  /** True when the attachment is writable. */
  readonly writable: boolean;
  /** True when the attachment is executable. */
  readonly executable: boolean;
  /** The bytes at [base, base + size) for RAM and managed dataspaces; undefined for ROM. */
  readonly bytes: Uint8Array | undefined;
  /** Addresses of pages inside a managed dataspace that nothing backs (read as zeros). */
  readonly holes: readonly number[];
}

/** What the equivalence property compares: LOG output, memory and how the child ended. */
export interface FinalState {
  /** Every LOG line of the child, across checkpoints, in order. */
  readonly log: readonly LogLine[];
  /** How the child ended. */
  readonly status: ChildStatus;
  /** The attachments of the address space, in address order. */
  readonly regions: readonly Region[];
  /** Contents of every RAM dataspace the child owns, attached or not, in allocation order. */
  readonly dataspaces: readonly Uint8Array[];
}

/** A machine running one child, with the LOG lines the child wrote before it was restored. */
export interface Run {
  /** The machine. */
  readonly system: System;
  /** The child. */
  readonly child: Child;
  /** LOG lines written by earlier incarnations of the child, before the checkpoint. */
  readonly earlier: readonly LogLine[];
}

/**
 * Virtual time after which a reference run counts as hung. Every example child ends or waits
 * forever long before this (the longest, compute, retires about 35 million instructions).
 */
export const REFERENCE_LIMIT = 1_000_000_000;

/** The uninterrupted run of one child. */
export interface Reference {
  /** Name of the child. */
  readonly name: string;
  /**
   * Virtual time at which the run ended: the child exited or stopped on a fault, or nothing
   * could run any more (a server waiting for requests that never come).
   */
  readonly end: number;
  /** Virtual time right after each system call of the child, in order. */
  readonly syscallTimes: readonly number[];
  /** LOG output, memory and exit status at the end. */
  readonly final: FinalState;
}

/** Starts the example child `name` on a fresh machine. */
export function start(name: string): Run {
  const system = new System();
  system.loadModule(`${CHILDREN_FOLDER}${name}.elf`);
  const child = system.startChild(`${name}.elf`);
  return { system, child, earlier: [] };
}

const references = new Map<string, Reference>();

/** Runs the example child `name` without interruption, once per process, and returns the result. */
export function reference(name: string): Reference {
  const known = references.get(name);
  if (known !== undefined) return known;

  const run = start(name);
  const syscallTimes: number[] = [];
  const stop = run.system.run({
    until: REFERENCE_LIMIT,
    stop: () => {
      syscallTimes.push(run.system.clock);
      return run.child.ended;
    },
  });
  assert.notEqual(stop, "budget", `${name} still runs after ${REFERENCE_LIMIT} ticks`);

  const result = { name, end: run.system.clock, syscallTimes, final: finalState(run) };
  references.set(name, result);
  return result;
}

/**
 * Runs `run` until the clock reaches `time` and returns the clock. The clock ends below `time`
 * only when the child ended or nothing can run.
 */
export function runUntil(run: Run, time: number): number {
  run.system.run({ until: time });
  return run.system.clock;
}

/**
 * Checkpoints the child of `run`, encodes the checkpoint into an image, decodes it, and restores
 * it into a fresh machine. The child of `run` continues unchanged.
 *
 * Returns undefined when the checkpoint fails with CheckpointError while a thread of the child
 * waits for the reply to a call: the checkpoint is postponed until the reply is delivered, and
 * fails when the reply never comes (the server ends first or nothing can run to send it).
 */
export function checkpointAndRestore(run: Run): Run | undefined {
  const postponed = run.child.threads.some((thread) =>
    thread.core.thread.blocking?.kind === "call-reply"
  );
  let image: Uint8Array;
  try {
    image = encodeImage(checkpoint(run.system, run.child).contents);
  } catch (error) {
    if (error instanceof CheckpointError && postponed) return undefined;
    throw error;
  }
  const earlier = [...run.earlier, ...run.child.log];

  const system = new System();
  const child = restore(system, decodeImage(image));
  return { system, child, earlier };
}

/**
 * Describes a checkpoint point for assertion messages: the child, the virtual time it was
 * requested at and, when it was postponed, the time it was taken at.
 */
export function describePoint(name: string, requested: number, restored: Run): string {
  const taken = restored.system.clock;
  return taken === requested
    ? `${name}, checkpoint at ${requested}`
    : `${name}, checkpoint at ${requested} postponed to ${taken}`;
}

/** Runs `run` until its child ends or nothing can run, and returns the final state. */
export function finish(run: Run): FinalState {
  run.system.run({ until: REFERENCE_LIMIT });
  return finalState(run);
}

/** Reads the final state of `run`'s child without running it. */
export function finalState(run: Run): FinalState {
  const child = run.child;
  const attachments = [...child.pd.addressSpace.attachments].sort((a, b) => a.base - b.base);
  const regions = attachments.map((attachment): Region => {
    const readable = attachment.dataspace.kind !== "rom-dataspace";
    const { bytes, holes } = readable
      ? readAttached(child, attachment.base, attachment.size)
      : { bytes: undefined, holes: [] };
    return {
      base: attachment.base,
      size: attachment.size,
      offset: attachment.offset,
      kind: attachment.dataspace.kind,
      writable: attachment.writable,
      executable: attachment.executable,
      bytes,
      holes,
    };
  });
  const dataspaces = child.pd.dataspaces
    .filter((dataspace) => dataspace instanceof RamDataspace)
    .map((dataspace) => dataspace.bytes.slice());
  return { log: [...run.earlier, ...child.log], status: child.status, regions, dataspaces };
}

/** Reads [base, base + size) page by page; pages that nothing backs read as zeros. */
function readAttached(
  child: Child,
  base: number,
  size: number,
): { bytes: Uint8Array; holes: number[] } {
  const bytes = new Uint8Array(size);
  const holes: number[] = [];
  for (let offset = 0; offset < size; offset += PAGE) {
    try {
      bytes.set(child.readMemory(base + offset, PAGE), offset);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      holes.push(base + offset);
    }
  }
  return { bytes, holes };
}

/** Returns the index of the first byte where `a` and `b` differ, or -1 when they are equal. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return i;
  }
  return a.length === b.length ? -1 : length;
}

function hex(value: number): string {
  return `0x${value.toString(16)}`;
}

/**
 * Asserts that `actual` equals `expected`: LOG lines (label, text and virtual time), exit
 * status, the address-space layout, the bytes of every attachment and of every owned RAM
 * dataspace. Messages start with `where` and name the first differing line or address.
 */
export function assertSameFinalState(
  actual: FinalState,
  expected: FinalState,
  where: string,
): void {
  const lines = Math.min(actual.log.length, expected.log.length);
  for (let i = 0; i < lines; i++) {
    assert.deepEqual(actual.log[i], expected.log[i], `${where}: LOG line ${i} differs`);
  }
  assert.equal(actual.log.length, expected.log.length, `${where}: number of LOG lines differs`);

  assert.deepEqual(actual.status, expected.status, `${where}: exit status differs`);

  const layout = (state: FinalState) =>
    state.regions.map(({ bytes: _bytes, ...rest }) => ({ ...rest, base: hex(rest.base) }));
  assert.deepEqual(layout(actual), layout(expected), `${where}: address-space layout differs`);
  actual.regions.forEach((region, i) => {
    const other = expected.regions[i]!;
    if (region.bytes === undefined || other.bytes === undefined) return;
    const at = firstDifference(region.bytes, other.bytes);
    assert.equal(
      at,
      -1,
      `${where}: memory differs at ${hex(region.base + at)}: ` +
        `${region.bytes[at]} after restore, ${other.bytes[at]} in the uninterrupted run`,
    );
  });

  assert.deepEqual(
    actual.dataspaces.map((bytes) => bytes.length),
    expected.dataspaces.map((bytes) => bytes.length),
    `${where}: sizes of the owned RAM dataspaces differ`,
  );
  actual.dataspaces.forEach((bytes, i) => {
    const at = firstDifference(bytes, expected.dataspaces[i]!);
    assert.equal(at, -1, `${where}: owned RAM dataspace ${i} differs at offset ${hex(at)}`);
  });
}

/**
 * Returns the fixed checkpoint points of `ref`: 0 and 1, the last instruction before the child
 * ends, and for every system call the point at its `ecall` and the point right after it.
 */
export function fixedPoints(ref: Reference): number[] {
  const points = new Set<number>([0, 1, ref.end - 1]);
  for (const time of ref.syscallTimes) {
    if (time - 1 < ref.end) points.add(time - 1);
    if (time < ref.end) points.add(time);
  }
  return [...points].filter((point) => point >= 0 && point < ref.end).sort((a, b) => a - b);
}
