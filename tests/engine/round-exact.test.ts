/**
 * The engine's rounding shortcuts (src/engine/round.ts) and its scoring of counts must
 * give exactly what decimal.js gives. Each property compares against a reference written with
 * decimal.js alone.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { score } from "../../src/engine";
import { divideRounded, round, subtractDecimal, sumDecimal, type RoundingMode } from "../../src/engine/round";
import { getProfile } from "../../src/profiles";
import { unitRow } from "./rows";

const RUNS = { numRuns: 3000 };
const modeArb = fc.constantFrom<RoundingMode>("half-up", "half-even");
const decimalsArb = fc.integer({ min: 0, max: 6 });
const rm = (mode: RoundingMode) => (mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP);

function refRound(x: number, decimals: number, mode: RoundingMode): number {
  return new Decimal(x).toDecimalPlaces(decimals, rm(mode)).toNumber();
}

/** Doubles of every kind, plus decimal ties at the rounding place (k + ½) and a few ulps beside them. */
function doubleArb(decimals: number): fc.Arbitrary<number> {
  const tie = (k: number) => (2 * k + 1) / (2 * 10 ** decimals);
  return fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map(tie),
    fc.integer({ min: 0, max: 100_000 }).map((k) => k / 100),
    fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(-2, -1, 1, 2)).map(([k, ulps]) => {
      // Beside a tie: the shortcut must not decide those by accident.
      const buf = new Float64Array([tie(k)]);
      const bits = new BigInt64Array(buf.buffer);
      bits[0] += BigInt(ulps);
      return buf[0];
    }),
  );
}

describe("round() agrees with decimal.js", () => {
  it("for any double, any decimals 0–6, both modes (sign of zero included)", () => {
    fc.assert(
      fc.property(
        decimalsArb.chain((d) => fc.tuple(doubleArb(d), fc.constant(d))),
        modeArb,
        ([x, d], mode) => Object.is(round(x, d, mode), refRound(x, d, mode)),
      ),
      RUNS,
    );
  });

  it("on the classic traps", () => {
    for (const [x, want] of [[1.005, 1.01], [7.735, 7.74], [0.125, 0.13], [-0.125, -0.13], [2.675, 2.68], [1.255, 1.26]] as const) {
      expect(round(x, 2)).toBe(want);
      expect(round(x, 2)).toBe(refRound(x, 2, "half-up"));
    }
  });
});

describe("divideRounded() agrees with decimal.js", () => {
  it("for 2-decimal scores divided by maxima and scaled, and for any doubles", () => {
    const scoreArb = fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((k) => k / 100), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }));
    const divisorArb = fc.oneof(fc.constantFrom(8, 10, 80, 100, 3, 7), fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.001, max: 1e4 }));
    fc.assert(
      fc.property(scoreArb, divisorArb, fc.constantFrom(1, 10, 100), decimalsArb, modeArb, (a, b, factor, d, mode) => {
        const ref = new Decimal(a).times(factor).dividedBy(b).toDecimalPlaces(d, rm(mode)).toNumber();
        return Object.is(divideRounded(a, b, factor, d, mode), ref);
      }),
      RUNS,
    );
  });
});

describe("sumDecimal() and subtractDecimal() agree with decimal.js", () => {
  const hundredthsArb = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => k / 100);
  const anyArb = fc.oneof(hundredthsArb, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }));
  it("sums", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hundredthsArb, hundredthsArb, anyArb), { maxLength: 25 }), (xs) =>
        Object.is(sumDecimal(xs), xs.reduce((acc, x) => acc.plus(x), new Decimal(0)).toNumber()),
      ),
      RUNS,
    );
  });
  it("differences", () => {
    fc.assert(
      fc.property(anyArb, anyArb, (a, b) => Object.is(subtractDecimal(a, b), new Decimal(a).minus(b).toNumber())),
      RUNS,
    );
  });
});

describe("scoring counts agrees with the decimal.js formulas", () => {
  const qd766 = getProfile("qd766")!;
  const scored = qd766.indicators.filter((i) => i.max > 0);
  /**
   * METHOD.md §3 and §8 in decimal.js only: the ratio as a percentage rounded half-up to 2
   * decimals, then the points from that percentage (linear P × R, target min(P, P × R / X)), or
   * from the unrounded fraction where the indicator says so (pointsFrom "fraction").
   */
  function reference(spec: (typeof scored)[number], n: number, d: number): { ratio: number; points: number } {
    const percent = new Decimal(n).dividedBy(d).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const base = spec.pointsFrom === "fraction" ? new Decimal(n).dividedBy(d).times(100) : percent;
    const raw = spec.rule.kind === "linear" ? base.times(spec.max).dividedBy(100) : Decimal.min(spec.max, base.times(spec.max).dividedBy(spec.rule.target));
    return { ratio: percent.toNumber(), points: refRound(Decimal.min(spec.max, raw).toNumber(), 2, "half-up") };
  }
  const countsArb = fc
    .oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom(8, 16, 40, 80, 125, 400, 800, 2000, 80_000))
    .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
  it("for every indicator of qd766, ratio and points", () => {
    fc.assert(
      fc.property(fc.constantFrom(...scored), countsArb, (spec, [n, d]) => {
        const values = { [`${spec.id}.numerator`]: n, [`${spec.id}.denominator`]: d };
        const got = score([unitRow(1, "Tỉnh", values, { level: "province" })], qd766).units[0].indicators[spec.id];
        const want = reference(spec, n, d);
        return got.ratio === want.ratio && got.points === want.points;
      }),
      RUNS,
    );
  });
});
