/**
 * Unit tests of planLoad: real binaries, edge cases of each rule, and damaged input.
 *
 * The binaries under data/ and their build commands are described in read_test.ts.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  CrspecError,
  describeElf,
  InvalidExecutableError,
  MissingDynamicLinkerError,
  planLoad,
  readElf,
} from "../../mod.ts";
import { buildElf, DEFAULT_CODE, type ElfSpec } from "./fixtures.ts";

const DATA = new URL("./data/", import.meta.url);

/** Reads and plans `bytes`, returning the error raised, or failing when none is. */
function planError(bytes: Uint8Array, dynamicLinker = false): unknown {
  try {
    planLoad(readElf(bytes), bytes, { dynamicLinker });
  } catch (error) {
    return error;
  }
  assert.fail("expected an error, but planLoad returned");
}

/** Asserts that building `spec` gives an InvalidExecutableError of `rule`; returns it. */
function expectRule(spec: ElfSpec, rule: string): InvalidExecutableError {
  const error = planError(buildElf(spec));
  assert.ok(error instanceof InvalidExecutableError, `not an InvalidExecutableError: ${error}`);
  assert.equal(error.rule, rule);
  return error;
}

/** Plans `bytes` with a dynamic linker when `dynamicLinker` is true. */
function plan(bytes: Uint8Array, dynamicLinker = false) {
  return planLoad(readElf(bytes), bytes, { dynamicLinker });
}

Deno.test("planLoad: tiny.elf", async () => {
  const result = plan(await Deno.readFile(new URL("tiny.elf", DATA)));

  assert.equal(result.entry, 0x10000);
  assert.deepEqual(result.segments, [
    {
      index: 0,
      action: "attach",
      vaddr: 0x10000,
      memsz: 0x18,
      filesz: 0x18,
      offset: 0x1000,
      writable: false,
      executable: true,
    },
    {
      index: 1,
      action: "copy",
      vaddr: 0x11000,
      memsz: 0x44,
      filesz: 4,
      offset: 0x2000,
      writable: true,
      executable: false,
    },
  ]);
});

Deno.test("planLoad: default-linked tiny starts below the user range", async () => {
  // With -Ttext=0x10000 alone, ld puts the ELF headers into the text segment at 0xf000.
  const error = planError(await Deno.readFile(new URL("tiny_default.elf", DATA)));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "address-range");
  assert.match(error.message, /0xf000/);
});

Deno.test("planLoad: /bin/ls is rejected for its class", async () => {
  const error = planError(await Deno.readFile("/bin/ls"));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "class");
  assert.equal(error.value, "64-bit");
  assert.match(error.message, /x86-64 \(62\)/);
});

Deno.test("planLoad: default fixture", () => {
  const result = plan(buildElf());

  assert.equal(result.entry, 0x10000);
  assert.deepEqual(result.segments.map((segment) => segment.action), ["attach", "copy"]);
});

Deno.test("planLoad: magic checked on the bytes", () => {
  const bytes = buildElf();
  const file = readElf(bytes);
  const damaged = bytes.slice();
  damaged[1] = 0x46;

  assert.throws(() => planLoad(file, damaged), { name: "InvalidExecutableError", rule: "magic" });
  assert.throws(() => planLoad(file, new Uint8Array(0)), { rule: "magic", value: "empty" });
});

Deno.test("planLoad: DYN with an entry loads", () => {
  assert.equal(plan(buildElf({ type: 3 })).entry, 0x10000);
});

Deno.test("planLoad: DYN without an entry is a library", () => {
  const error = expectRule({ type: 3, entry: 0 }, "type");
  assert.equal(error.value, "DYN (3)");
});

Deno.test("planLoad: REL and CORE are rejected", () => {
  assert.equal(expectRule({ type: 1 }, "type").value, "REL (1)");
  assert.equal(expectRule({ type: 4 }, "type").value, "CORE (4)");
});

Deno.test("planLoad: no PT_LOAD", () => {
  const segments = [{ type: 4, vaddr: 0, data: new Uint8Array(8) }];
  expectRule({ segments }, "no-load-segment");
  expectRule({ segments: [] }, "no-load-segment");
});

Deno.test("planLoad: entry outside executable segments", () => {
  assert.equal(expectRule({ entry: 0x11000 }, "entry").value, "0x11000");
  assert.equal(expectRule({ entry: 0x20000 }, "entry").value, "0x20000");
  assert.equal(expectRule({ entry: 0x10008 }, "entry").value, "0x10008");
});

Deno.test("planLoad: entry at last code byte", () => {
  assert.equal(plan(buildElf({ entry: 0x10007 })).entry, 0x10007);
});

Deno.test("planLoad: address range without 32-bit wrap", () => {
  // 0xfffff000 + 0x2000 wraps to 0x1000 in 32-bit arithmetic.
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0xfffff000, memsz: 0x2000, flags: 6 },
  ];
  const error = expectRule({ segments }, "address-range");
  assert.equal(error.value, "0xfffff000-0x100001000");
});

Deno.test("planLoad: address range edges", () => {
  const lastPage = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0xbfff_f000, memsz: 0x1000, flags: 6 },
  ];
  assert.equal(plan(buildElf({ segments: lastPage })).segments.length, 2);

  const pastEnd = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0xbfff_f000, memsz: 0x1001, flags: 6 },
  ];
  expectRule({ segments: pastEnd }, "address-range");
});

Deno.test("planLoad: overlap only in memory", () => {
  const touching = [
    { vaddr: 0x10000, data: DEFAULT_CODE, memsz: 0x1000, flags: 5 },
    { vaddr: 0x11000, memsz: 0x10, flags: 6 },
  ];
  assert.equal(plan(buildElf({ segments: touching })).segments.length, 2);

  const overlapping = [
    { vaddr: 0x10000, data: DEFAULT_CODE, memsz: 0x1001, flags: 5 },
    { vaddr: 0x11000, memsz: 0x10, flags: 6 },
  ];
  assert.equal(expectRule({ segments: overlapping }, "segment-overlap").value, "0x11000-0x11001");
});

Deno.test("planLoad: empty PT_LOAD overlaps nothing", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { vaddr: 0x10000, memsz: 0, flags: 6 },
  ];
  assert.equal(plan(buildElf({ segments })).segments.length, 2);
});

Deno.test("planLoad: filesz > memsz allowed outside PT_LOAD", () => {
  const segments = [
    { type: 0x70000003, vaddr: 0, data: new Uint8Array(0x28), memsz: 0, align: 1 },
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
  ];
  assert.equal(plan(buildElf({ segments })).segments.length, 1);
});

Deno.test("planLoad: bounds checked for every segment type", () => {
  const segments = [
    { type: 4, vaddr: 0, data: new Uint8Array(4), filesz: 0x10000, align: 4 },
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
  ];
  expectRule({ segments }, "segment-bounds");
});

Deno.test("planLoad: writable and executable segment is copied", () => {
  const segments = [{ vaddr: 0x10000, data: DEFAULT_CODE, flags: 7 }];
  const [only] = plan(buildElf({ segments })).segments;

  assert.equal(only?.action, "copy");
  assert.equal(only?.executable, true);
  assert.equal(only?.writable, true);
});

Deno.test("planLoad: dynamic image with a linker", () => {
  const bytes = buildElf({ interpreter: "/lib/ld.so" });

  assert.ok(planError(bytes) instanceof MissingDynamicLinkerError);
  assert.equal(plan(bytes, true).segments.length, 2);
});

Deno.test("planLoad: static PIE needs no linker", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { type: 2, vaddr: 0x11000, data: new Uint8Array(16), flags: 6, align: 4 },
  ];
  const file = readElf(buildElf({ type: 3, segments }));

  assert.equal(file.dynamic, true);
  assert.equal(planLoad(file, buildElf({ type: 3, segments })).entry, 0x10000);
});

Deno.test("planLoad: structural rules come before the linker", () => {
  const error = planError(buildElf({ interpreter: "/lib/ld.so", machine: 62 }));

  assert.ok(error instanceof InvalidExecutableError);
  assert.equal(error.rule, "machine");
});

Deno.test("planLoad: damaged fixtures give typed errors", () => {
  const original = buildElf({ symbols: [{ name: "_start", value: 0x10000, size: 8 }] });
  const flip = fc.record({
    // Most damage lands in the headers and tables, where it changes what is parsed.
    offset: fc.oneof(
      fc.integer({ min: 0, max: 52 + 64 }),
      fc.integer({ min: 0, max: original.length - 1 }),
    ),
    value: fc.integer({ min: 0, max: 255 }),
  });

  fc.assert(
    fc.property(fc.array(flip, { minLength: 1, maxLength: 6 }), (flips) => {
      const bytes = original.slice();
      for (const { offset, value } of flips) bytes[offset] = value;

      try {
        const file = readElf(bytes);
        let result;
        try {
          result = planLoad(file, bytes);
        } catch (error) {
          assert.ok(error instanceof CrspecError, String(error));
          result = error;
        }
        assert.ok(describeElf(file, result).length > 4);
      } catch (error) {
        assert.ok(error instanceof CrspecError, String(error));
      }
    }),
    { numRuns: 3000 },
  );
});
