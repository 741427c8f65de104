/**
 * Taking a checkpoint of a running child: the parent's records of every object, the threads
 * with their restart dispositions, the scheduler's state, and a copy of every RAM dataspace.
 *
 * @module
 */

import { ManagedDataspace, RamDataspace, RomDataspace } from "../core/dataspace.ts";
import type { RegionMap } from "../core/region_map.ts";
import { CheckpointError } from "../errors.ts";
import { Endpoint, RpcObject } from "../kernel/endpoint.ts";
import { Syscall } from "../kernel/message.ts";
import type { KernelObject } from "../kernel/object.ts";
import { SignalContext, SignalReceiver } from "../kernel/signal.ts";
import type { Thread } from "../kernel/thread.ts";
import type { ImageContents } from "../image/format.ts";
import type { Child } from "../parent/child.ts";
import { ChildCpu, ChildThread } from "../parent/cpu.ts";
import { ChildPd, ChildRegionMap } from "../parent/pd.ts";
import { ChildLog, ChildRom, ChildTimer } from "../parent/sessions.ts";
import type { System } from "../system.ts";
import {
  type Disposition,
  type Manifest,
  MANIFEST_VERSION,
  type ModuleRecord,
  type ObjectRecord,
  type ThreadRecord,
} from "./manifest.ts";

/** Default maximum virtual time a checkpoint may be postponed by: 10 million ticks. */
export const DEFAULT_POSTPONE_LIMIT = 10_000_000;

/** Options of {@linkcode checkpoint}. */
export interface CheckpointOptions {
  /** Ticks the checkpoint may wait for pending replies before it fails. */
  postponeLimit?: number;
}

/** A checkpoint: the image contents and how long it had to wait. */
export interface Checkpoint {
  /** Manifest and dataspace contents, ready for `encodeImage`. */
  readonly contents: ImageContents;
  /** The decoded manifest, typed. */
  readonly manifest: Manifest;
  /** Set when the checkpoint waited for a reply: ticks waited and the last thread waited for. */
  readonly postponed: { readonly ticks: number; readonly thread: string } | undefined;
}

/**
 * Takes a checkpoint of `child`. Threads blocked in a call whose reply is pending postpone the
 * checkpoint until the reply is delivered, for at most `postponeLimit` ticks. Past that limit
 * the checkpoint fails with CheckpointError, and the child runs on unharmed.
 */
export function checkpoint(
  system: System,
  child: Child,
  options: CheckpointOptions = {},
): Checkpoint {
  if (child.ended) {
    throw new CheckpointError(`child ${child.name} has ended (${child.status.kind})`);
  }
  const postponed = postponeForReplies(
    system,
    child,
    options.postponeLimit ?? DEFAULT_POSTPONE_LIMIT,
  );
  const contents = new ManifestWriter(system, child).write();
  return { contents, manifest: contents.manifest as Manifest, postponed };
}

/** Runs the machine until no thread of `child` waits for a reply that its server received. */
function postponeForReplies(
  system: System,
  child: Child,
  limit: number,
): Checkpoint["postponed"] {
  const start = system.clock;
  let waiting = awaitingReply(child);
  if (waiting === undefined) return undefined;
  let last = waiting;
  while (waiting !== undefined) {
    last = waiting;
    const waited = system.clock - start;
    if (waited >= limit) {
      throw new CheckpointError(
        `thread ${waiting.name} of ${child.name} is still blocked in call, waiting for the ` +
          `reply of ${describeServer(waiting)} after postponing ${waited} ticks; ` +
          "raise the postpone limit or checkpoint at another time",
      );
    }
    const stop = system.run({
      ticks: Math.min(limit - waited, 1000),
      stop: () => awaitingReply(child) === undefined || child.ended,
    });
    if (child.ended) {
      throw new CheckpointError(`child ${child.name} ended while the checkpoint was postponed`);
    }
    waiting = awaitingReply(child);
    if (waiting !== undefined && stop === "idle") {
      throw new CheckpointError(
        `thread ${waiting.name} of ${child.name} is blocked in call, waiting for the reply of ` +
          `${describeServer(waiting)}, and no thread can run to send it`,
      );
    }
  }
  return { ticks: system.clock - start, thread: last.name };
}

function awaitingReply(child: Child): Thread | undefined {
  return child.threads.map((thread) => thread.core.thread).find((thread) =>
    thread.state === "blocked" && thread.blocking?.kind === "call-reply"
  );
}

function describeServer(thread: Thread): string {
  const blocking = thread.blocking;
  if (blocking?.kind !== "call-reply") return "its server";
  return `thread ${blocking.server.name} of ${blocking.server.pd.name}`;
}

/** Returns the kernel state of `thread` in words and how it comes back on restore. */
export function classifyThread(thread: Thread): { kernelState: string; disposition: Disposition } {
  switch (thread.state) {
    case "created":
      return { kernelState: "created, not started", disposition: "not-started" };
    case "ready":
      return { kernelState: "ready in user mode", disposition: "resume" };
    case "faulted":
      return { kernelState: "stopped on a fault", disposition: "faulted" };
    case "exited":
      return { kernelState: "exited", disposition: "not-started" };
    case "blocked":
      break;
  }
  const blocking = thread.blocking!;
  switch (blocking.kind) {
    case "wait":
      return {
        kernelState: thread.hart.x[17] === Syscall.REPLY_AND_WAIT
          ? "blocked in reply_and_wait, reply delivered"
          : "blocked in wait",
        disposition: "restart-wait",
      };
    case "call-send":
      return { kernelState: "blocked in call, request not received", disposition: "restart-call" };
    case "signal":
      return { kernelState: "blocked in signal_wait", disposition: "restart-signal-wait" };
    case "call-reply":
      throw new CheckpointError(
        `thread ${thread.name} is blocked in call with its reply pending; it cannot be recorded`,
      );
  }
}

/** Builds the manifest by walking the parent's records of one child. */
class ManifestWriter {
  readonly #system: System;
  readonly #child: Child;
  readonly #objects: ObjectRecord[] = [];
  readonly #ids = new Map<KernelObject, number>();
  readonly #modules: ModuleRecord[] = [];
  readonly #dataspaces = new Map<number, Uint8Array>();

  constructor(system: System, child: Child) {
    this.#system = system;
    this.#child = child;
  }

  write(): ImageContents {
    const child = this.#child;
    if (child.module !== undefined) this.#module(child.module);

    // Memory first, so that attachments can name the dataspaces.
    for (const dataspace of child.pd.dataspaces) this.#id(dataspace);
    this.#id(child.pd.addressSpace);
    for (const regionMap of child.pd.regionMaps) this.#id(regionMap);

    // Sessions, threads and IPC objects in the order the parent recorded them.
    const sessions = child.sessions.map((session) => this.#id(session.object));
    const liveThreads = child.threads.filter((thread) => thread.core.thread.state !== "exited");
    const threads = liveThreads.map((thread) => this.#id(thread));
    for (const object of child.pd.objects) this.#id(object);
    this.#id(child.parent);

    const capabilities: Array<{ index: number; object: number }> = [];
    for (const [index, object] of child.pd.core.pd.caps.entries()) {
      if (object.destroyed) continue;
      if (object instanceof ChildThread && object.core.thread.state === "exited") continue;
      capabilities.push({ index, object: this.#id(object, index) });
    }

    const schedule = this.#system.kernel.schedule;
    const threadId = (thread: Thread): number | undefined => {
      const record = liveThreads.find((candidate) => candidate.core.thread === thread);
      return record === undefined ? undefined : this.#ids.get(record);
    };
    const queue = schedule.queue.map(threadId).filter((id) => id !== undefined);
    const current = schedule.current === undefined ? undefined : threadId(schedule.current);
    const restartOrder = this.#restartOrder(liveThreads).map((thread) => this.#ids.get(thread)!);

    const manifest: Manifest = {
      format: "crspec-checkpoint",
      version: MANIFEST_VERSION,
      platform: "RV32IM",
      child: child.name,
      ramQuota: child.pd.core.ramQuota,
      clock: this.#system.clock,
      quantum: this.#system.kernel.quantum,
      modules: this.#modules,
      objects: this.#objects,
      capabilities,
      sessions,
      threads,
      schedule: {
        queue,
        current: current ?? null,
        quantumLeft: current === undefined ? 0 : schedule.quantumLeft,
      },
      restartOrder,
      logLines: child.log.length,
      announcements: [...this.#system.services.values()]
        .filter((service) => service.server === child)
        .map((service) => ({ name: service.name, object: this.#id(service.object) })),
    };
    return { manifest, dataspaces: this.#dataspaces };
  }

  /** Callers queued at endpoints come back in queue order, so the queues stay as they were. */
  #restartOrder(threads: readonly ChildThread[]): ChildThread[] {
    const calling = threads.filter((thread) => thread.core.thread.blocking?.kind === "call-send");
    const position = (thread: ChildThread): number => {
      const blocking = thread.core.thread.blocking;
      return blocking?.kind === "call-send"
        ? blocking.target.endpoint.senders.indexOf(thread.core.thread)
        : 0;
    };
    return calling.sort((a, b) => position(a) - position(b));
  }

  #module(module: RomDataspace): number {
    const existing = this.#modules.findIndex((record) =>
      record.sha256 === module.hash && record.name === module.name
    );
    if (existing >= 0) return existing;
    this.#modules.push({
      name: module.name,
      path: module.path ?? null,
      sha256: module.hash,
      length: module.length,
    });
    return this.#modules.length - 1;
  }

  /** Returns the manifest number of `object`, recording it (and what it names) on first use. */
  #id(object: KernelObject, capIndex?: number): number {
    const known = this.#ids.get(object);
    if (known !== undefined) return known;
    const id = this.#objects.length;
    this.#ids.set(object, id);
    // The slot is taken before recording, because a record may name further objects, which
    // take the following numbers.
    this.#objects.push({ kind: "parent" });
    this.#objects[id] = this.#record(object, capIndex);
    return id;
  }

  #record(object: KernelObject, capIndex: number | undefined): ObjectRecord {
    if (object instanceof RamDataspace) {
      if (!this.#child.pd.dataspaces.includes(object)) return this.#unrecorded(object, capIndex);
      const contents = this.#dataspaces.size;
      this.#dataspaces.set(contents, object.bytes.slice());
      return { kind: "ram-dataspace", size: object.size, contents };
    }
    if (object instanceof RomDataspace) {
      return { kind: "rom-dataspace", module: this.#module(object) };
    }
    if (object instanceof ChildRegionMap) return this.#regionMap(object);
    if (object instanceof ManagedDataspace) {
      const owner = this.#child.pd.regionMaps.find((map) => map.core === object.regionMap);
      if (owner === undefined) return this.#unrecorded(object, capIndex);
      return { kind: "managed-dataspace", regionMap: this.#id(owner) };
    }
    if (object instanceof ChildPd) return { kind: "pd-session" };
    if (object instanceof ChildCpu) return { kind: "cpu-session" };
    if (object instanceof ChildLog) return { kind: "log-session", args: this.#argsOf(object) };
    if (object instanceof ChildRom) {
      return {
        kind: "rom-session",
        args: this.#argsOf(object),
        module: this.#module(object.module),
      };
    }
    if (object instanceof ChildTimer) {
      const state = object.core.state;
      return {
        kind: "timer-session",
        args: this.#argsOf(object),
        remaining: state.remaining ?? null,
        period: state.period,
        openedAt: state.openedAt,
        handler: object.core.handler === undefined ? null : this.#id(object.core.handler),
      };
    }
    if (object instanceof ChildThread) return { kind: "thread", thread: this.#thread(object) };
    if (object instanceof Endpoint) return { kind: "endpoint" };
    if (object instanceof RpcObject && !this.#child.pd.objects.includes(object)) {
      return this.#service(object, capIndex);
    }
    if (object instanceof RpcObject) {
      return { kind: "rpc-object", endpoint: this.#id(object.endpoint), badge: object.badge };
    }
    if (object instanceof SignalReceiver) {
      return {
        kind: "signal-receiver",
        pending: object.pending.map((context) => this.#id(context)),
      };
    }
    if (object instanceof SignalContext) {
      return {
        kind: "signal-context",
        receiver: this.#id(object.receiver),
        badge: object.badge,
        count: object.count,
      };
    }
    if (object === this.#child.parent) return { kind: "parent" };
    return this.#unrecorded(object, capIndex);
  }

  #unrecorded(object: KernelObject, capIndex: number | undefined): never {
    const where = capIndex === undefined ? "" : `capability index ${capIndex} names `;
    throw new CheckpointError(
      `${where}a ${object.kind} (object ${object.id}) that the parent of ${this.#child.name} did ` +
        "not record; only objects created through the child's sessions can be checkpointed",
    );
  }

  /** An RPC object of another component is recorded by the service name it was announced as. */
  #service(object: RpcObject, capIndex: number | undefined): ObjectRecord {
    for (const service of this.#system.services.values()) {
      if (service.object === object) {
        return { kind: "service", name: service.name, args: this.#argsOf(object) };
      }
    }
    return this.#unrecorded(object, capIndex);
  }

  #argsOf(object: KernelObject): string {
    return this.#child.sessions.find((session) => session.object === object)?.args ?? "";
  }

  #regionMap(regionMap: ChildRegionMap): ObjectRecord {
    const core: RegionMap = regionMap.core;
    const attachments = regionMap.attachments.map((attachment) => ({
      dataspace: this.#id(attachment.dataspace),
      base: attachment.base,
      size: attachment.size,
      offset: attachment.offset,
      writable: attachment.writable,
      executable: attachment.executable,
    }));
    return {
      kind: "region-map",
      size: core.size,
      addressSpace: regionMap === this.#child.pd.addressSpace,
      attachments,
      faultHandler: core.faultHandler === undefined ? null : this.#id(core.faultHandler),
    };
  }

  #thread(thread: ChildThread): ThreadRecord {
    const kernelThread = thread.core.thread;
    const { kernelState, disposition } = classifyThread(kernelThread);
    const x = Array.from(kernelThread.hart.x, (value) => value >>> 0);
    // A thread that already replied comes back as a plain wait, so no reply is sent twice.
    // The rewrite is recorded beside the registers, not in a7: the ABI keeps a7 across a
    // system call, and the code after the ecall may rely on it.
    let restartSyscall: number | null = null;
    if (disposition === "restart-wait") restartSyscall = Syscall.WAIT;
    if (disposition === "restart-call" || disposition === "restart-signal-wait") {
      restartSyscall = x[17]!;
    }
    return {
      name: thread.name,
      kernelState,
      disposition,
      ip: kernelThread.hart.pc >>> 0,
      x,
      restartSyscall,
      utcb: toHex(kernelThread.utcb),
      paused: kernelThread.paused,
      startedAt: thread.startedAt ?? null,
      fault: kernelThread.fault === undefined ? null : { ...kernelThread.fault },
    };
  }
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
