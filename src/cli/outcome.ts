/**
 * How a run of a child ended, as the CLI reports it: an exit status and, unless the child
 * exited with code 0, one line on standard error.
 *
 * @module
 */

import type { RunStop } from "../kernel/kernel.ts";
import type { ThreadFault } from "../kernel/thread.ts";
import type { Child } from "../parent/child.ts";
import { Cause, causeName } from "../rv32/cause.ts";
import type { Output } from "./output.ts";

/** What the run was given, for the messages of a run that did not end. */
export interface RunLimits {
  /** Virtual time when the run stopped. */
  readonly clock: number;
  /** The `--max-ticks` value the run was given. */
  readonly maxTicks: number;
}

/**
 * Reports how `child` ended after a run that stopped with `stop`, and returns the exit status:
 * 0 when the child exited with code 0, 1 otherwise (a non-zero exit code, a fault, no thread
 * able to run, or the `--max-ticks` limit reached).
 */
export function reportOutcome(
  child: Child,
  stop: RunStop,
  limits: RunLimits,
  output: Output,
): number {
  const status = child.status;
  switch (status.kind) {
    case "exited":
      if (status.code === 0) return 0;
      output.message(`child ${child.name} ${describeEnd(child)}`);
      return 1;
    case "faulted":
      output.message(`child ${child.name} ${describeEnd(child)}`);
      return 1;
    case "running":
      output.message(describeUnfinished(child, stop, limits));
      return 1;
  }
}

/**
 * Describes how an ended child ended: `exited with code 3`, or `faulted: thread main, load page
 * fault at 0x00000000 (ip 0x000100a4)`. Returns `running` for a child that has not ended.
 */
export function describeEnd(child: Child): string {
  const status = child.status;
  switch (status.kind) {
    case "exited":
      return `exited with code ${status.code}`;
    case "faulted":
      return `faulted: thread ${status.thread}, ` +
        describeFault(status.fault, faultIp(child, status.thread));
    case "running":
      return "running";
  }
}

/** Describes a fault as `load page fault at 0x00000000 (ip 0x000100a4)`. */
export function describeFault(fault: ThreadFault, ip: number | undefined): string {
  const at = ip === undefined ? "" : ` (ip ${hex32(ip)})`;
  if (fault.cause === Cause.ILLEGAL_INSTRUCTION) {
    return `illegal instruction, instruction word ${hex32(fault.tval)}${at}`;
  }
  return `${faultName(fault.cause)} at ${hex32(fault.tval)}${at}`;
}

/** Formats `value` as eight hex digits with a `0x` prefix. */
export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, "0")}`;
}

/** Returns the fault's name in words, such as `load page fault`, or `exception 7`. */
function faultName(cause: number): string {
  const name = causeName(cause);
  if (/^\d+$/.test(name)) return `exception ${name}`;
  return name.toLowerCase().replaceAll("_", " ");
}

/** Returns the program counter of the faulting thread named `threadName`, if it is found. */
function faultIp(child: Child, threadName: string): number | undefined {
  const thread = child.threads.find((candidate) => candidate.name === threadName);
  return thread?.core.thread.hart.pc;
}

function describeUnfinished(child: Child, stop: RunStop, limits: RunLimits): string {
  if (stop === "idle") {
    return `child ${child.name} is stuck at virtual time ${limits.clock}: ` +
      "no thread can run and no timeout is pending";
  }
  if (stop === "stopped") {
    return `the run of child ${child.name} stopped at virtual time ${limits.clock} ` +
      "before the child ended";
  }
  return `child ${child.name} is still running at virtual time ${limits.clock}, ` +
    `after the limit of --max-ticks ${limits.maxTicks} instructions; raise --max-ticks`;
}
