/**
 * Core's LOG service: text output, one line per message, tagged with the session label.
 *
 * @module
 */

import { KernelObject } from "../kernel/object.ts";

/** One line written to a LOG session. */
export interface LogLine {
  /** The session label. */
  readonly label: string;
  /** The text, without a trailing newline. */
  readonly text: string;
  /** Virtual time of the write. */
  readonly time: number;
}

/** A LOG session; every write ends up as one line at the sink. */
export class LogSession extends KernelObject {
  /** The label every line is tagged with. */
  readonly label: string;
  readonly #sink: (line: LogLine) => void;
  readonly #now: () => number;

  /** Creates a session labelled `label` that passes lines to `sink`. */
  constructor(label: string, sink: (line: LogLine) => void, now: () => number) {
    super();
    this.label = label;
    this.#sink = sink;
    this.#now = now;
  }

  /** Always `log-session`. */
  get kind(): string {
    return "log-session";
  }

  /** Writes `text` as one line; one trailing newline is dropped. */
  write(text: string): void {
    this.#sink({ label: this.label, text: text.replace(/\n$/, ""), time: this.#now() });
  }
}
