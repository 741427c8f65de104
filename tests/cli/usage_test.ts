import assert from "node:assert/strict";
import { join } from "node:path";
import { crspec, lines, ROOT } from "./_cli.ts";

Deno.test("usage rejects an unknown command", async () => {
  const result = await crspec("launch", "examples/children/hello.elf");
  assert.equal(result.code, 2);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^error: unknown command 'launch'/);
});

Deno.test("usage rejects an unknown option", async () => {
  const result = await crspec("run", "--fast", "examples/children/hello.elf");
  assert.equal(result.code, 2);
  assert.equal(result.stderr, "error: unknown option '--fast'\n");
});

Deno.test("usage rejects a missing argument", async () => {
  const result = await crspec("run");
  assert.equal(result.code, 2);
  assert.equal(result.stderr, "error: missing required argument 'elf'\n");
});

Deno.test("usage rejects a non-integer --at", async () => {
  const result = await crspec(
    "checkpoint",
    "examples/children/counter.elf",
    "--at",
    "1.5",
    "-o",
    "x.img",
  );
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: option '--at <n>' argument '1\.5' is invalid/);
  assert.equal(lines(result.stderr).length, 1);
});

Deno.test("usage rejects a zero --max-ticks", async () => {
  const result = await crspec("run", "examples/children/hello.elf", "--max-ticks", "0");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: option '--max-ticks <n>' argument '0' is invalid/);
});

Deno.test("usage requires --at and -o", async () => {
  const result = await crspec("checkpoint", "examples/children/counter.elf", "-o", "x.img");
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: required option '--at <n>' not specified/);
});

Deno.test("usage without a command exits 2", async () => {
  const result = await crspec();
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^Usage: crspec/);
});

Deno.test("help lists the commands", async () => {
  const result = await crspec("--help");
  assert.equal(result.code, 0);
  for (const command of ["run", "elf", "checkpoint", "restore", "show"]) {
    assert.match(result.stdout, new RegExp(`^  ${command} `, "m"));
  }
});

Deno.test("help of run names the unit", async () => {
  const result = await crspec("run", "--help");
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^Usage: crspec run \[options\] <elf>/);
  assert.match(result.stdout, /--max-ticks <n> +.*instructions/);
});

Deno.test("help works on every command", async () => {
  for (const command of ["elf", "checkpoint", "restore", "show"]) {
    const result = await crspec(command, "--help");
    assert.equal(result.code, 0, command);
    assert.match(result.stdout, new RegExp(`^Usage: crspec ${command} `), command);
  }
});

Deno.test("version prints the package version", async () => {
  const config = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json")));
  const result = await crspec("--version");
  assert.equal(result.code, 0);
  assert.equal(result.stdout, `${config.version}\n`);
});
