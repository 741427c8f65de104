/**
 * Synchronous IPC objects: endpoints that server threads receive on, and the RPC objects that
 * clients call.
 *
 * @module
 */

import { KernelObject } from "./object.ts";
import type { Thread } from "./thread.ts";

/** A receive point of a server: callers queue here until a server thread waits. */
export class Endpoint extends KernelObject {
  /** Name of the PD that owns the endpoint. */
  readonly owner: string;
  /** Callers whose request was not received yet, in call order. */
  readonly senders: Thread[] = [];
  /** Server threads blocked in `wait`, in blocking order. */
  readonly receivers: Thread[] = [];

  /** Creates an endpoint of the PD named `owner`. */
  constructor(owner: string) {
    super();
    this.owner = owner;
  }

  /** Always `endpoint`. */
  get kind(): string {
    return "endpoint";
  }
}

/** An object served at an endpoint; a call on it reaches the endpoint with its badge. */
export class RpcObject extends KernelObject {
  /** The endpoint that receives calls on this object. */
  readonly endpoint: Endpoint;
  /** Value the server gets to tell its objects apart. */
  readonly badge: number;

  /** Creates an object served at `endpoint`. */
  constructor(endpoint: Endpoint, badge: number) {
    super();
    this.endpoint = endpoint;
    this.badge = badge >>> 0;
  }

  /** Always `rpc-object`. */
  get kind(): string {
    return "rpc-object";
  }
}
