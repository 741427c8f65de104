/**
 * Objects implemented by the model itself (core's services and the parent), which answer a
 * call synchronously, inside the caller's `ecall`.
 *
 * @module
 */

import { KernelObject } from "./object.ts";
import type { Reply, Request } from "./message.ts";
import type { Thread } from "./thread.ts";

/** An object whose calls are served by TypeScript code of the model. */
export abstract class NativeObject extends KernelObject {
  /**
   * Serves `request` from `caller` and returns the reply. Failures are thrown as CrspecError;
   * the kernel turns them into result codes for the child.
   */
  abstract invoke(request: Request, caller: Thread): Reply;
}
