/**
 * Starting a child: from a valid ELF capability (segments attached or copied, the initial
 * thread started at the entry) or from an invalid one (nothing loaded, the initial thread
 * created but not started).
 *
 * @module
 */

import { pageRound, type RomDataspace } from "../core/dataspace.ts";
import { planLoad } from "../elf/validate.ts";
import { readElf } from "../elf/read.ts";
import type { LoadPlan } from "../elf/types.ts";
import { Child, type ChildEnvironment, PARENT_CAP_INDEX } from "./child.ts";

/** Name of the thread every child starts with. */
export const INITIAL_THREAD_NAME = "main";

/**
 * Validates `module` as an RV32 executable and starts it as a child. Validation happens before
 * anything is created; a failure while loading destroys the partial child, so no RAM or
 * capability is left behind.
 */
export function startFromElf(
  environment: ChildEnvironment,
  name: string,
  module: RomDataspace,
  ramQuota: number,
): Child {
  const bytes = module.bytes.subarray(0, module.length);
  const plan = planLoad(readElf(bytes), bytes);

  const child = new Child(environment, name, module, ramQuota);
  try {
    loadSegments(child, module, plan);
    const thread = child.cpu.createThread(INITIAL_THREAD_NAME);
    thread.start(plan.entry, 0);
  } catch (error) {
    child.destroy();
    throw error;
  }
  return child;
}

/**
 * Creates a child from an invalid ELF capability: nothing is attached, no RAM is allocated, and
 * the initial thread exists but is not started. The parent populates the address space and
 * starts threads itself.
 */
export function startWithoutElf(
  environment: ChildEnvironment,
  name: string,
  ramQuota: number,
): Child {
  const child = new Child(environment, name, undefined, ramQuota);
  child.cpu.createThread(INITIAL_THREAD_NAME);
  return child;
}

function loadSegments(child: Child, module: RomDataspace, plan: LoadPlan): void {
  let parentCapWritten = false;
  for (const segment of plan.segments) {
    const size = pageRound(segment.memsz);

    // Read-only segments: mapped from the ELF dataspace itself, nothing is copied.
    if (segment.action === "attach") {
      child.pd.addressSpace.attach(module, {
        at: segment.vaddr,
        size,
        offset: segment.offset,
        executable: segment.executable,
      });
      continue;
    }

    // Writable segments: fresh RAM, file contents copied, the rest (bss) stays zero.
    const dataspace = child.pd.alloc(size);
    dataspace.bytes.set(module.bytes.subarray(segment.offset, segment.offset + segment.filesz));
    if (!parentCapWritten) {
      new DataView(dataspace.bytes.buffer).setUint32(0, PARENT_CAP_INDEX, true);
      parentCapWritten = true;
    }
    child.pd.addressSpace.attach(dataspace, {
      at: segment.vaddr,
      size,
      writable: true,
      executable: segment.executable,
    });
  }
}
