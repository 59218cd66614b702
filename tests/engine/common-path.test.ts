/**
 * The common path (src/engine/common-path.ts: units given as plain counts) must give exactly
 * what the general path gives: same ratios, points, groups, totals, ratings, ranks, problems,
 * for every profile and any rows, including those it hands back to the general path (blanks,
 * bad counts, counts too large for its integer arithmetic, zero denominators the profile calls
 * missing). `commonPath: false` forces the general path.
 */
import fc from "fast-check";
import { bandFor, divideRounded, score, type ScoreOptions } from "../../src/engine";
import { commonPathOf } from "../../src/engine/common-path";
import { compileStep, fieldPresence, shapeOf } from "../../src/engine/compile";
import type { Level } from "../../src/model/fields";
import { parseProfile, type Profile, type ProfileInput } from "../../src/model/profile";
import type { UnitRow } from "../../src/model/units";
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";
import { unitRow } from "./rows";

const qd766 = getProfile("qd766")!;

/** A custom profile: ungrouped scored and unscored indicators, a group of one commune-less indicator, targets. */
const CUSTOM: ProfileInput = {
  id: "tuy-chinh",
  name: "Tùy chỉnh",
  version: "1",
  source: "thử",
  basis: "indicators",
  groups: [
    { id: "A", label: "Nhóm A", max: 30 },
    { id: "B", label: "Nhóm B", max: 5 },
  ],
  indicators: [
    { id: "a1", label: "A1", group: "A", max: 12.5, rule: { kind: "target", target: 80 } },
    { id: "a2", label: "A2", group: "A", max: 17.5, zeroDenominator: "full" },
    { id: "b1", label: "B1", group: "B", max: 5, notApplicableFor: ["commune"] },
    { id: "u1", label: "U1", max: 7.25, rule: { kind: "target", target: 33 }, zeroDenominator: "missing" },
    { id: "u2", label: "U2", max: 0 },
    { id: "u3", label: "U3", max: 3, inheritedBy: ["commune"] },
  ],
  total: { max: 65, label: "Tổng" },
  rating: { bands: [{ min: 50, key: "dat", label: "Đạt" }, { min: 0, key: "khong", label: "Không đạt" }] },
  ranking: { tie: "dense", scope: "all" },
  flags: [{ field: "a1.ratio", op: "below", threshold: 50 }],
  aggregateRows: [{ name: "Toàn", match: "start" }],
};

const PROFILES: Profile[] = [
  ...BUILTIN_PROFILES,
  { ...qd766, id: "qd766-half-even", rounding: { decimals: 2, mode: "half-even" } },
  { ...qd766, id: "qd766-3-decimals", rounding: { decimals: 3, mode: "half-up" } },
  parseProfile(CUSTOM),
  { ...parseProfile(CUSTOM), id: "tuy-chinh-half-even", rounding: { decimals: 2, mode: "half-even" } },
];

const LEVELS: (Level | null)[] = [null, "province", "department", "commune", "commune", "commune", "district"];

/** A usable count pair; small denominators with factors of 2 and 5 give exact ties to round. */
const usableArb: fc.Arbitrary<[number, number]> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))) },
  { weight: 4, arbitrary: fc.constantFrom(16, 32, 64, 80, 128, 160, 320, 640).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))) },
  { weight: 1, arbitrary: fc.constant<[number, number]>([0, 0]) },
);

/** What the common path must hand back: blanks, bad counts, counts beyond its exact range. */
const oddArb: fc.Arbitrary<[number | null, number | null]> = fc.oneof(
  fc.integer({ min: 3_000_000_000, max: 2 ** 40 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
  fc.tuple(fc.constantFrom(null, 3, -1, 0.5, 7.25), fc.constantFrom(null, 2, 4, 10.5, 0)),
);

/** A row's counts: mostly all usable (the common path), sometimes with one odd pair. */
const countsArb = (length: number): fc.Arbitrary<[number | null, number | null][]> =>
  fc.tuple(fc.array(usableArb, { minLength: length, maxLength: length }), fc.option(fc.tuple(fc.nat(Math.max(0, length - 1)), oddArb), { freq: length > 0 ? 4 : 1, nil: null })).map(([pairs, odd]) => {
    const counts: [number | null, number | null][] = [...pairs];
    if (odd !== null && length > 0) counts[odd[0]] = odd[1];
    return counts;
  });

/** Rows with counts for every indicator of the profile (as a counts table gives them), some with a printed extra. */
function rowsArb(profile: Profile): fc.Arbitrary<UnitRow[]> {
  const ids = profile.indicators.map((i) => i.id);
  const row = fc.record({
    counts: countsArb(ids.length),
    level: fc.constantFrom(...LEVELS),
    name: fc.constantFrom("Sở Tư pháp", "UBND xã An Phú", "Toàn tỉnh", "UBND xã Bình Mỹ", "Sở Y tế"),
  });
  return fc.array(row, { minLength: 1, maxLength: 15 }).map((rows) =>
    rows.map((r, k) => {
      const values: Record<string, number | null> = {};
      ids.forEach((id, i) => {
        values[`${id}.numerator`] = r.counts[i][0];
        values[`${id}.denominator`] = r.counts[i][1];
      });
      return unitRow(3 + k, r.name, values, { level: r.level });
    }),
  );
}

function expectSamePaths(units: UnitRow[], profile: Profile, options: ScoreOptions): void {
  const common = score(units, profile, options);
  const general = score(units, profile, { ...options, commonPath: false });
  expect(JSON.stringify(common)).toBe(JSON.stringify(general));
  expect(common).toStrictEqual(general);
}

describe("common path", () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))("%s: same results as the general path, for any counts", (_id, profile) => {
    fc.assert(
      // The table's fields in 3 runs of 4 (without them the common path is not taken).
      fc.property(rowsArb(profile), fc.nat(3).map((k) => k > 0), fc.boolean(), (units, hinted, eager) => {
        const fields = hinted ? ["name", ...new Set(units.flatMap((u) => Object.keys(u.values)))] : undefined;
        expectSamePaths(units, profile, { sheet: "Sheet1", fields, eagerIndicators: eager });
      }),
      { numRuns: 120 },
    );
  });

  it("is taken for qd766 counts tables and half-even rounding, not for other roundings or printed values to check", () => {
    const pathFor = (profile: Profile, fields: string[]) => {
      const presence = fieldPresence([], fields);
      return commonPathOf(profile, shapeOf(profile, presence), profile.indicators.map((s) => compileStep(s, profile, presence)));
    };
    const counts = qd766.indicators.flatMap((i) => [`${i.id}.numerator`, `${i.id}.denominator`]);
    expect(pathFor(qd766, counts)).not.toBeNull();
    expect(pathFor(PROFILES.find((p) => p.id === "qd766-half-even")!, counts)).not.toBeNull();
    expect(pathFor(parseProfile(CUSTOM), CUSTOM.indicators!.flatMap((i) => [`${i.id}.numerator`, `${i.id}.denominator`]))).not.toBeNull();
    expect(pathFor(PROFILES.find((p) => p.id === "qd766-3-decimals")!, counts)).toBeNull();
    expect(pathFor(qd766, [...counts, "2.1.ratio"])).toBeNull();
    expect(pathFor(qd766, [...counts, "TDGQ"])).toBeNull();
    expect(pathFor(qd766, [...counts, "total"])).toBeNull();
    // Without the table's fields every printed value may be there: general path.
    expect(commonPathOf(qd766, shapeOf(qd766, null), qd766.indicators.map((s) => compileStep(s, qd766, null)))).toBeNull();
  });

  it("scores a unit of plain counts itself and hands back a blank, a bad count or a count beyond its exact range", () => {
    const counts = qd766.indicators.flatMap((i) => [`${i.id}.numerator`, `${i.id}.denominator`]);
    const presence = fieldPresence([], counts);
    const shape = shapeOf(qd766, presence);
    const path = commonPathOf(qd766, shape, qd766.indicators.map((s) => compileStep(s, qd766, presence)))!;
    const k = qd766.indicators.length;
    const run = (values: Record<string, number | null>, level: Level) =>
      path.score(unitRow(3, "Sở A", values, { level }), new Uint8Array(k), new Float64Array(k), new Float64Array(k), 0, new Float64Array(qd766.groups.length));
    const full = Object.fromEntries(counts.map((f) => [f, f.endsWith("numerator") ? 3 : 4]));
    // 3/4 everywhere: 75 % of each maximum (targets of 80 % and 90 %: 93.75 % and 83.33 %).
    const total = run(full, "department") / 100;
    expect(total).toBe(score([unitRow(3, "Sở A", full, { level: "department" })], qd766, { fields: counts, commonPath: false }).units[0].total);
    expect(run({ ...full, "2.1.denominator": null }, "department")).toBeNaN();
    expect(run({ ...full, "2.1.numerator": 5 }, "department")).toBeNaN();
    expect(run({ ...full, "2.1.numerator": 1.5 }, "department")).toBeNaN();
    expect(run({ ...full, "2.1.numerator": 3, "2.1.denominator": 2 ** 40 }, "department")).toBeNaN();
    // Communes: 3.1 does not apply, so its blank counts do not matter.
    expect(run({ ...full, "3.1.numerator": null, "3.1.denominator": null }, "commune")).not.toBeNaN();
  });

  it("finds a total's band by thresholds in hundredths exactly as from its percent", () => {
    // Band bounds that fall between hundredths of the total (out of 65: 33.33 % is 21.6645).
    const odd = { ...parseProfile(CUSTOM), rating: { on: "total" as const, bands: [{ min: 33.333, key: "a", label: "A" }, { min: 90.0000001, key: "b", label: "B" }, { min: 0, key: "c", label: "C" }] } };
    for (const profile of [qd766, parseProfile(CUSTOM), odd]) {
      const bandOf = shapeOf(profile, null).bandOfHundredths!;
      const max = profile.total!.max;
      for (let k = 0; k <= max * 100 + 50; k++) {
        expect([k, bandOf(k).key]).toEqual([k, bandFor(profile.rating!.bands, divideRounded(k / 100, max, 100, 6)).key]);
      }
    }
    // Rated on the converted total (Điện Biên): left to ratingOf.
    expect(shapeOf(getProfile("dien-bien-2023")!, null).bandOfHundredths).toBeNull();
  });
});

describe("groups records of the common path", () => {
  /** Groups records built both ways: the common path's literal and the general path's constructors. */
  const groupsBothWays = (profile: Profile, units: UnitRow[]) => {
    const fields = ["name", ...new Set(units.flatMap((u) => Object.keys(u.values)))];
    return [score(units, profile, { fields }), score(units, profile, { fields, commonPath: false })].map((r) => r.units.map((u) => u.groups));
  };
  const countsRow = (profile: Profile, k: number) =>
    unitRow(3 + k, `Sở ${k}`, Object.fromEntries(profile.indicators.flatMap((i) => [[`${i.id}.numerator`, k % 5], [`${i.id}.denominator`, 4]])), { level: "department" });

  it("are plain objects with the profile's keys in order, also for repeated and integer-like ids", () => {
    const parsed = parseProfile({
      ...CUSTOM,
      groups: [
        { id: "B", label: "B", max: 30 },
        { id: "7", label: "Bảy", max: 5 },
        { id: 'x"y\\u2028', label: "Lạ", max: 5 },
      ],
      indicators: [
        { id: "a1", label: "A1", group: "B", max: 12.5 },
        { id: "b1", label: "B1", group: "7", max: 5 },
        { id: "c1", label: "C1", group: 'x"y\\u2028', max: 5 },
      ],
    });
    // The schema refuses a repeated group id; the engine must still cope with one.
    const odd: Profile = { ...parsed, groups: [...parsed.groups, { ...parsed.groups[0], label: "B lặp" }] };
    for (const profile of [qd766, odd]) {
      const [common, general] = groupsBothWays(profile, [0, 1, 2, 3].map((k) => countsRow(profile, k)));
      expect(common).toStrictEqual(general);
      for (const [i, record] of common.entries()) {
        expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
        expect(Object.keys(record)).toEqual(Object.keys(general[i]));
        expect(JSON.stringify(record)).toBe(JSON.stringify(general[i]));
      }
    }
    expect(Object.keys(groupsBothWays(odd, [countsRow(odd, 1)])[0][0])).toEqual(["7", "B", 'x"y\\u2028']);
  });
});
