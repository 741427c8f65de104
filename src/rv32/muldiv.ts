/**
 * The high halves of 64-bit products and the division edge cases of the RISC-V M extension,
 * on signed 32-bit numbers as JavaScript holds them.
 *
 * @module
 */

const TWO_TO_32 = 4294967296;

/** Upper 32 bits of the unsigned product of `a` and `b` (`mulhu`), as a signed 32-bit value. */
export function mulhu(a: number, b: number): number {
  const aLow = a & 0xffff;
  const aHigh = a >>> 16;
  const bLow = b & 0xffff;
  const bHigh = b >>> 16;
  // Every partial sum stays below 2^53, so the double arithmetic is exact.
  const middle = aHigh * bLow + aLow * bHigh;
  const carry = Math.floor((middle * 65536 + aLow * bLow) / TWO_TO_32);
  return (aHigh * bHigh + carry) | 0;
}

/** Upper 32 bits of the signed product of `a` and `b` (`mulh`). */
export function mulh(a: number, b: number): number {
  // Reading a negative operand as unsigned adds 2^32 times the other operand to the high half.
  let high = mulhu(a, b);
  if (a < 0) high -= b;
  if (b < 0) high -= a;
  return high | 0;
}

/** Upper 32 bits of the product of signed `a` and unsigned `b` (`mulhsu`). */
export function mulhsu(a: number, b: number): number {
  const high = mulhu(a, b);
  return (a < 0 ? high - b : high) | 0;
}

/** Signed quotient (`div`): -1 for a zero divisor, `a` for -2^31 / -1. */
export function div(a: number, b: number): number {
  if (b === 0) return -1;
  if (a === -0x80000000 && b === -1) return a;
  return (a / b) | 0;
}

/** Unsigned quotient (`divu`): all ones for a zero divisor. */
export function divu(a: number, b: number): number {
  if (b === 0) return -1;
  return ((a >>> 0) / (b >>> 0)) | 0;
}

/** Signed remainder (`rem`), with the sign of `a`: `a` for a zero divisor, 0 for -2^31 % -1. */
export function rem(a: number, b: number): number {
  if (b === 0) return a;
  if (b === -1) return 0;
  return a % b | 0;
}

/** Unsigned remainder (`remu`): `a` for a zero divisor. */
export function remu(a: number, b: number): number {
  if (b === 0) return a;
  return ((a >>> 0) % (b >>> 0)) | 0;
}
