/**
 * crspec: an executable specification of checkpoint/restore for components of a
 * Genode-style microkernel OS, with the reference implementation its spec files run against.
 *
 * A {@linkcode System} is a modelled machine: a kernel with deterministic virtual time, core's
 * services and a parent that starts RV32IM ELF children. {@linkcode checkpoint} records a
 * running child; {@linkcode restore} builds a new child from the record, created from an
 * invalid ELF capability, and starts its threads where they were. Images are files of the
 * format {@linkcode encodeImage} writes.
 *
 * @example Run a child, checkpoint it, restore it into a fresh machine
 * ```ts ignore
 * import { checkpoint, decodeImage, encodeImage, restore, System } from "@crspec/crspec";
 *
 * const first = new System({ onLog: (line) => console.log(line.text) });
 * first.loadModule("examples/children/counter.elf");
 * const child = first.startChild("counter.elf");
 * first.run({ until: 30_000 });
 * const image = encodeImage(checkpoint(first, child).contents);
 *
 * const second = new System({ onLog: (line) => console.log(line.text) });
 * restore(second, decodeImage(image));
 * second.run();
 * ```
 *
 * @module
 */

export * from "./src/errors.ts";

// ELF files
export { readElf } from "./src/elf/read.ts";
export { planLoad, type PlanLoadOptions } from "./src/elf/validate.ts";
export { describeElf } from "./src/elf/describe.ts";
export type { ElfFile, ElfSegment, ElfSymbol, LoadPlan, LoadSegment } from "./src/elf/types.ts";

// The machine, its parent and children
export {
  type ChildOptions,
  DEFAULT_CHILD_RAM,
  DEFAULT_SYSTEM_RAM,
  type RunOptions,
  System,
  type SystemOptions,
} from "./src/system.ts";
export {
  Child,
  type ChildStatus,
  PARENT_CAP_INDEX,
  type ServiceName,
  type SessionRecord,
} from "./src/parent/child.ts";
export { INITIAL_THREAD_NAME } from "./src/parent/loader.ts";
export type { AnnouncedService, ChildEnvironment, ParentCapability } from "./src/parent/child.ts";
export type { ChildCpu, ChildThread } from "./src/parent/cpu.ts";
export type { ChildPd, ChildRegionMap } from "./src/parent/pd.ts";
export type { ChildLog, ChildRom, ChildTimer } from "./src/parent/sessions.ts";

// Objects of the kernel and of core, as the parent reaches them
export type { LogLine, LogSession } from "./src/core/log_session.ts";
export type { Attachment, AttachOptions, RegionMap } from "./src/core/region_map.ts";
export { Dataspace, ManagedDataspace, RamDataspace, RomDataspace } from "./src/core/dataspace.ts";
export type { CpuSession, CpuThread, ThreadRegisters } from "./src/core/cpu_session.ts";
export type { PdSession } from "./src/core/pd_session.ts";
export type { RomRegistry } from "./src/core/rom.ts";
export type { TimerSession, TimerState } from "./src/core/timer_session.ts";
export type { Kernel, RunStop, Schedule, Timeout } from "./src/kernel/kernel.ts";
export type { Blocking, Thread, ThreadFault, ThreadState } from "./src/kernel/thread.ts";
export type { KernelObject } from "./src/kernel/object.ts";
export type { NativeObject } from "./src/kernel/native.ts";
export type { Reply, Request } from "./src/kernel/message.ts";
export type { Endpoint, RpcObject } from "./src/kernel/endpoint.ts";
export type { SignalContext, SignalReceiver } from "./src/kernel/signal.ts";
export type { ProtectionDomain } from "./src/kernel/protection_domain.ts";
export type { CapabilitySpace } from "./src/kernel/capability_space.ts";
export type { RangeListener } from "./src/core/region_map.ts";
export type { Hart } from "./src/rv32/hart.ts";
export type { MappedPage, Memory } from "./src/rv32/memory.ts";
export { Status, Syscall } from "./src/kernel/message.ts";
export { USER_END, USER_START } from "./src/kernel/protection_domain.ts";
export { Cause, causeName } from "./src/rv32/cause.ts";

// Checkpoint and restore
export {
  type Checkpoint,
  checkpoint,
  type CheckpointOptions,
  classifyThread,
  DEFAULT_POSTPONE_LIMIT,
} from "./src/checkpoint/checkpoint.ts";
export { restore, type RestoreOptions } from "./src/checkpoint/restore.ts";
export { describeManifest } from "./src/checkpoint/describe.ts";
export {
  type AttachmentRecord,
  type Disposition,
  type Manifest,
  MANIFEST_VERSION,
  type ModuleRecord,
  type ObjectRecord,
  type ThreadRecord,
  validateManifest,
} from "./src/checkpoint/manifest.ts";

// Images
export {
  decodeImage,
  encodeImage,
  IMAGE_VERSION,
  type ImageContents,
  readImageFile,
  writeImageFile,
  type WriteSteps,
} from "./src/image/format.ts";
