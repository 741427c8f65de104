// A dynamically linked image (PT_INTERP and PT_DYNAMIC) names an interpreter that must
// link it at start. Without a dynamic-linker capability it is rejected with a
// MissingDynamicLinkerError naming the interpreter. With the capability, it loads like a
// static image. A static position-independent image has PT_DYNAMIC but no PT_INTERP, and
// needs no linker.

import assert from "node:assert/strict";
import { MissingDynamicLinkerError, planLoad, readElf } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";

Deno.test("dynamic image: without a linker", () => {
  const bytes = buildElf({ interpreter: "/lib/ld-crspec.so.1" });
  const file = readElf(bytes);

  assert.throws(() => planLoad(file, bytes), MissingDynamicLinkerError);
  assert.throws(() => planLoad(file, bytes), { code: "missing-dynamic-linker" });
  assert.throws(() => planLoad(file, bytes), /"\/lib\/ld-crspec.so.1"/);
});

Deno.test("dynamic image: with a linker", () => {
  const bytes = buildElf({ interpreter: "/lib/ld-crspec.so.1" });
  const plan = planLoad(readElf(bytes), bytes, { dynamicLinker: true });

  assert.equal(plan.entry, 0x10000);
  assert.equal(plan.segments.length, 2);
});

Deno.test("dynamic image: static PIE needs no linker", () => {
  const segments = [
    { vaddr: 0x10000, data: DEFAULT_CODE, flags: 5 },
    { type: 2, vaddr: 0x11000, data: new Uint8Array(16), flags: 6, align: 4 },
  ];
  const bytes = buildElf({ type: 3, segments });

  assert.equal(planLoad(readElf(bytes), bytes).entry, 0x10000);
});
