/**
 * Restoring a child from a checkpoint, in a fixed order: verify, create the child from an
 * invalid ELF capability, RAM, attachments, sessions and capabilities, threads, timers and
 * signals, and last start the threads.
 *
 * @module
 */

import { isAbsolute, resolve } from "node:path";
import type { Dataspace, RamDataspace, RomDataspace } from "../core/dataspace.ts";
import { contentHash } from "../core/rom.ts";
import { CorruptImageError, CrspecError, ModuleMismatchError } from "../errors.ts";
import type { Endpoint } from "../kernel/endpoint.ts";
import type { KernelObject } from "../kernel/object.ts";
import type { SignalContext, SignalReceiver } from "../kernel/signal.ts";
import type { Thread } from "../kernel/thread.ts";
import type { ImageContents } from "../image/format.ts";
import type { Child } from "../parent/child.ts";
import type { ChildThread } from "../parent/cpu.ts";
import type { ChildRegionMap } from "../parent/pd.ts";
import type { ChildTimer } from "../parent/sessions.ts";
import type { System } from "../system.ts";
import {
  type Manifest,
  type ObjectRecord,
  type ThreadRecord,
  validateManifest,
} from "./manifest.ts";

/** Options of {@linkcode restore}. */
export interface RestoreOptions {
  /**
   * Paths to read ROM modules from, by module name, in place of the recorded paths. A module
   * already in the system's ROM with the recorded hash is used as it is.
   */
  modulePaths?: Record<string, string>;
  /** Name of the restored child; defaults to the recorded name. */
  name?: string;
}

/**
 * Restores a child from `contents` into `system` and starts it. Every check runs before
 * anything is created. A failure at a later step destroys what the restore created, so no
 * dataspace, capability, thread or quota is left behind.
 */
export function restore(
  system: System,
  contents: ImageContents,
  options: RestoreOptions = {},
): Child {
  // 1. Verify the manifest's references and the ROM modules' hashes.
  const manifest = validateManifest(contents.manifest, new Set(contents.dataspaces.keys()));
  const modules = manifest.modules.map((record) => provideModule(system, record, options));

  // 2. A child from an invalid ELF capability: nothing loaded, the initial thread not started.
  const child = system.createEmptyChild(options.name ?? manifest.child, {
    ramQuota: manifest.ramQuota,
  });
  try {
    new Rebuilder(system, child, manifest, contents, modules).run();
  } catch (error) {
    system.destroyChild(child);
    if (error instanceof CrspecError) throw error;
    throw new CorruptImageError(`restore failed: ${(error as Error).message}`);
  }
  return child;
}

/** Returns the module for `record`, reading it from its file when the system lacks it. */
function provideModule(
  system: System,
  record: Manifest["modules"][number],
  options: RestoreOptions,
): RomDataspace {
  const present = system.rom.find(record.name);
  const override = options.modulePaths?.[record.name];
  if (present !== undefined && present.hash === record.sha256 && override === undefined) {
    return present;
  }

  const path = override ?? record.path;
  if (path === null) {
    throw new CorruptImageError(
      `ROM module ${JSON.stringify(record.name)} has no recorded path and is not in the system`,
    );
  }
  let content: Uint8Array;
  try {
    content = Deno.readFileSync(path);
  } catch (error) {
    const reason = error instanceof Deno.errors.NotFound ? "not found" : (error as Error).message;
    throw new CrspecError(
      "module-not-found",
      `ROM module ${JSON.stringify(record.name)} cannot be read from ${path}: ${reason}; ` +
        "give the ELF file's location (crspec restore --module PATH)",
    );
  }
  const hash = contentHash(content);
  if (hash !== record.sha256) throw new ModuleMismatchError(record.name, path, record.sha256, hash);
  return system.addModule(record.name, content, isAbsolute(path) ? path : resolve(path));
}

/** A thread recreated from the manifest, with its object number and record. */
interface RestoredThread {
  readonly id: number;
  readonly thread: ChildThread;
  readonly record: ThreadRecord;
}

/** Recreates the child's objects in the order of the restore steps. */
class Rebuilder {
  readonly #system: System;
  readonly #child: Child;
  readonly #manifest: Manifest;
  readonly #contents: ImageContents;
  readonly #modules: RomDataspace[];
  readonly #objects = new Map<number, KernelObject>();

  constructor(
    system: System,
    child: Child,
    manifest: Manifest,
    contents: ImageContents,
    modules: RomDataspace[],
  ) {
    this.#system = system;
    this.#child = child;
    this.#manifest = manifest;
    this.#contents = contents;
    this.#modules = modules;
  }

  run(): void {
    const kernel = this.#system.kernel;
    // The clock moves forward to the checkpoint's time on a machine that has not got there.
    // Timeouts are armed with their remaining time, so they are right either way.
    if (kernel.clock < this.#manifest.clock) kernel.clock = this.#manifest.clock;

    // 3. RAM dataspaces, filled with the recorded contents.
    this.#each("ram-dataspace", (record, id) => {
      const dataspace: RamDataspace = this.#child.pd.alloc(record.size);
      const bytes = this.#contents.dataspaces.get(record.contents)!;
      if (bytes.length !== record.size) {
        throw new CorruptImageError(
          `dataspace contents ${record.contents} have ${bytes.length} bytes, but the manifest gives ${record.size}`,
        );
      }
      dataspace.bytes.set(bytes);
      this.#objects.set(id, dataspace);
    });

    // 4. Region maps and every attachment at its recorded address and permissions.
    this.#each("region-map", (record, id) => {
      const regionMap = record.addressSpace
        ? this.#child.pd.addressSpace
        : this.#child.pd.allocRegionMap(record.size);
      this.#objects.set(id, regionMap);
    });
    this.#each(
      "rom-dataspace",
      (record, id) => this.#objects.set(id, this.#modules[record.module]!),
    );
    this.#each("managed-dataspace", (record, id) => {
      this.#objects.set(id, (this.#object(record.regionMap) as ChildRegionMap).core.dataspace);
    });
    this.#each("region-map", (record, id) => {
      const regionMap = this.#object(id) as ChildRegionMap;
      for (const attachment of record.attachments) {
        regionMap.attach(this.#object(attachment.dataspace) as Dataspace, {
          at: attachment.base,
          size: attachment.size,
          offset: attachment.offset,
          writable: attachment.writable,
          executable: attachment.executable,
        });
      }
    });

    // 5. Sessions, RPC and signal objects, then every capability at its recorded index.
    this.#restoreObjects();
    this.#restoreSessions();
    this.#each("region-map", (record, id) => {
      if (record.faultHandler !== null) {
        (this.#object(id) as ChildRegionMap).core.faultHandler = this.#object(
          record.faultHandler,
        ) as SignalContext;
      }
    });
    const caps = this.#child.pd.core.pd.caps;

    // 6. Threads: the first reuses the initial thread, registers and UTCBs are written.
    const threads = this.#restoreThreads();
    for (const { index, object } of this.#manifest.capabilities) {
      const restored = this.#object(object);
      if (caps.find(index) === restored) continue;
      caps.install(restored, index);
    }

    // 7. Timers re-armed with their remaining time, kept signals queued.
    this.#each("timer-session", (record, id) => {
      const timer = this.#object(id) as ChildTimer;
      if (record.handler !== null) timer.core.sigh(this.#object(record.handler) as SignalContext);
      timer.core.restore({
        remaining: record.remaining ?? undefined,
        period: record.period,
        openedAt: record.openedAt,
      });
    });
    this.#each("signal-receiver", (record, id) => {
      const receiver = this.#object(id) as SignalReceiver;
      for (const context of record.pending) {
        receiver.pending.push(this.#object(context) as SignalContext);
      }
    });

    // The child's services are announced again, so that clients reach the restored server.
    for (const { name, object } of this.#manifest.announcements) {
      this.#child.announce(name, this.#object(object));
    }

    // 8. Start every thread: ready ones take their recorded place in the ready queue, blocked
    // ones enter their system call again, callers in their endpoint queue order.
    this.#startThreads(threads);
  }

  #each<K extends ObjectRecord["kind"]>(
    kind: K,
    action: (record: Extract<ObjectRecord, { kind: K }>, id: number) => void,
  ): void {
    this.#manifest.objects.forEach((record, id) => {
      if (record.kind === kind) action(record as Extract<ObjectRecord, { kind: K }>, id);
    });
  }

  #object(id: number): KernelObject {
    const object = this.#objects.get(id);
    if (object === undefined) {
      throw new CorruptImageError(`object ${id} is referenced before it can be restored`);
    }
    return object;
  }

  #restoreObjects(): void {
    const pd = this.#child.pd;
    this.#manifest.objects.forEach((record, id) => {
      if (record.kind === "endpoint") this.#objects.set(id, pd.record(pd.core.allocEndpoint()));
      if (record.kind === "signal-receiver") {
        this.#objects.set(id, pd.record(pd.core.allocSignalReceiver()));
      }
    });
    this.#manifest.objects.forEach((record, id) => {
      if (record.kind === "rpc-object") {
        const endpoint = this.#object(record.endpoint) as Endpoint;
        this.#objects.set(id, pd.record(pd.core.allocRpcObject(endpoint, record.badge)));
      }
      if (record.kind === "signal-context") {
        const receiver = this.#object(record.receiver) as SignalReceiver;
        const context = pd.record(pd.core.allocSignalContext(receiver, record.badge));
        context.count = record.count;
        this.#objects.set(id, context);
      }
      if (record.kind === "parent") this.#objects.set(id, this.#child.parent);
      // A service of another component is looked up by name again: it may be a new server.
      if (record.kind === "service" && !this.#objects.has(id)) {
        const service = this.#system.services.get(record.name);
        if (service === undefined) {
          throw new CrspecError(
            "service-denied",
            `service ${JSON.stringify(record.name)} is not announced in this system; start its ` +
              "server before restoring the client",
          );
        }
        this.#objects.set(id, service.object);
      }
    });
  }

  #restoreSessions(): void {
    for (const id of this.#manifest.sessions) {
      const record = this.#manifest.objects[id]!;
      switch (record.kind) {
        case "pd-session":
          this.#objects.set(id, this.#child.pd);
          break;
        case "cpu-session":
          this.#objects.set(id, this.#child.cpu);
          break;
        case "log-session":
          this.#objects.set(id, this.#child.openSession("LOG", record.args));
          break;
        case "rom-session":
          this.#objects.set(id, this.#child.openSession("ROM", record.args));
          break;
        case "timer-session":
          this.#objects.set(id, this.#child.openSession("Timer", record.args));
          break;
        case "service":
          this.#objects.set(id, this.#child.openSession(record.name, record.args));
          break;
      }
    }
  }

  #restoreThreads(): RestoredThread[] {
    const restored: RestoredThread[] = [];
    this.#manifest.threads.forEach((id, position) => {
      const record =
        (this.#manifest.objects[id] as Extract<ObjectRecord, { kind: "thread" }>).thread;
      const thread = position === 0
        ? this.#child.threads[0]!
        : this.#child.cpu.createThread(record.name);
      thread.core.setState({ ip: record.ip, x: [...record.x] });
      thread.core.thread.utcb.set(fromHex(record.utcb, thread.core.thread.utcb.length));
      thread.startedAt = record.startedAt ?? undefined;
      this.#objects.set(id, thread);
      restored.push({ id, thread, record });
    });
    return restored;
  }

  #startThreads(threads: RestoredThread[]): void {
    const kernel = this.#system.kernel;
    const kernelThread = (id: number): Thread => (this.#object(id) as ChildThread).core.thread;

    for (const { thread, record } of threads) {
      const core = thread.core.thread;
      if (record.disposition === "resume") core.state = "ready";
      if (record.disposition === "faulted" && record.fault !== null) {
        kernel.startFaulted(core, record.fault.cause, record.fault.tval);
      }
      core.paused = record.paused;
    }

    // The recorded ready queue joins the end of the machine's queue. On a fresh machine it is
    // the whole queue, and the recorded thread continues its quantum.
    const schedule = kernel.schedule;
    const queue = this.#manifest.schedule.queue.map(kernelThread);
    const current = this.#manifest.schedule.current;
    const fresh = schedule.queue.length === 0 && schedule.current === undefined;
    kernel.setSchedule({
      queue: [...schedule.queue, ...queue],
      current: fresh && current !== null ? kernelThread(current) : schedule.current,
      quantumLeft: fresh && current !== null
        ? this.#manifest.schedule.quantumLeft
        : schedule.quantumLeft,
    });

    const restarted = new Set(this.#manifest.restartOrder);
    const reenter = (thread: Thread, record: ThreadRecord): void =>
      kernel.reenter(thread, record.restartSyscall ?? thread.hart.x[17]!);
    for (const id of this.#manifest.restartOrder) {
      const record = this.#manifest.objects[id] as Extract<ObjectRecord, { kind: "thread" }>;
      reenter(kernelThread(id), record.thread);
    }
    for (const { id, thread, record } of threads) {
      if (restarted.has(id)) continue;
      if (record.disposition.startsWith("restart-")) reenter(thread.core.thread, record);
    }
  }
}

function fromHex(hex: string, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length && 2 * i + 1 < hex.length; i++) {
    bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}
