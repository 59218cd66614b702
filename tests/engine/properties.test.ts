/** Properties (fast-check): bounds and monotonicity of points, order-independent ranks, determinism. */
import fc from "fast-check";
import { pointsFor, score } from "../../src/engine";
import { parseProfile } from "../../src/model/profile";
import type { UnitRow } from "../../src/model/units";
import { getProfile } from "../../src/profiles";
import { unitRow } from "./rows";

const qd766 = getProfile("qd766")!;
const scored = qd766.indicators.filter((i) => i.max > 0);
const indicatorArb = fc.constantFrom(...scored);

describe("points", () => {
  it("are never above the maximum nor below 0, for any fraction", () => {
    fc.assert(
      fc.property(indicatorArb, fc.double({ min: 0, max: 1, noNaN: true }), (spec, r) => {
        const p = pointsFor(spec, r, qd766);
        return p >= 0 && p <= spec.max;
      }),
    );
  });

  it("are monotone in the ratio", () => {
    fc.assert(
      fc.property(indicatorArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (spec, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return pointsFor(spec, lo, qd766) <= pointsFor(spec, hi, qd766);
      }),
    );
  });

  it("stay within bounds through score() for any counts, and the group never exceeds its maximum", () => {
    const countsArb = fc.integer({ min: 0, max: 2_000_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(fc.array(countsArb, { minLength: scored.length, maxLength: scored.length }), (pairs) => {
        const values: Record<string, number> = {};
        scored.forEach((spec, i) => {
          values[`${spec.id}.numerator`] = pairs[i][0];
          values[`${spec.id}.denominator`] = pairs[i][1];
        });
        const u = score([unitRow(1, "Tỉnh", values, { level: "province" })], qd766).units[0];
        for (const spec of scored) {
          const p = u.indicators[spec.id].points!;
          if (!(p >= 0 && p <= spec.max)) return false;
        }
        for (const g of qd766.groups) if (!(u.groups[g.id]! <= g.max)) return false;
        return u.total !== null && u.total >= 0 && u.total <= 100 && u.problems.length === 0;
      }),
      { numRuns: 200 },
    );
  });
});

describe("ranks", () => {
  const tuan = getProfile("an-giang-tuan")!;
  // Few distinct totals so that ties are common.
  const totalsArb = fc.array(fc.constantFrom(55.87, 74.81, 80, 80, 89.04, 89.04, 90), { minLength: 1, maxLength: 25 });

  for (const tie of ["competition", "dense", "sequential", "table-order"] as const) {
    it(`do not depend on row order (${tie})`, () => {
      const profile = parseProfile({ ...tuan, ranking: { tie, scope: "all" } });
      fc.assert(
        fc.property(
          totalsArb.chain((totals) => fc.tuple(fc.constant(totals), fc.shuffledSubarray(totals.map((_, i) => i), { minLength: totals.length }))),
          ([totals, order]) => {
            const rows: UnitRow[] = totals.map((t, i) => unitRow(i, `Xã ${String(i).padStart(2, "0")}`, { total: t }));
            const rankByRow = (units: ReturnType<typeof score>["units"]) => Object.fromEntries(units.map((u) => [u.row, u.rank]));
            const a = rankByRow(score(rows, profile).units);
            const b = rankByRow(score(order.map((i) => rows[i]), profile).units);
            return JSON.stringify(a) === JSON.stringify(b);
          },
        ),
      );
    });
  }
});

describe("determinism", () => {
  it("scoring the same input twice gives the same output and leaves the input untouched", () => {
    const valueArb = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(valueArb, valueArb, valueArb), { minLength: 1, maxLength: 10 }), (data) => {
        const rows = data.map(([total, previous, ck], i) =>
          unitRow(i, i === 0 ? "TOÀN HUYỆN" : `Xã ${i}`, { total, previous, "ck.ratio": ck }),
        );
        const before = structuredClone(rows);
        const profile = getProfile("an-giang-tuan")!;
        const first = score(rows, profile);
        const second = score(rows, profile);
        expect(second).toEqual(first);
        expect(rows).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});
