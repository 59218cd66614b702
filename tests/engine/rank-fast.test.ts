/** ranksByValue (the engine's path for competition and dense ties) ranks exactly as rankValues. */
import fc from "fast-check";
import { rankByTotals, rankUnits, rankValues, ranksByHundredths, ranksByValue } from "../../src/engine/rank";
import type { ScoredUnit } from "../../src/model/units";

describe("ranksByValue", () => {
  it.each(["competition", "dense"] as const)("gives rankValues' %s ranks, ties and −0 included", (tie) => {
    // Few distinct values, so that ties are common; −0 ties with 0.
    const valueArb = fc.oneof(fc.constantFrom(0, -0, 55.23, 80, 80.01, 100), fc.double({ min: -10, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 60 }), (values) => {
        const expected = rankValues(values.map((value, id) => ({ id, value, name: "", row: id })), tie);
        const ranks = ranksByValue(Float64Array.from(values), tie)!;
        expect(Array.from(ranks)).toEqual(values.map((_, id) => expected.get(id)));
      }),
    );
  });

  it("leaves NaN to rankValues", () => {
    expect(ranksByValue(Float64Array.from([1, NaN]), "competition")).toBeNull();
  });
});

describe("ranksByHundredths", () => {
  it.each(["competition", "dense"] as const)("gives rankValues' %s ranks for whole hundredths, ties and −0 included", (tie) => {
    // Within a few hundred hundredths of each other (the counts' range), with ties; and around −0.
    const valueArb = fc.oneof(
      fc.constantFrom(80, 80.01, 79.99, 81.5),
      fc.integer({ min: 7_800, max: 8_300 }).map((k) => k / 100),
    );
    const nearZeroArb = fc.constantFrom(0, -0, 0.01, -0.01, 2.5, -3.5);
    fc.assert(
      fc.property(fc.oneof(fc.array(valueArb, { maxLength: 60 }), fc.array(nearZeroArb, { maxLength: 20 })), (values) => {
        const expected = rankValues(values.map((value, id) => ({ id, value, name: "", row: id })), tie);
        const ranks = ranksByHundredths(Float64Array.from(values), tie)!;
        expect(ranks).not.toBeNull();
        expect(Array.from(ranks)).toEqual(values.map((_, id) => expected.get(id)));
      }),
    );
  });

  it("leaves other values to the sort: not whole hundredths, infinite, or spread too far", () => {
    expect(ranksByHundredths(Float64Array.from([1, 0.125]), "competition")).toBeNull();
    expect(ranksByHundredths(Float64Array.from([1, Infinity]), "competition")).toBeNull();
    expect(ranksByHundredths(Float64Array.from([0, 1e9]), "dense")).toBeNull();
    expect(Array.from(ranksByHundredths(Float64Array.from([0, 5]), "dense")!)).toEqual([2, 1]);
  });
});

describe("rankByTotals", () => {
  const LEVELS = ["commune", "department", null, "province"] as const;
  /** Units as rankUnits sees them: level, aggregate and total; names only for the sequential rule. */
  /** Units of one call: totals all whole hundredths (the counting path), or some not (the sort). */
  const unitsArb = fc.boolean().chain((hundredthsOnly) =>
    fc.array(
      fc.record({
        level: fc.constantFrom(...LEVELS),
        aggregate: fc.nat(4).map((k) => k === 0),
        total: fc.oneof(
          fc.constant(null),
          fc.constantFrom(60, 60.5, 61.25),
          fc.integer({ min: 6_000, max: 6_100 }).map((k) => k / 100),
          hundredthsOnly ? fc.constant(60.75) : fc.double({ min: 0, max: 100, noNaN: true }),
        ),
        name: fc.constantFrom("A", "B", "C"),
      }),
      { maxLength: 40 },
    ),
  );
  const toUnits = (rows: { level: (typeof LEVELS)[number]; aggregate: boolean; total: number | null; name: string }[]): ScoredUnit[] =>
    rows.map((r, i) => ({ ...r, row: i, key: r.name.toLowerCase(), rank: null }) as unknown as ScoredUnit);

  it.each(
    (["competition", "dense", "sequential"] as const).flatMap((tie) => (["level", "all"] as const).map((scope) => [tie, scope] as const)),
  )("sets the ranks rankUnits sets (%s, scope %s)", (tie, scope) => {
    fc.assert(
      fc.property(unitsArb, (rows) => {
        const expected = toUnits(rows);
        rankUnits(expected, { tie, scope });
        const units = toUnits(rows);
        const keys: string[] = [];
        const totals = Float64Array.from(units, (u) => (u.aggregate || u.total === null ? NaN : u.total));
        const scopes = scope === "level" ? Uint8Array.from(units, (u) => (keys.includes(u.level ?? "") ? keys : (keys.push(u.level ?? ""), keys)).indexOf(u.level ?? "")) : null;
        rankByTotals(units, { tie, scope }, totals, scopes);
        expect(units.map((u) => u.rank)).toEqual(expected.map((u) => u.rank));
      }),
    );
  });
});
