/**
 * A modelled machine: the kernel, core's services, and the parent that starts children.
 *
 * @module
 */

import { basename, resolve } from "node:path";
import { ManagedDataspace, type RomDataspace } from "./core/dataspace.ts";
import type { LogLine } from "./core/log_session.ts";
import { RomRegistry } from "./core/rom.ts";
import { InvalidArgumentError, OutOfRamQuotaError } from "./errors.ts";
import { DEFAULT_QUANTUM, Kernel, type RunStop } from "./kernel/kernel.ts";
import type { SignalContext } from "./kernel/signal.ts";
import type { Thread } from "./kernel/thread.ts";
import { type AnnouncedService, Child, type ChildEnvironment } from "./parent/child.ts";
import { startFromElf, startWithoutElf } from "./parent/loader.ts";

/** Default RAM the parent can hand to its children: 1 GiB. */
export const DEFAULT_SYSTEM_RAM = 1024 * 1024 * 1024;
/** Default RAM quota of a child: 64 MiB. */
export const DEFAULT_CHILD_RAM = 64 * 1024 * 1024;

/** Options of {@linkcode System}. */
export interface SystemOptions {
  /** Instructions per scheduling quantum. */
  quantum?: number;
  /** RAM in bytes that the parent can hand to children. */
  ram?: number;
  /** Receives every LOG line of every child, as it is written. */
  onLog?: (line: LogLine) => void;
}

/** Options of {@linkcode System.startChild}. */
export interface ChildOptions {
  /** Name of the child; defaults to the module name without `.elf`. */
  name?: string;
  /** RAM quota in bytes. */
  ramQuota?: number;
}

/** Options of {@linkcode System.run}. */
export interface RunOptions {
  /** Run until the clock reaches this virtual time. */
  until?: number;
  /** Run at most this many ticks from now. */
  ticks?: number;
  /** Stop as soon as this returns true; checked after every system call and fault. */
  stop?: () => boolean;
}

/** A modelled machine with its parent. */
export class System {
  /** The kernel. */
  readonly kernel: Kernel;
  /** Core's ROM modules. */
  readonly rom: RomRegistry = new RomRegistry();
  /** Children started and not destroyed, in start order. */
  readonly children: Child[] = [];
  /** RAM in bytes that the parent can hand to children. */
  readonly ram: number;
  /** Services announced by children, by name. */
  readonly services: Map<string, AnnouncedService> = new Map();
  #onLog: ((line: LogLine) => void) | undefined;

  /** Creates an empty machine. */
  constructor(options: SystemOptions = {}) {
    this.kernel = new Kernel(options.quantum ?? DEFAULT_QUANTUM);
    this.ram = options.ram ?? DEFAULT_SYSTEM_RAM;
    this.#onLog = options.onLog;
    this.kernel.onFault = (thread) => this.#handleFault(thread);
  }

  /** RAM not yet handed to a child. */
  get ramAvailable(): number {
    return this.ram - this.children.reduce((sum, child) => sum + child.pd.core.ramQuota, 0);
  }

  /** Virtual time. */
  get clock(): number {
    return this.kernel.clock;
  }

  /** Adds a ROM module named `name`; `path` records the file it came from. */
  addModule(name: string, content: Uint8Array, path?: string): RomDataspace {
    return this.rom.add(name, content, path === undefined ? undefined : resolve(path));
  }

  /** Reads the file at `path` into a ROM module named after the file. */
  loadModule(path: string): RomDataspace {
    return this.addModule(basename(path), Deno.readFileSync(path), path);
  }

  /**
   * Starts a child from the ELF module `module` (a valid ELF capability). Throws
   * InvalidExecutableError and friends before anything is created.
   */
  startChild(module: string, options: ChildOptions = {}): Child {
    const rom = this.rom.get(module);
    const name = options.name ?? module.replace(/\.elf$/, "");
    const quota = this.#reserve(options.ramQuota);
    const child = startFromElf(this.#environment(), name, rom, quota);
    this.children.push(child);
    return child;
  }

  /**
   * Creates a child from an invalid ELF capability: nothing is loaded and the initial thread is
   * not started. The caller populates it, as restore does.
   */
  createEmptyChild(name: string, options: Omit<ChildOptions, "name"> = {}): Child {
    const quota = this.#reserve(options.ramQuota);
    const child = startWithoutElf(this.#environment(), name, quota);
    this.children.push(child);
    return child;
  }

  /** Destroys `child` and returns its RAM to the parent. */
  destroyChild(child: Child): void {
    const index = this.children.indexOf(child);
    if (index < 0) throw new InvalidArgumentError(`child ${child.name} is not in this system`);
    child.destroy();
    this.children.splice(index, 1);
    for (const [name, service] of this.services) {
      if (service.server === child) this.services.delete(name);
    }
  }

  /**
   * Runs the machine. Without `stop`, it stops when every child has ended. Returns why it
   * stopped: `budget` (the time limit), `idle` (no thread can run and no timeout is pending)
   * or `stopped`.
   */
  run(options: RunOptions = {}): RunStop {
    const until = options.until ??
      (options.ticks === undefined ? Number.MAX_SAFE_INTEGER : this.clock + options.ticks);
    const stop = options.stop ?? (() => this.children.every((child) => child.ended));
    if (stop()) return "stopped";
    return this.kernel.run(until, stop);
  }

  /** Returns the child that owns `thread`, if any. */
  childOf(thread: Thread): Child | undefined {
    return this.children.find((child) => child.pd.core.pd === thread.pd);
  }

  #environment(): ChildEnvironment {
    return {
      kernel: this.kernel,
      rom: this.rom,
      log: (line: LogLine) => this.#onLog?.(line),
      services: this.services,
    };
  }

  #reserve(ramQuota: number | undefined): number {
    const quota = ramQuota ?? DEFAULT_CHILD_RAM;
    if (!Number.isInteger(quota) || quota <= 0) {
      throw new InvalidArgumentError(`RAM quota ${quota}; give a positive number of bytes`);
    }
    if (quota > this.ramAvailable) throw new OutOfRamQuotaError(quota, this.ramAvailable);
    return quota;
  }

  #handleFault(thread: Thread): void {
    const child = this.childOf(thread);
    if (child === undefined || thread.fault === undefined) return;
    const handler = this.#faultHandlerFor(child, thread.fault.tval);
    if (handler !== undefined) {
      this.kernel.submit(handler);
      return;
    }
    // A faulted thread stops alone, as on a real kernel: the child ends as faulted only when
    // none of its threads can run any more, so a checkpoint can record the faulted thread.
    const alive = child.threads.some((other) => {
      const state = other.core.thread.state;
      return state === "ready" || state === "blocked";
    });
    if (child.status.kind === "running" && !alive) {
      child.status = { kind: "faulted", thread: thread.name, fault: thread.fault };
    }
  }

  /** Finds the fault handler of a managed dataspace attached at `address`, if any. */
  #faultHandlerFor(child: Child, address: number): SignalContext | undefined {
    const dataspace = child.pd.addressSpace.core.attachmentAt(address)?.dataspace;
    return dataspace instanceof ManagedDataspace ? dataspace.regionMap.faultHandler : undefined;
  }
}

export { Child };
