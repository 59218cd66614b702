/**
 * Decimal rounding. Scores are rounded in decimal, never with Math.round(x * 100) / 100, which
 * turns 1.005 into 1 because 1.005 is stored as 1.00499999… in binary floating point.
 */
import Decimal from "decimal.js";

export type RoundingMode = "half-up" | "half-even";

/**
 * Round half away from zero to `decimals` places, on the number's shortest decimal text
 * (what the user sees): 1.005 → 1.01, 0.125 → 0.13, 7.735 → 7.74, −0.125 → −0.13.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  return round(x, decimals, "half-up");
}

export function round(x: number, decimals = 2, mode: RoundingMode = "half-up"): number {
  if (!Number.isFinite(x)) return x;
  const rm = mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
  return new Decimal(x).toDecimalPlaces(decimals, rm).toNumber();
}

/** a ÷ b × factor, rounded, computed in decimal (61.88 ÷ 8 → 7.735 → 7.74). */
export function divideRounded(a: number, b: number, factor = 1, decimals = 2, mode: RoundingMode = "half-up"): number {
  const rm = mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
  return new Decimal(a).times(factor).dividedBy(b).toDecimalPlaces(decimals, rm).toNumber();
}

/** Sum in decimal, so 0.1 + 0.2 is 0.3 and rounded points add up exactly. */
export function sumDecimal(xs: readonly number[]): number {
  return xs.reduce((acc, x) => acc.plus(x), new Decimal(0)).toNumber();
}

/** a − b in decimal (89.21 − 77.38 = 11.83 exactly). */
export function subtractDecimal(a: number, b: number): number {
  return new Decimal(a).minus(b).toNumber();
}
