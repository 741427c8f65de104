/**
 * Core's ROM service: read-only modules by name.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { InvalidArgumentError } from "../errors.ts";
import { RomDataspace } from "./dataspace.ts";

/** Returns the SHA-256 of `bytes` as lowercase hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The modules core serves, by name. */
export class RomRegistry {
  readonly #modules = new Map<string, RomDataspace>();

  /** Adds module `name` with `content`; `path` records where it was read from. */
  add(name: string, content: Uint8Array, path?: string): RomDataspace {
    const module = new RomDataspace(name, content, contentHash(content), path);
    this.#modules.set(name, module);
    return module;
  }

  /** Returns module `name`; throws when there is none. */
  get(name: string): RomDataspace {
    const module = this.#modules.get(name);
    if (module === undefined) {
      throw new InvalidArgumentError(`ROM module ${JSON.stringify(name)} not found`);
    }
    return module;
  }

  /** Returns module `name`, or undefined. */
  find(name: string): RomDataspace | undefined {
    return this.#modules.get(name);
  }
}
