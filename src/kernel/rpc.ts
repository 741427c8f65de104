/**
 * Small helpers for RPC servers of the model.
 *
 * @module
 */

import { CrspecError, InvalidArgumentError, InvalidCapabilityError } from "../errors.ts";
import type { Request } from "./message.ts";
import type { KernelObject } from "./object.ts";

const decoder = new TextDecoder("utf-8", { fatal: false });

/** Returns the error for an operation number that `object` does not serve. */
export function unsupported(object: KernelObject, op: number): CrspecError {
  return new CrspecError("invalid-operation", `a ${object.kind} has no operation ${op}`);
}

/** Returns the request's data as text, up to the first NUL byte. */
export function requestText(request: Request): string {
  const end = request.data.indexOf(0);
  return decoder.decode(end < 0 ? request.data : request.data.subarray(0, end));
}

/** Returns the transferred object of `request` if it is of class `kind`, else throws. */
export function transferred<T extends KernelObject>(
  request: Request,
  kind: abstract new (...args: never[]) => T,
  what: string,
): T {
  const object = request.cap;
  if (object === undefined) {
    throw new InvalidCapabilityError(`the request carries no capability; ${what} expected`);
  }
  if (!(object instanceof kind)) {
    throw new InvalidCapabilityError(`the request carries a ${object.kind}; ${what} expected`);
  }
  return object;
}

/** Returns word `index` of `request`, as an unsigned number. */
export function word(request: Request, index: number): number {
  const value = request.words[index];
  if (value === undefined) throw new InvalidArgumentError(`request word ${index} is missing`);
  return value >>> 0;
}
