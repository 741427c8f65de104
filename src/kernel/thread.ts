/**
 * Threads of the kernel: register state, UTCB, scheduling state and, while blocked, what the
 * thread waits for.
 *
 * @module
 */

import { Hart } from "../rv32/hart.ts";
import { MESSAGE_SIZE } from "./message.ts";
import { KernelObject } from "./object.ts";
import type { Endpoint, RpcObject } from "./endpoint.ts";
import type { ProtectionDomain } from "./protection_domain.ts";
import type { SignalReceiver } from "./signal.ts";

/** Life-cycle state of a thread. */
export type ThreadState = "created" | "ready" | "blocked" | "faulted" | "exited";

/** The object a blocked thread waits on. It is kernel-internal: no interface reads it. */
export type Blocking =
  | { readonly kind: "call-send"; readonly target: RpcObject }
  | { readonly kind: "call-reply"; readonly server: Thread }
  | { readonly kind: "wait"; readonly endpoint: Endpoint }
  | { readonly kind: "signal"; readonly receiver: SignalReceiver };

/** A fault that stopped a thread, in RISC-V exception terms. */
export interface ThreadFault {
  /** RISC-V exception code, such as 13 for a load page fault. */
  readonly cause: number;
  /** Faulting address, or the instruction bits for an illegal instruction. */
  readonly tval: number;
}

/** A thread of the kernel. */
export class Thread extends KernelObject {
  /** Name given at creation. */
  readonly name: string;
  /** The protection domain the thread runs in. */
  readonly pd: ProtectionDomain;
  /** Registers and program counter. */
  readonly hart: Hart = new Hart();
  /** The thread's message page: the last message sent or received through the kernel. */
  readonly utcb: Uint8Array = new Uint8Array(MESSAGE_SIZE);
  /** Scheduling state. */
  state: ThreadState = "created";
  /** True while a pause request stops the thread. It keeps its place in the ready queue. */
  paused = false;
  /** The object the thread waits on while blocked. */
  blocking: Blocking | undefined;
  /** The fault that stopped the thread, while faulted. */
  fault: ThreadFault | undefined;
  /** The caller this thread owes a reply, set when it receives a request. */
  replyTo: Thread | undefined;

  /** Creates a thread named `name` in `pd`; it does not run until started. */
  constructor(pd: ProtectionDomain, name: string) {
    super();
    this.pd = pd;
    this.name = name;
  }

  /** Always `thread`. */
  get kind(): string {
    return "thread";
  }

  /** True once the thread was started and has not exited. */
  get alive(): boolean {
    return this.state !== "created" && this.state !== "exited";
  }
}
