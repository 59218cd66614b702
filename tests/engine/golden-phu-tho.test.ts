/**
 * Golden test: Phú Thọ, tháng 8/2026, the national portal's new evaluation API
 * (tests/fixtures/golden/phu-tho-2026-08.ts: source, capture date and what is the portal's).
 * Read and scored as a clerk's table through the whole pipeline (reader → engine), profile qd766.
 *
 * Checked: the method and every column read with no doubt; from the counts, every indicator point
 * the portal publishes (1.x, 5.x, 6.x: 14 rows × 14) and every group score (14 × 6, the printed
 * "Dịch vụ công trực tuyến" standing in for units, which the portal gives no counts for); the
 * province's "Dịch vụ công trực tuyến" 8.83 from its own 3.x counts; totals, levels, ranks, ratings;
 * and, with the 3.x columns in the table (blank for every unit), the same for every unit, its
 * printed "Dịch vụ công trực tuyến" standing in for the blank 3.x with one note on that cell.
 *
 * Found and fixed: UBND Phường Nông Trang, 6.5 = 752 / 1 780 prints 42.25 % but scores 0.84: the
 * portal takes the digitisation group's points from the unrounded fraction (2 × 0.42247 = 0.8449),
 * where the 2-decimal percentage gives 2 × 0.4225 = 0.845 → 0.85 (the tool had MDSH 7.91 for the
 * portal's 7.90). The payment group does the opposite (Đắk Lắk 10/2026, Liên Sơn Lắk: 95.75 % × 6
 * = 5.745 → 5.75, the fraction would give 5.74), so it is a per-indicator choice of the method:
 * qd766 says "pointsFrom": "fraction" for 6.1–6.6. (The capturing project's own validation of the
 * same answers found 6.1 off the rounded-percentage rule by 0.0052 too: docs/scoring-formula-
 * analysis.m0.json.) 0 / 0 under a blank ratio (1.1, 1.2; 1.4 and 6.1–6.5 of Văn phòng UBND), which
 * the portal scores null, counts 0 here: the group scores agree either way.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { PHU_THO_2026_08 as TABLE, PHU_THO_GROUP_IDS, PHU_THO_INDICATOR_IDS, phuThoMerges, phuThoTsv } from "../fixtures/golden/phu-tho-2026-08";

/** Competition ranks ("1, 2, 2, 4"), worked out here independently of the engine. */
const competition = (totals: number[]) => totals.map((t) => 1 + totals.filter((x) => x > t).length);
const band = (t: number) => (t >= 90 ? "Xuất sắc" : t >= 80 ? "Tốt" : t >= 70 ? "Khá" : t >= 50 ? "Trung bình" : "Yếu");
/** A sum of 2-decimal numbers, exact. */
const sum2 = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;
const LEVELS: Record<string, string> = { Tỉnh: "province", "Cấp Tỉnh": "department", "Cấp Xã / Đơn vị trực thuộc": "commune" };

function run(rows = TABLE, withDvctt = false) {
  const grid = gridFromTsv(phuThoTsv(rows, withDvctt), { numeric: true, sheet: "Bảng", merges: phuThoMerges(withDvctt) });
  return runScoring(grid, { profiles: BUILTIN_PROFILES });
}

describe("golden: Phú Thọ 8/2026, new-API counts (qd766)", () => {
  const result = run();
  const units = result.scored.units;

  it("reads the table with no doubt: qd766, every column matched for sure, no warning", () => {
    expect(result.profile.id).toBe("qd766");
    expect(result.read.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(result.read.mapping.filter((m) => m.field !== null && m.confidence < 1)).toEqual([]);
    expect(units.map((u) => u.name)).toEqual(TABLE.map((r) => r.name));
  });

  it("gives every indicator point the portal publishes (0 where it printed null over 0 / 0)", () => {
    units.forEach((u, i) => {
      const published = TABLE[i].points;
      const ids = Object.keys(published);
      expect([u.name, ids.map((id) => u.indicators[id]?.points ?? null)]).toEqual([u.name, ids.map((id) => published[id as keyof typeof published] ?? 0)]);
    });
    // 14 per row: 1.1–1.4, 5.1–5.3, 6.1–6.7.
    expect(TABLE.every((r) => Object.keys(r.points).length === 14)).toBe(true);
  });

  it("gives every group score the portal published, and 2.1's points are its Tiến độ", () => {
    units.forEach((u, i) => {
      expect([u.name, u.groups]).toEqual([u.name, Object.fromEntries(PHU_THO_GROUP_IDS.map((g, k) => [g, TABLE[i].groups[k]]))]);
      expect(u.indicators["2.1"].points).toBe(TABLE[i].groups[1]);
    });
    expect(units.flatMap((u) => u.problems)).toEqual([]);
    expect(result.scored.problems).toEqual([]);
  });

  it("totals are the sums of the groups; levels from 'Cấp'; ranks per level; ratings by the bands", () => {
    expect(units.map((u) => u.total)).toEqual(TABLE.map((r) => sum2(r.groups)));
    expect(units[0].total).toBe(59.91);
    expect(units.map((u) => u.level)).toEqual(TABLE.map((r) => LEVELS[r.level]));
    for (const level of ["department", "commune"]) {
      const mine = units.filter((u) => u.level === level);
      expect(mine.map((u) => u.rank)).toEqual(competition(mine.map((u) => u.total!)));
    }
    expect(units.map((u) => u.rating)).toEqual(units.map((u) => band(u.total!)));
  });

  it("Nông Trang's 6.5 from the unrounded fraction: 752 / 1 780 → 42.25 % shown, 0.84 points (not 0.85)", () => {
    const nongTrang = units.find((u) => u.name === "UBND Phường Nông Trang")!;
    expect(nongTrang.indicators["6.5"]).toEqual({ ratio: 42.25, points: 0.84 });
    expect(nongTrang.groups.MDSH).toBe(7.9);
    // The method says so per indicator: the digitisation group from the fraction, the rest (payment: 95.75 % × 6 → 5.75) from the ratio.
    const qd766 = getProfile("qd766")!;
    expect(qd766.indicators.filter((i) => i.pointsFrom === "fraction").map((i) => i.id)).toEqual(["6.1", "6.2", "6.3", "6.4", "6.5", "6.6"]);
  });
});

describe("golden: Phú Thọ 8/2026, the province's own 3.x counts", () => {
  const { scored } = run(TABLE.slice(0, 1), true);
  const province = scored.units[0];

  it("gives “Dịch vụ công trực tuyến” 8.83 from its counts: 52 / 56 (target 80 %) + 406 / 1 968 + 150 956 / 152 595 (target 50 %)", () => {
    expect(PHU_THO_INDICATOR_IDS.slice(5, 8).map((id) => province.indicators[id])).toEqual([
      { ratio: 92.86, points: 2 },
      { ratio: 20.63, points: 0.83 },
      { ratio: 98.93, points: 6 },
    ]);
    expect(province.groups).toEqual(Object.fromEntries(PHU_THO_GROUP_IDS.map((g, k) => [g, TABLE[0].groups[k]])));
    expect(province.total).toBe(59.91);
    expect(province.problems).toEqual([]);
  });
});

describe("golden: Phú Thọ 8/2026 with the 3.x columns, blank for every unit but the province", () => {
  const { read, scored } = run(TABLE, true);
  const units = scored.units;
  const DVCTT = PHU_THO_GROUP_IDS.indexOf("CLGQ");

  it("every unit gets its published group scores, the printed “Dịch vụ công trực tuyến” standing in for the blank 3.x", () => {
    units.forEach((u, i) => expect([u.name, u.groups]).toEqual([u.name, Object.fromEntries(PHU_THO_GROUP_IDS.map((g, k) => [g, TABLE[i].groups[k]]))]));
  });

  it("and its total, rank and rating, as without the 3.x columns", () => {
    const without = run().scored.units;
    expect(units.map((u) => u.total)).toEqual(TABLE.map((r) => sum2(r.groups)));
    expect(units.map((u) => [u.rank, u.rating])).toEqual(without.map((u) => [u.rank, u.rating]));
  });

  it("no indicator is said missing; each unit has one note, on its group cell, with the printed score", () => {
    expect(units.flatMap((u) => u.problems).filter((p) => p.code === "missing")).toEqual([]);
    expect(units[0].problems).toEqual([]);
    units.slice(1).forEach((u, k) => {
      const printed = TABLE[k + 1].groups[DVCTT];
      expect(u.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([["printed-group", printed === 0 ? "warning" : "info", `'Bảng'!BR${k + 4}`]]);
      expect(u.problems[0].message).toContain(`lấy theo điểm in sẵn ${String(printed).replace(".", ",")} vì dòng này không có số liệu các chỉ số của nhóm`);
    });
    expect(read.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });
});
