/**
 * Reading of the files named on the command line.
 *
 * @module
 */

import { basename } from "node:path";
import { CrspecError } from "../errors.ts";
import type { Child, System } from "../system.ts";

/**
 * Reads the file at `path`, described as `what` (such as `ELF file`) in the error.
 *
 * @throws {CrspecError} with code `input-file` when the file cannot be read, naming the path and
 *   the reason.
 */
export function readInputFile(path: string, what: string): Uint8Array {
  try {
    return Deno.readFileSync(path);
  } catch (error) {
    throw new CrspecError("input-file", `cannot read ${what} ${path}: ${reasonOf(error)}`);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Deno.errors.NotFound) return "not found";
  if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (error instanceof Deno.errors.IsADirectory) return "is a folder, not a file";
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the ELF file at `path` into a ROM module named after the file, as
 * {@linkcode System.loadModule} does, and starts a child from it.
 *
 * @throws {CrspecError} when the file cannot be read or is not a loadable executable.
 */
export function startChildFromFile(system: System, path: string): Child {
  const module = basename(path);
  system.addModule(module, readInputFile(path, "ELF file"), path);
  return system.startChild(module);
}
