/**
 * A child component as its parent records it: the sessions it was given and every object it
 * created through them, its LOG output and how it ended.
 *
 * @module
 */

import { CpuSession } from "../core/cpu_session.ts";
import type { RomDataspace } from "../core/dataspace.ts";
import { type LogLine, LogSession } from "../core/log_session.ts";
import { PdSession } from "../core/pd_session.ts";
import { TimerSession } from "../core/timer_session.ts";
import { CrspecError, InvalidArgumentError } from "../errors.ts";
import type { Kernel } from "../kernel/kernel.ts";
import type { Reply, Request } from "../kernel/message.ts";
import { NativeObject } from "../kernel/native.ts";
import type { KernelObject } from "../kernel/object.ts";
import { RpcObject } from "../kernel/endpoint.ts";
import { requestText, unsupported, word } from "../kernel/rpc.ts";
import type { ThreadFault } from "../kernel/thread.ts";
import type { RomRegistry } from "../core/rom.ts";
import { ChildCpu, type ChildThread } from "./cpu.ts";
import { ChildPd } from "./pd.ts";
import { ChildLog, ChildRom, ChildTimer } from "./sessions.ts";

/** Operations of the parent capability. */
export const ParentOp = { SESSION: 1, CLOSE: 2, EXIT: 3, ANNOUNCE: 4 } as const;

/** Index of the parent capability in every child's capability space. */
export const PARENT_CAP_INDEX = 1;

/** Services core offers through the parent; children may announce more. */
export type ServiceName = "PD" | "CPU" | "LOG" | "ROM" | "Timer";

/** A service announced by a child: requests for it get a capability to `object`. */
export interface AnnouncedService {
  /** Service name. */
  readonly name: string;
  /** The announcing child. */
  readonly server: Child;
  /** The RPC object that serves the service. */
  readonly object: RpcObject;
}

/** One session of the child, as the parent records it. */
export interface SessionRecord {
  /** The service: one of core's, or a name a child announced. */
  readonly service: ServiceName | string;
  /** The session arguments as the child passed them, such as `label=counter`. */
  readonly args: string;
  /** The object the child's capability names. */
  readonly object: ChildPd | ChildCpu | ChildLog | ChildRom | ChildTimer | RpcObject;
}

/** The end state of a child's run. */
export type ChildStatus =
  | { readonly kind: "running" }
  | { readonly kind: "exited"; readonly code: number }
  | { readonly kind: "faulted"; readonly thread: string; readonly fault: ThreadFault };

/** The parts of the machine a child uses. */
export interface ChildEnvironment {
  /** The kernel. */
  readonly kernel: Kernel;
  /** Core's ROM modules. */
  readonly rom: RomRegistry;
  /** Receives every LOG line of the child. */
  readonly log: (line: LogLine) => void;
  /** Services announced by children, by name. */
  readonly services: Map<string, AnnouncedService>;
}

/** A child component and the parent's record of it. */
export class Child {
  /** Name of the child, also the first part of its LOG labels. */
  readonly name: string;
  /** The ELF module the child was started from; undefined for an invalid ELF capability. */
  readonly module: RomDataspace | undefined;
  /** The child's PD session. */
  readonly pd: ChildPd;
  /** The child's CPU session. */
  readonly cpu: ChildCpu;
  /** The object the child's parent capability names. */
  readonly parent: ParentCapability;
  /** Sessions of the child in the order they were opened, PD and CPU first. */
  readonly sessions: SessionRecord[] = [];
  /** Every LOG line the child wrote. */
  readonly log: LogLine[] = [];
  /** The child's end state, `running` until it ends. */
  status: ChildStatus = { kind: "running" };
  readonly #environment: ChildEnvironment;

  /** Creates the child's PD and CPU sessions and installs the parent capability at index 1. */
  constructor(
    environment: ChildEnvironment,
    name: string,
    module: RomDataspace | undefined,
    ramQuota: number,
  ) {
    this.#environment = environment;
    this.name = name;
    this.module = module;
    this.pd = new ChildPd(new PdSession(environment.kernel, name, ramQuota));
    this.cpu = new ChildCpu(new CpuSession(environment.kernel), this.pd);
    this.sessions.push({ service: "PD", args: "", object: this.pd });
    this.sessions.push({ service: "CPU", args: "", object: this.cpu });
    this.parent = new ParentCapability(this);
    this.pd.core.pd.caps.install(this.parent, PARENT_CAP_INDEX);
  }

  /** The kernel the child runs on. */
  get kernel(): Kernel {
    return this.#environment.kernel;
  }

  /** Threads of the child in creation order, the initial thread first. */
  get threads(): readonly ChildThread[] {
    return this.cpu.threads;
  }

  /** True once the child exited or stopped on a fault. */
  get ended(): boolean {
    return this.status.kind !== "running";
  }

  /**
   * Reads `length` bytes at `address` of the child's address space, through the parent's
   * records of its attachments. Throws InvalidArgumentError where nothing readable is attached.
   */
  readMemory(address: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let done = 0; done < length;) {
      const at = address + done;
      const page = this.pd.addressSpace.core.resolve(at - (at % 4096));
      if (page === undefined) {
        throw new InvalidArgumentError(
          `nothing is attached at 0x${at.toString(16)} in ${this.name}`,
        );
      }
      const chunk = Math.min(length - done, 4096 - (at % 4096));
      bytes.set(page.frame.subarray(at % 4096, (at % 4096) + chunk), done);
      done += chunk;
    }
    return bytes;
  }

  /** Reads the little-endian 32-bit word at `address`. */
  readWord(address: number): number {
    return new DataView(this.readMemory(address, 4).buffer).getUint32(0, true);
  }

  /** Lists the child's capability space: every index in use and the kind of object it names. */
  capabilities(): Array<{ index: number; kind: string }> {
    return this.pd.core.pd.caps.entries()
      .filter(([, object]) => !object.destroyed)
      .map(([index, object]) => ({ index, kind: object.kind }));
  }

  /** Opens a session of `service` with `args` on behalf of the child and records it. */
  openSession(service: string, args: string): SessionRecord["object"] {
    const object = this.#createSession(service, args);
    this.sessions.push({ service, args, object });
    return object;
  }

  /** Announces `object`, an RPC object of this child, as service `name`. */
  announce(name: string, object: KernelObject | undefined): void {
    if (!(object instanceof RpcObject) || !this.pd.objects.includes(object)) {
      throw new InvalidArgumentError(
        `announce ${JSON.stringify(name)}: give an RPC object of ${this.name}`,
      );
    }
    if (name === "" || ["PD", "CPU", "LOG", "ROM", "Timer"].includes(name)) {
      throw new InvalidArgumentError(
        `announce: service name ${JSON.stringify(name)} is reserved or empty`,
      );
    }
    this.#environment.services.set(name, { name, server: this, object });
  }

  /** Closes a session the child opened; the PD and CPU sessions stay. */
  closeSession(object: KernelObject): void {
    const index = this.sessions.findIndex((session) => session.object === object);
    const session = this.sessions[index];
    if (session === undefined || session.service === "PD" || session.service === "CPU") {
      throw new InvalidArgumentError(
        "close: the capability names no closable session of the child",
      );
    }
    if (session.object instanceof ChildTimer) session.object.core.close();
    session.object.destroyed = true;
    this.sessions.splice(index, 1);
  }

  /** Ends the child with exit `code`: every thread exits, the memory stays for inspection. */
  exit(code: number): void {
    for (const thread of this.cpu.threads) this.kernel.exitThread(thread.core.thread);
    if (this.status.kind === "running") this.status = { kind: "exited", code };
  }

  /** Destroys the child: its threads end, its RAM returns to the quota, its objects go. */
  destroy(): void {
    for (const thread of this.cpu.threads) this.kernel.exitThread(thread.core.thread);
    for (const session of this.sessions) {
      if (session.object instanceof ChildTimer) session.object.core.close();
      session.object.destroyed = true;
    }
    this.pd.core.destroy();
  }

  #createSession(service: string, args: string): SessionRecord["object"] {
    const label = parseArgs(args).get("label") ?? "";
    switch (service) {
      case "PD":
        return this.pd;
      case "CPU":
        return this.cpu;
      case "LOG": {
        const tag = label === "" ? this.name : `${this.name} -> ${label}`;
        const sink = (line: LogLine) => {
          this.log.push(line);
          this.#environment.log(line);
        };
        return new ChildLog(new LogSession(tag, sink, () => this.kernel.clock));
      }
      case "ROM":
        return new ChildRom(this.#environment.rom.get(label));
      case "Timer":
        return new ChildTimer(new TimerSession(this.kernel));
    }
    const announced = this.#environment.services.get(service);
    if (announced !== undefined && !announced.object.destroyed) return announced.object;
    throw new CrspecError(
      "service-denied",
      `service ${JSON.stringify(service)} is not offered to ${this.name}; ` +
        "request PD, CPU, LOG, ROM, Timer or an announced service",
    );
  }
}

/** The capability a child uses to reach its parent. */
export class ParentCapability extends NativeObject {
  readonly #child: Child;

  /** Serves `child`. */
  constructor(child: Child) {
    super();
    this.#child = child;
  }

  /** Always `parent`. */
  get kind(): string {
    return "parent";
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    switch (request.op) {
      case ParentOp.SESSION: {
        const end = request.data.indexOf(0);
        const service = requestText(request);
        const args = end < 0 ? "" : new TextDecoder().decode(request.data.subarray(end + 1));
        return { cap: this.#child.openSession(service, args) };
      }
      case ParentOp.CLOSE: {
        if (request.cap === undefined) throw new InvalidArgumentError("close: no session given");
        this.#child.closeSession(request.cap);
        return {};
      }
      case ParentOp.EXIT:
        this.#child.exit(word(request, 0) | 0);
        return {};
      case ParentOp.ANNOUNCE:
        this.#child.announce(requestText(request), request.cap);
        return {};
      default:
        throw unsupported(this, request.op);
    }
  }
}

/** Parses `key=value` pairs separated by commas. */
export function parseArgs(args: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const pair of args.split(",")) {
    const separator = pair.indexOf("=");
    if (separator > 0) {
      result.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
  }
  return result;
}
