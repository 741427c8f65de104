/**
 * The parent's CPU session for a child: threads forwarded to core's CPU session and recorded.
 *
 * @module
 */

import type { CpuSession, CpuThread } from "../core/cpu_session.ts";
import { InvalidArgumentError } from "../errors.ts";
import type { Reply, Request } from "../kernel/message.ts";
import { NativeObject } from "../kernel/native.ts";
import { requestText, transferred, unsupported, word } from "../kernel/rpc.ts";
import type { ChildPd } from "./pd.ts";

/** Operations of a CPU session. */
export const CpuOp = { CREATE_THREAD: 1, KILL_THREAD: 2 } as const;

/** Operations of a thread capability. */
export const ThreadOp = { START: 1, PAUSE: 2, RESUME: 3 } as const;

/** A thread of the child, as the parent records it. */
export class ChildThread extends NativeObject {
  /** Core's thread capability. */
  readonly core: CpuThread;
  /** The ip and sp the thread was started with, once started. */
  startedAt: { ip: number; sp: number } | undefined;

  /** Wraps core's `thread`. */
  constructor(thread: CpuThread) {
    super();
    this.core = thread;
  }

  /** Always `thread`. */
  get kind(): string {
    return "thread";
  }

  /** Name of the thread. */
  get name(): string {
    return this.core.thread.name;
  }

  /** Starts the thread at `ip` with stack pointer `sp`. */
  start(ip: number, sp: number): void {
    this.core.start(ip, sp);
    this.startedAt = { ip, sp };
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    switch (request.op) {
      case ThreadOp.START:
        this.start(word(request, 0), word(request, 1));
        return {};
      case ThreadOp.PAUSE:
        this.core.pause();
        return {};
      case ThreadOp.RESUME:
        this.core.resume();
        return {};
      default:
        throw unsupported(this, request.op);
    }
  }
}

/** The child's CPU session. */
export class ChildCpu extends NativeObject {
  /** Core's CPU session. */
  readonly core: CpuSession;
  /** Threads of the child, alive or exited, in creation order. */
  readonly threads: ChildThread[] = [];
  readonly #pd: ChildPd;

  /** Wraps core's `cpu`; threads are created in `pd`. */
  constructor(cpu: CpuSession, pd: ChildPd) {
    super();
    this.core = cpu;
    this.#pd = pd;
  }

  /** Always `cpu-session`. */
  get kind(): string {
    return "cpu-session";
  }

  /** Creates a thread named `name` through core and records it. */
  createThread(name: string): ChildThread {
    if (name.length === 0 || name.length > 64) {
      throw new InvalidArgumentError(
        `thread name ${JSON.stringify(name)}; give 1 to 64 characters`,
      );
    }
    const thread = new ChildThread(this.core.createThread(this.#pd.core, name));
    this.threads.push(thread);
    return thread;
  }

  /** Ends `thread` and drops its record. */
  killThread(thread: ChildThread): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) throw new InvalidArgumentError(`thread ${thread.name} is not the child's`);
    this.core.killThread(thread.core);
    this.threads.splice(index, 1);
    thread.destroyed = true;
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    switch (request.op) {
      case CpuOp.CREATE_THREAD:
        return { cap: this.createThread(requestText(request)) };
      case CpuOp.KILL_THREAD:
        this.killThread(transferred(request, ChildThread, "a thread"));
        return {};
      default:
        throw unsupported(this, request.op);
    }
  }
}
