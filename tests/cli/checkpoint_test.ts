import assert from "node:assert/strict";
import { join } from "node:path";
import { crspec, lines, ROOT } from "./_cli.ts";
import { addi, ECALL, lw, Reg, tinyElf } from "./_tiny_elf.ts";

const COUNTER = "examples/children/counter.elf";

function temporaryImagePath(): string {
  return join(Deno.makeTempDirSync({ prefix: "crspec-cli-" }), "counter.img");
}

Deno.test("checkpoint and restore equal run", async () => {
  const run = await crspec("run", COUNTER);
  assert.equal(run.code, 0);

  // Before the first instruction, before the LOG session is opened, between steps early and
  // late, and near the end.
  for (const at of [0, 1, 5_000, 20_000, 47_000, 90_000]) {
    const image = temporaryImagePath();
    const checkpointed = await crspec("checkpoint", COUNTER, "--at", String(at), "-o", image);
    assert.equal(checkpointed.code, 0, `checkpoint at ${at}: ${checkpointed.stderr}`);

    const restored = await crspec("restore", image);
    assert.equal(restored.code, 0, `restore at ${at}: ${restored.stderr}`);
    assert.equal(restored.stderr, "", `restore at ${at}`);
    assert.deepEqual(
      [...lines(checkpointed.stdout), ...lines(restored.stdout)],
      lines(run.stdout),
      `at ${at}`,
    );
  }
});

Deno.test("checkpoint prints a summary", async () => {
  const image = temporaryImagePath();
  const result = await crspec("checkpoint", COUNTER, "--at", "20000", "-o", image);
  assert.equal(result.code, 0);
  assert.match(
    result.stderr,
    /^crspec: checkpoint of counter at virtual time \d+: 1 thread, \d+ dataspaces?, \d+ bytes written to /,
  );
  assert.equal(lines(result.stderr).length, 1);
  assert.ok(Deno.statSync(image).size > 0);
});

Deno.test("checkpoint refuses to overwrite", async () => {
  const image = temporaryImagePath();
  Deno.writeTextFileSync(image, "keep me");

  const result = await crspec("checkpoint", COUNTER, "--at", "20000", "-o", image);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.equal(
    result.stderr,
    `crspec: cannot write image file ${image}: the file exists; pass --force to replace it\n`,
  );
  assert.equal(Deno.readTextFileSync(image), "keep me");
});

Deno.test("checkpoint --force overwrites", async () => {
  const image = temporaryImagePath();
  Deno.writeTextFileSync(image, "replace me");

  const result = await crspec("checkpoint", COUNTER, "--at", "20000", "-o", image, "--force");
  assert.equal(result.code, 0);
  assert.notEqual(Deno.readTextFileSync(image).slice(0, 10), "replace me");

  const restored = await crspec("restore", image);
  assert.equal(restored.code, 0);
});

Deno.test("checkpoint after the child ended", async () => {
  const image = temporaryImagePath();
  const result = await crspec("checkpoint", COUNTER, "--at", "100_000_000", "-o", image);
  assert.equal(result.code, 1);
  assert.equal(lines(result.stdout).length, 21);
  assert.match(
    result.stderr,
    /^crspec: child counter ended at virtual time \d+ \(exited with code 0\), before the checkpoint time 100000000; choose a smaller --at\n$/,
  );
  assert.throws(() => Deno.statSync(image), Deno.errors.NotFound);
});

Deno.test("checkpoint into a missing folder", async () => {
  const image = join(temporaryImagePath(), "no", "such", "counter.img");
  const result = await crspec("checkpoint", COUNTER, "--at", "20000", "-o", image);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^crspec: cannot write image file .*: not found/);
  assert.equal(lines(result.stderr).length, 1);
});

Deno.test("restore rejects a missing image", async () => {
  const result = await crspec("restore", "no/such.img");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^crspec: cannot read image file no\/such\.img: not found/);
});

Deno.test("restore rejects a damaged image", async () => {
  const image = temporaryImagePath();
  await crspec("checkpoint", COUNTER, "--at", "20000", "-o", image);
  const bytes = Deno.readFileSync(image);
  const last = bytes.length - 1;
  bytes[last] = (bytes[last] ?? 0) ^ 0xff;
  Deno.writeFileSync(image, bytes);

  const result = await crspec("restore", image);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^crspec: corrupt image: /);
  assert.equal(lines(result.stderr).length, 1);
});

Deno.test("restore reads --module", async () => {
  const folder = Deno.makeTempDirSync({ prefix: "crspec-cli-" });
  const moved = join(folder, "counter.elf");
  Deno.copyFileSync(join(ROOT, COUNTER), moved);
  const image = join(folder, "counter.img");
  await crspec("checkpoint", moved, "--at", "20000", "-o", image);
  Deno.removeSync(moved);

  const missing = await crspec("restore", image);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^crspec: .*counter\.elf/);

  const restored = await crspec("restore", image, "--module", COUNTER);
  assert.equal(restored.code, 0, restored.stderr);
  assert.equal(lines(restored.stdout).at(-1), "[counter -> counter] done");
});

Deno.test("restore rejects another --module", async () => {
  const image = temporaryImagePath();
  await crspec("checkpoint", COUNTER, "--at", "20000", "-o", image);

  const result = await crspec("restore", image, "--module", "examples/children/hello.elf");
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^crspec: module mismatch: /);
});

Deno.test("checkpoint after a fault", async () => {
  const folder = Deno.makeTempDirSync({ prefix: "crspec-cli-" });
  const elf = join(folder, "nullread.elf");
  Deno.writeFileSync(elf, tinyElf([addi(Reg.a0, 0, 1), lw(Reg.a0, 0, 0)]));

  const result = await crspec("checkpoint", elf, "--at", "100", "-o", join(folder, "x.img"));
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    "crspec: child nullread ended at virtual time 1 (faulted: thread main, load page fault at " +
      "0x00000000 (ip 0x00010004)), before the checkpoint time 100; choose a smaller --at\n",
  );
});

Deno.test("checkpoint of a stuck child", async () => {
  const folder = Deno.makeTempDirSync({ prefix: "crspec-cli-" });
  const elf = join(folder, "stuck.elf");
  Deno.writeFileSync(elf, tinyElf([addi(Reg.a7, 0, 5), ECALL])); // thread_exit

  const result = await crspec("checkpoint", elf, "--at", "100", "-o", join(folder, "x.img"));
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^crspec: child stuck is stuck at virtual time \d+, before the checkpoint time 100/,
  );
  assert.equal(lines(result.stderr).length, 1);
});
