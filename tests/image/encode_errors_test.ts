import assert from "node:assert/strict";
import { InvalidArgumentError } from "../../src/errors.ts";
import { encodeImage, PAGE_SIZE } from "../../src/image/format.ts";

/** Runs `action` and returns what it throws, or undefined. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function assertInvalid(action: () => unknown, message: RegExp): void {
  const error = thrownBy(action);
  assert.ok(error instanceof InvalidArgumentError, `expected InvalidArgumentError, got ${error}`);
  assert.match(error.message, message);
}

function encodeManifest(manifest: unknown): Uint8Array {
  return encodeImage({ manifest, dataspaces: new Map() });
}

Deno.test("encode: manifest with NaN", () => {
  assertInvalid(() => encodeManifest({ ip: NaN }), /manifest\.ip is NaN/);
});

Deno.test("encode: manifest with Infinity", () => {
  assertInvalid(() => encodeManifest([Infinity]), /manifest\[0\] is Infinity/);
});

Deno.test("encode: manifest with undefined", () => {
  assertInvalid(() => encodeManifest({ a: undefined }), /manifest\.a/);
});

Deno.test("encode: manifest with a Map", () => {
  assertInvalid(() => encodeManifest({ m: new Map() }), /is a Map/);
});

Deno.test("encode: manifest with a bigint", () => {
  assertInvalid(() => encodeManifest(1n), /type bigint/);
});

Deno.test("encode: manifest with a cycle", () => {
  const cyclic: { self?: unknown } = {};
  cyclic.self = cyclic;
  assertInvalid(() => encodeManifest(cyclic), /cycle/);
});

Deno.test("encode: manifest with an array hole", () => {
  // deno-lint-ignore no-sparse-arrays
  assertInvalid(() => encodeManifest([1, , 3]), /manifest\[1\] is a hole/);
});

Deno.test("encode: shared subobject is no cycle", () => {
  const shared = { x: 1 };
  encodeManifest({ a: shared, b: shared });
});

Deno.test("encode: dataspace length not page multiple", () => {
  const dataspaces = new Map([[1, new Uint8Array(PAGE_SIZE + 1)]]);
  assertInvalid(() => encodeImage({ manifest: null, dataspaces }), /4097/);
});

Deno.test("encode: invalid dataspace ids", () => {
  for (const id of [-1, 1.5, 2 ** 32, NaN]) {
    const dataspaces = new Map([[id, new Uint8Array(0)]]);
    assertInvalid(
      () => encodeImage({ manifest: null, dataspaces }),
      new RegExp(`dataspace id ${id} `),
    );
  }
});
