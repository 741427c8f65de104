// A capability index that names nothing in the caller's capability space (index 0, or an
// index never installed), or that names an object of the wrong kind for the system call,
// makes the call complete with status INVALID_CAPABILITY. The child is not faulted and
// keeps running. A capability transferred in a message is checked the same way: the
// server's reply carries result code INVALID_CAPABILITY. An image whose manifest installs
// a capability naming an object that is not there is rejected with CorruptImageError.

import assert from "node:assert/strict";
import {
  checkpoint,
  CorruptImageError,
  type Manifest,
  restore,
  Status,
  Syscall,
  System,
} from "../../mod.ts";
import { buildElf } from "../../tests/elf/fixtures.ts";
import { runUntilLines, startExample } from "../_support.ts";

/** Address of the message buffer in the test child's data segment. */
const MESSAGE = 0x11100;
/** Result code INVALID_CAPABILITY in the `op` field of a reply. */
const RESULT_INVALID_CAPABILITY = 1;

/** Encodes `addi rd, rs1, imm`. */
function addi(rd: number, rs1: number, imm: number): number {
  return ((imm & 0xfff) << 20) | (rs1 << 15) | (rd << 7) | 0x13;
}

/** Encodes `lui rd, upper`, where `upper` is the value of bits 31..12. */
function lui(rd: number, upper: number): number {
  return (upper << 12) | (rd << 7) | 0x37;
}

/** Encodes `sw rs2, imm(rs1)`. */
function sw(rs2: number, rs1: number, imm: number): number {
  return ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (0b010 << 12) | ((imm & 0x1f) << 7) |
    0x23;
}

/** Address of the endless loop after the `ecall`: the ip once the system call completed. */
const LOOP_ADDRESS = 0x10000 + 8 * 4;
const ECALL = 0x73;
const LOOP = 0x6f; // jal x0, 0: an endless loop
const T0 = 5, A0 = 10, A1 = 11, A7 = 17, T1 = 6;

/**
 * Builds a child that stores `transferred` into the `cap` field of its message, issues
 * system call `syscall` with a0 = `index` and a1 = the message, then loops.
 */
function syscallChild(syscall: number, index: number, transferred = 0): Uint8Array {
  const words = [
    lui(T0, MESSAGE >> 12),
    addi(T0, T0, MESSAGE & 0xfff),
    addi(T1, 0, transferred),
    sw(T1, T0, 4),
    addi(A0, 0, index),
    addi(A1, T0, 0),
    addi(A7, 0, syscall),
    ECALL,
    LOOP,
  ];
  const code = new Uint8Array(new Uint32Array(words).buffer);
  const segments = [
    { vaddr: 0x10000, data: code, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(4), memsz: 0x1000, flags: 6 },
  ];
  return buildElf({ segments });
}

/** Runs the child of `bytes` briefly; returns it and the status its system call left in a0. */
function runChild(bytes: Uint8Array) {
  const system = new System();
  system.addModule("caps.elf", bytes);
  const child = system.startChild("caps.elf");
  system.run({ ticks: 1000 });
  const state = child.threads[0]!.core.state();
  return { child, status: state.x[A0], ip: state.ip };
}

const rejected: Array<{ name: string; syscall: number; index: number }> = [
  { name: "call on index 0", syscall: Syscall.CALL, index: 0 },
  { name: "call on an unused index", syscall: Syscall.CALL, index: 2 },
  { name: "call on a large index", syscall: Syscall.CALL, index: 2000 },
  { name: "wait on the parent", syscall: Syscall.WAIT, index: 1 },
  { name: "reply_and_wait on index 0", syscall: Syscall.REPLY_AND_WAIT, index: 0 },
  { name: "signal_wait on the parent", syscall: Syscall.SIGNAL_WAIT, index: 1 },
  { name: "signal_wait on an unused index", syscall: Syscall.SIGNAL_WAIT, index: 7 },
];

for (const { name, syscall, index } of rejected) {
  Deno.test(`invalid index: ${name}`, () => {
    const { child, status, ip } = runChild(syscallChild(syscall, index));

    assert.equal(ip, LOOP_ADDRESS);
    assert.equal(status, Status.INVALID_CAPABILITY);
    assert.deepEqual(child.status, { kind: "running" });
  });
}

Deno.test("invalid index: call on the parent succeeds", () => {
  // op 0 is no operation of the parent, so the reply carries an error, but the call completes.
  const { status, ip } = runChild(syscallChild(Syscall.CALL, 1));

  assert.equal(ip, LOOP_ADDRESS);
  assert.equal(status, Status.OK);
});

Deno.test("invalid index: transferred capability", () => {
  const { child, status } = runChild(syscallChild(Syscall.CALL, 1, 9));

  assert.equal(status, Status.OK);
  assert.equal(child.readWord(MESSAGE), RESULT_INVALID_CAPABILITY);
  assert.deepEqual(child.status, { kind: "running" });
});

/** Returns the manifest of a counter checkpoint, changed by `edit`, with its dataspaces. */
function editedCheckpoint(edit: (manifest: Manifest) => Manifest) {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 3);
  const recorded = checkpoint(system, child);
  return { manifest: edit(recorded.manifest), dataspaces: recorded.contents.dataspaces };
}

/** Restores `contents` into a fresh machine; returns the error and whether anything was created. */
function attemptRestore(contents: ReturnType<typeof editedCheckpoint>) {
  const system = new System();
  const ramAvailable = system.ramAvailable;
  let error: unknown;
  try {
    restore(system, contents);
  } catch (caught) {
    error = caught;
  }
  return {
    error,
    children: system.children.length,
    ramUnchanged: system.ramAvailable === ramAvailable,
  };
}

Deno.test("invalid index: manifest names a missing object", () => {
  const contents = editedCheckpoint((manifest) => ({
    ...manifest,
    capabilities: [...manifest.capabilities, { index: 9, object: manifest.objects.length + 5 }],
  }));
  const { error, children, ramUnchanged } = attemptRestore(contents);

  assert.ok(error instanceof CorruptImageError, `expected CorruptImageError, got ${error}`);
  assert.match(error.message, /capability 9/);
  assert.equal(children, 0);
  assert.ok(ramUnchanged);
});

Deno.test("invalid index: manifest installs index 0", () => {
  const contents = editedCheckpoint((manifest) => ({
    ...manifest,
    capabilities: [
      { index: 0, object: manifest.capabilities[0]!.object },
      ...manifest.capabilities,
    ],
  }));
  const { error, children, ramUnchanged } = attemptRestore(contents);

  assert.ok(error instanceof CorruptImageError, `expected CorruptImageError, got ${error}`);
  assert.equal(children, 0);
  assert.ok(ramUnchanged);
});
