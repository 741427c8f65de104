/**
 * Core's CPU session: threads that are created stopped, started at an ip and sp, paused,
 * resumed, and whose register state can be read and written.
 *
 * @module
 */

import { InvalidStateError } from "../errors.ts";
import type { Kernel } from "../kernel/kernel.ts";
import { KernelObject } from "../kernel/object.ts";
import type { Thread, ThreadFault } from "../kernel/thread.ts";
import type { PdSession } from "./pd_session.ts";

/** The user-visible register state of a thread. */
export interface ThreadRegisters {
  /** Instruction pointer. */
  ip: number;
  /** Stack pointer (x2). */
  sp: number;
  /** The 32 general registers x0..x31 as unsigned numbers; x0 is 0. */
  x: number[];
  /** The unresolved fault the thread stopped on, if any. */
  fault: ThreadFault | undefined;
}

/** Core's capability to one thread. */
export class CpuThread extends KernelObject {
  /** The kernel thread. */
  readonly thread: Thread;
  readonly #kernel: Kernel;

  /** Wraps `thread`. */
  constructor(kernel: Kernel, thread: Thread) {
    super();
    this.#kernel = kernel;
    this.thread = thread;
  }

  /** Always `thread`. */
  get kind(): string {
    return "thread";
  }

  /** Starts the thread at `ip` with stack pointer `sp`; a thread starts once. */
  start(ip: number, sp: number): void {
    if (this.thread.state !== "created") {
      throw new InvalidStateError(`thread ${this.thread.name} was already started`);
    }
    this.#kernel.start(this.thread, ip, sp);
  }

  /** Holds the thread at its next instruction boundary. */
  pause(): void {
    this.#kernel.pause(this.thread);
  }

  /** Releases the thread; a faulted thread retries the faulting instruction. */
  resume(): void {
    this.#kernel.resume(this.thread);
  }

  /** Reads the register state. */
  state(): ThreadRegisters {
    const hart = this.thread.hart;
    return {
      ip: hart.pc >>> 0,
      sp: hart.x[2]! >>> 0,
      x: Array.from(hart.x, (value) => value >>> 0),
      fault: this.thread.fault,
    };
  }

  /** Writes the register state; allowed before start and while paused. */
  setState(registers: Pick<ThreadRegisters, "ip" | "x">): void {
    if (this.thread.state !== "created" && !this.thread.paused) {
      throw new InvalidStateError(
        `registers of thread ${this.thread.name} can be written only before start or while paused`,
      );
    }
    const hart = this.thread.hart;
    hart.pc = registers.ip >>> 0;
    for (let i = 1; i < 32; i++) hart.x[i] = (registers.x[i] ?? 0) | 0;
  }
}

/** Core's CPU session: creates threads in PDs. */
export class CpuSession extends KernelObject {
  /** Threads created through this session, in creation order. */
  readonly threads: CpuThread[] = [];
  readonly #kernel: Kernel;

  /** Creates a session on `kernel`. */
  constructor(kernel: Kernel) {
    super();
    this.#kernel = kernel;
  }

  /** Always `cpu-session`. */
  get kind(): string {
    return "cpu-session";
  }

  /** Creates a thread named `name` in the PD of `pd`; it does not run until started. */
  createThread(pd: PdSession, name: string): CpuThread {
    const thread = new CpuThread(this.#kernel, this.#kernel.createThread(pd.pd, name));
    this.threads.push(thread);
    return thread;
  }

  /** Ends the thread and removes it from this session. */
  killThread(thread: CpuThread): void {
    this.#kernel.exitThread(thread.thread);
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
    thread.destroyed = true;
  }
}
