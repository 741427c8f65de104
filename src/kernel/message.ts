/**
 * IPC messages: the 284-byte layout in a child's memory and its decoded form.
 *
 * @module
 */

import type { KernelObject } from "./object.ts";

/** Bytes of a message in memory. */
export const MESSAGE_SIZE = 284;
/** Maximum bytes of a message's data field. */
export const MESSAGE_DATA_MAX = 256;
/** Offset of the data field. */
const DATA_OFFSET = 28;

/** System call numbers, passed in a7. */
export const Syscall = {
  CALL: 1,
  REPLY_AND_WAIT: 2,
  WAIT: 3,
  SIGNAL_WAIT: 4,
  THREAD_EXIT: 5,
  YIELD: 6,
} as const;

/** Status codes returned in a0 by a system call. */
export const Status = {
  OK: 0,
  INVALID_CAPABILITY: 1,
  INVALID_MESSAGE: 2,
  NO_REPLY_PENDING: 3,
  INVALID_SYSCALL: 4,
  ABORTED: 5,
} as const;

/** Result codes in the `op` field of a reply. */
export const Result = {
  OK: 0,
  INVALID_CAPABILITY: 1,
  INVALID_ARGUMENT: 2,
  OUT_OF_RAM: 3,
  OUT_OF_CAPS: 4,
  REGION_CONFLICT: 5,
  INVALID_OPERATION: 6,
  INVALID_STATE: 7,
  SERVICE_DENIED: 8,
} as const;

/** A request as a server sees it: the capability already translated to an object. */
export interface Request {
  /** Operation number. */
  readonly op: number;
  /** The transferred object, if any. */
  readonly cap: KernelObject | undefined;
  /** The four argument words, as unsigned 32-bit numbers. */
  readonly words: readonly number[];
  /** The data bytes. */
  readonly data: Uint8Array;
}

/** A successful reply of a server. Failures are thrown as CrspecError. */
export interface Reply {
  /** Object to transfer to the caller. */
  cap?: KernelObject;
  /** Result words; missing words are zero. */
  words?: readonly number[];
  /** Result bytes. */
  data?: Uint8Array;
}

/** Raw message fields as they sit in memory, capability still as an index. */
export interface RawMessage {
  /** Operation number or result code. */
  op: number;
  /** Capability index, 0 for none. */
  cap: number;
  /** Four words. */
  words: number[];
  /** Data bytes, at most MESSAGE_DATA_MAX. */
  data: Uint8Array;
}

/** Decodes a message from its in-memory bytes; returns undefined when `len` is too large. */
export function decodeMessage(bytes: Uint8Array): RawMessage | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, MESSAGE_SIZE);
  const length = view.getUint32(24, true);
  if (length > MESSAGE_DATA_MAX) return undefined;
  return {
    op: view.getUint32(0, true),
    cap: view.getUint32(4, true),
    words: [8, 12, 16, 20].map((offset) => view.getUint32(offset, true)),
    data: bytes.slice(DATA_OFFSET, DATA_OFFSET + length),
  };
}

/** Encodes `message` into a fresh MESSAGE_SIZE-byte buffer. */
export function encodeMessage(message: RawMessage): Uint8Array {
  const bytes = new Uint8Array(MESSAGE_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, message.op >>> 0, true);
  view.setUint32(4, message.cap >>> 0, true);
  for (let i = 0; i < 4; i++) view.setUint32(8 + 4 * i, (message.words[i] ?? 0) >>> 0, true);
  const length = Math.min(message.data.length, MESSAGE_DATA_MAX);
  view.setUint32(24, length, true);
  bytes.set(message.data.subarray(0, length), DATA_OFFSET);
  return bytes;
}
