/**
 * The progress line that long runs draw on a terminal.
 *
 * @module
 */

/** Wall-clock milliseconds a run lasts before the progress line first appears. */
const FIRST_DRAW_DELAY_MS = 500;

const encoder = new TextEncoder();

/** Erases the terminal line the cursor is on and returns the cursor to its start. */
const ERASE_LINE = "\r\x1b[2K";

/**
 * A line on standard error showing the virtual time and the speed of the interpreter in MIPS
 * (million instructions per wall-clock second). It is drawn only when enabled, which the CLI
 * does when standard error is a terminal, so pipes and files never receive it.
 */
export class Progress {
  readonly #enabled: boolean;
  #shown = false;
  #startWall = 0;
  #startClock = 0;

  /** Creates the line; when `enabled` is false every method does nothing. */
  constructor(enabled: boolean) {
    this.#enabled = enabled;
  }

  /** Starts timing a run that begins at virtual time `clock`. */
  start(clock: number): void {
    this.#startWall = performance.now();
    this.#startClock = clock;
  }

  /** Redraws the line for virtual time `clock`, once the run has lasted long enough to need it. */
  update(clock: number): void {
    if (!this.#enabled) return;
    const elapsed = performance.now() - this.#startWall;
    if (elapsed < FIRST_DRAW_DELAY_MS) return;

    const mips = (clock - this.#startClock) / (elapsed * 1000);
    const text = `crspec: virtual time ${clock.toLocaleString("en-US")} instructions, ` +
      `${mips.toFixed(1)} MIPS`;
    writeAll(ERASE_LINE + text);
    this.#shown = true;
  }

  /** Erases the line if it is drawn, so that other output starts on a clean line. */
  clear(): void {
    if (!this.#shown) return;
    writeAll(ERASE_LINE);
    this.#shown = false;
  }
}

function writeAll(text: string): void {
  const bytes = encoder.encode(text);
  let written = 0;
  while (written < bytes.length) written += Deno.stderr.writeSync(bytes.subarray(written));
}
