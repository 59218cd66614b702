/**
 * Golden tests on two tables of the national portal's NEW evaluation API (2026) that no one here
 * wrote (tests/fixtures/tables/dak-lak-2026-10.ts, provinces-34-2026-10.ts; sources and caveats
 * there): the tool must reproduce what the portal published.
 *
 * Đắk Lắk, 13 rows: from the counts, every indicator's points and every group score equal the
 * portal's (195 indicator points, 78 group scores). Two disagreements were found and fixed: the
 * portal prints 0 % over PAKN 0 / 0 yet scores it 6 (the tool let the printed 0 % win), and the
 * portal's own wording of 6.4 and 6.6 was only a weak match. 34 provinces: every total is the sum
 * of the portal's groups; ties share a rank.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv, parseTsv } from "../fixtures/grids/tsv";
import { DAK_LAK_2026_10, DAK_LAK_GROUP_IDS, DAK_LAK_MERGES, DAK_LAK_POINT_IDS, DAK_LAK_POINTS } from "../fixtures/tables/dak-lak-2026-10";
import { PROVINCES_34_2026_10 } from "../fixtures/tables/provinces-34-2026-10";
import { writeFixtureWorkbook } from "../fixtures/tables/workbook";
import { cells, cli, load, tmpDir } from "./helpers";

// The CLI test reads and writes real workbooks: slow on a loaded machine.
jest.setTimeout(60000);

/** The data rows of a fixture, cells as text. */
const body = (tsv: string, headerRows: number) => parseTsv(tsv).slice(headerRows).map((r) => r.map((c) => c.text));
/** Competition ranks ("1, 2, 2, 4"), worked out here independently of the engine. */
const competition = (totals: number[]) => totals.map((t) => 1 + totals.filter((x) => x > t).length);
const band = (t: number) => (t >= 90 ? "Xuất sắc" : t >= 80 ? "Tốt" : t >= 70 ? "Khá" : t >= 50 ? "Trung bình" : "Yếu");
/** A sum of 2-decimal numbers, exact. */
const sum2 = (xs: number[]) => Math.round(xs.reduce((a, x) => a + Math.round(x * 100), 0)) / 100;

describe("Đắk Lắk 10/2026, new-API counts (portal's points and group scores)", () => {
  const result = runScoring(gridFromTsv(DAK_LAK_2026_10, { numeric: true, sheet: "Bảng", merges: DAK_LAK_MERGES }), { profiles: BUILTIN_PROFILES });
  const units = result.scored.units;
  const rows = body(DAK_LAK_2026_10, 2);
  const publishedGroups = rows.map((r) => Object.fromEntries(DAK_LAK_GROUP_IDS.map((g, i) => [g, Number(r[58 + i])])));

  test("the portal's wording read with no doubt: qd766, no warning, no missing column", () => {
    expect(result.profile.id).toBe("qd766");
    expect(result.read.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(result.read.mapping.filter((m) => m.field?.startsWith("6.4.") || m.field?.startsWith("6.6.")).map((m) => m.confidence)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test("every indicator's points are the portal's, from its counts (13 units × 15 indicators)", () => {
    expect(units.map((u) => u.name)).toEqual(DAK_LAK_POINTS.map(([name]) => name));
    units.forEach((u, i) => {
      const mine = DAK_LAK_POINT_IDS.map((id) => u.indicators[id]?.points ?? null);
      expect([u.name, mine]).toEqual(DAK_LAK_POINTS[i]);
    });
  });

  test("every group score is the portal's; the total is their sum; no problem on any unit", () => {
    expect(units.map((u) => u.groups)).toEqual(publishedGroups);
    expect(units.map((u) => u.total)).toEqual(publishedGroups.map((g) => sum2(Object.values(g))));
    expect(units.flatMap((u) => u.problems)).toEqual([]);
    expect(result.scored.problems).toEqual([]);
  });

  test("PAKN 0 / 0 under a printed 0 %: full points, as the portal scores it (Ban Quản lý: 6 + 6 + 0 = 12)", () => {
    const banQuanLy = units.find((u) => u.name.startsWith("Ban Quản lý"))!;
    expect([banQuanLy.indicators["5.1"], banQuanLy.indicators["5.2"], banQuanLy.indicators["5.3"]]).toEqual([
      { ratio: 100, points: 6 },
      { ratio: 100, points: 6 },
      { ratio: 0, points: 0 },
    ]);
    expect(banQuanLy.groups.MDHL).toBe(12);
    // PAKN 0 / 1 is a real 0 %: no points (Công an tỉnh).
    expect(units.find((u) => u.name.startsWith("Công an"))!.groups.MDHL).toBe(0);
  });

  test("levels from 'Cấp' and the names; ranks per level; ratings by the bands", () => {
    expect(units.map((u) => u.level)).toEqual(rows.map((r) => (r[3] === "Tỉnh" ? "province" : r[3] === "Cấp Tỉnh" ? "department" : "commune")));
    expect(units.find((u) => u.name === "Văn phòng UBND tỉnh Đắk Lắk")?.level).toBe("department");
    for (const level of ["department", "commune"] as const) {
      const mine = units.filter((u) => u.level === level);
      expect(mine.map((u) => u.rank)).toEqual(competition(mine.map((u) => u.total ?? 0)));
    }
    expect(units.map((u) => u.rating)).toEqual(units.map((u) => band(u.total ?? 0)));
  });
});

describe("34 provinces 10/2026, new API (group scores and totalScore)", () => {
  const rows = body(PROVINCES_34_2026_10, 1);
  const { read, scored } = runScoring(gridFromTsv(PROVINCES_34_2026_10, { numeric: true, sheet: "Bảng" }), { profiles: BUILTIN_PROFILES });

  test("every total is the portal's totalScore, the exact sum of its six groups", () => {
    expect(read.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(scored.units.map((u) => u.total)).toEqual(rows.map((r) => Number(r[8])));
    expect(rows.map((r) => sum2(r.slice(2, 8).map(Number)))).toEqual(rows.map((r) => Number(r[8])));
    expect(scored.units.flatMap((u) => u.problems)).toEqual([]);
  });

  test("34 provinces (lower-case 'UBND thành phố Quảng Ninh' too), one list, ties share a rank", () => {
    expect(scored.units.every((u) => u.level === "province")).toBe(true);
    expect(scored.units.map((u) => u.rank)).toEqual(competition(rows.map((r) => Number(r[8]))));
    const tied = (t: number) => scored.units.filter((u) => u.total === t).map((u) => [u.name, u.rank]);
    expect(tied(65.47)).toEqual([["UBND thành phố Quảng Ninh", 5], ["UBND tỉnh Tây Ninh", 5]]);
    expect(tied(63.18)).toEqual([["UBND Thành phố Hồ Chí Minh", 12], ["UBND tỉnh Lai Châu", 12]]);
    expect(scored.units.find((u) => u.name === "UBND tỉnh Đắk Lắk")?.rank).toBe(7);
    expect(new Set(scored.units.map((u) => u.rating))).toEqual(new Set(["Trung bình"]));
  });
});

describe("CLI on the Đắk Lắk table, as a clerk runs it", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("exit 0, nothing to review, the portal's group scores kept, totals and ranks written", async () => {
    const input = path.join(dir, "dak-lak.xlsx");
    const out = path.join(dir, "dak-lak-kq.xlsx");
    await writeFixtureWorkbook(input, DAK_LAK_2026_10, "Đắk Lắk", DAK_LAK_MERGES);
    const r = await cli("score", input, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dữ liệu dòng 3–15, 13 đơn vị");
    expect(r.stdout).not.toContain("Cần xem lại");
    // "Điểm nhóm › Tiến độ giải quyết" is the group's score (2.1's counts are given): filled in place, not added again.
    // Its values are the portal's and equal the computed ones, so the run changes nothing there: never a new column.
    expect(r.stdout).not.toMatch(/"Điểm nhóm \(Cổng DVCQG\) › Tiến độ giải quyết" \(cột mới/);
    expect(r.stdout).toMatch(/BH "Điểm nhóm \(Cổng DVCQG\) › Tiến độ giải quyết" \(cột có sẵn trong bảng|^(?![\s\S]*BH "Điểm nhóm)/);
    expect(r.stdout).not.toContain("Tiến độ, kết quả giải quyết");
    const after = cells((await load(out)).getWorksheet("Đắk Lắk")!);
    const header = (value: string) => Object.entries(after).find(([a, c]) => c.value === value && /^[A-Z]+1$/.test(a))?.[0].replace("1", "");
    const total = header("Tổng điểm")!;
    const rank = header("Xếp hạng")!;
    expect(Array.from({ length: 13 }, (_v, i) => after[`${total}${i + 3}`].value)).toEqual(
      body(DAK_LAK_2026_10, 2).map((row) => sum2(row.slice(58, 64).map(Number))),
    );
    // Agencies 1–8 and communes 1–4, each in its own list; the province's own row alone.
    expect(Array.from({ length: 13 }, (_v, i) => after[`${rank}${i + 3}`].value)).toEqual([1, 1, 2, 1, 2, 3, 5, 4, 6, 7, 8, 3, 4]);
    // The portal's group scores are left as they were (the tool's are the same).
    expect(["BG3", "BI3", "BL3", "BK12"].map((a) => after[a].value)).toEqual([11.85, 8.97, 9.08, 12]);
  });
});
