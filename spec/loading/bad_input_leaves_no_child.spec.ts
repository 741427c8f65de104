// An ELF that breaks a loading rule is rejected with InvalidExecutableError naming the
// rule, and an ELF whose writable segments do not fit the RAM quota with
// OutOfRamQuotaError. Either way no child is left behind: the machine's list of children
// and its unassigned RAM are what they were before the attempt.

import assert from "node:assert/strict";
import { InvalidExecutableError, OutOfRamQuotaError, System } from "../../mod.ts";
import { buildElf, DEFAULT_CODE, type ElfSpec } from "../../tests/elf/fixtures.ts";
import { exampleBytes, examplePath } from "../_support.ts";

/** Starts `bytes` on a machine that already runs one child; returns the error and the state. */
function attempt(bytes: Uint8Array, ramQuota?: number) {
  const system = new System();
  system.loadModule(examplePath("hello"));
  system.startChild("hello.elf");
  system.addModule("bad.elf", bytes);
  const children = [...system.children];
  const ramAvailable = system.ramAvailable;

  let error: unknown;
  try {
    system.startChild("bad.elf", ramQuota === undefined ? {} : { ramQuota });
  } catch (caught) {
    error = caught;
  }
  return { system, error, children, ramAvailable };
}

const invalid: Array<{ name: string; rule: string; spec: ElfSpec }> = [
  { name: "truncated file", rule: "truncated", spec: { truncateTo: 40 } },
  { name: "wrong class", rule: "class", spec: { bits: 64 } },
  { name: "wrong machine", rule: "machine", spec: { machine: 62 } },
  {
    name: "segment past end of file",
    rule: "segment-bounds",
    spec: { segments: [{ vaddr: 0x10000, data: DEFAULT_CODE, filesz: 0x2000, flags: 5 }] },
  },
  {
    name: "filesz larger than memsz",
    rule: "segment-size",
    spec: {
      segments: [
        { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
        { vaddr: 0x11000, data: new Uint8Array(16), memsz: 8, flags: 6 },
      ],
    },
  },
  {
    name: "overlapping segments",
    rule: "segment-overlap",
    spec: {
      segments: [
        { vaddr: 0x10000, data: DEFAULT_CODE, memsz: 0x2000, flags: 5 },
        { vaddr: 0x11000, data: new Uint8Array(4), flags: 6 },
      ],
    },
  },
  {
    name: "unaligned load segment",
    rule: "segment-alignment",
    spec: {
      segments: [
        { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
        { vaddr: 0x11018, data: new Uint8Array(4), flags: 6 },
      ],
    },
  },
  { name: "zero entry", rule: "entry", spec: { entry: 0 } },
];

for (const { name, rule, spec } of invalid) {
  Deno.test(`bad input: ${name}`, () => {
    const { system, error, children, ramAvailable } = attempt(buildElf(spec));

    assert.ok(
      error instanceof InvalidExecutableError,
      `expected InvalidExecutableError, got ${error}`,
    );
    assert.equal(error.rule, rule);
    assert.deepEqual(system.children, children);
    assert.equal(system.ramAvailable, ramAvailable);
  });
}

Deno.test("bad input: bss beyond the RAM quota", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x11000, data: new Uint8Array(4), memsz: 0x20_0000, flags: 6 },
  ];
  const { system, error, children, ramAvailable } = attempt(buildElf({ segments }), 0x10_0000);

  assert.ok(error instanceof OutOfRamQuotaError, `expected OutOfRamQuotaError, got ${error}`);
  assert.equal(error.requested, 0x20_0000);
  assert.deepEqual(system.children, children);
  assert.equal(system.ramAvailable, ramAvailable);
});

Deno.test("bad input: example child beyond the RAM quota", () => {
  const { system, error, children, ramAvailable } = attempt(exampleBytes("counter"), 0x1000);

  assert.ok(error instanceof OutOfRamQuotaError, `expected OutOfRamQuotaError, got ${error}`);
  assert.deepEqual(system.children, children);
  assert.equal(system.ramAvailable, ramAvailable);
});

Deno.test("bad input: machine usable afterwards", () => {
  const { system } = attempt(buildElf({ machine: 62 }));
  system.loadModule(examplePath("counter"));
  const child = system.startChild("counter.elf");
  system.run({ stop: () => child.ended });

  assert.equal(system.children.length, 2);
  assert.deepEqual(child.status, { kind: "exited", code: 0 });
});
