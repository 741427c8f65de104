/**
 * Where the CLI writes: results and LOG lines to standard output, diagnostics to standard
 * error, with the progress line erased before either.
 *
 * @module
 */

import type { LogLine } from "../core/log_session.ts";
import { Progress } from "./progress.ts";

const encoder = new TextEncoder();

/** The CLI's output streams. Every write is synchronous, so LOG lines appear as they are made. */
export class Output {
  /** The progress line on standard error. */
  readonly progress: Progress;

  /** Creates the streams; the progress line is drawn only when `progress` is true. */
  constructor(options: { progress: boolean }) {
    this.progress = new Progress(options.progress);
  }

  /** Writes `text` and a newline to standard output. */
  line(text: string): void {
    this.progress.clear();
    writeAll(Deno.stdout, text + "\n");
  }

  /** Writes a child's LOG line to standard output as `[label] text`. */
  log(line: LogLine): void {
    this.line(`[${line.label}] ${line.text}`);
  }

  /** Writes `crspec: <text>` to standard error. */
  message(text: string): void {
    this.progress.clear();
    writeAll(Deno.stderr, `crspec: ${text}\n`);
  }
}

function writeAll(stream: typeof Deno.stdout | typeof Deno.stderr, text: string): void {
  const bytes = encoder.encode(text);
  let written = 0;
  while (written < bytes.length) written += stream.writeSync(bytes.subarray(written));
}
