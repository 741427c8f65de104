// Restore fills every RAM dataspace with the contents recorded at the checkpoint, so a
// child that changed its .data and .bss sees the changed values, not the ELF's initial
// ones. This holds for the writable segments of the ELF and for dataspaces the child
// allocated at run time, attached or not.

import assert from "node:assert/strict";
import { checkpointAndRestore, runUntilLines, startExample, symbolAddress } from "../_support.ts";

const counter = symbolAddress("counter", "counter");
const checksum = symbolAddress("counter", "checksum");
const buffer = symbolAddress("counter", "buffer");

Deno.test("restore: .data holds the changed value", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 5);
  const restored = checkpointAndRestore(system, child).child;

  assert.equal(child.readWord(counter), 105);
  assert.equal(restored.readWord(counter), 105);
});

Deno.test("restore: .bss holds the changed values", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 5);
  const expectedChecksum = child.readWord(checksum);
  const expectedBuffer = child.readMemory(buffer, 21);
  const restored = checkpointAndRestore(system, child).child;

  assert.notEqual(expectedChecksum, 0);
  assert.equal(restored.readWord(checksum), expectedChecksum);
  assert.equal(new TextDecoder().decode(restored.readMemory(buffer, 5)), "ejklp");
  assert.deepEqual(restored.readMemory(buffer, 21), expectedBuffer);
});

Deno.test("restore: whole writable segment equal", () => {
  const { system, child } = startExample("counter");
  runUntilLines(system, child, 8);
  const data = child.pd.addressSpace.attachments.find((entry) => entry.writable)!;
  const expected = child.readMemory(data.base, data.size);
  const restored = checkpointAndRestore(system, child).child;

  assert.deepEqual(restored.readMemory(data.base, data.size), expected);
});

Deno.test("restore: run-time dataspaces hold their contents", () => {
  const { system, child } = startExample("heap");
  runUntilLines(system, child, 7);
  const expected = child.pd.dataspaces.map((dataspace) => dataspace.bytes.slice());
  const fixed = child.readMemory(0x2000_0000, 4096);
  const restored = checkpointAndRestore(system, child).child;

  assert.ok(fixed.some((byte) => byte !== 0));
  assert.deepEqual(restored.readMemory(0x2000_0000, 4096), fixed);
  assert.equal(restored.pd.dataspaces.length, expected.length);
  restored.pd.dataspaces.forEach((dataspace, i) => assert.deepEqual(dataspace.bytes, expected[i]));
});
