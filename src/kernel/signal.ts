/**
 * Asynchronous notifications: signal receivers and the signal contexts bound to them.
 *
 * @module
 */

import { KernelObject } from "./object.ts";
import type { Thread } from "./thread.ts";

/** A source of signals, bound to one receiver, identified there by its badge. */
export class SignalContext extends KernelObject {
  /** The receiver that collects this context's signals. */
  readonly receiver: SignalReceiver;
  /** Value the waiting thread gets to tell contexts apart. */
  readonly badge: number;
  /** Signals submitted since the last delivery. */
  count = 0;

  /** Creates a context bound to `receiver`. */
  constructor(receiver: SignalReceiver, badge: number) {
    super();
    this.receiver = receiver;
    this.badge = badge >>> 0;
  }

  /** Always `signal-context`. */
  get kind(): string {
    return "signal-context";
  }
}

/** Collects signals of its contexts until a thread waits for them. */
export class SignalReceiver extends KernelObject {
  /** Contexts with pending signals, in the order of their first submission. */
  readonly pending: SignalContext[] = [];
  /** Threads blocked in `signal_wait` on this receiver, in blocking order. */
  readonly waiters: Thread[] = [];

  /** Always `signal-receiver`. */
  get kind(): string {
    return "signal-receiver";
  }
}
