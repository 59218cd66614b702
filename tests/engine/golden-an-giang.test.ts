/**
 * Golden test: An Giang, year 2025 to 11/10/2025, the portal's whole list of the province's 117
 * units from its legacy export (tests/fixtures/golden/an-giang-2025-10-11.ts: source, commit and
 * date). Read and scored through the whole pipeline (reader → engine), as the file has it (every
 * cell text) and as numbers.
 *
 * Checked: the portal's column codes read with no doubt (qd766-nhom), 15 agencies and 102 communes
 * by LOAI_COQUAN; every TONG_SCORE is the exact sum of the six groups and is the tool's total;
 * ratings by the bands; the portal's ROW_STT, one list of all 117: the tool ranking the whole table
 * ("Chung cả bảng") gives every unit without a tie its ROW_STT exactly, and each tie shares the
 * first of the portal's consecutive positions (Hòn Đất and Sở Du lịch at 93.23: 2 and 3 on the
 * portal, 2 and 2 here). With ties "in table order" the tool gives 115 of the 117 ROW_STT: the
 * portal orders the one tie across the two sheets by something the table does not hold (the
 * commune Hòn Đất before the agency Sở Du lịch, which the stacked sheets put first), so that pair
 * comes out swapped; the tool's portal note says ROW_STT cannot be recomputed for sure.
 * Everything else matches; nothing needed a tolerance.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { portalRankingNote } from "../../src/reader/portal";
import { gridFromTsv, parseTsv } from "../fixtures/grids/tsv";
import { AN_GIANG_2025_10_11 } from "../fixtures/golden/an-giang-2025-10-11";

const ROWS = parseTsv(AN_GIANG_2025_10_11).slice(1).map((r) => r.map((c) => c.text));
const col = (name: string) => parseTsv(AN_GIANG_2025_10_11)[0].findIndex((c) => c.text === name);
const GROUPS = ["TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB"];
const total = (r: string[]) => Number(r[col("TONG_SCORE")]);
const rowStt = (r: string[]) => Number(r[col("ROW_STT")]);
/** A sum of 2-decimal numbers, exact. */
const sum2 = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;
/** Competition ranks ("1, 2, 2, 4"), worked out here independently of the engine. */
const competition = (totals: number[]) => totals.map((t) => 1 + totals.filter((x) => x > t).length);
const band = (t: number) => (t >= 90 ? "Xuất sắc" : t >= 80 ? "Tốt" : t >= 70 ? "Khá" : t >= 50 ? "Trung bình" : "Yếu");

function run(numeric: boolean, ranking?: { scope: "all" | "level"; tie?: "competition" | "table-order" }) {
  return runScoring(gridFromTsv(AN_GIANG_2025_10_11, { numeric, sheet: "Bảng" }), { profiles: BUILTIN_PROFILES, ranking });
}

describe("golden: An Giang, year 2025 to 11/10/2025, the portal's list of 117 units (qd766-nhom)", () => {
  it("the source is whole: 117 rows, each TONG_SCORE the exact sum of its six groups, ROW_STT 1 … 117 once each", () => {
    expect(ROWS).toHaveLength(117);
    expect(ROWS.map((r) => sum2(GROUPS.map((g) => Number(r[col(g)]))))).toEqual(ROWS.map(total));
    expect(ROWS.map(rowStt).sort((a, b) => a - b)).toEqual(Array.from({ length: 117 }, (_v, i) => i + 1));
  });

  for (const numeric of [false, true]) {
    describe(numeric ? "as numbers" : "as the file has it (text)", () => {
      const result = run(numeric);
      const units = result.scored.units;

      it("reads the portal's codes with no doubt, every unit's level from LOAI_COQUAN", () => {
        expect(result.profile.id).toBe("qd766-nhom");
        expect(result.read.problems.filter((p) => p.severity !== "info")).toEqual([]);
        const mapped = Object.fromEntries(result.read.mapping.filter((m) => m.field !== null).map((m) => [m.header, [m.field, m.confidence]]));
        expect(mapped).toEqual({
          TEN_COQUAN: ["name", 1],
          MA_COQUAN: ["code", 1],
          LOAI_COQUAN: ["level", 1],
          ...Object.fromEntries(GROUPS.map((g) => [g, [g, 1]])),
          TONG_SCORE: ["total", 1],
          ROW_STT: ["rank", 1],
        });
        expect(units.map((u) => u.level)).toEqual(ROWS.map((r) => (r[col("LOAI_COQUAN")] === "2" ? "department" : "commune")));
        expect(units.filter((u) => u.level === "commune")).toHaveLength(102);
        expect(portalRankingNote(result.read)).toContain("ROW_STT");
      });

      it("gives every unit the portal's TONG_SCORE as its total, rated by the bands, with no problem", () => {
        expect(units.map((u) => u.total)).toEqual(ROWS.map(total));
        expect(units.map((u) => u.rating)).toEqual(ROWS.map((r) => band(total(r))));
        expect(units.flatMap((u) => u.problems)).toEqual([]);
        expect(result.scored.problems).toEqual([]);
      });
    });
  }

  it("ranking the whole table gives ROW_STT to every untied unit; a tie shares the first of the portal's positions", () => {
    const units = run(false, { scope: "all" }).scored.units;
    const totals = ROWS.map(total);
    const expected = competition(totals);
    expect(units.map((u) => u.rank)).toEqual(expected);
    const tied = (i: number) => totals.filter((t) => t === totals[i]).length > 1;
    ROWS.forEach((r, i) => {
      if (!tied(i)) expect([units[i].name, units[i].rank]).toEqual([units[i].name, rowStt(r)]);
      // A tie of k units takes the portal's positions rank … rank + k − 1.
      else expect(rowStt(r) - units[i].rank!).toBeGreaterThanOrEqual(0);
      if (tied(i)) expect(rowStt(r) - units[i].rank!).toBeLessThan(totals.filter((t) => t === totals[i]).length);
    });
    const at = (name: string) => [units.find((u) => u.name.startsWith(name))!.rank, rowStt(ROWS.find((r) => r[col("TEN_COQUAN")].startsWith(name))!)];
    expect([at("UBND xã Hòn Đất"), at("Sở Du lịch")]).toEqual([[2, 2], [2, 3]]);
    expect(ROWS.filter((_r, i) => tied(i)).length).toBeGreaterThan(0);
  });

  it("ties in table order give ROW_STT itself but for the one tie across the two sheets (93.23: Sở Du lịch above, Hòn Đất below)", () => {
    const units = run(false, { scope: "all", tie: "table-order" }).scored.units;
    const differ = units.map((u, i) => [u.name, u.rank, rowStt(ROWS[i])]).filter(([, mine, portal]) => mine !== portal);
    expect(differ).toEqual([
      ["Sở Du lịch - tỉnh An Giang", 2, 3],
      ["UBND xã Hòn Đất - tỉnh An Giang", 3, 2],
    ]);
  });

  it("ranking each level apart keeps the portal's order inside each level", () => {
    const units = run(false).scored.units;
    for (const level of ["department", "commune"]) {
      const mine = units.map((u, i) => ({ u, r: ROWS[i] })).filter(({ u }) => u.level === level);
      expect(mine.map(({ u }) => u.rank)).toEqual(competition(mine.map(({ r }) => total(r))));
      // The portal's positions, read within the level, are in the same order as the tool's ranks.
      const byStt = [...mine].sort((a, b) => rowStt(a.r) - rowStt(b.r)).map(({ u }) => u.rank!);
      expect(byStt).toEqual([...byStt].sort((a, b) => a - b));
    }
  });
});
