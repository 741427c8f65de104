/**
 * Core's Timer service on virtual time: one-shot and periodic timeouts delivered as signals.
 *
 * @module
 */

import { InvalidArgumentError } from "../errors.ts";
import type { Kernel, Timeout } from "../kernel/kernel.ts";
import { KernelObject } from "../kernel/object.ts";
import type { SignalContext } from "../kernel/signal.ts";

/** The state of a timer session, as recorded in a checkpoint. */
export interface TimerState {
  /** Ticks until the pending timeout fires, if one is armed. */
  readonly remaining: number | undefined;
  /** Period of a periodic timeout, 0 for one-shot or none. */
  readonly period: number;
  /** Virtual time at which the session was opened. */
  readonly openedAt: number;
}

/** A Timer session. */
export class TimerSession extends KernelObject {
  /** Virtual time at which the session was opened; `elapsed` counts from here. */
  openedAt: number;
  /** Signal context notified on each timeout. */
  handler: SignalContext | undefined;
  readonly #kernel: Kernel;
  #timeout: Timeout | undefined;
  #period = 0;

  /** Opens a session on `kernel`'s clock. */
  constructor(kernel: Kernel) {
    super();
    this.#kernel = kernel;
    this.openedAt = kernel.clock;
  }

  /** Always `timer-session`. */
  get kind(): string {
    return "timer-session";
  }

  /** Sets the signal context notified on timeouts. */
  sigh(context: SignalContext): void {
    this.handler = context;
  }

  /** Arms a one-shot timeout `ticks` from now, replacing a pending one. */
  triggerOnce(ticks: number): void {
    this.#period = 0;
    this.#arm(checkTicks(ticks));
  }

  /** Arms a periodic timeout; a period of 0 stops it. */
  triggerPeriodic(period: number): void {
    this.#cancel();
    this.#period = period;
    if (period > 0) this.#arm(checkTicks(period));
  }

  /** Ticks since the session was opened. */
  elapsed(): number {
    return this.#kernel.clock - this.openedAt;
  }

  /** The session's state for a checkpoint. */
  get state(): TimerState {
    return {
      remaining: this.#timeout === undefined
        ? undefined
        : this.#timeout.deadline - this.#kernel.clock,
      period: this.#period,
      openedAt: this.openedAt,
    };
  }

  /** Re-arms a recorded state: the pending timeout fires after its remaining ticks. */
  restore(state: TimerState): void {
    this.openedAt = state.openedAt;
    this.#period = state.period;
    if (state.remaining !== undefined) this.#arm(state.remaining);
  }

  /** Cancels the pending timeout. */
  close(): void {
    this.#cancel();
    this.destroyed = true;
  }

  #arm(ticks: number): void {
    this.#cancel();
    const timeout: Timeout = {
      deadline: this.#kernel.clock + ticks,
      fire: () => {
        this.#timeout = undefined;
        if (this.#period > 0) this.#arm(this.#period);
        if (this.handler !== undefined) this.#kernel.submit(this.handler);
      },
    };
    this.#timeout = timeout;
    this.#kernel.addTimeout(timeout);
  }

  #cancel(): void {
    if (this.#timeout !== undefined) this.#kernel.cancelTimeout(this.#timeout);
    this.#timeout = undefined;
  }
}

function checkTicks(ticks: number): number {
  if (!Number.isInteger(ticks) || ticks <= 0 || ticks > 0xffff_ffff) {
    throw new InvalidArgumentError(`timeout of ${ticks} ticks; give 1 to 2^32-1 ticks`);
  }
  return ticks;
}
