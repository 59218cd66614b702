/**
 * Two optimisations that must not change a result:
 * - `fields` (the table's mapped columns): fields not listed are not looked up. Same results as
 *   without it on every built-in profile and seed table; the reader's rows never hold a field
 *   outside their layout (the contract the hint relies on); a hint the first row contradicts is
 *   ignored.
 * - lazy `indicators`: built on first read. JSON, spread, structuredClone, toEqual, key order
 *   and mutation behave as with records built up front (`eagerIndicators`).
 */
import fc from "fast-check";
import { score } from "../../src/engine";
import type { Level } from "../../src/model/fields";
import type { Profile } from "../../src/model/profile";
import type { ScoreResult, ScoredUnit, UnitRow } from "../../src/model/units";
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";
import { readTable } from "../../src/reader";
import { benCauGrid, benCauPastedGrid, dienBienGrid, dienBienPastedGrid, phuTanGrid, phuTanPastedGrid } from "../fixtures/grids/seeds";
import { unitRow } from "./rows";

const SCORED_UNIT_KEYS = [
  "row",
  "name",
  "key",
  "code",
  "level",
  "aggregate",
  "indicators",
  "groups",
  "total",
  "converted",
  "rating",
  "ratingKey",
  "rank",
  "previous",
  "change",
  "flags",
  "problems",
];

/** Every numeric field a profile can read from a row. */
function profileFields(profile: Profile): string[] {
  const fields = profile.indicators.flatMap((i) => [`${i.id}.numerator`, `${i.id}.denominator`, `${i.id}.ratio`, `${i.id}.points`]);
  return [...fields, ...profile.groups.map((g) => g.id), "total", "previous", "change", "converted"];
}

/** The union of the rows' value keys, and the unit name: what the reader's layout would map. */
function fieldsOf(units: readonly UnitRow[]): string[] {
  return ["name", ...new Set(units.flatMap((u) => Object.keys(u.values)))];
}

const LEVELS: (Level | null)[] = [null, "province", "department", "commune", "district"];

/**
 * Rows of a profile: a table with a random subset of the profile's fields (every row has all of
 * them, as from the reader) or rows with fields of their own, with counts, printed values,
 * blanks and odd values, so that every path of the engine (and its problems) is taken.
 */
function rowsArb(profile: Profile): fc.Arbitrary<UnitRow[]> {
  const all = profileFields(profile);
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 500 }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.double({ min: -5, max: 120, noNaN: true }).map((x) => Math.round(x * 100) / 100) },
  );
  const row = (fields: string[]) =>
    fc.record({
      values: fc.tuple(...fields.map(() => value)).map((vs) => Object.fromEntries(fields.map((f, i) => [f, vs[i]]))),
      level: fc.constantFrom(...LEVELS),
      name: fc.constantFrom("Sở Tư pháp", "UBND xã An Phú", "Toàn tỉnh", "UBND xã Bình Mỹ", "Sở Y tế"),
    });
  const sameFields = fc.subarray(all, { minLength: 1 }).chain((fields) => fc.array(row(fields), { minLength: 1, maxLength: 12 }));
  const ownFields = fc.array(fc.subarray(all).chain(row), { minLength: 1, maxLength: 12 });
  return fc.oneof(sameFields, ownFields).map((rows) => rows.map((r, i) => unitRow(3 + i, r.name, r.values, { level: r.level })));
}

/** The seed tables as the pipeline hands them to the engine: rows, layout and profile. */
const SEED_READS = [benCauGrid, benCauPastedGrid, dienBienGrid, dienBienPastedGrid, phuTanGrid, phuTanPastedGrid].map((grid) => {
  const read = readTable(grid, { profiles: BUILTIN_PROFILES });
  return { grid, read, profile: getProfile(read.profileId)! };
});

describe("fields: the table's mapped columns", () => {
  it.each(SEED_READS.map((s) => [`${s.grid.sheet} (${s.profile.id}, ${s.read.units.length} rows)`, s] as const))(
    "%s: the reader's rows hold no field outside their layout, and the hint changes nothing",
    (_name, { grid, read, profile }) => {
      const fields = Object.keys(read.layout.columns);
      expect(read.units.length).toBeGreaterThan(0);
      for (const unit of read.units) for (const field of Object.keys(unit.values)) expect(fields).toContain(field);
      const plain = score(read.units, profile, { sheet: grid.sheet });
      const hinted = score(read.units, profile, { sheet: grid.sheet, fields });
      expect(JSON.stringify(hinted)).toBe(JSON.stringify(plain));
    },
  );

  it.each(BUILTIN_PROFILES.map((p) => [p.id, p] as const))("%s: same results with and without the fields, for any rows", (_id, profile) => {
    fc.assert(
      fc.property(rowsArb(profile), fc.subarray(profileFields(profile)), (units, extra) => {
        const plain = JSON.stringify(score(units, profile, { sheet: "Sheet1" }));
        expect(JSON.stringify(score(units, profile, { sheet: "Sheet1", fields: fieldsOf(units) }))).toBe(plain);
        // A larger hint (columns no row uses) is just as good.
        expect(JSON.stringify(score(units, profile, { sheet: "Sheet1", fields: [...fieldsOf(units), ...extra] }))).toBe(plain);
      }),
      { numRuns: 60 },
    );
  });

  it("looks up printed ratios when the fields list them (a printed ratio wins over the counts' check)", () => {
    const qd766 = getProfile("qd766")!;
    const units = [unitRow(3, "Sở A", { "2.1.numerator": 1, "2.1.denominator": 4, "2.1.ratio": 30 }, { level: "department" })];
    const withRatio = score(units, qd766, { fields: fieldsOf(units) }).units[0];
    expect(withRatio.problems.map((p) => p.code)).toEqual(["ratio-mismatch"]);
    expect(withRatio.indicators["2.1"]).toEqual({ ratio: 25, points: 5 });
  });

  it("ignores a hint the first row contradicts, so a wrong layout cannot drop the row's data", () => {
    const qd766 = getProfile("qd766")!;
    const units = [
      unitRow(3, "Sở A", { "2.1.numerator": 1, "2.1.denominator": 4, "2.1.ratio": 30, TDGQ: 9 }, { level: "department" }),
      unitRow(4, "Sở B", { "2.1.numerator": 2, "2.1.denominator": 4, "2.1.ratio": 50, TDGQ: 10 }, { level: "department" }),
    ];
    const plain = score(units, qd766);
    const wrongHint = score(units, qd766, { fields: ["name", "2.1.numerator", "2.1.denominator"] });
    expect(JSON.stringify(wrongHint)).toBe(JSON.stringify(plain));
    expect(plain.units[0].problems.map((p) => p.code)).toEqual(["ratio-mismatch", "group-mismatch"]);
  });

  it("trusts the hint for rows after the first: a field left out is treated as absent (the caller's contract)", () => {
    const qd766 = getProfile("qd766")!;
    const units = [
      unitRow(3, "Sở A", { "2.1.numerator": 1, "2.1.denominator": 4 }, { level: "department" }),
      unitRow(4, "Sở B", { "2.1.numerator": 1, "2.1.denominator": 4, "2.1.ratio": 30 }, { level: "department" }),
    ];
    // Documented behaviour, pinned so that a change is deliberate: the reader never does this.
    expect(score(units, qd766, { fields: fieldsOf(units.slice(0, 1)) }).units[1].problems).toEqual([]);
    expect(score(units, qd766).units[1].problems.map((p) => p.code)).toEqual(["ratio-mismatch"]);
  });
});

describe("lazy indicators records", () => {
  /** Results built both ways from the same rows. */
  function bothWays(units: UnitRow[], profile: Profile): { lazy: ScoreResult; eager: ScoreResult } {
    return {
      lazy: score(units, profile, { sheet: "Sheet1", fields: fieldsOf(units) }),
      eager: score(units, profile, { sheet: "Sheet1", fields: fieldsOf(units), eagerIndicators: true }),
    };
  }

  /** Every way a consumer copies or compares a result sees the same data. */
  function expectSameAsEager(units: UnitRow[], profile: Profile): void {
    const eagerJson = JSON.stringify(bothWays(units, profile).eager);
    // Each check on a fresh lazy result, so that none relies on an earlier one's reads.
    expect(JSON.stringify(bothWays(units, profile).lazy)).toBe(eagerJson);
    const { lazy, eager } = bothWays(units, profile);
    expect(lazy).toEqual(eager);
    expect(lazy).toStrictEqual(eager);
    expect(JSON.stringify(bothWays(units, profile).lazy.units.map((u) => ({ ...u })))).toBe(JSON.stringify(eager.units));
    expect(bothWays(units, profile).lazy.units.map((u) => ({ ...u }))).toEqual(eager.units.map((u) => ({ ...u })));
    expect(JSON.stringify(structuredClone(bothWays(units, profile).lazy))).toBe(eagerJson);
    const fresh = bothWays(units, profile).lazy;
    for (const [i, unit] of fresh.units.entries()) {
      expect(Object.keys(unit)).toEqual(SCORED_UNIT_KEYS);
      expect(Object.keys(unit)).toEqual(Object.keys(eager.units[i]));
      expect(Object.entries(unit)).toEqual(Object.entries(eager.units[i]));
      expect(Object.getPrototypeOf(unit)).toBe(Object.prototype);
    }
  }

  it.each(SEED_READS.map((s) => [`${s.grid.sheet} (${s.profile.id})`, s] as const))("%s: same data as eager records", (_name, { read, profile }) => {
    expectSameAsEager(read.units, profile);
  });

  it.each(BUILTIN_PROFILES.map((p) => [p.id, p] as const))("%s: same data as eager records, for any rows", (_id, profile) => {
    fc.assert(
      fc.property(rowsArb(profile), (units) => expectSameAsEager(units, profile)),
      { numRuns: 40 },
    );
  });

  it("is an own enumerable accessor until read, then a plain writable data property", () => {
    const qd766 = getProfile("qd766")!;
    const unit = score([unitRow(3, "Sở A", { "2.1.numerator": 3, "2.1.denominator": 4 }, { level: "department" })], qd766).units[0];
    const before = Object.getOwnPropertyDescriptor(unit, "indicators")!;
    expect(before).toMatchObject({ enumerable: true, configurable: true });
    expect(typeof before.get).toBe("function");
    const record = unit.indicators;
    expect(record).toEqual({ "2.1": { ratio: 75, points: 15 } });
    expect(Object.getOwnPropertyDescriptor(unit, "indicators")).toEqual({ value: record, writable: true, enumerable: true, configurable: true });
    expect(unit.indicators).toBe(record);
  });

  it("keeps mutations: of the record after a read, and assignments before or after one", () => {
    const qd766 = getProfile("qd766")!;
    const rows = [1, 2, 3].map((n) => unitRow(3 + n, `Sở ${n}`, { "2.1.numerator": n, "2.1.denominator": 4 }, { level: "department" }));
    const [a, b, c] = score(rows, qd766).units;
    a.indicators["2.1"].points = 1;
    a.indicators["9.9"] = { ratio: null, points: null };
    expect(a.indicators).toEqual({ "2.1": { ratio: 25, points: 1 }, "9.9": { ratio: null, points: null } });
    b.indicators = {};
    expect(b.indicators).toEqual({});
    expect(Object.keys(b)).toEqual(SCORED_UNIT_KEYS);
    void c.indicators;
    c.indicators = { x: { ratio: 1, points: 2 } };
    expect(JSON.parse(JSON.stringify(c)).indicators).toEqual({ x: { ratio: 1, points: 2 } });
    delete (c as Partial<ScoredUnit>).indicators;
    expect("indicators" in c).toBe(false);
  });

  it("finds each unit's record in any order of reading, with duplicate and decreasing rows, and on a frozen unit", () => {
    const qd766 = getProfile("qd766")!;
    // Rows 9, 9, 5, 7: a binary search on rows cannot find all of them.
    const rows = [9, 9, 5, 7].map((r, n) => unitRow(r, `Sở ${n}`, { "2.1.numerator": n, "2.1.denominator": 4 }, { level: "department" }));
    const expected = [0, 1, 2, 3].map((n) => ({ "2.1": { ratio: n * 25, points: n * 5 } }));
    const lazy = score(rows, qd766).units;
    Object.freeze(lazy[2]);
    for (const i of [3, 1, 2, 0, 2]) expect(lazy[i].indicators).toEqual(expected[i]);
    // An object inheriting from a unit reads the unit's record.
    const heir = Object.create(score(rows, qd766).units[1]) as ScoredUnit;
    expect(heir.indicators).toEqual(expected[1]);
  });

  it("reads each unit's record from its own call when calls interleave", () => {
    const qd766 = getProfile("qd766")!;
    const rowsWith = (n: number) => [unitRow(3, "Sở A", { "2.1.numerator": n, "2.1.denominator": 4 }, { level: "department" })];
    const first = score(rowsWith(1), qd766).units[0];
    const second = score(rowsWith(3), qd766).units[0];
    expect(second.indicators).toEqual({ "2.1": { ratio: 75, points: 15 } });
    expect(first.indicators).toEqual({ "2.1": { ratio: 25, points: 5 } });
  });

  it("reads flags on indicator values without building the record", () => {
    const tuan = getProfile("an-giang-tuan")!;
    // Ratios of 10 % are below the profile's flag threshold on each component.
    const values = Object.fromEntries(tuan.indicators.map((i) => [`${i.id}.ratio`, 10]));
    const row = unitRow(3, "UBND xã A", values, { level: "commune" });
    const unit = score([row], tuan).units[0];
    expect(typeof Object.getOwnPropertyDescriptor(unit, "indicators")!.get).toBe("function");
    const eager = score([row], tuan, { eagerIndicators: true }).units[0];
    expect(eager.flags.map((f) => f.field)).toEqual(expect.arrayContaining(["ck.ratio", "td.ratio"]));
    expect(unit.flags).toEqual(eager.flags);
  });
});
