import assert from "node:assert/strict";
import { join } from "node:path";
import { crspec, lines } from "./_cli.ts";
import { addi, ECALL, exitWith, lw, Reg, SPIN, tinyElf } from "./_tiny_elf.ts";

/** Writes `bytes` as `name` into a fresh temporary folder and returns the path. */
function writeTemporary(name: string, bytes: Uint8Array): string {
  const path = join(Deno.makeTempDirSync({ prefix: "crspec-cli-" }), name);
  Deno.writeFileSync(path, bytes);
  return path;
}

Deno.test("run hello prints its line", async () => {
  const result = await crspec("run", "examples/children/hello.elf");
  assert.equal(result.code, 0);
  assert.deepEqual(lines(result.stdout), ["[hello -> hello] hello from crspec"]);
  assert.equal(result.stderr, "");
});

Deno.test("run counter prints every step", async () => {
  const result = await crspec("run", "examples/children/counter.elf");
  const output = lines(result.stdout);
  assert.equal(result.code, 0);
  assert.equal(output.length, 21);
  assert.equal(
    output[0],
    "[counter -> counter] step 1: counter=101 checksum=a036303b buffer=e",
  );
  assert.equal(output[20], "[counter -> counter] done");
  assert.equal(result.stderr, "");
});

Deno.test("run reports a fault", async () => {
  const path = writeTemporary("nullread.elf", tinyElf([addi(Reg.a0, 0, 1), lw(Reg.a0, 0, 0)]));
  const result = await crspec("run", path);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.equal(
    result.stderr,
    "crspec: child nullread faulted: thread main, load page fault at 0x00000000 " +
      "(ip 0x00010004)\n",
  );
});

Deno.test("run reports a non-zero exit code", async () => {
  const path = writeTemporary("seven.elf", tinyElf(exitWith(7)));
  const result = await crspec("run", path);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, "crspec: child seven exited with code 7\n");
});

Deno.test("run reports a stuck child", async () => {
  const path = writeTemporary("stuck.elf", tinyElf([addi(Reg.a7, 0, 5), ECALL]));
  const result = await crspec("run", path);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^crspec: child stuck is stuck at virtual time \d+: no thread can run/,
  );
  assert.equal(lines(result.stderr).length, 1);
});

Deno.test("run stops at --max-ticks", async () => {
  const path = writeTemporary("spin.elf", tinyElf([SPIN]));
  const result = await crspec("run", path, "--max-ticks", "100_000");
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    "crspec: child spin is still running at virtual time 100000, after the limit of " +
      "--max-ticks 100000 instructions; raise --max-ticks\n",
  );
});

Deno.test("run counter hits a small --max-ticks", async () => {
  const result = await crspec("run", "examples/children/counter.elf", "--max-ticks", "50000");
  assert.equal(result.code, 1);
  assert.ok(lines(result.stdout).length < 21);
  assert.match(result.stderr, /still running at virtual time 50000/);
});

Deno.test("run rejects a missing file", async () => {
  const result = await crspec("run", "examples/children/missing.elf");
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.equal(
    result.stderr,
    "crspec: cannot read ELF file examples/children/missing.elf: not found\n",
  );
});

Deno.test("run rejects an x86-64 executable", async () => {
  const result = await crspec("run", "/bin/ls");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^crspec: invalid executable: .*x86-64/);
  assert.equal(lines(result.stderr).length, 1);
});
