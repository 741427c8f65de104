/**
 * A minimal Linux user-mode environment for the RV32 test programs: loads a static ELF
 * executable, sets up the initial stack, and serves the system calls write, exit and
 * exit_group, so that the same program can run here and under qemu-riscv32.
 *
 * @module
 */

import { readElf } from "../../src/elf/read.ts";
import { PF_R, PF_W, PF_X, PT_LOAD } from "../../src/elf/names.ts";
import { Hart } from "../../src/rv32/hart.ts";
import {
  Memory,
  PAGE_SHIFT,
  PAGE_SIZE,
  PERM_EXECUTE,
  PERM_READ,
  PERM_WRITE,
} from "../../src/rv32/memory.ts";
import { newRunResult, run, Stop } from "../../src/rv32/run.ts";

/** Linux RV32 system call numbers that the runner serves. */
const SYS_WRITE = 64;
const SYS_EXIT = 93;
const SYS_EXIT_GROUP = 94;

const EBADF = 9;
const EFAULT = 14;
const ENOSYS = 38;

/** The stack ends just below this address. */
const STACK_TOP = 0xc000_0000;
const STACK_PAGES = 64;

/** Instructions per call of `run`, so that a runaway program is stopped by the limit. */
const SLICE = 10_000_000;

/** How a program run by {@linkcode runLinuxProgram} ended. */
export interface LinuxOutcome {
  /** Bytes written to file descriptor 1. */
  readonly stdout: Uint8Array;
  /** Bytes written to file descriptor 2. */
  readonly stderr: Uint8Array;
  /** Exit status (0-255), or undefined when the program did not exit. */
  readonly exitCode: number | undefined;
  /** The fault or breakpoint that stopped the program, if any. */
  readonly trap: { stop: number; cause: number; tval: number; pc: number } | undefined;
  /** Instructions retired, counting each completed system call. */
  readonly retired: number;
}

/** A program loaded into a fresh address space, ready to run. */
export interface LoadedProgram {
  readonly hart: Hart;
  readonly memory: Memory;
}

/**
 * Loads the PT_LOAD segments of the static executable `bytes` into a new address space and
 * sets up the stack as Linux does for a process without arguments: argc = 0, an empty argv
 * and envp, and an auxiliary vector holding only AT_NULL.
 */
export function loadLinuxProgram(bytes: Uint8Array): LoadedProgram {
  const elf = readElf(bytes);
  const memory = new Memory();

  // Segments may share a page; the page then gets the union of their permissions.
  const frames = new Map<number, { frame: Uint8Array; permissions: number }>();
  for (const segment of elf.segments) {
    if (segment.type !== PT_LOAD || segment.memsz === 0) continue;
    let permissions = 0;
    if (segment.flags & PF_R) permissions |= PERM_READ;
    if (segment.flags & PF_W) permissions |= PERM_WRITE;
    if (segment.flags & PF_X) permissions |= PERM_EXECUTE;

    const first = segment.vaddr >>> PAGE_SHIFT;
    const last = (segment.vaddr + segment.memsz - 1) >>> PAGE_SHIFT;
    for (let page = first; page <= last; page++) {
      const entry = frames.get(page) ?? { frame: new Uint8Array(PAGE_SIZE), permissions: 0 };
      entry.permissions |= permissions;
      frames.set(page, entry);
    }
    const contents = bytes.subarray(segment.offset, segment.offset + segment.filesz);
    for (let done = 0; done < contents.length;) {
      const address = segment.vaddr + done;
      const offset = address % PAGE_SIZE;
      const count = Math.min(PAGE_SIZE - offset, contents.length - done);
      frames.get(address >>> PAGE_SHIFT)!.frame.set(contents.subarray(done, done + count), offset);
      done += count;
    }
  }
  for (const [page, { frame, permissions }] of frames) memory.map(page, frame, permissions);

  const stackBottom = (STACK_TOP >>> PAGE_SHIFT) - STACK_PAGES;
  for (let page = stackBottom; page < STACK_TOP >>> PAGE_SHIFT; page++) {
    memory.map(page, new Uint8Array(PAGE_SIZE), PERM_READ | PERM_WRITE);
  }

  // argc, argv[0] = NULL, envp[0] = NULL, auxv: AT_NULL, 0; the words are zero already.
  const hart = new Hart();
  hart.pc = elf.entry >>> 0;
  hart.x[2] = STACK_TOP - 32;
  return { hart, memory };
}

/**
 * Runs the static executable `bytes` until it exits, faults, reaches `ebreak`, or retires
 * `limit` instructions.
 */
export function runLinuxProgram(bytes: Uint8Array, limit = 1_000_000_000): LinuxOutcome {
  const { hart, memory } = loadLinuxProgram(bytes);
  const stdout: number[] = [];
  const stderr: number[] = [];
  const result = newRunResult();
  let retired = 0;
  let exitCode: number | undefined;
  let trap: LinuxOutcome["trap"];

  while (retired < limit) {
    run(hart, memory, Math.min(SLICE, limit - retired), result);
    retired += result.retired;
    if (result.stop === Stop.BUDGET) continue;
    if (result.stop !== Stop.ECALL) {
      trap = { stop: result.stop, cause: result.cause, tval: result.tval, pc: hart.pc };
      break;
    }

    const number = hart.x[17]!;
    if (number === SYS_EXIT || number === SYS_EXIT_GROUP) {
      exitCode = hart.x[10]! & 0xff;
      retired++;
      break;
    }
    if (number === SYS_WRITE) {
      hart.x[10] = write(memory, hart.x[10]!, hart.x[11]! >>> 0, hart.x[12]! >>> 0, {
        1: stdout,
        2: stderr,
      });
    } else {
      hart.x[10] = -ENOSYS;
    }
    hart.pc = (hart.pc + 4) >>> 0;
    retired++;
  }

  return {
    stdout: Uint8Array.from(stdout),
    stderr: Uint8Array.from(stderr),
    exitCode,
    trap,
    retired,
  };
}

function write(
  memory: Memory,
  fd: number,
  address: number,
  length: number,
  outputs: Record<number, number[]>,
): number {
  const output = outputs[fd];
  if (output === undefined) return -EBADF;
  const bytes = new Uint8Array(length);
  if (!memory.read(address, bytes)) return -EFAULT;
  for (const byte of bytes) output.push(byte);
  return length;
}
