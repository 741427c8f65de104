/**
 * The parent's PD session and region maps for a child: they forward to core's and record every
 * object the child creates through them.
 *
 * @module
 */

import { Dataspace, type RamDataspace } from "../core/dataspace.ts";
import type { PdSession } from "../core/pd_session.ts";
import type { Attachment, AttachOptions, RegionMap } from "../core/region_map.ts";
import { InvalidArgumentError } from "../errors.ts";
import { Endpoint, type RpcObject } from "../kernel/endpoint.ts";
import type { Reply, Request } from "../kernel/message.ts";
import { NativeObject } from "../kernel/native.ts";
import { transferred, unsupported, word } from "../kernel/rpc.ts";
import { SignalContext, SignalReceiver } from "../kernel/signal.ts";

/** Operations of a PD session. */
export const PdOp = {
  ALLOC: 1,
  FREE: 2,
  ADDRESS_SPACE: 3,
  ALLOC_ENDPOINT: 4,
  ALLOC_RPC_OBJECT: 5,
  ALLOC_SIGNAL_RECEIVER: 6,
  ALLOC_SIGNAL_CONTEXT: 7,
  SUBMIT: 8,
  RAM_AVAIL: 9,
  ALLOC_REGION_MAP: 10,
} as const;

/** Operations of a region map. */
export const RegionMapOp = { ATTACH: 1, DETACH: 2, DATASPACE: 3, FAULT_HANDLER: 4 } as const;

/** Attach flags of the `attach` operation. */
export const AttachFlag = { WRITABLE: 1, EXECUTABLE: 2, AT: 4 } as const;

/** A region map of the child, as the parent records it. */
export class ChildRegionMap extends NativeObject {
  /** Core's region map. */
  readonly core: RegionMap;
  /** The attachments made through this object, in the order they were made. */
  readonly attachments: Attachment[] = [];

  /** Wraps core's `regionMap`. */
  constructor(regionMap: RegionMap) {
    super();
    this.core = regionMap;
  }

  /** Always `region-map`. */
  get kind(): string {
    return "region-map";
  }

  /** Attaches `dataspace` through core and records the attachment; returns its address. */
  attach(dataspace: Dataspace, options: AttachOptions): number {
    const base = this.core.attach(dataspace, options);
    this.attachments.push(this.core.attachmentAt(base)!);
    return base;
  }

  /** Detaches the attachment containing `address`. */
  detach(address: number): void {
    const attachment = this.core.detach(address);
    this.attachments.splice(this.attachments.indexOf(attachment), 1);
  }

  /** Drops the records of every attachment of `dataspace`, which core detached. */
  forget(dataspace: Dataspace): void {
    for (let i = this.attachments.length - 1; i >= 0; i--) {
      if (this.attachments[i]!.dataspace === dataspace) this.attachments.splice(i, 1);
    }
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    switch (request.op) {
      case RegionMapOp.ATTACH: {
        const flags = word(request, 3);
        const base = this.attach(transferred(request, Dataspace, "a dataspace"), {
          at: flags & AttachFlag.AT ? word(request, 0) : undefined,
          size: word(request, 1),
          offset: word(request, 2),
          writable: (flags & AttachFlag.WRITABLE) !== 0,
          executable: (flags & AttachFlag.EXECUTABLE) !== 0,
        });
        return { words: [base] };
      }
      case RegionMapOp.DETACH:
        this.detach(word(request, 0));
        return {};
      case RegionMapOp.DATASPACE:
        return { cap: this.core.dataspace };
      case RegionMapOp.FAULT_HANDLER:
        this.core.faultHandler = transferred(request, SignalContext, "a signal context");
        return {};
      default:
        throw unsupported(this, request.op);
    }
  }
}

/** The child's PD session, as the parent serves and records it. */
export class ChildPd extends NativeObject {
  /** Core's PD session. */
  readonly core: PdSession;
  /** The child's address space. */
  readonly addressSpace: ChildRegionMap;
  /** RAM dataspaces the child owns, attached or not, in allocation order. */
  readonly dataspaces: RamDataspace[] = [];
  /** Region maps allocated for managed dataspaces. */
  readonly regionMaps: ChildRegionMap[] = [];
  /** Endpoints, RPC objects, signal receivers and signal contexts, in allocation order. */
  readonly objects: Array<Endpoint | RpcObject | SignalReceiver | SignalContext> = [];

  /** Wraps core's `pd`. */
  constructor(pd: PdSession) {
    super();
    this.core = pd;
    this.addressSpace = new ChildRegionMap(pd.addressSpace);
  }

  /** Always `pd-session`. */
  get kind(): string {
    return "pd-session";
  }

  /** Allocates RAM through core and records it. */
  alloc(size: number): RamDataspace {
    const dataspace = this.core.alloc(size);
    this.dataspaces.push(dataspace);
    return dataspace;
  }

  /** Frees a dataspace of the child. */
  free(dataspace: RamDataspace): void {
    const index = this.dataspaces.indexOf(dataspace);
    if (index < 0) throw new InvalidArgumentError(`dataspace ${dataspace.id} is not the child's`);
    this.core.free(dataspace);
    this.dataspaces.splice(index, 1);
    this.addressSpace.forget(dataspace);
    for (const regionMap of this.regionMaps) regionMap.forget(dataspace);
  }

  /** Allocates a region map through core and records it. */
  allocRegionMap(size: number): ChildRegionMap {
    const regionMap = new ChildRegionMap(this.core.allocRegionMap(size));
    this.regionMaps.push(regionMap);
    return regionMap;
  }

  /** Records `object` and returns it. */
  record<T extends Endpoint | RpcObject | SignalReceiver | SignalContext>(object: T): T {
    this.objects.push(object);
    return object;
  }

  /** Serves the child's requests. */
  invoke(request: Request): Reply {
    switch (request.op) {
      case PdOp.ALLOC:
        return { cap: this.alloc(word(request, 0)) };
      case PdOp.FREE: {
        const dataspace = this.dataspaces.find((candidate) => candidate === request.cap);
        if (dataspace === undefined) {
          throw new InvalidArgumentError(
            "free: the capability names no RAM dataspace of the child",
          );
        }
        this.free(dataspace);
        return {};
      }
      case PdOp.ADDRESS_SPACE:
        return { cap: this.addressSpace };
      case PdOp.ALLOC_ENDPOINT:
        return { cap: this.record(this.core.allocEndpoint()) };
      case PdOp.ALLOC_RPC_OBJECT: {
        const endpoint = transferred(request, Endpoint, "an endpoint");
        return { cap: this.record(this.core.allocRpcObject(endpoint, word(request, 0))) };
      }
      case PdOp.ALLOC_SIGNAL_RECEIVER:
        return { cap: this.record(this.core.allocSignalReceiver()) };
      case PdOp.ALLOC_SIGNAL_CONTEXT: {
        const receiver = transferred(request, SignalReceiver, "a signal receiver");
        return { cap: this.record(this.core.allocSignalContext(receiver, word(request, 0))) };
      }
      case PdOp.SUBMIT:
        this.core.submit(transferred(request, SignalContext, "a signal context"));
        return {};
      case PdOp.RAM_AVAIL:
        return { words: [this.core.ramAvailable] };
      case PdOp.ALLOC_REGION_MAP:
        return { cap: this.allocRegionMap(word(request, 0)) };
      default:
        throw unsupported(this, request.op);
    }
  }
}
