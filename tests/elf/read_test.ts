/**
 * Unit tests of readElf on real binaries, on fixtures and on damaged input.
 *
 * The RV32 binaries under data/ are built from data/tiny.S with the Debian
 * gcc-riscv64-unknown-elf toolchain:
 *
 *   riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -nostdlib -static -Wl,-T,tiny.ld \
 *     -o tiny.elf tiny.S
 *   riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -nostdlib -static -Wl,-Ttext=0x10000 \
 *     -o tiny_default.elf tiny.S
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { CrspecError, InvalidExecutableError, readElf } from "../../mod.ts";
import { buildElf } from "./fixtures.ts";

const DATA = new URL("./data/", import.meta.url);

/** Returns the error that `run` throws, failing the test when it returns. */
function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error, but the call returned");
}

/** Asserts that `run` throws an InvalidExecutableError of `rule` and returns it. */
function expectRule(run: () => unknown, rule: string): InvalidExecutableError {
  const error = errorOf(run);
  assert.ok(error instanceof InvalidExecutableError, `not an InvalidExecutableError: ${error}`);
  assert.equal(error.rule, rule);
  return error;
}

/** Writes a 32-bit little-endian value into `bytes`. */
function patchU32(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(offset, value, true);
}

Deno.test("readElf: /bin/ls is a 64-bit x86-64 file", async () => {
  const file = readElf(await Deno.readFile("/bin/ls"));

  assert.equal(file.bits, 64);
  assert.equal(file.littleEndian, true);
  assert.equal(file.machine, 62);
  assert.equal(file.machineName, "x86-64");
  assert.ok(file.segments.some((segment) => segment.typeName === "PT_LOAD"));
  assert.ok(file.entry > 0);
});

Deno.test("readElf: tiny.elf header and segments", async () => {
  const file = readElf(await Deno.readFile(new URL("tiny.elf", DATA)));

  assert.equal(file.bits, 32);
  assert.equal(file.littleEndian, true);
  assert.equal(file.machine, 243);
  assert.equal(file.machineName, "RISC-V");
  assert.equal(file.typeName, "EXEC");
  assert.equal(file.entry, 0x10000);
  assert.equal(file.interpreter, undefined);
  assert.equal(file.dynamic, false);
  assert.equal(file.segments.length, 2);

  const [text, data] = file.segments;
  assert.deepEqual(
    text,
    {
      index: 0,
      type: 1,
      typeName: "PT_LOAD",
      offset: 0x1000,
      vaddr: 0x10000,
      filesz: 0x18,
      memsz: 0x18,
      flags: 5,
      align: 0x1000,
    },
  );
  assert.equal(data?.vaddr, 0x11000);
  assert.equal(data?.filesz, 4);
  assert.equal(data?.memsz, 0x44);
  assert.equal(data?.flags, 6);
});

Deno.test("readElf: tiny.elf symbols", async () => {
  const file = readElf(await Deno.readFile(new URL("tiny.elf", DATA)));
  const byName = new Map(file.symbols.map((symbol) => [symbol.name, symbol]));

  assert.equal(byName.get("_start")?.value, 0x10000);
  assert.equal(byName.get("counter")?.value, 0x11000);
  assert.equal(byName.get("scratch")?.value, 0x11004);
});

Deno.test("readElf: default-linked tiny keeps RISC-V attributes", async () => {
  const file = readElf(await Deno.readFile(new URL("tiny_default.elf", DATA)));

  // elfy has no name for p_type 0x70000003 and drops it.
  assert.equal(file.segments[0]?.type, 0x70000003);
  assert.equal(file.segments[0]?.typeName, "PT_RISCV_ATTRIBUTES");
});

Deno.test("readElf: fixture symbols in 32 and 64 bits", () => {
  const symbols = [{ name: "_start", value: 0x10000, size: 8 }, {
    name: "counter",
    value: 0x11000,
    size: 4,
  }];
  for (const bits of [32, 64] as const) {
    const file = readElf(buildElf({ bits, symbols }));
    assert.deepEqual(file.symbols, symbols, `${bits}-bit`);
  }
});

Deno.test("readElf: big-endian fixture", () => {
  const file = readElf(buildElf({ bigEndian: true, symbols: [{ name: "x", value: 0x12345678 }] }));

  assert.equal(file.littleEndian, false);
  assert.equal(file.machine, 243);
  assert.equal(file.entry, 0x10000);
  assert.equal(file.segments[1]?.memsz, 0x40);
  assert.equal(file.symbols[0]?.value, 0x12345678);
});

Deno.test("readElf: no section headers", () => {
  // elfy.parse() fails on such a file, because it looks up the section name table.
  const file = readElf(buildElf());

  assert.deepEqual(file.symbols, []);
  assert.equal(file.segments.length, 2);
});

Deno.test("readElf: unknown numbers are kept", () => {
  const bytes = buildElf({
    machine: 9999,
    type: 0xfe00,
    segments: [{ type: 0x6abcdef0, vaddr: 0x10000, data: new Uint8Array(4), flags: 0x80000007 }],
  });
  const file = readElf(bytes);

  assert.equal(file.machine, 9999);
  assert.equal(file.machineName, "9999");
  assert.equal(file.type, 0xfe00);
  assert.equal(file.typeName, "0xfe00");
  assert.equal(file.segments[0]?.type, 0x6abcdef0);
  assert.equal(file.segments[0]?.typeName, "0x6abcdef0");
  assert.equal(file.segments[0]?.flags, 0x80000007);
});

Deno.test("readElf: interpreter and dynamic", () => {
  const file = readElf(buildElf({ interpreter: "/lib/ld-crspec.so" }));

  assert.equal(file.interpreter, "/lib/ld-crspec.so");
  assert.equal(file.dynamic, true);
});

Deno.test("readElf: bad magic", () => {
  const error = expectRule(() => readElf(buildElf({ magic: [0x7f, 0x45, 0x4c, 0x47] })), "magic");
  assert.equal(error.value, "7f 45 4c 47");
});

Deno.test("readElf: invalid class and data bytes", () => {
  assert.equal(expectRule(() => readElf(buildElf({ classByte: 3 })), "class").value, "3");
  assert.equal(expectRule(() => readElf(buildElf({ dataByte: 0 })), "data").value, "0");
});

Deno.test("readElf: program header table past the end", () => {
  // Two program headers at offset 52 end at 0x74, but the file ends inside the second one.
  const error = expectRule(() => readElf(buildElf({ truncateTo: 52 + 40 })), "truncated");
  assert.equal(error.value, "0x74");
});

Deno.test("readElf: program header entries too small", () => {
  expectRule(() => readElf(buildElf({ phentsize: 16 })), "program-header-size");
});

Deno.test("readElf: section header table past the end", () => {
  const bytes = buildElf({ symbols: [{ name: "a", value: 1 }] });
  expectRule(() => readElf(bytes.slice(0, bytes.length - 1)), "truncated");
});

Deno.test("readElf: symtab link out of range", () => {
  const error = expectRule(
    () => readElf(buildElf({ symtabLink: 7, symbols: [{ name: "a", value: 1 }] })),
    "symtab",
  );
  assert.equal(error.value, "7");
});

Deno.test("readElf: symtab past the end", () => {
  const bytes = buildElf({ symbols: [{ name: "a", value: 1 }] });
  const shoff = new DataView(bytes.buffer).getUint32(32, true);
  patchU32(bytes, shoff + 40 + 20, 0x100000); // sh_size of section 1, .symtab

  expectRule(() => readElf(bytes), "symtab");
});

Deno.test("readElf: symbol name outside string table", () => {
  const bytes = buildElf({ symbols: [{ name: "a", value: 1 }] });
  const shoff = new DataView(bytes.buffer).getUint32(32, true);
  const symtabOffset = new DataView(bytes.buffer).getUint32(shoff + 40 + 16, true);
  patchU32(bytes, symtabOffset + 16, 0x7777); // st_name of symbol 1

  assert.equal(expectRule(() => readElf(bytes), "symtab").value, "0x7777");
});

Deno.test("readElf: every truncation of the headers", async () => {
  for (const name of ["tiny.elf", "tiny_default.elf"]) {
    const whole = await Deno.readFile(new URL(name, DATA));
    const tableEnd = 52 + 32 * (whole[44] ?? 0);

    for (let length = 0; length < tableEnd; length++) {
      const error = errorOf(() => readElf(whole.slice(0, length)));
      assert.ok(error instanceof InvalidExecutableError, `${name} cut to ${length}: ${error}`);
      assert.equal(error.rule, "truncated", `${name} cut to ${length}`);
    }
  }
});

Deno.test("readElf: every truncation of the file", async () => {
  const whole = await Deno.readFile(new URL("tiny.elf", DATA));

  for (let length = 0; length < whole.length; length++) {
    try {
      readElf(whole.slice(0, length));
    } catch (error) {
      assert.ok(error instanceof InvalidExecutableError, `cut to ${length}: ${error}`);
    }
  }
});

Deno.test("readElf: random bytes give typed errors", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
      try {
        readElf(bytes);
      } catch (error) {
        assert.ok(error instanceof InvalidExecutableError, String(error));
      }
    }),
    { numRuns: 2000 },
  );
});

Deno.test("readElf: random bytes after a valid identification", () => {
  const ident = fc.constantFrom(
    [0x7f, 0x45, 0x4c, 0x46, 1, 1, 1],
    [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1],
    [0x7f, 0x45, 0x4c, 0x46, 1, 2, 1],
    [0x7f, 0x45, 0x4c, 0x46, 2, 2, 1],
  );
  fc.assert(
    fc.property(ident, fc.uint8Array({ maxLength: 400 }), (head, rest) => {
      const bytes = new Uint8Array([...head, ...rest]);
      try {
        readElf(bytes);
      } catch (error) {
        assert.ok(error instanceof CrspecError, String(error));
      }
    }),
    { numRuns: 3000 },
  );
});
