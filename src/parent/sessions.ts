/**
 * The parent's LOG, ROM and Timer sessions for a child, wrapping core's.
 *
 * @module
 */

import type { RomDataspace } from "../core/dataspace.ts";
import type { LogSession } from "../core/log_session.ts";
import type { TimerSession } from "../core/timer_session.ts";
import type { Reply, Request } from "../kernel/message.ts";
import { NativeObject } from "../kernel/native.ts";
import { requestText, transferred, unsupported, word } from "../kernel/rpc.ts";
import { SignalContext } from "../kernel/signal.ts";

/** Operations of a LOG session. */
export const LogOp = { WRITE: 1 } as const;
/** Operations of a ROM session. */
export const RomOp = { DATASPACE: 1 } as const;
/** Operations of a Timer session. */
export const TimerOp = { SIGH: 1, TRIGGER_ONCE: 2, TRIGGER_PERIODIC: 3, ELAPSED: 4 } as const;

/** A LOG session of the child. */
export class ChildLog extends NativeObject {
  /** Core's session. */
  readonly core: LogSession;

  /** Wraps core's `log`. */
  constructor(log: LogSession) {
    super();
    this.core = log;
  }

  /** Always `log-session`. */
  get kind(): string {
    return "log-session";
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    if (request.op !== LogOp.WRITE) throw unsupported(this, request.op);
    this.core.write(requestText(request));
    return {};
  }
}

/** A ROM session of the child. */
export class ChildRom extends NativeObject {
  /** The module. */
  readonly module: RomDataspace;

  /** Serves `module`. */
  constructor(module: RomDataspace) {
    super();
    this.module = module;
  }

  /** Always `rom-session`. */
  get kind(): string {
    return "rom-session";
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    if (request.op !== RomOp.DATASPACE) throw unsupported(this, request.op);
    return { cap: this.module };
  }
}

/** A Timer session of the child. */
export class ChildTimer extends NativeObject {
  /** Core's session. */
  readonly core: TimerSession;

  /** Wraps core's `timer`. */
  constructor(timer: TimerSession) {
    super();
    this.core = timer;
  }

  /** Always `timer-session`. */
  get kind(): string {
    return "timer-session";
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    switch (request.op) {
      case TimerOp.SIGH:
        this.core.sigh(transferred(request, SignalContext, "a signal context"));
        return {};
      case TimerOp.TRIGGER_ONCE:
        this.core.triggerOnce(word(request, 0));
        return {};
      case TimerOp.TRIGGER_PERIODIC:
        this.core.triggerPeriodic(word(request, 0));
        return {};
      case TimerOp.ELAPSED: {
        const elapsed = this.core.elapsed();
        return { words: [elapsed >>> 0, Math.floor(elapsed / 2 ** 32) >>> 0] };
      }
      default:
        throw unsupported(this, request.op);
    }
  }
}
