/**
 * The manifest part of an image: UTF-8 JSON text, indented by two spaces so that a person can
 * read it with a pager.
 *
 * @module
 */

import { CorruptImageError, InvalidArgumentError } from "../errors.ts";

/**
 * Encodes `manifest` as UTF-8 JSON text.
 *
 * @throws {InvalidArgumentError} if a value inside is not plain JSON (undefined, NaN, a Map, a
 * class instance, a cycle, an array hole), naming its path, because `JSON.stringify` would drop
 * or change it and the decoded manifest would differ.
 */
export function encodeManifest(manifest: unknown): Uint8Array {
  validateJsonValue(manifest, "manifest", new Set());
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2));
}

/**
 * Decodes the manifest text `bytes`.
 *
 * @throws {CorruptImageError} if the text is not UTF-8 or not JSON.
 */
export function decodeManifest(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CorruptImageError("manifest is not valid UTF-8");
  }

  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CorruptImageError(`manifest is not valid JSON: ${reason}`);
  }
}

/** Throws InvalidArgumentError unless `value` survives `JSON.stringify` and `JSON.parse`. */
function validateJsonValue(value: unknown, path: string, ancestors: Set<object>): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;

  if (typeof value === "number") {
    if (!Number.isFinite(value)) reject(path, `is ${value}, which JSON cannot represent`);
    return;
  }

  if (typeof value !== "object") reject(path, `is of type ${typeof value}, not a JSON value`);
  if (ancestors.has(value)) reject(path, "refers back to an enclosing value (a cycle)");

  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) reject(`${path}[${i}]`, "is a hole in a sparse array");
      validateJsonValue(value[i], `${path}[${i}]`, ancestors);
    }
  } else {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
      reject(path, `is a ${kind}, not a plain object`);
    }
    for (const [key, item] of Object.entries(value)) {
      validateJsonValue(item, `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
}

function reject(path: string, problem: string): never {
  throw new InvalidArgumentError(`${path} ${problem}; a manifest may contain only JSON values`);
}
