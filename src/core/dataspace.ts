/**
 * Dataspaces: RAM dataspaces with their own bytes, ROM dataspaces over a module's bytes, and
 * managed dataspaces backed by a region map.
 *
 * @module
 */

import type { Reply, Request } from "../kernel/message.ts";
import { NativeObject } from "../kernel/native.ts";
import { unsupported } from "../kernel/rpc.ts";
import { PAGE_SIZE } from "../rv32/memory.ts";
import type { RegionMap } from "./region_map.ts";

/** Operations of a dataspace capability. */
export const DataspaceOp = { SIZE: 1 } as const;

/** Rounds `bytes` up to a multiple of the page size. */
export function pageRound(bytes: number): number {
  return Math.ceil(bytes / PAGE_SIZE) * PAGE_SIZE;
}

/** Memory that can be attached to a region map. */
export abstract class Dataspace extends NativeObject {
  /** Size in bytes, a multiple of the page size. */
  abstract get size(): number;

  /** Serves the `size` operation. */
  invoke(request: Request): Reply {
    if (request.op === DataspaceOp.SIZE) return { words: [this.size] };
    throw unsupported(this, request.op);
  }

  /** False for dataspaces that may only be attached read-only. */
  abstract get writable(): boolean;
  /**
   * Returns the page at byte `offset` (page-aligned) as a 4096-byte view into the dataspace's
   * memory, or undefined when nothing backs it (an empty spot of a managed dataspace).
   */
  abstract page(offset: number): { frame: Uint8Array; writable: boolean } | undefined;
}

/** RAM allocated from a PD's quota: page-rounded and zero-filled when allocated. */
export class RamDataspace extends Dataspace {
  /** The dataspace's memory; its length is the size. */
  readonly bytes: Uint8Array;
  /** Name of the PD that owns the dataspace and pays for it. */
  readonly owner: string;

  /** Creates a zero-filled dataspace of `size` bytes, already page-rounded. */
  constructor(size: number, owner: string) {
    super();
    this.bytes = new Uint8Array(size);
    this.owner = owner;
  }

  /** Always `ram-dataspace`. */
  get kind(): string {
    return "ram-dataspace";
  }

  /** Size in bytes. */
  get size(): number {
    return this.bytes.length;
  }

  /** Always true. */
  get writable(): boolean {
    return true;
  }

  /** Returns a view of the page at `offset`. */
  page(offset: number): { frame: Uint8Array; writable: boolean } | undefined {
    if (offset < 0 || offset + PAGE_SIZE > this.bytes.length) return undefined;
    return { frame: this.bytes.subarray(offset, offset + PAGE_SIZE), writable: true };
  }
}

/** A read-only module, such as a program's ELF image, served by core's ROM service. */
export class RomDataspace extends Dataspace {
  /** Module name. */
  readonly name: string;
  /** The module's content, padded with zeros to a whole number of pages. */
  readonly bytes: Uint8Array;
  /** Length of the module's content before padding. */
  readonly length: number;
  /** SHA-256 of the content, as lowercase hex. */
  readonly hash: string;
  /** Absolute path the module was read from, when it came from a file. */
  readonly path: string | undefined;

  /** Creates a module named `name` holding a copy of `content`. */
  constructor(name: string, content: Uint8Array, hash: string, path: string | undefined) {
    super();
    this.name = name;
    this.bytes = new Uint8Array(pageRound(Math.max(content.length, 1)));
    this.bytes.set(content);
    this.length = content.length;
    this.hash = hash;
    this.path = path;
  }

  /** Always `rom-dataspace`. */
  get kind(): string {
    return "rom-dataspace";
  }

  /** Size in bytes, page-rounded. */
  get size(): number {
    return this.bytes.length;
  }

  /** Always false. */
  get writable(): boolean {
    return false;
  }

  /** Returns a view of the page at `offset`, read-only. */
  page(offset: number): { frame: Uint8Array; writable: boolean } | undefined {
    if (offset < 0 || offset + PAGE_SIZE > this.bytes.length) return undefined;
    return { frame: this.bytes.subarray(offset, offset + PAGE_SIZE), writable: false };
  }
}

/** A region map used as a dataspace: its pages are whatever is attached inside it. */
export class ManagedDataspace extends Dataspace {
  /** The region map that backs this dataspace. */
  readonly regionMap: RegionMap;

  /** Creates the dataspace view of `regionMap`. */
  constructor(regionMap: RegionMap) {
    super();
    this.regionMap = regionMap;
  }

  /** Always `managed-dataspace`. */
  get kind(): string {
    return "managed-dataspace";
  }

  /** Size of the region map. */
  get size(): number {
    return this.regionMap.size;
  }

  /** True: writability is decided per attachment inside. */
  get writable(): boolean {
    return true;
  }

  /** Returns the page attached at `offset` inside the region map, if any. */
  page(offset: number): { frame: Uint8Array; writable: boolean } | undefined {
    return this.regionMap.resolve(offset);
  }
}
