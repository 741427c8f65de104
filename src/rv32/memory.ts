/**
 * One 32-bit address space as the processor sees it: a page table from page numbers to 4 KiB
 * frames with read, write and execute permissions.
 *
 * @module
 */

import { InvalidArgumentError } from "../errors.ts";

/** log2 of the page size. */
export const PAGE_SHIFT = 12;
/** Bytes per page. */
export const PAGE_SIZE = 4096;
/** Number of pages in the 32-bit address space. */
export const PAGE_COUNT = 1 << (32 - PAGE_SHIFT);

/** Permission bit: loads and kernel reads are allowed. */
export const PERM_READ = 1;
/** Permission bit: stores and kernel writes are allowed. */
export const PERM_WRITE = 2;
/** Permission bit: instruction fetches are allowed. */
export const PERM_EXECUTE = 4;

/** Words of the decoded-instruction cache per instruction slot; see {@linkcode MappedPage}. */
export const DECODED_WORDS = 4;

/**
 * One mapped page: the frame, word and halfword views of it and, once an instruction was
 * fetched from it, its decoded-instruction cache.
 *
 * The views use the host's byte order, which is the little-endian order of RISC-V on every
 * host this module accepts (see {@linkcode HOST_IS_LITTLE_ENDIAN}).
 */
export class MappedPage {
  /** The 4096 bytes of dataspace memory behind the page. */
  readonly frame: Uint8Array;
  /** `frame` as 32-bit words, for word loads and stores and for instruction fetch. */
  readonly words: Int32Array;
  /** `frame` as 16-bit halfwords. */
  readonly halves: Uint16Array;
  /** Bit set of PERM_READ, PERM_WRITE and PERM_EXECUTE. */
  readonly permissions: number;
  /**
   * Decoded instructions, created on the first fetch. The slot of the instruction at page
   * offset `o` starts at index `o` and holds the raw instruction word it was decoded from, the
   * packed operation and register numbers, and the immediate. The processor compares the raw
   * word with memory on every fetch, so a write through any view of the frame (another address
   * space, the kernel, a restore) can never leave a stale entry behind.
   */
  decoded: Int32Array | undefined = undefined;

  /** Creates the entry for `frame` with `permissions`. */
  constructor(frame: Uint8Array, permissions: number) {
    this.frame = frame;
    this.words = new Int32Array(frame.buffer, frame.byteOffset, PAGE_SIZE / 4);
    this.halves = new Uint16Array(frame.buffer, frame.byteOffset, PAGE_SIZE / 2);
    this.permissions = permissions;
  }
}

/** True on little-endian hosts; the module refuses to load on others. */
export const HOST_IS_LITTLE_ENDIAN: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
if (!HOST_IS_LITTLE_ENDIAN) {
  throw new Error("the RV32 memory model needs a little-endian host");
}

/** The entry of every unmapped page: no permissions, so the processor never touches its frame. */
const UNMAPPED = new MappedPage(new Uint8Array(PAGE_SIZE), 0);

/**
 * One address space of 2^20 pages.
 *
 * Writes through the processor or through {@linkcode Memory.write} go straight into the mapped
 * frames, so the dataspace behind a frame sees them at once.
 *
 * @example
 * ```ts
 * import { Memory, PERM_READ, PERM_WRITE } from "./memory.ts";
 *
 * const memory = new Memory();
 * memory.map(0x10, new Uint8Array(4096), PERM_READ | PERM_WRITE);
 * memory.writeWord(0x10000, 42);
 * console.assert(memory.readWord(0x10000) === 42);
 * ```
 */
export class Memory {
  /**
   * Page table used by the processor: the index into {@linkcode Memory.pages} for each page
   * number, 0 for an unmapped page.
   */
  readonly pageSlots: Int32Array = new Int32Array(PAGE_COUNT);
  /** Entries of the mapped pages, indexed by slot; slot 0 is the unmapped entry. */
  readonly pages: MappedPage[] = [UNMAPPED];
  /** Slots freed by {@linkcode Memory.unmap}, reused by the next map. */
  readonly #freeSlots: number[] = [];

  /**
   * Maps `page` to `frame`, replacing any earlier mapping of the page.
   *
   * @param page page number, `address >>> PAGE_SHIFT`
   * @param frame a 4096-byte view of dataspace memory
   * @param permissions bit set of PERM_READ, PERM_WRITE and PERM_EXECUTE
   * @throws {InvalidArgumentError} when the page number, the frame's size or alignment, or the
   *   permissions are invalid
   */
  map(page: number, frame: Uint8Array, permissions: number): void {
    checkPage(page);
    if (frame.length !== PAGE_SIZE) {
      throw new InvalidArgumentError(`frame of ${frame.length} bytes, expected ${PAGE_SIZE}`);
    }
    if (frame.byteOffset % 4 !== 0) {
      throw new InvalidArgumentError(
        `frame at byte offset ${frame.byteOffset} of its buffer; frames must start 4-byte aligned`,
      );
    }
    if (!Number.isInteger(permissions) || permissions < 0 || permissions > 7) {
      throw new InvalidArgumentError(`permissions ${permissions}, expected a value from 0 to 7`);
    }

    this.unmap(page);
    const entry = new MappedPage(frame, permissions);
    const slot = this.#freeSlots.pop();
    if (slot === undefined) {
      this.pageSlots[page] = this.pages.length;
      this.pages.push(entry);
    } else {
      this.pageSlots[page] = slot;
      this.pages[slot] = entry;
    }
  }

  /**
   * Removes the mapping of `page`; unmapping an unmapped page does nothing.
   *
   * @throws {InvalidArgumentError} when the page number is invalid
   */
  unmap(page: number): void {
    checkPage(page);
    const slot = this.pageSlots[page]!;
    if (slot === 0) return;
    this.pageSlots[page] = 0;
    this.pages[slot] = UNMAPPED;
    this.#freeSlots.push(slot);
  }

  /** Returns the permissions of `page`, 0 when it is unmapped. */
  permissions(page: number): number {
    return this.#entry(page).permissions;
  }

  /** Returns the frame mapped at `page`, or undefined when it is unmapped. */
  frame(page: number): Uint8Array | undefined {
    const entry = this.#entry(page);
    return entry === UNMAPPED ? undefined : entry.frame;
  }

  /**
   * Copies `into.length` bytes from `address` into `into`.
   *
   * @returns false, copying nothing, when any byte is unmapped or not readable
   */
  read(address: number, into: Uint8Array): boolean {
    if (!this.#allows(address, into.length, PERM_READ)) return false;
    let done = 0;
    while (done < into.length) {
      const at = address + done;
      const offset = at & (PAGE_SIZE - 1);
      const count = Math.min(PAGE_SIZE - offset, into.length - done);
      const frame = this.#entry(at >>> PAGE_SHIFT).frame;
      into.set(frame.subarray(offset, offset + count), done);
      done += count;
    }
    return true;
  }

  /**
   * Copies the bytes of `from` to `address`.
   *
   * @returns false, copying nothing, when any byte is unmapped or not writable
   */
  write(address: number, from: Uint8Array): boolean {
    if (!this.#allows(address, from.length, PERM_WRITE)) return false;
    let done = 0;
    while (done < from.length) {
      const at = address + done;
      const offset = at & (PAGE_SIZE - 1);
      const count = Math.min(PAGE_SIZE - offset, from.length - done);
      const frame = this.#entry(at >>> PAGE_SHIFT).frame;
      frame.set(from.subarray(done, done + count), offset);
      done += count;
    }
    return true;
  }

  /**
   * Loads the little-endian 32-bit word at `address` as an unsigned number.
   *
   * @returns undefined when `address` is not 4-byte aligned, unmapped or not readable
   */
  readWord(address: number): number | undefined {
    if (!isAddress(address) || (address & 3) !== 0) return undefined;
    const entry = this.#entry(address >>> PAGE_SHIFT);
    if ((entry.permissions & PERM_READ) === 0) return undefined;
    return entry.words[(address & (PAGE_SIZE - 1)) >>> 2]! >>> 0;
  }

  /**
   * Stores `value` as a little-endian 32-bit word at `address`; `value` is taken modulo 2^32.
   *
   * @returns false when `address` is not 4-byte aligned, unmapped or not writable
   */
  writeWord(address: number, value: number): boolean {
    if (!isAddress(address) || (address & 3) !== 0) return false;
    const entry = this.#entry(address >>> PAGE_SHIFT);
    if ((entry.permissions & PERM_WRITE) === 0) return false;
    entry.words[(address & (PAGE_SIZE - 1)) >>> 2] = value;
    return true;
  }

  #entry(page: number): MappedPage {
    if (!Number.isInteger(page) || page < 0 || page >= PAGE_COUNT) return UNMAPPED;
    return this.pages[this.pageSlots[page]!]!;
  }

  /** Tells whether every byte of `[address, address + length)` has `permission`. */
  #allows(address: number, length: number, permission: number): boolean {
    if (!isAddress(address) || address + length > 2 ** 32) return false;
    if (length === 0) return true;
    const last = (address + length - 1) >>> PAGE_SHIFT;
    for (let page = address >>> PAGE_SHIFT; page <= last; page++) {
      if ((this.#entry(page).permissions & permission) === 0) return false;
    }
    return true;
  }
}

function isAddress(address: number): boolean {
  return Number.isInteger(address) && address >= 0 && address < 2 ** 32;
}

function checkPage(page: number): void {
  if (!Number.isInteger(page) || page < 0 || page >= PAGE_COUNT) {
    throw new InvalidArgumentError(`page number ${page}, expected an integer below ${PAGE_COUNT}`);
  }
}
