/**
 * The kernel: deterministic scheduling on virtual time, system calls, synchronous IPC and
 * signals.
 *
 * Virtual time counts retired instructions. Every system call costs one tick, charged when the
 * thread enters it. A call that the model re-enters on behalf of a restored thread is not
 * charged again. When no thread can run, the clock jumps to the next timeout.
 *
 * @module
 */

import { CrspecError } from "../errors.ts";
import { run, type RunResult, Stop } from "../rv32/run.ts";
import { Endpoint, RpcObject } from "./endpoint.ts";
import {
  decodeMessage,
  encodeMessage,
  MESSAGE_SIZE,
  type RawMessage,
  type Reply,
  type Request,
  Result,
  Status,
  Syscall,
} from "./message.ts";
import { NativeObject } from "./native.ts";
import type { KernelObject } from "./object.ts";
import type { ProtectionDomain } from "./protection_domain.ts";
import { type SignalContext, SignalReceiver } from "./signal.ts";
import { Thread } from "./thread.ts";

/** Instructions a thread may run before the next ready thread gets the processor. */
export const DEFAULT_QUANTUM = 10_000;

/** RISC-V exception code of `ebreak`. */
const CAUSE_BREAKPOINT = 3;

/** A pending timeout of the kernel's clock. */
export interface Timeout {
  /** Virtual time at which the timeout fires. */
  readonly deadline: number;
  /** Called once when the clock reaches the deadline. */
  readonly fire: () => void;
}

/** Reason for the return of {@linkcode Kernel.run}. */
export type RunStop = "budget" | "idle" | "stopped";

/** The scheduler's state, as recorded in a checkpoint. */
export interface Schedule {
  /** Threads in the ready queue, front first; the running thread is among them. */
  readonly queue: readonly Thread[];
  /** The thread whose quantum is in progress, if any. */
  readonly current: Thread | undefined;
  /** Instructions left of the current thread's quantum. */
  readonly quantumLeft: number;
}

/** Result codes for the kinds of CrspecError. */
const RESULT_OF_ERROR: Record<string, number> = {
  "invalid-capability": Result.INVALID_CAPABILITY,
  "invalid-argument": Result.INVALID_ARGUMENT,
  "out-of-ram-quota": Result.OUT_OF_RAM,
  "out-of-cap-quota": Result.OUT_OF_CAPS,
  "region-conflict": Result.REGION_CONFLICT,
  "invalid-operation": Result.INVALID_OPERATION,
  "invalid-state": Result.INVALID_STATE,
  "service-denied": Result.SERVICE_DENIED,
};

/** The modelled kernel of one machine. */
export class Kernel {
  /** Virtual time in ticks. */
  clock = 0;
  /** Length of a quantum in instructions. */
  readonly quantum: number;
  /** Called when a thread stops on a fault. */
  onFault: ((thread: Thread) => void) | undefined;
  readonly #queue: Thread[] = [];
  #current: Thread | undefined;
  #quantumLeft = 0;
  #timeouts: Timeout[] = [];
  readonly #result: RunResult = { stop: 0, retired: 0, cause: 0, tval: 0 };

  /** Creates a kernel with the given quantum. */
  constructor(quantum = DEFAULT_QUANTUM) {
    this.quantum = quantum;
  }

  // ---- threads -------------------------------------------------------------------------------

  /** Creates a thread in `pd` that does not run yet. */
  createThread(pd: ProtectionDomain, name: string): Thread {
    const thread = new Thread(pd, name);
    pd.threads.push(thread);
    return thread;
  }

  /** Starts `thread` at `ip` with stack pointer `sp`; it joins the end of the ready queue. */
  start(thread: Thread, ip: number, sp: number): void {
    thread.hart.pc = ip >>> 0;
    thread.hart.x[2] = sp | 0;
    this.#makeReady(thread);
  }

  /**
   * Starts `thread` with the registers it already has and makes it enter system call `syscall`
   * (by default the one in a7) at its `pc` again, without charging a tick. Used for threads
   * restored while blocked in a call. The registers are not changed, so a thread that entered
   * `reply_and_wait` and comes back as a plain `wait` still finds its own a7 afterwards.
   */
  reenter(thread: Thread, syscall = thread.hart.x[17]!): void {
    thread.state = "ready";
    this.#syscall(thread, syscall);
    if (thread.state === "ready" && !this.#queue.includes(thread)) this.#queue.push(thread);
  }

  /** Starts `thread` in the faulted state it was recorded in. */
  startFaulted(thread: Thread, cause: number, tval: number): void {
    thread.state = "faulted";
    thread.fault = { cause, tval };
  }

  /** Holds `thread` at its next instruction boundary; it keeps its place in the ready queue. */
  pause(thread: Thread): void {
    thread.paused = true;
    if (this.#current === thread) this.#current = undefined;
  }

  /** Releases a pause; a faulted thread retries its faulting instruction. */
  resume(thread: Thread): void {
    thread.paused = false;
    if (thread.state === "faulted") {
      thread.fault = undefined;
      this.#makeReady(thread);
    }
  }

  /** Ends `thread`: waiters on it are woken with ABORTED and it leaves every queue. */
  exitThread(thread: Thread): void {
    if (thread.state === "exited") return;
    this.#unblock(thread);
    const caller = thread.replyTo;
    thread.replyTo = undefined;
    if (caller !== undefined && caller.state === "blocked") this.#wake(caller, Status.ABORTED);
    thread.state = "exited";
    this.#dequeue(thread);
  }

  /** The scheduler's state. */
  get schedule(): Schedule {
    return { queue: [...this.#queue], current: this.#current, quantumLeft: this.#quantumLeft };
  }

  /** Puts back a recorded scheduler state; threads not in `queue` are left out of it. */
  setSchedule(schedule: Schedule): void {
    this.#queue.length = 0;
    this.#queue.push(...schedule.queue);
    this.#current = schedule.current;
    this.#quantumLeft = schedule.quantumLeft;
  }

  // ---- time ----------------------------------------------------------------------------------

  /** Registers `timeout`; timeouts with equal deadlines fire in the order they were added. */
  addTimeout(timeout: Timeout): void {
    let position = this.#timeouts.findIndex((other) => other.deadline > timeout.deadline);
    if (position < 0) position = this.#timeouts.length;
    this.#timeouts.splice(position, 0, timeout);
  }

  /** Removes `timeout` if it is still pending. */
  cancelTimeout(timeout: Timeout): void {
    this.#timeouts = this.#timeouts.filter((other) => other !== timeout);
  }

  /**
   * Runs threads until the clock reaches `until`, no thread can run and no timeout is pending
   * (`idle`), or `stop` returns true after a system call or fault (`stopped`).
   */
  run(until: number, stop?: () => boolean): RunStop {
    const result = this.#result;
    while (this.clock < until) {
      this.#fireTimeouts();
      const thread = this.#pick();
      const deadline = this.#timeouts[0]?.deadline;
      if (thread === undefined) {
        if (deadline === undefined) return "idle";
        this.clock = Math.min(deadline, until);
        continue;
      }

      let slice = Math.min(this.#quantumLeft, until - this.clock);
      if (deadline !== undefined) slice = Math.min(slice, Math.max(1, deadline - this.clock));
      run(thread.hart, thread.pd.memory, slice, result);
      this.clock += result.retired;
      this.#quantumLeft -= result.retired;

      if (result.stop !== Stop.BUDGET) {
        if (result.stop === Stop.ECALL) {
          this.clock += 1;
          this.#quantumLeft -= 1;
          this.#syscall(thread);
        } else if (result.stop === Stop.EBREAK) {
          this.#fault(thread, CAUSE_BREAKPOINT, thread.hart.pc);
        } else {
          this.#fault(thread, result.cause, result.tval);
        }
        if (stop?.()) {
          this.#rotateIfSpent(thread);
          return "stopped";
        }
      }
      this.#rotateIfSpent(thread);
    }
    return "budget";
  }

  /** Returns the virtual time of the earliest pending timeout, if any. */
  get nextDeadline(): number | undefined {
    return this.#timeouts[0]?.deadline;
  }

  // ---- signals -------------------------------------------------------------------------------

  /** Submits one signal to `context`; a thread waiting on its receiver is woken. */
  submit(context: SignalContext): void {
    if (context.destroyed) return;
    context.count += 1;
    const receiver = context.receiver;
    if (!receiver.pending.includes(context)) receiver.pending.push(context);
    const waiter = receiver.waiters.shift();
    if (waiter !== undefined) this.#deliverSignal(waiter, receiver);
  }

  // ---- scheduling ----------------------------------------------------------------------------

  #pick(): Thread | undefined {
    const current = this.#current;
    if (current !== undefined && current.state === "ready" && !current.paused) return current;
    this.#current = this.#queue.find((thread) => !thread.paused);
    this.#quantumLeft = this.quantum;
    return this.#current;
  }

  #rotateIfSpent(thread: Thread): void {
    if (this.#current !== thread || this.#quantumLeft > 0) return;
    this.#current = undefined;
    const index = this.#queue.indexOf(thread);
    if (index >= 0) {
      this.#queue.splice(index, 1);
      this.#queue.push(thread);
    }
  }

  #dequeue(thread: Thread): void {
    const index = this.#queue.indexOf(thread);
    if (index >= 0) this.#queue.splice(index, 1);
    if (this.#current === thread) this.#current = undefined;
  }

  #makeReady(thread: Thread): void {
    thread.state = "ready";
    thread.blocking = undefined;
    if (!this.#queue.includes(thread)) this.#queue.push(thread);
  }

  #block(thread: Thread, blocking: NonNullable<Thread["blocking"]>): void {
    thread.state = "blocked";
    thread.blocking = blocking;
    this.#dequeue(thread);
  }

  /** Completes the system call of the running thread: results in a0..a2, pc past the ecall. */
  #complete(thread: Thread, status: number, a1 = 0, a2 = 0): void {
    const x = thread.hart.x;
    x[10] = status;
    x[11] = a1 | 0;
    x[12] = a2 | 0;
    thread.hart.pc = (thread.hart.pc + 4) >>> 0;
  }

  /** Completes the system call of a blocked thread and makes it ready. */
  #wake(thread: Thread, status: number, a1 = 0, a2 = 0): void {
    this.#complete(thread, status, a1, a2);
    this.#makeReady(thread);
  }

  /** Completes the system call of `thread`, whether it is blocked or the one running. */
  #finish(thread: Thread, status: number, a1 = 0, a2 = 0): void {
    if (thread.state === "blocked") this.#wake(thread, status, a1, a2);
    else this.#complete(thread, status, a1, a2);
  }

  #fault(thread: Thread, cause: number, tval: number): void {
    thread.state = "faulted";
    thread.fault = { cause, tval: tval >>> 0 };
    this.#dequeue(thread);
    this.onFault?.(thread);
  }

  /** Takes `thread` out of whatever it is blocked on. */
  #unblock(thread: Thread): void {
    const blocking = thread.blocking;
    if (blocking === undefined) return;
    if (blocking.kind === "call-send") remove(blocking.target.endpoint.senders, thread);
    if (blocking.kind === "wait") remove(blocking.endpoint.receivers, thread);
    if (blocking.kind === "signal") remove(blocking.receiver.waiters, thread);
    if (blocking.kind === "call-reply" && blocking.server.replyTo === thread) {
      blocking.server.replyTo = undefined;
    }
    thread.blocking = undefined;
  }

  #fireTimeouts(): void {
    while (this.#timeouts.length > 0 && this.#timeouts[0]!.deadline <= this.clock) {
      this.#timeouts.shift()!.fire();
    }
  }

  // ---- system calls --------------------------------------------------------------------------

  #syscall(thread: Thread, number = thread.hart.x[17]!): void {
    switch (number) {
      case Syscall.CALL:
        return this.#call(thread);
      case Syscall.REPLY_AND_WAIT:
        return this.#replyAndWait(thread);
      case Syscall.WAIT:
        return this.#wait(thread);
      case Syscall.SIGNAL_WAIT:
        return this.#signalWait(thread);
      case Syscall.THREAD_EXIT:
        return this.exitThread(thread);
      case Syscall.YIELD:
        this.#complete(thread, Status.OK);
        this.#quantumLeft = 0;
        return;
      default:
        return this.#complete(thread, Status.INVALID_SYSCALL);
    }
  }

  #call(thread: Thread): void {
    const x = thread.hart.x;
    const object = thread.pd.caps.find(x[10]! >>> 0);
    const raw = this.#readMessage(thread, x[11]! >>> 0);
    if (raw === undefined) return this.#complete(thread, Status.INVALID_MESSAGE);
    if (object === undefined) return this.#complete(thread, Status.INVALID_CAPABILITY);
    thread.utcb.set(encodeMessage(raw));

    if (object instanceof NativeObject) return this.#callNative(thread, object, raw);
    if (!(object instanceof RpcObject)) return this.#complete(thread, Status.INVALID_CAPABILITY);

    const endpoint = object.endpoint;
    const receiver = endpoint.receivers[0];
    if (receiver !== undefined && this.#deliverRequest(thread, receiver, object)) {
      this.#block(thread, { kind: "call-reply", server: receiver });
      return;
    }
    endpoint.senders.push(thread);
    this.#block(thread, { kind: "call-send", target: object });
  }

  #callNative(thread: Thread, object: NativeObject, raw: RawMessage): void {
    let transferred: KernelObject | undefined;
    if (raw.cap !== 0) {
      transferred = thread.pd.caps.find(raw.cap);
      if (transferred === undefined) {
        return this.#replyToCaller(
          thread,
          errorReply(Result.INVALID_CAPABILITY, "transferred capability is invalid"),
        );
      }
    }
    const request: Request = { op: raw.op, cap: transferred, words: raw.words, data: raw.data };
    let reply: RawMessage;
    try {
      reply = this.#encodeReply(thread, object.invoke(request, thread));
    } catch (error) {
      if (!(error instanceof CrspecError)) throw error;
      reply = errorReply(RESULT_OF_ERROR[error.code] ?? Result.INVALID_ARGUMENT, error.message);
    }
    // The call may have ended the thread or its component, as the parent's `exit` does.
    if (thread.state !== "ready") return;
    this.#replyToCaller(thread, reply);
  }

  #encodeReply(thread: Thread, reply: Reply): RawMessage {
    const cap = reply.cap === undefined ? 0 : thread.pd.caps.installOnce(reply.cap);
    return {
      op: Result.OK,
      cap,
      words: [...(reply.words ?? [])],
      data: reply.data ?? new Uint8Array(0),
    };
  }

  /** Writes `reply` into the running caller's message and completes its call. */
  #replyToCaller(thread: Thread, reply: RawMessage): void {
    thread.utcb.set(encodeMessage(reply));
    if (!this.#writeMessage(thread, thread.hart.x[11]! >>> 0, reply)) {
      return this.#complete(thread, Status.INVALID_MESSAGE);
    }
    this.#complete(thread, Status.OK);
  }

  /**
   * Hands the request in `caller`'s UTCB to `receiver`, blocked in `wait`, and wakes it.
   * Returns false, waking the receiver with INVALID_MESSAGE, when its buffer cannot take it.
   */
  #deliverRequest(caller: Thread, receiver: Thread, object: RpcObject): boolean {
    const raw = decodeMessage(caller.utcb)!;
    const transferred = raw.cap === 0 ? undefined : caller.pd.caps.find(raw.cap);
    const delivered: RawMessage = {
      ...raw,
      cap: transferred === undefined ? 0 : receiver.pd.caps.installOnce(transferred),
    };
    receiver.utcb.set(encodeMessage(delivered));
    if (!this.#writeMessage(receiver, receiver.hart.x[11]! >>> 0, delivered)) {
      this.#unblock(receiver);
      this.#wake(receiver, Status.INVALID_MESSAGE);
      return false;
    }
    this.#unblock(receiver);
    receiver.replyTo = caller;
    this.#finish(receiver, Status.OK, object.badge);
    return true;
  }

  #replyAndWait(thread: Thread): void {
    const caller = thread.replyTo;
    if (caller !== undefined) {
      const raw = this.#readMessage(thread, thread.hart.x[11]! >>> 0);
      if (raw === undefined) return this.#complete(thread, Status.INVALID_MESSAGE);
      thread.utcb.set(encodeMessage(raw));
      thread.replyTo = undefined;
      if (caller.state === "blocked" && caller.blocking?.kind === "call-reply") {
        const transferred = raw.cap === 0 ? undefined : thread.pd.caps.find(raw.cap);
        const reply: RawMessage = {
          ...raw,
          cap: transferred === undefined ? 0 : caller.pd.caps.installOnce(transferred),
        };
        caller.utcb.set(encodeMessage(reply));
        const written = this.#writeMessage(caller, caller.hart.x[11]! >>> 0, reply);
        this.#wake(caller, written ? Status.OK : Status.INVALID_MESSAGE);
      }
    }
    this.#wait(thread);
  }

  #wait(thread: Thread): void {
    const x = thread.hart.x;
    const endpoint = thread.pd.caps.find(x[10]! >>> 0);
    if (!(endpoint instanceof Endpoint) || endpoint.owner !== thread.pd.name) {
      return this.#complete(thread, Status.INVALID_CAPABILITY);
    }
    if (!this.#probeMessage(thread, x[11]! >>> 0)) {
      return this.#complete(thread, Status.INVALID_MESSAGE);
    }
    const caller = endpoint.senders[0];
    if (caller !== undefined && caller.blocking?.kind === "call-send") {
      const object = caller.blocking.target;
      if (this.#deliverRequest(caller, thread, object)) {
        remove(endpoint.senders, caller);
        caller.blocking = { kind: "call-reply", server: thread };
      }
      return;
    }
    endpoint.receivers.push(thread);
    this.#block(thread, { kind: "wait", endpoint });
  }

  #signalWait(thread: Thread): void {
    const receiver = thread.pd.caps.find(thread.hart.x[10]! >>> 0);
    if (!(receiver instanceof SignalReceiver)) {
      return this.#complete(thread, Status.INVALID_CAPABILITY);
    }
    if (receiver.pending.length > 0) return this.#deliverSignal(thread, receiver);
    receiver.waiters.push(thread);
    this.#block(thread, { kind: "signal", receiver });
  }

  #deliverSignal(thread: Thread, receiver: SignalReceiver): void {
    const context = receiver.pending.shift()!;
    const count = context.count;
    context.count = 0;
    this.#finish(thread, Status.OK, context.badge, count);
  }

  // ---- message copies ------------------------------------------------------------------------

  #readMessage(thread: Thread, address: number): RawMessage | undefined {
    if (address % 4 !== 0) return undefined;
    const bytes = new Uint8Array(MESSAGE_SIZE);
    if (!thread.pd.memory.read(address, bytes)) return undefined;
    if (!this.#probeMessage(thread, address)) return undefined;
    return decodeMessage(bytes);
  }

  #probeMessage(thread: Thread, address: number): boolean {
    if (address % 4 !== 0) return false;
    const memory = thread.pd.memory;
    const last = address + MESSAGE_SIZE - 1;
    for (let page = Math.floor(address / 4096); page <= Math.floor(last / 4096); page++) {
      if ((memory.permissions(page) & 3) !== 3) return false;
    }
    return true;
  }

  #writeMessage(thread: Thread, address: number, message: RawMessage): boolean {
    if (address % 4 !== 0) return false;
    return thread.pd.memory.write(address, encodeMessage(message));
  }
}

function errorReply(result: number, text: string): RawMessage {
  return { op: result, cap: 0, words: [], data: new TextEncoder().encode(text.slice(0, 256)) };
}

function remove<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}
