/**
 * Decimal rounding. Scores are rounded in decimal, never with Math.round(x * 100) / 100, which
 * turns 1.005 into 1 because 1.005 is stored as 1.00499999… in binary floating point.
 *
 * Each function first tries an exact shortcut and falls back to decimal.js only when the shortcut
 * cannot decide, because decimal.js is slow enough to dominate scoring a national list: a value
 * whose scaled float is not within a few ulps of a tie rounds the same way as its decimal text,
 * and values that are exact hundredths add up exactly as integers.
 * tests/engine/round-exact.test.ts checks every shortcut against decimal.js.
 */
import Decimal from "decimal.js";

export type RoundingMode = "half-up" | "half-even";

/** Largest scaled value the integer shortcuts handle (far below 2⁵³, so products stay exact). */
const SAFE_SCALED = 2 ** 50;
/** Powers of ten are exact doubles up to 10²²; profiles round to at most 6 decimals. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * Round half away from zero to `decimals` places, on the number's shortest decimal text
 * (what the user sees): 1.005 → 1.01, 0.125 → 0.13, 7.735 → 7.74, −0.125 → −0.13.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  return round(x, decimals, "half-up");
}

/**
 * `scaled` approximates the exact value × 10^decimals with a relative error of at most
 * `relativeError`. Returns the rounded value when that is enough to decide (the exact value is
 * not that close to a tie), otherwise NaN.
 */
function roundScaled(scaled: number, decimals: number, relativeError: number): number {
  const magnitude = Math.abs(scaled);
  if (!(magnitude < SAFE_SCALED) || decimals >= POW10.length) return NaN;
  const whole = Math.floor(magnitude);
  const distanceFromTie = Math.abs(magnitude - whole - 0.5);
  // Absolute error of the scaled value, with headroom; at or below it the decimal text decides.
  if (distanceFromTie <= magnitude * relativeError + 1e-12) return NaN;
  const rounded = (magnitude - whole > 0.5 ? whole + 1 : whole) / POW10[decimals];
  // Negative values (and −0) keep their sign, as decimal.js does.
  return scaled < 0 || Object.is(scaled, -0) ? -rounded : rounded;
}

export function round(x: number, decimals = 2, mode: RoundingMode = "half-up"): number {
  if (!Number.isFinite(x)) return x;
  // x × 10^d carries at most one rounding of the product plus x's distance to its decimal text.
  const fast = roundScaled(x * (POW10[decimals] ?? NaN), decimals, 1e-15);
  if (fast === fast) return fast;
  const rm = mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
  return new Decimal(x).toDecimalPlaces(decimals, rm).toNumber();
}

/** a ÷ b × factor, rounded, computed in decimal (61.88 ÷ 8 → 7.735 → 7.74). */
export function divideRounded(a: number, b: number, factor = 1, decimals = 2, mode: RoundingMode = "half-up"): number {
  // Counts, percentages, points and maxima are whole hundredths: a × factor ÷ b is then a
  // quotient of whole numbers, rounded exactly in integer arithmetic.
  const ah = hundredths(a);
  const bh = hundredths(b);
  const fh = hundredths(factor);
  if (ah >= 0 && fh >= 0 && bh > 0 && decimals < POW10.length) {
    const num = ah * fh * POW10[decimals];
    const den = bh * 100;
    if (num < SAFE_SCALED && den < SAFE_SCALED) return roundWholeQuotient(num, den, mode) / POW10[decimals];
  }
  if (Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(factor) && b !== 0) {
    // Three inputs each within half an ulp of their decimal text, one product, one quotient.
    const fast = roundScaled(((a * factor) / b) * (POW10[decimals] ?? NaN), decimals, 1e-14);
    if (fast === fast) return fast;
  }
  const rm = mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
  return new Decimal(a).times(factor).dividedBy(b).toDecimalPlaces(decimals, rm).toNumber();
}

/** x as a whole number of hundredths when x is exactly the double of such a decimal, else NaN. */
function hundredths(x: number): number {
  const k = Math.round(x * 100);
  return k / 100 === x && Math.abs(k) < SAFE_SCALED ? k : NaN;
}

/** Sum in decimal, so 0.1 + 0.2 is 0.3 and rounded points add up exactly. */
export function sumDecimal(xs: readonly number[]): number {
  // Scores are 2-decimal numbers: as integer hundredths the sum is exact, and one correctly
  // rounded division gives the same double as the decimal sum.
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += hundredths(xs[i]);
  }
  if (Math.abs(sum) < SAFE_SCALED) return sum / 100;
  return xs.reduce((acc, x) => acc.plus(x), new Decimal(0)).toNumber();
}

/** a − b in decimal (89.21 − 77.38 = 11.83 exactly). */
export function subtractDecimal(a: number, b: number): number {
  const difference = hundredths(a) - hundredths(b);
  if (difference === difference) return difference / 100;
  return new Decimal(a).minus(b).toNumber();
}

/** num ÷ den rounded to a whole number, exactly, for whole numbers 0 ≤ num, 0 < den below 2⁵⁰. */
function roundWholeQuotient(num: number, den: number, mode: RoundingMode): number {
  let q = Math.floor(num / den);
  let r = num - q * den;
  // The float quotient may be one off; the remainder, exact in integers, corrects it.
  if (r < 0) {
    q -= 1;
    r += den;
  } else if (r >= den) {
    q += 1;
    r -= den;
  }
  const twice = 2 * r;
  return twice > den || (twice === den && (mode === "half-up" || q % 2 === 1)) ? q + 1 : q;
}
