import assert from "node:assert/strict";
import { join } from "node:path";
import { crspec, lines, ROOT } from "./_cli.ts";

Deno.test("elf describes a loadable child", async () => {
  const result = await crspec("elf", "examples/children/counter.elf");
  const output = lines(result.stdout);
  assert.equal(result.code, 0);
  assert.equal(output[0], "class: ELF32, little-endian");
  assert.equal(output[1], "machine: RISC-V (243)");
  assert.match(output.at(-1) ?? "", /^loadable, entry 0x/);
  assert.equal(result.stderr, "");
});

Deno.test("elf rejects an x86-64 executable", async () => {
  const result = await crspec("elf", "/bin/ls");
  const output = lines(result.stdout);
  assert.equal(result.code, 1);
  assert.equal(output[0], "class: ELF64, little-endian");
  assert.match(output[1] ?? "", /x86-64/);
  assert.match(output.at(-1) ?? "", /^invalid executable: .*x86-64/);
  assert.equal(result.stderr, "");
});

Deno.test("elf rejects a missing file", async () => {
  const result = await crspec("elf", "no/such/file.elf");
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.equal(result.stderr, "crspec: cannot read ELF file no/such/file.elf: not found\n");
});

Deno.test("elf rejects a truncated file", async () => {
  const bytes = Deno.readFileSync(join(ROOT, "examples/children/counter.elf")).subarray(0, 30);
  const path = join(Deno.makeTempDirSync({ prefix: "crspec-cli-" }), "truncated.elf");
  Deno.writeFileSync(path, bytes);

  const result = await crspec("elf", path);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^crspec: invalid executable: .*30 bytes/);
  assert.equal(lines(result.stderr).length, 1);
  assert.doesNotMatch(result.stderr, /\bat .*\.ts:\d+/);
});
