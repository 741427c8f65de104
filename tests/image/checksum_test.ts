import assert from "node:assert/strict";
import { checksum } from "../../src/image/checksum.ts";

Deno.test("checksum: CRC-32 check value", () => {
  assert.equal(checksum(new TextEncoder().encode("123456789")), 0xcbf43926);
});

Deno.test("checksum: empty input", () => {
  assert.equal(checksum(new Uint8Array(0)), 0);
});

Deno.test("checksum: subarray at an offset", () => {
  const backing = new TextEncoder().encode("xx123456789yy");
  assert.equal(checksum(backing.subarray(2, 11)), 0xcbf43926);
});
