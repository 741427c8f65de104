/**
 * The base of every object a capability can name.
 *
 * @module
 */

let nextObjectId = 1;

/** An object of the kernel, of core or of a parent, named by capabilities. */
export abstract class KernelObject {
  /** Unique number in this process, for messages and manifests. */
  readonly id: number = nextObjectId++;
  /** True once the object is destroyed; capabilities to it then name nothing. */
  destroyed = false;

  /** Short name of the kind of object, such as `ram-dataspace`. */
  abstract get kind(): string;
}
