/** Engine behaviour beyond the golden tables: missing data, checks, inheritance, layouts, ranks. */
import { score } from "../../src/engine";
import { parseProfile, type Profile } from "../../src/model/profile";
import type { UnitRow } from "../../src/model/units";
import { getProfile } from "../../src/profiles";
import { unitRow } from "./rows";

const qd766 = getProfile("qd766")!;
const nhom = getProfile("qd766-nhom")!;
const tuan = getProfile("an-giang-tuan")!;

/** n/d counts for a list of indicator ids. */
function counts(entries: Record<string, [number | null, number | null]>): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  for (const [id, [n, d]] of Object.entries(entries)) {
    v[`${id}.numerator`] = n;
    v[`${id}.denominator`] = d;
  }
  return v;
}

const ALL_FULL: Record<string, [number, number]> = Object.fromEntries(qd766.indicators.map((i) => [i.id, [10, 10]]));

describe("missing stays missing", () => {
  it("a blank denominator leaves the indicator, its group and the total missing, naming the cell", () => {
    const row = unitRow(6, "Sở Tư pháp", counts({ ...ALL_FULL, "2.1": [10, null] }), { level: "province" });
    const u = score([row], qd766).units[0];
    expect(u.indicators["2.1"]).toEqual({ ratio: null, points: null });
    expect(u.groups.TDGQ).toBeNull();
    expect(u.groups.CKMB).toBe(18);
    expect(u.total).toBeNull();
    expect(u.rating).toBeNull();
    expect(u.problems).toHaveLength(1);
    expect(u.problems[0]).toMatchObject({ code: "missing", severity: "error", field: "2.1.denominator", cell: row.cells!["2.1.denominator"] });
    expect(u.problems[0].message).toContain("2.1");
  });

  it("a group with one indicator absent from the table is missing and names that indicator", () => {
    const rest = counts({ "1.1": [1, 1], "1.2": [1, 2], "1.4": [5, 10] });
    const u = score([unitRow(3, "Tỉnh A", rest, { level: "province" })], qd766).units[0];
    expect(u.groups).toEqual({ CKMB: null });
    expect(u.problems.map((p) => [p.code, p.field])).toEqual([["missing", "1.3.points"]]);
    expect(u.problems[0].message).toContain("1.3");
  });

  it("any subset may be given: groups whose indicators are all absent are simply not computed", () => {
    const result = score([unitRow(3, "Tỉnh A", counts({ "2.1": [3, 4] }), { level: "province" })], qd766);
    const u = result.units[0];
    expect(u.indicators).toEqual({ "2.1": { ratio: 75, points: 15 } });
    expect(u.groups).toEqual({ TDGQ: 15 });
    expect(u.total).toBeNull();
    expect(u.problems).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it("falls back to the printed total when the table does not give what it is made of", () => {
    const u = score([unitRow(3, "Tỉnh A", { ...counts({ "2.1": [3, 4] }), total: 81.5 }, { level: "province" })], qd766).units[0];
    expect(u.total).toBe(81.5);
    expect(u.rating).toBe("Tốt");
  });
});

describe("checks on given values", () => {
  it("given points above their maximum are an error naming the cell, and are not used", () => {
    const row = unitRow(8, "Xã B", { "2.1.points": 21 }, { level: "commune" });
    const u = score([row], qd766).units[0];
    expect(u.indicators["2.1"].points).toBeNull();
    expect(u.groups.TDGQ).toBeNull();
    expect(u.problems[0]).toMatchObject({ code: "above-max", severity: "error", cell: row.cells!["2.1.points"] });
    expect(u.problems[0].message).toBe("21 vượt quá điểm tối đa 20 của chỉ số 2.1 “Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn”");
  });

  it("a numerator above its denominator and a ratio above 100 are errors", () => {
    const u = score([unitRow(8, "Xã B", { ...counts({ "3.2": [1, 2], "3.3": [11, 10] }), "2.1.ratio": 104 }, { level: "commune" })], qd766).units[0];
    expect(u.problems.map((p) => [p.code, p.field])).toEqual([
      ["out-of-range", "2.1.ratio"],
      ["out-of-range", "3.3.numerator"],
      ["not-rated", undefined],
    ]);
    expect(u.indicators["3.3"].points).toBeNull();
    expect([u.rating, u.rank]).toEqual([null, null]);
  });

  it("a group score above its maximum is an error (CLGQ/TTTT swapped in old portal data)", () => {
    const values = { CKMB: 18, TDGQ: 20, CLGQ: 10, TTTT: 12, MDHL: 18, MDSH: 22 };
    const u = score([unitRow(2, "Tỉnh C", values, { level: "province" })], nhom).units[0];
    expect(u.groups.TTTT).toBeNull();
    expect(u.total).toBeNull();
    expect(u.problems.map((p) => p.code)).toEqual(["above-max", "not-rated"]);
  });

  it("warns when printed points or ratios differ from those computed from the counts", () => {
    const u = score([unitRow(2, "Tỉnh C", { ...counts({ "2.1": [1, 2] }), "2.1.ratio": 55, "2.1.points": 11 }, { level: "province" })], qd766)
      .units[0];
    expect(u.indicators["2.1"]).toEqual({ ratio: 50, points: 10 });
    expect(u.problems.map((p) => p.code)).toEqual(["ratio-mismatch", "points-mismatch"]);
  });

  it("names the unit's row when the field has no cell and the sheet is known", () => {
    const row: UnitRow = { ...unitRow(6, "Xã D", { "2.1.numerator": 1, "2.1.denominator": null }), cells: undefined };
    const u = score([row], qd766, { sheet: "Phụ lục 1" }).units[0];
    expect(u.problems[0].cell).toBe("'Phụ lục 1'!7:7");
  });
});

describe("the national rules", () => {
  it("zero denominators: no PAKN gives full marks (5.1, 5.2); elsewhere 0", () => {
    const u = score([unitRow(1, "Xã E", counts({ "5.1": [0, 0], "5.2": [0, 0], "5.3": [0, 0] }), { level: "commune" })], qd766).units[0];
    expect(u.indicators["5.1"]).toEqual({ ratio: 100, points: 6 });
    expect(u.indicators["5.2"]).toEqual({ ratio: 100, points: 6 });
    expect(u.indicators["5.3"]).toEqual({ ratio: 0, points: 0 });
    expect(u.groups.MDHL).toBe(12);
  });

  it("targets cap at the maximum: 3.3 at 50 % online gives the full 6", () => {
    const u = score([unitRow(1, "Tỉnh F", counts({ "3.3": [1, 2], "4.2": [2, 5] }), { level: "province" })], qd766).units[0];
    expect(u.indicators["3.3"].points).toBe(6);
    expect(u.indicators["4.2"].points).toBe(1); // min(2, 2 × 0.4 / 0.8)
  });

  it("departments and communes inherit 1.1–1.3 and 6.7 from the province row; communes have no 3.1", () => {
    const province = unitRow(4, "Tỉnh G", counts({ "1.1": [1, 2], "1.2": [3, 4], "1.3": [1, 1], "6.7": [1, 4] }), { level: "province" });
    const own = { ...ALL_FULL };
    for (const id of ["1.1", "1.2", "1.3", "6.7"]) delete own[id];
    const blanks = counts({ "1.1": [null, null], "1.2": [null, null], "1.3": [null, null], "6.7": [null, null] });
    const commune = unitRow(5, "Xã H", { ...counts(own), ...blanks }, { level: "commune" });
    const department = unitRow(6, "Sở I", { ...counts(own), ...blanks }, { level: "department" });
    const [, c, d] = score([province, commune, department], qd766).units;
    expect(c.indicators["1.1"]).toEqual({ ratio: 50, points: 3 });
    expect(c.groups.CKMB).toBe(3 + 3 + 2 + 6);
    expect(c.indicators["3.1"]).toBeUndefined();
    expect(c.groups.CLGQ).toBe(10);
    expect(d.groups.CLGQ).toBe(12);
    expect(c.groups.MDSH).toBe(20.5);
    expect(c.total).toBe(14 + 20 + 10 + 10 + 18 + 20.5);
    expect(c.problems).toEqual([]);
    expect(d.total).toBe(14 + 20 + 12 + 10 + 18 + 20.5);
  });

  it("without a province row the blank inherited indicators are missing", () => {
    const u = score([unitRow(5, "Xã H", counts({ "1.1": [null, null] }), { level: "commune" })], qd766).units[0];
    expect(u.problems.map((p) => p.code)).toContain("missing");
  });
});

describe("group layouts (qd766-nhom)", () => {
  it("accepts the 5-group layout: DVTT stands in for CLGQ + TTTT", () => {
    const values = { CKMB: 18, TDGQ: 19.5, DVTT: 15.2, MDHL: 18, MDSH: 12 };
    const u = score([unitRow(2, "Tỉnh J", values, { level: "province" })], nhom).units[0];
    expect(u.total).toBe(82.7);
    expect(u.groups).toEqual(values);
    expect(u.problems).toEqual([]);
  });

  it("warns when a printed DVTT differs from CLGQ + TTTT", () => {
    const values = { CKMB: 18, TDGQ: 20, CLGQ: 8, TTTT: 7, DVTT: 16, MDHL: 18, MDSH: 22 };
    const u = score([unitRow(2, "Tỉnh J", values, { level: "province" })], nhom).units[0];
    expect(u.groups.DVTT).toBe(15);
    expect(u.total).toBe(93);
    expect(u.problems.map((p) => p.code)).toEqual(["group-mismatch"]);
  });

  it("a printed total within 0.05 of the sum passes silently; the sum is the total", () => {
    const values = { CKMB: 18, TDGQ: 20, CLGQ: 8, TTTT: 7, MDHL: 18, MDSH: 22, total: 93.04 };
    const u = score([unitRow(2, "Tỉnh J", values, { level: "province" })], nhom).units[0];
    expect(u.total).toBe(93);
    expect(u.problems).toEqual([]);
  });
});

describe("aggregates, ranks, ratings, changes", () => {
  const rows = (): UnitRow[] => [
    unitRow(1, "Tổng cộng", { total: 60, previous: 58 }, { level: "commune" }),
    unitRow(2, "Xã A", { total: 80, previous: 81.5 }, { level: "commune" }),
    unitRow(3, "Xã B", { total: 69.99, previous: 70 }, { level: "commune" }),
    unitRow(4, "Sở C", { total: 90, previous: 90 }, { level: "department" }),
    unitRow(5, "Xã D", { total: 80, previous: null }, { level: "commune" }),
    unitRow(6, "Xã E", { total: 75 }, { level: "commune" }),
  ];

  it("aggregates keep total, rating and change but get no rank and no flag", () => {
    const u = score(rows(), tuan).units[0];
    expect(u.aggregate).toBe(true);
    expect([u.total, u.rating, u.change, u.rank, u.flags]).toEqual([60, "TB", 2, null, []]);
  });

  it("ranks competition-style, per level when the profile says so", () => {
    const perLevel = parseProfile({ ...tuan, ranking: { tie: "competition", scope: "level" } });
    expect(score(rows(), perLevel).units.map((u) => u.rank)).toEqual([null, 1, 4, 1, 1, 3]);
    expect(score(rows(), tuan).units.map((u) => u.rank)).toEqual([null, 2, 5, 1, 2, 4]);
  });

  it("offers dense and sequential ties; sequential breaks ties by name", () => {
    const dense = parseProfile({ ...tuan, ranking: { tie: "dense", scope: "all" } });
    const sequential = parseProfile({ ...tuan, ranking: { tie: "sequential", scope: "all" } });
    expect(score(rows(), dense).units.map((u) => u.rank)).toEqual([null, 2, 4, 1, 2, 3]);
    expect(score(rows(), sequential).units.map((u) => u.rank)).toEqual([null, 2, 5, 1, 3, 4]);
  });

  it("rates on the percent of the maximum, 69.99 below Khá, and flags it", () => {
    const u = score(rows(), tuan).units[2];
    expect([u.rating, u.ratingKey]).toEqual(["TB", "trung-binh"]);
    expect(u.flags.map((f) => f.field)).toEqual(["total"]);
    expect(u.change).toBe(-0.01);
  });

  it("gives no change without a previous total", () => {
    const units = score(rows(), tuan).units;
    expect(units[4].change).toBeNull();
    expect(units[5].change).toBeNull();
  });

  it("warns when a printed rating or change differs from the computed one", () => {
    const row = unitRow(2, "Xã A", { total: 80, previous: 70, change: 9 }, { texts: { rating: "Khá" } });
    expect(score([row], tuan).units[0].problems.map((p) => p.code)).toEqual(["rating-mismatch", "change-mismatch"]);
  });

  it("a blank total on a total-basis profile is missing, not 0, and is not ranked", () => {
    const row = unitRow(2, "Xã A", { total: null });
    const u = score([row], tuan).units[0];
    expect([u.total, u.rating, u.rank]).toEqual([null, null, null]);
    expect(u.problems[0]).toMatchObject({ code: "missing", cell: row.cells!.total });
  });

  it("a table without a total column on a total-basis profile is a table-level error", () => {
    const result = score([unitRow(2, "Xã A", { previous: 50 })], tuan);
    expect(result.problems).toEqual([expect.objectContaining({ code: "missing", severity: "error" })]);
  });
});

describe("a user's own profile", () => {
  it("scores a half-even profile differently from half-up", () => {
    const own: Profile = parseProfile({
      id: "thu-nghiem",
      name: "Thử nghiệm",
      version: "1",
      source: "kiểm thử",
      basis: "indicators",
      groups: [{ id: "G", label: "Nhóm", max: 1 }],
      indicators: [{ id: "a", label: "A", group: "G", max: 1 }],
      total: { max: 1 },
      rounding: { decimals: 2, mode: "half-even" },
    });
    const u = score([unitRow(1, "X", { "a.ratio": 12.5 })], own).units[0];
    expect(u.indicators.a.points).toBe(0.12);
  });
});

describe("the portal's method (METHOD.md §8)", () => {
  it("scores points from the ratio rounded to a 2-decimal percentage: 95.75 % × 6 = 5.745 → 5.75", () => {
    // 95 746 / 100 000 = 95.746 % → 95.75 %; the raw fraction would give 6 × 0.95746 = 5.74476 → 5.74.
    const u = score([unitRow(1, "Tỉnh A", counts({ "1.1": [95_746, 100_000] }), { level: "province" })], qd766).units[0];
    expect(u.indicators["1.1"]).toEqual({ ratio: 95.75, points: 5.75 });
  });

  it("does the same under a target rule: 3.3 at 49.996 % reaches its 50 % target", () => {
    const u = score([unitRow(1, "Tỉnh A", counts({ "3.3": [49_996, 100_000] }), { level: "province" })], qd766).units[0];
    expect(u.indicators["3.3"]).toEqual({ ratio: 50, points: 6 });
  });

  it("gives 6.7 at province level 0 / 0 a ratio of 100 and full points, from the profile's data", () => {
    const spec = qd766.indicators.find((i) => i.id === "6.7")!;
    expect(spec.zeroDenominatorByLevel).toEqual({ province: "full" });
    const province = score([unitRow(1, "Tỉnh A", counts({ "6.7": [0, 0] }), { level: "province" })], qd766).units[0];
    expect(province.indicators["6.7"]).toEqual({ ratio: 100, points: 2 });
    expect(province.problems.filter((p) => p.field?.startsWith("6.7"))).toEqual([]);
    const department = score([unitRow(1, "Sở B", counts({ "6.7": [0, 0] }), { level: "department" })], qd766).units[0];
    expect(department.indicators["6.7"]).toEqual({ ratio: 0, points: 0 });
  });

  it("lets a printed ratio win over a zero denominator's rule, and says so", () => {
    const row = unitRow(1, "Sở B", { ...counts({ "6.7": [0, 0] }), "6.7.ratio": 100 }, { level: "department" });
    const u = score([row], qd766).units[0];
    expect(u.indicators["6.7"]).toEqual({ ratio: 100, points: 2 });
    expect(u.problems.filter((p) => p.field?.startsWith("6.7"))).toEqual([
      expect.objectContaining({ code: "zero-denominator-ratio", severity: "warning", cell: row.cells!["6.7.ratio"] }),
    ]);
  });

  it("takes a printed 0 % over 0 / 0 as the portal's blank, not a result: no PAKN still scores 6 (Đắk Lắk 10/2026)", () => {
    const row = unitRow(1, "Sở B", { ...counts({ "5.1": [0, 0], "5.2": [0, 0], "1.4": [0, 0] }), "5.1.ratio": 0, "5.2.ratio": 0, "1.4.ratio": 0 }, { level: "department" });
    const u = score([row], qd766).units[0];
    expect(u.indicators["5.1"]).toEqual({ ratio: 100, points: 6 });
    expect(u.indicators["5.2"]).toEqual({ ratio: 100, points: 6 });
    expect(u.indicators["1.4"]).toEqual({ ratio: 0, points: 0 });
    expect(u.problems.filter((p) => p.code === "zero-denominator-ratio")).toEqual([]);
  });

  it("a printed ratio that agrees with the zero denominator's rule is no problem", () => {
    const row = unitRow(1, "Tỉnh A", { ...counts({ "6.7": [0, 0] }), "6.7.ratio": 100 }, { level: "province" });
    expect(score([row], qd766).units[0].problems.filter((p) => p.field?.startsWith("6.7"))).toEqual([]);
  });
});

describe("ranking scope and tie rule are the profile's settings", () => {
  const rows = (): UnitRow[] => [
    unitRow(1, "Xã Z", { total: 80 }, { level: "commune" }),
    unitRow(2, "Xã A", { total: 90 }, { level: "commune" }),
    unitRow(3, "Sở B", { total: 80 }, { level: "department" }),
    unitRow(4, "Xã C", { total: 80 }, { level: "commune" }),
  ];
  const ranks = (tie: string, scope: string) =>
    score(rows(), parseProfile({ ...tuan, ranking: { tie, scope } })).units.map((u) => u.rank);

  it("whole table: competition 1,2,2,2 · dense 1,2,2,2 · by name · in table order", () => {
    expect(ranks("competition", "all")).toEqual([2, 1, 2, 2]);
    expect(ranks("dense", "all")).toEqual([2, 1, 2, 2]);
    // By name: "sở b" < "xã c" < "xã z".
    expect(ranks("sequential", "all")).toEqual([4, 1, 2, 3]);
    // In table order: rows 1, 3, 4 after the 90.
    expect(ranks("table-order", "all")).toEqual([2, 1, 3, 4]);
  });

  it("per level: departments and communes ranked apart", () => {
    expect(ranks("competition", "level")).toEqual([2, 1, 1, 2]);
    expect(ranks("table-order", "level")).toEqual([2, 1, 1, 3]);
  });

  it("defaults to competition per level", () => {
    const profile = parseProfile({ ...tuan, ranking: {} });
    expect(profile.ranking).toEqual({ tie: "competition", scope: "level" });
  });

  it("competition skips after a tie, dense does not", () => {
    const five = [90, 80, 80, 70].map((t, i) => unitRow(i, `Xã ${i}`, { total: t }));
    const by = (tie: string) => score(five, parseProfile({ ...tuan, ranking: { tie, scope: "all" } })).units.map((u) => u.rank);
    expect(by("competition")).toEqual([1, 2, 2, 4]);
    expect(by("dense")).toEqual([1, 2, 2, 3]);
    expect(by("table-order")).toEqual([1, 2, 3, 4]);
  });
});
