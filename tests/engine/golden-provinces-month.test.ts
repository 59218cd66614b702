/**
 * Golden test: the 34 provinces, month of October 2025 to 16/10/2025, the portal's legacy export
 * with its own column codes (tests/fixtures/golden/provinces-34-2025-10-month.ts: source, commit,
 * date). Read and scored through the whole pipeline, as the file has it (every cell text).
 *
 * Checked: the codes read with no doubt (qd766-nhom); LOAI_COQUAN 1 reads as the province level
 * for all 34, "UBND Thành phố Hà Nội" (a centrally-run city) too; every TONG_SCORE is the exact
 * sum of the six groups and is the tool's total; the tool's ranks are the portal's ROW_STT; the
 * bands give 2 "Xuất sắc", 29 "Tốt" and 3 "Khá" (Đà Nẵng 79.9, Cao Bằng 79.42, Huế 78.89).
 * Everything matches; nothing needed a tolerance.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv, parseTsv } from "../fixtures/grids/tsv";
import { PROVINCES_34_2025_10_MONTH as TABLE } from "../fixtures/golden/provinces-34-2025-10-month";

const HEADER = parseTsv(TABLE)[0].map((c) => c.text);
const ROWS = parseTsv(TABLE).slice(1).map((r) => r.map((c) => c.text));
const at = (r: string[], name: string) => r[HEADER.indexOf(name)];
const GROUPS = ["TDGQ", "MDHL", "MDSH", "TTTT", "CLGQ", "CKMB"];
/** A sum of 2-decimal numbers, exact. */
const sum2 = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;

describe("golden: 34 provinces, October 2025 to 16/10 (qd766-nhom)", () => {
  const result = runScoring(gridFromTsv(TABLE, { sheet: "Điểm tháng" }), { profiles: BUILTIN_PROFILES });
  const units = result.scored.units;

  it("reads the portal's codes with no doubt, 34 provinces by LOAI_COQUAN 1", () => {
    expect(result.profile.id).toBe("qd766-nhom");
    expect(result.read.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(result.read.mapping.filter((m) => m.field !== null).map((m) => [m.header, m.field, m.confidence])).toEqual([
      ["TEN_COQUAN", "name", 1],
      ["MA_COQUAN", "code", 1],
      ["LOAI_COQUAN", "level", 1],
      ...GROUPS.map((g) => [g, g, 1]),
      ["TONG_SCORE", "total", 1],
      ["ROW_STT", "rank", 1],
    ]);
    expect(ROWS).toHaveLength(34);
    expect(ROWS.every((r) => at(r, "LOAI_COQUAN") === "1")).toBe(true);
    expect(units.every((u) => u.level === "province")).toBe(true);
  });

  it("totals are the portal's TONG_SCORE, each the exact sum of its groups; ranks are ROW_STT", () => {
    expect(ROWS.map((r) => sum2(GROUPS.map((g) => Number(at(r, g)))))).toEqual(ROWS.map((r) => Number(at(r, "TONG_SCORE"))));
    expect(units.map((u) => u.total)).toEqual(ROWS.map((r) => Number(at(r, "TONG_SCORE"))));
    expect(units.map((u) => u.rank)).toEqual(ROWS.map((r) => Number(at(r, "ROW_STT"))));
    expect(units.flatMap((u) => u.problems)).toEqual([]);
    expect(result.scored.problems).toEqual([]);
  });

  it("rates by the bands: 2 Xuất sắc, 29 Tốt, 3 Khá", () => {
    const count = (label: string) => units.filter((u) => u.rating === label).length;
    expect([count("Xuất sắc"), count("Tốt"), count("Khá")]).toEqual([2, 29, 3]);
    expect(units.filter((u) => u.rating === "Khá").map((u) => [u.name, u.total])).toEqual([
      ["UBND Thành phố Đà Nẵng", 79.9],
      ["UBND tỉnh Cao Bằng", 79.42],
      ["UBND Thành phố Huế", 78.89],
    ]);
  });
});
