/**
 * Runs the crspec CLI as a subprocess, the way a user runs it.
 *
 * @module
 */

import { fileURLToPath } from "node:url";

/** The repository root, where deno.json maps the CLI's imports. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

/** What a run of the CLI produced. */
export interface CliResult {
  /** Exit status. */
  readonly code: number;
  /** Standard output, decoded. */
  readonly stdout: string;
  /** Standard error, decoded. */
  readonly stderr: string;
}

/** Runs `crspec <args>` from the repository root with the permissions of `deno task crspec`. */
export async function crspec(...args: string[]): Promise<CliResult> {
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", "--allow-env", MAIN, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  });
  const { code, stdout, stderr } = await command.output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

/** Splits `text` into lines, without the empty string after the final newline. */
export function lines(text: string): string[] {
  const all = text.split("\n");
  if (all.at(-1) === "") all.pop();
  return all;
}
