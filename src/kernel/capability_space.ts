/**
 * Capability spaces: per protection domain, small integer indices naming kernel objects.
 *
 * @module
 */

import { InvalidCapabilityError, OutOfCapQuotaError } from "../errors.ts";
import type { KernelObject } from "./object.ts";

/** Default number of capabilities a space may hold. */
export const DEFAULT_CAP_QUOTA = 1024;

/**
 * The capability space of one protection domain. Index 0 is the invalid capability and never
 * names an object; new capabilities take the lowest free index.
 */
export class CapabilitySpace {
  /** Name of the owning protection domain, used in error messages. */
  readonly owner: string;
  /** Maximum number of capabilities the space contains at once. */
  readonly quota: number;
  readonly #slots = new Map<number, KernelObject>();

  /** Creates an empty space owned by `owner`. */
  constructor(owner: string, quota = DEFAULT_CAP_QUOTA) {
    this.owner = owner;
    this.quota = quota;
  }

  /** Number of capabilities installed. */
  get size(): number {
    return this.#slots.size;
  }

  /**
   * Installs `object` at `index`, or at the lowest free index when `index` is undefined,
   * and returns the index. Throws when the index is taken or the quota is used up.
   */
  install(object: KernelObject, index?: number): number {
    if (this.#slots.size >= this.quota) throw new OutOfCapQuotaError(this.quota);
    if (index === undefined) {
      index = 1;
      while (this.#slots.has(index)) index++;
    } else if (!Number.isInteger(index) || index < 1 || index > 0xffff_ffff) {
      throw new InvalidCapabilityError(`index ${index} cannot be installed in ${this.owner}`);
    } else if (this.#slots.has(index)) {
      throw new InvalidCapabilityError(`index ${index} of ${this.owner} is already in use`);
    }
    this.#slots.set(index, object);
    return index;
  }

  /** Returns the index under which `object` is installed, or undefined. */
  indexOf(object: KernelObject): number | undefined {
    for (const [index, installed] of this.#slots) if (installed === object) return index;
    return undefined;
  }

  /** Installs `object` unless it is already present, and returns its index. */
  installOnce(object: KernelObject): number {
    return this.indexOf(object) ?? this.install(object);
  }

  /** Returns the object at `index`, or undefined for an invalid or unused index. */
  find(index: number): KernelObject | undefined {
    const object = this.#slots.get(index);
    return object === undefined || object.destroyed ? undefined : object;
  }

  /**
   * Returns the object at `index` if it is of class `kind`. Throws InvalidCapabilityError for
   * an unused index, a destroyed object or an object of another kind.
   */
  lookup<T extends KernelObject>(
    index: number,
    kind: abstract new (...args: never[]) => T,
  ): T {
    const object = this.find(index);
    if (object === undefined) {
      throw new InvalidCapabilityError(`index ${index} names nothing in ${this.owner}`);
    }
    if (!(object instanceof kind)) {
      throw new InvalidCapabilityError(
        `index ${index} of ${this.owner} names a ${object.kind}, not a ${kind.name}`,
      );
    }
    return object;
  }

  /** Removes the capability at `index`; unused indices are ignored. */
  remove(index: number): void {
    this.#slots.delete(index);
  }

  /** Removes every capability that names `object`. */
  removeObject(object: KernelObject): void {
    for (const [index, installed] of this.#slots) {
      if (installed === object) this.#slots.delete(index);
    }
  }

  /** Lists every (index, object) pair in ascending index order. */
  entries(): Array<[number, KernelObject]> {
    return [...this.#slots.entries()].sort((a, b) => a[0] - b[0]);
  }
}
