/**
 * Unit tests of describeElf.
 *
 * @module
 */

import assert from "node:assert/strict";
import { describeElf, InvalidExecutableError, planLoad, readElf } from "../../mod.ts";
import { buildElf } from "./fixtures.ts";

Deno.test("describeElf: loadable fixture", () => {
  const bytes = buildElf({ symbols: [{ name: "_start", value: 0x10000 }] });
  const file = readElf(bytes);
  const lines = describeElf(file, planLoad(file, bytes));

  assert.deepEqual(lines, [
    "class: ELF32, little-endian",
    "machine: RISC-V (243)",
    "type: EXEC (2)",
    "entry: 0x10000",
    "segment 0: PT_LOAD vaddr 0x10000 memsz 0x8 filesz 0x8 offset 0x1000 flags R-X: " +
    "attach read-only from the ELF dataspace, executable",
    "segment 1: PT_LOAD vaddr 0x11000 memsz 0x40 filesz 0x4 offset 0x2000 flags RW-: " +
    "copy 0x4 bytes into fresh RAM, zero 0x3c bytes of bss",
    "symbols: 1",
    "loadable, entry 0x10000",
  ]);
});

Deno.test("describeElf: interpreter and ignored segments", () => {
  const bytes = buildElf({ interpreter: "/lib/ld.so" });
  const file = readElf(bytes);
  const lines = describeElf(file, planLoad(file, bytes, { dynamicLinker: true }));

  assert.ok(lines.includes("interpreter: /lib/ld.so"));
  assert.match(lines.find((line) => line.includes("PT_INTERP")) ?? "", /ignored \(not PT_LOAD\)$/);
  assert.match(lines.find((line) => line.includes("PT_DYNAMIC")) ?? "", /ignored \(not PT_LOAD\)$/);
});

Deno.test("describeElf: error as last line", async () => {
  const bytes = await Deno.readFile("/bin/ls");
  const file = readElf(bytes);
  const error = new InvalidExecutableError("class", "64-bit", "a 64-bit file");
  const lines = describeElf(file, error);

  assert.equal(lines[0], "class: ELF64, little-endian");
  assert.equal(lines[1], "machine: x86-64 (62)");
  assert.equal(lines.at(-1), error.message);
});

Deno.test("describeElf: copy without bss", () => {
  const bytes = buildElf({
    segments: [{ vaddr: 0x10000, data: new Uint8Array(16), flags: 7 }],
  });
  const file = readElf(bytes);
  const lines = describeElf(file, planLoad(file, bytes));

  assert.match(lines[4] ?? "", /flags RWX: copy 0x10 bytes into fresh RAM, executable$/);
});
