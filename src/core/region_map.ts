/**
 * Region maps: address spaces and sub-spaces made of dataspace attachments.
 *
 * @module
 */

import { InvalidArgumentError, RegionConflictError } from "../errors.ts";
import { KernelObject } from "../kernel/object.ts";
import { PAGE_SIZE } from "../rv32/memory.ts";
import { type Dataspace, ManagedDataspace, pageRound } from "./dataspace.ts";
import type { SignalContext } from "../kernel/signal.ts";

/** One dataspace attached to a region map. */
export interface Attachment {
  /** The attached dataspace. */
  readonly dataspace: Dataspace;
  /** First address inside the region map. */
  readonly base: number;
  /** Bytes attached, a multiple of the page size. */
  readonly size: number;
  /** Offset into the dataspace. */
  readonly offset: number;
  /** True when the attachment is writable. */
  readonly writable: boolean;
  /** True when the attachment is executable. */
  readonly executable: boolean;
}

/** Arguments of {@linkcode RegionMap.attach}. */
export interface AttachOptions {
  /** Address to attach at; undefined lets the region map choose. */
  at?: number | undefined;
  /** Bytes to attach; 0 or undefined means from `offset` to the end of the dataspace. */
  size?: number | undefined;
  /** Page-aligned offset into the dataspace. */
  offset?: number | undefined;
  /** Attach writable. */
  writable?: boolean | undefined;
  /** Attach executable. */
  executable?: boolean | undefined;
}

/** Called with the byte range [start, end) of a region map whose mappings changed. */
export type RangeListener = (start: number, end: number) => void;

/** An address space, or a sub-space that can be attached elsewhere as a managed dataspace. */
export class RegionMap extends KernelObject {
  /** Size in bytes of the space. */
  readonly size: number;
  /** Lowest address an attachment may use. */
  readonly lowest: number;
  /** Where the search for a free range starts when no address is given. */
  readonly searchFrom: number;
  /** Signal context notified when a thread faults inside this region map. */
  faultHandler: SignalContext | undefined;
  readonly #attachments: Attachment[] = [];
  readonly #listeners = new Set<RangeListener>();
  #managed: ManagedDataspace | undefined;

  /** Creates an empty region map of `size` bytes. */
  constructor(size: number, lowest = 0, searchFrom = 0) {
    super();
    this.size = size;
    this.lowest = lowest;
    this.searchFrom = searchFrom;
  }

  /** Always `region-map`. */
  get kind(): string {
    return "region-map";
  }

  /** The attachments in address order. */
  get attachments(): readonly Attachment[] {
    return this.#attachments;
  }

  /** The dataspace view of this region map, created on first use. */
  get dataspace(): ManagedDataspace {
    this.#managed ??= new ManagedDataspace(this);
    return this.#managed;
  }

  /** Registers `listener` for changes of the mappings; returns a function that removes it. */
  listen(listener: RangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Attaches `dataspace` and returns the address. Throws RegionConflictError when the range
   * overlaps another attachment or leaves the region map, and InvalidArgumentError for
   * misaligned or out-of-range arguments.
   */
  attach(dataspace: Dataspace, options: AttachOptions = {}): number {
    const offset = options.offset ?? 0;
    if (offset % PAGE_SIZE !== 0 || offset < 0 || offset >= dataspace.size) {
      throw new InvalidArgumentError(
        `attach offset 0x${offset.toString(16)} is not a page-aligned offset inside the ` +
          `dataspace of ${dataspace.size} bytes`,
      );
    }
    const size = pageRound(options.size || dataspace.size - offset);
    if (offset + size > dataspace.size) {
      throw new InvalidArgumentError(
        `attach of ${size} bytes at offset 0x${offset.toString(16)} exceeds the dataspace ` +
          `of ${dataspace.size} bytes`,
      );
    }
    if (options.writable && !dataspace.writable) {
      throw new InvalidArgumentError(`a ${dataspace.kind} cannot be attached writable`);
    }
    if (dataspace instanceof ManagedDataspace && dataspace.regionMap === this) {
      throw new InvalidArgumentError("a region map cannot be attached into itself");
    }
    let base: number;
    if (options.at === undefined) {
      base = this.#findFree(size);
    } else {
      base = options.at;
      if (base % PAGE_SIZE !== 0) {
        throw new InvalidArgumentError(`attach address 0x${base.toString(16)} is not page-aligned`);
      }
      this.#checkFree(base, size);
    }

    const attachment: Attachment = {
      dataspace,
      base,
      size,
      offset,
      writable: options.writable ?? false,
      executable: options.executable ?? false,
    };
    const position = this.#attachments.findIndex((other) => other.base > base);
    this.#attachments.splice(position < 0 ? this.#attachments.length : position, 0, attachment);
    if (dataspace instanceof ManagedDataspace) {
      this.#forwardChanges(attachment, dataspace.regionMap);
    }
    this.#notify(base, base + size);
    return base;
  }

  /** Detaches the attachment that contains `address`; returns it. */
  detach(address: number): Attachment {
    const index = this.#attachments.findIndex((attachment) =>
      address >= attachment.base && address < attachment.base + attachment.size
    );
    const attachment = this.#attachments[index];
    if (attachment === undefined) {
      throw new InvalidArgumentError(`nothing is attached at 0x${address.toString(16)}`);
    }
    this.#attachments.splice(index, 1);
    this.#unforward.get(attachment)?.();
    this.#unforward.delete(attachment);
    this.#notify(attachment.base, attachment.base + attachment.size);
    return attachment;
  }

  /** Detaches every attachment of `dataspace`. */
  detachAll(dataspace: Dataspace): void {
    for (const attachment of [...this.#attachments]) {
      if (attachment.dataspace === dataspace) this.detach(attachment.base);
    }
  }

  /** Returns the attachment containing `address`, if any. */
  attachmentAt(address: number): Attachment | undefined {
    return this.#attachments.find((attachment) =>
      address >= attachment.base && address < attachment.base + attachment.size
    );
  }

  /** Returns the page at `address` (page-aligned) with its effective writability, if mapped. */
  resolve(
    address: number,
  ): { frame: Uint8Array; writable: boolean; executable: boolean } | undefined {
    const attachment = this.attachmentAt(address);
    if (attachment === undefined) return undefined;
    const page = attachment.dataspace.page(address - attachment.base + attachment.offset);
    if (page === undefined) return undefined;
    return {
      frame: page.frame,
      writable: attachment.writable && page.writable,
      executable: attachment.executable,
    };
  }

  readonly #unforward = new Map<Attachment, () => void>();

  #forwardChanges(attachment: Attachment, inner: RegionMap): void {
    const remove = inner.listen((start, end) => {
      const from = Math.max(start, attachment.offset);
      const to = Math.min(end, attachment.offset + attachment.size);
      if (from < to) {
        this.#notify(
          attachment.base + from - attachment.offset,
          attachment.base + to - attachment.offset,
        );
      }
    });
    this.#unforward.set(attachment, remove);
  }

  #notify(start: number, end: number): void {
    for (const listener of this.#listeners) listener(start, end);
  }

  #checkFree(base: number, size: number): void {
    if (base < this.lowest || base + size > this.size) {
      throw new RegionConflictError(
        `range 0x${base.toString(16)}+0x${size.toString(16)} lies outside the region map ` +
          `[0x${this.lowest.toString(16)}, 0x${this.size.toString(16)})`,
      );
    }
    for (const other of this.#attachments) {
      if (base < other.base + other.size && other.base < base + size) {
        throw new RegionConflictError(
          `range 0x${base.toString(16)}+0x${size.toString(16)} overlaps the attachment at ` +
            `0x${other.base.toString(16)}+0x${other.size.toString(16)}`,
        );
      }
    }
  }

  #findFree(size: number): number {
    let candidate = Math.max(this.searchFrom, this.lowest);
    for (const other of this.#attachments) {
      if (other.base + other.size <= candidate) continue;
      if (other.base >= candidate + size) break;
      candidate = other.base + other.size;
    }
    if (candidate + size > this.size) {
      throw new RegionConflictError(`no free range of ${size} bytes is left in the region map`);
    }
    return candidate;
  }
}
