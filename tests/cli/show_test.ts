import assert from "node:assert/strict";
import { join } from "node:path";
import { crspec, lines } from "./_cli.ts";

/** Takes a checkpoint of counter at virtual time 20000 and returns the image path. */
async function counterImage(): Promise<string> {
  const image = join(Deno.makeTempDirSync({ prefix: "crspec-cli-" }), "counter.img");
  const result = await crspec(
    "checkpoint",
    "examples/children/counter.elf",
    "--at",
    "20000",
    "-o",
    image,
  );
  assert.equal(result.code, 0, result.stderr);
  return image;
}

Deno.test("show lists threads and regions", async () => {
  const result = await crspec("show", await counterImage());
  const output = lines(result.stdout);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, "");
  assert.match(output[0] ?? "", /^child counter: checkpoint at virtual time 20000/);
  for (const heading of ["threads:", "regions:", "capabilities:", "sessions:"]) {
    assert.ok(output.includes(heading), heading);
  }
  assert.ok(output.some((line) => /^ {2}main: ip 0x[0-9a-f]{8} sp 0x[0-9a-f]{8}$/.test(line)));
  assert.ok(output.some((line) => /kernel state: /.test(line)));
  assert.ok(output.some((line) => /restart: resume/.test(line)));
  assert.ok(output.some((line) => /0x00012000-0x[0-9a-f]{8} rw- /.test(line)));
  assert.ok(output.some((line) => /^ +1 -> parent/.test(line)));
});

Deno.test("show --json prints the manifest", async () => {
  const result = await crspec("show", await counterImage(), "--json");
  assert.equal(result.code, 0);
  const manifest = JSON.parse(result.stdout);
  assert.equal(manifest.format, "crspec-checkpoint");
  assert.equal(manifest.child, "counter");
  assert.equal(manifest.clock, 20000);
  assert.equal(manifest.modules[0].name, "counter.elf");
  assert.ok(Array.isArray(manifest.threads));
  assert.match(result.stdout, /^\{\n {2}"format"/);
});

Deno.test("show rejects a file that is no image", async () => {
  const result = await crspec("show", "examples/children/counter.elf");
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^crspec: corrupt image: /);
  assert.equal(lines(result.stderr).length, 1);
});
