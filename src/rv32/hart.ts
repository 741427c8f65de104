/**
 * The user-visible register state of one RV32IM hardware thread.
 *
 * @module
 */

/**
 * Registers x0..x31 and the program counter; flat, so a copy is a checkpoint of the state.
 *
 * @example
 * ```ts
 * import { Hart } from "./hart.ts";
 *
 * const hart = new Hart();
 * hart.pc = 0x10000;
 * hart.x[2] = 0x7fff0;
 * const copy = hart.clone();
 * console.assert(copy.x[2] === 0x7fff0 && copy.pc === 0x10000);
 * ```
 */
export class Hart {
  /** General registers as signed 32-bit values; x[0] stays 0 while the processor runs. */
  readonly x: Int32Array = new Int32Array(32);
  /** Address of the next instruction, unsigned 32-bit. */
  pc = 0;

  /** Returns an independent copy of this state. */
  clone(): Hart {
    const copy = new Hart();
    copy.copyFrom(this);
    return copy;
  }

  /** Overwrites this state with the registers and pc of `other`. */
  copyFrom(other: Hart): void {
    this.x.set(other.x);
    this.pc = other.pc >>> 0;
  }

  /** Returns the registers as unsigned numbers and the pc, as plain data. */
  toJSON(): { x: number[]; pc: number } {
    return { x: Array.from(this.x, (value) => value >>> 0), pc: this.pc >>> 0 };
  }

  /**
   * Creates a hart from the plain data of {@linkcode Hart.toJSON}; each value is taken modulo
   * 2^32, and x[0] is set to 0.
   */
  static fromJSON(data: { x: readonly number[]; pc: number }): Hart {
    const hart = new Hart();
    for (let i = 1; i < 32; i++) hart.x[i] = data.x[i] ?? 0;
    hart.pc = data.pc >>> 0;
    return hart;
  }
}
