/**
 * Protection domains as the kernel sees them: an address space and a capability space.
 *
 * @module
 */

import { Memory, PAGE_SIZE, PERM_EXECUTE, PERM_READ, PERM_WRITE } from "../rv32/memory.ts";
import type { RegionMap } from "../core/region_map.ts";
import { CapabilitySpace } from "./capability_space.ts";
import type { Thread } from "./thread.ts";

/** First user address; the pages below it stay unmapped so that null pointers fault. */
export const USER_START = 0x0001_0000;
/** First address past the user range. */
export const USER_END = 0xc000_0000;

/** A protection domain: the memory its threads see and the capabilities they may use. */
export class ProtectionDomain {
  /** Name, used in messages and as the LOG label prefix. */
  readonly name: string;
  /** The address space as the processor reads it. */
  readonly memory: Memory = new Memory();
  /** The capability space. */
  readonly caps: CapabilitySpace;
  /** Threads created in this domain, in creation order, exited ones included. */
  readonly threads: Thread[] = [];
  #detach: (() => void) | undefined;

  /** Creates an empty domain named `name`. */
  constructor(name: string, capQuota?: number) {
    this.name = name;
    this.caps = new CapabilitySpace(name, capQuota);
  }

  /**
   * Makes `addressSpace` the source of this domain's page table and maps what it holds. The
   * domain's memory must not have been bound before, so nothing has to be unmapped.
   */
  bindAddressSpace(addressSpace: RegionMap): void {
    this.#detach?.();
    this.#detach = addressSpace.listen((start, end) => this.#remap(addressSpace, start, end));
    for (const attachment of addressSpace.attachments) {
      this.#remap(addressSpace, attachment.base, attachment.base + attachment.size);
    }
  }

  /** Stops following the address space and unmaps everything. */
  unbindAddressSpace(addressSpace: RegionMap): void {
    this.#detach?.();
    this.#detach = undefined;
    for (const attachment of addressSpace.attachments) {
      for (
        let page = attachment.base;
        page < attachment.base + attachment.size;
        page += PAGE_SIZE
      ) {
        this.memory.unmap(page / PAGE_SIZE);
      }
    }
  }

  #remap(addressSpace: RegionMap, start: number, end: number): void {
    for (let address = start; address < end; address += PAGE_SIZE) {
      if (this.memory.permissions(address / PAGE_SIZE) !== 0) {
        this.memory.unmap(address / PAGE_SIZE);
      }
    }
    for (const attachment of addressSpace.attachments) {
      const from = Math.max(start, attachment.base);
      const to = Math.min(end, attachment.base + attachment.size);
      for (let address = from; address < to; address += PAGE_SIZE) {
        const resolved = addressSpace.resolve(address);
        if (resolved === undefined) continue;
        const permissions = PERM_READ | (resolved.writable ? PERM_WRITE : 0) |
          (resolved.executable ? PERM_EXECUTE : 0);
        this.memory.map(address / PAGE_SIZE, resolved.frame, permissions);
      }
    }
  }
}
