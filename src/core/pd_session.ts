/**
 * Core's PD session: a protection domain with its address space, capability space, RAM quota
 * and the allocation of RPC and signal objects.
 *
 * @module
 */

import { InvalidArgumentError, InvalidStateError, OutOfRamQuotaError } from "../errors.ts";
import { Endpoint, RpcObject } from "../kernel/endpoint.ts";
import type { Kernel } from "../kernel/kernel.ts";
import { KernelObject } from "../kernel/object.ts";
import { ProtectionDomain, USER_END, USER_START } from "../kernel/protection_domain.ts";
import { SignalContext, SignalReceiver } from "../kernel/signal.ts";
import { pageRound, RamDataspace } from "./dataspace.ts";
import { RegionMap } from "./region_map.ts";

/** Where attachments without a fixed address are placed in an address space. */
export const ANY_ADDRESS_BASE = 0x4000_0000;

/** Core's PD session. */
export class PdSession extends KernelObject {
  /** The kernel's protection domain. */
  readonly pd: ProtectionDomain;
  /** The PD's address space. */
  readonly addressSpace: RegionMap;
  /** RAM quota in bytes. */
  readonly ramQuota: number;
  /** The RAM dataspaces allocated and not freed, in allocation order. */
  readonly dataspaces: RamDataspace[] = [];
  readonly #kernel: Kernel;
  #ramUsed = 0;

  /** Creates a PD named `name` with `ramQuota` bytes of RAM. */
  constructor(kernel: Kernel, name: string, ramQuota: number) {
    super();
    this.#kernel = kernel;
    this.pd = new ProtectionDomain(name);
    this.ramQuota = ramQuota;
    this.addressSpace = new RegionMap(USER_END, USER_START, ANY_ADDRESS_BASE);
    this.pd.bindAddressSpace(this.addressSpace);
  }

  /** Always `pd-session`. */
  get kind(): string {
    return "pd-session";
  }

  /** Bytes of RAM in use. */
  get ramUsed(): number {
    return this.#ramUsed;
  }

  /** Bytes of RAM left in the quota. */
  get ramAvailable(): number {
    return this.ramQuota - this.#ramUsed;
  }

  /** Allocates a zero-filled RAM dataspace of `size` bytes, rounded up to whole pages. */
  alloc(size: number): RamDataspace {
    if (!Number.isInteger(size) || size <= 0 || size > 0xffff_ffff) {
      throw new InvalidArgumentError(`RAM allocation of ${size} bytes; give 1 to 2^32-1 bytes`);
    }
    const rounded = pageRound(size);
    if (rounded > this.ramAvailable) throw new OutOfRamQuotaError(rounded, this.ramAvailable);
    const dataspace = new RamDataspace(rounded, this.pd.name);
    this.#ramUsed += rounded;
    this.dataspaces.push(dataspace);
    return dataspace;
  }

  /** Frees `dataspace`: it is detached everywhere in this PD and its RAM returns to the quota. */
  free(dataspace: RamDataspace): void {
    const index = this.dataspaces.indexOf(dataspace);
    if (index < 0) {
      throw new InvalidArgumentError(
        `dataspace ${dataspace.id} was not allocated by ${this.pd.name}`,
      );
    }
    this.addressSpace.detachAll(dataspace);
    this.dataspaces.splice(index, 1);
    this.#ramUsed -= dataspace.size;
    dataspace.destroyed = true;
  }

  /** Allocates an endpoint that threads of this PD can receive RPCs on. */
  allocEndpoint(): Endpoint {
    return new Endpoint(this.pd.name);
  }

  /** Allocates an RPC object served at `endpoint`, which must belong to this PD. */
  allocRpcObject(endpoint: Endpoint, badge: number): RpcObject {
    if (endpoint.owner !== this.pd.name) {
      throw new InvalidStateError(`endpoint ${endpoint.id} belongs to ${endpoint.owner}`);
    }
    return new RpcObject(endpoint, badge);
  }

  /** Allocates a signal receiver. */
  allocSignalReceiver(): SignalReceiver {
    return new SignalReceiver();
  }

  /** Allocates a signal context bound to `receiver`. */
  allocSignalContext(receiver: SignalReceiver, badge: number): SignalContext {
    return new SignalContext(receiver, badge);
  }

  /** Submits a signal to `context`. */
  submit(context: SignalContext): void {
    this.#kernel.submit(context);
  }

  /** Allocates an empty region map of `size` bytes, usable as a managed dataspace. */
  allocRegionMap(size: number): RegionMap {
    if (!Number.isInteger(size) || size <= 0 || size % 4096 !== 0 || size > 0x4000_0000) {
      throw new InvalidArgumentError(
        `region map size ${size}; give a multiple of 4096 bytes up to 1 GiB`,
      );
    }
    return new RegionMap(size);
  }

  /** Destroys the PD's memory: every dataspace is freed and the address space unbound. */
  destroy(): void {
    for (const dataspace of [...this.dataspaces]) this.free(dataspace);
    this.pd.unbindAddressSpace(this.addressSpace);
    this.destroyed = true;
  }
}
