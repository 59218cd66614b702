/**
 * Golden tests on the tables staff actually have (tests/fixtures/tables, real published numbers):
 * levels, totals, ratings and ranks through the pipeline, the CLI's choices (--level, the
 * mapping's "levels", --xep-hang) and what it says of portal exports.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { runScoring, type RunOptions } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv, parseTsv } from "../fixtures/grids/tsv";
import { OLD_API_AN_GIANG_2025_10 } from "../fixtures/tables/old-api-an-giang";
import { PROVINCES_34_2025_10 } from "../fixtures/tables/provinces-34";
import { AN_GIANG_SECTIONED, LAM_DONG_2024_Q2 } from "../fixtures/tables/sectioned";
import { NEW_API_AGENCY_COMMUNE, NEW_API_MERGES } from "../fixtures/tables/new-api-agency-commune";
import { SECTION_HEADINGS, SECTION_HEADING_MERGES } from "../fixtures/tables/section-headings";
import { writeFixtureWorkbook } from "../fixtures/tables/workbook";
import { BINH_DUONG_2023, BINH_DUONG_2023_RANKS } from "../fixtures/tables/binh-duong-2023";
import { cells, cli, load, tmpDir } from "./helpers";

const run = (tsv: string, options: Partial<RunOptions> = {}) =>
  runScoring(gridFromTsv(tsv, { numeric: true, sheet: "Bảng" }), { profiles: BUILTIN_PROFILES, ...options });

/** The fixture's rows as records by header, numbers read with a dot or a comma. */
function rows(tsv: string): Record<string, string>[] {
  const [header, ...body] = parseTsv(tsv).map((r) => r.map((c) => c.text));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}
const num = (s: string) => Number(s.replace(",", "."));

/** Competition ranks ("1, 2, 2, 4") of totals, worked out here independently of the engine. */
const competition = (totals: number[]) => totals.map((t) => 1 + totals.filter((x) => x > t).length);
const band = (t: number) => (t >= 90 ? "Xuất sắc" : t >= 80 ? "Tốt" : t >= 70 ? "Khá" : t >= 50 ? "Trung bình" : "Yếu");

describe("old-API export (An Giang, 2025 to October)", () => {
  const published = rows(OLD_API_AN_GIANG_2025_10);
  const result = run(OLD_API_AN_GIANG_2025_10);
  const units = result.scored.units;

  test("every total is the portal's TONG_SCORE (the sum of the six groups), no problem raised", () => {
    expect(units.map((u) => u.total)).toEqual(published.map((r) => num(r.TONG_SCORE)));
    expect(result.scored.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(units.flatMap((u) => u.problems)).toEqual([]);
  });

  test("ratings by the bands, ranks per level in competition order (ties share)", () => {
    expect(units.map((u) => u.rating)).toEqual(published.map((r) => band(num(r.TONG_SCORE))));
    for (const level of ["department", "commune"] as const) {
      const mine = units.filter((u) => u.level === level);
      expect(mine.map((u) => u.rank)).toEqual(competition(mine.map((u) => u.total ?? 0)));
    }
    // 93.03 twice among the communes: shared rank 4, where the portal wrote ROW_STT 5 and 6.
    const tied = units.filter((u) => u.total === 93.03);
    expect(tied.map((u) => u.rank)).toEqual([4, 4]);
  });

  test("--xep-hang ca-bang,1234: one list for the whole table, tied units one after another", () => {
    const all = run(OLD_API_AN_GIANG_2025_10, { ranking: { scope: "all", tie: "table-order" } }).scored.units;
    const byRank = [...all].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    expect(byRank.map((u) => u.rank)).toEqual(all.map((_u, i) => i + 1));
    // The four communes at 92.81 (16 units above them) numbered in table order, as the portal does.
    expect(all.filter((u) => u.total === 92.81).map((u) => u.rank)).toEqual([17, 18, 19, 20]);
    // Agencies and communes in one list: higher totals first, whatever their level.
    byRank.slice(1).forEach((u, i) => expect(u.total ?? 0).toBeLessThanOrEqual(byRank[i].total ?? 0));
    expect(new Set(byRank.slice(0, 5).map((u) => u.level))).toEqual(new Set(["department", "commune"]));
  });
});

describe("list of the 34 provinces (October 2025)", () => {
  const published = rows(PROVINCES_34_2025_10);
  const units = run(PROVINCES_34_2025_10).scored.units;

  test("34 provinces ranked in one list; the cities are not districts", () => {
    expect(units.every((u) => u.level === "province")).toBe(true);
    expect(units.map((u) => u.total)).toEqual(published.map((r) => num(r["Tổng điểm"])));
    expect(units.map((u) => u.rank)).toEqual(competition(published.map((r) => num(r["Tổng điểm"]))));
    const haiPhong = units.find((u) => u.name === "UBND Thành phố Hải Phòng");
    expect(haiPhong?.rank).toBe(24);
  });

  test("the portal's tie at 84.7 (Xếp hạng 25 and 26) is one shared rank 25 here", () => {
    const tied = units.filter((u) => u.total === 84.7);
    expect(tied.map((u) => u.rank)).toEqual([25, 25]);
    expect(published.filter((r) => r["Tổng điểm"] === "84.7").map((r) => r["Xếp hạng"])).toEqual(["25", "26"]);
  });
});

describe("new-API agency/commune table (Tử số / Mẫu số / Tỷ lệ)", () => {
  const result = runScoring(gridFromTsv(NEW_API_AGENCY_COMMUNE, { numeric: true, sheet: "Bảng", merges: NEW_API_MERGES }), { profiles: BUILTIN_PROFILES });

  test("the new API's wording read as 2.1 and 4.3, every sub-column sure (no 'chưa chắc chắn')", () => {
    expect(result.profile.id).toBe("qd766");
    expect(result.read.mapping.slice(3).map((m) => m.field)).toEqual(["2.1.numerator", "2.1.denominator", "2.1.ratio", "4.3.numerator", "4.3.denominator", "4.3.ratio"]);
    expect(result.read.problems.filter((p) => p.code === "weak-match" || p.code === "ambiguous-header")).toEqual([]);
  });

  test("points from the ratio as printed (95.75 % × 20 = 19.15; 4.3 against its 80 % target)", () => {
    const rows = result.scored.units.map((u) => [u.level, u.indicators["2.1"]?.ratio, u.indicators["2.1"]?.points, u.indicators["4.3"]?.ratio, u.indicators["4.3"]?.points]);
    expect(rows).toEqual([
      ["department", 95.75, 19.15, 80, 2],
      ["department", 96.88, 19.38, 73.17, 1.83],
      ["department", 15.84, 3.17, 0, 0],
      ["commune", 99.63, 19.93, 71.43, 1.79],
      ["commune", 99.54, 19.91, 100, 2],
      ["commune", 82.71, 16.54, 44.44, 1.11],
    ]);
  });
});

describe("sectioned announcements of totals and ratings", () => {
  test("An Giang: no missing-column warning, no uncertain profile; ratings as announced; ranks per section's level", () => {
    const result = run(AN_GIANG_SECTIONED);
    // Nothing to fix; the two section rows are only noted as headings.
    expect(result.read.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(result.read.problems.map((p) => [p.cell, p.code])).toEqual([
      ["'Bảng'!A2", "section-row"],
      ["'Bảng'!A18", "section-row"],
    ]);
    const published = rows(AN_GIANG_SECTIONED).filter((r) => r["Tổng điểm"] !== "");
    expect(result.scored.units.map((u) => u.rating)).toEqual(published.map((r) => r["Xếp loại"]));
    const communes = result.scored.units.filter((u) => u.level === "commune");
    expect(communes).toHaveLength(25);
    expect(communes.map((u) => u.rank)).toEqual(competition(communes.map((u) => u.total ?? 0)));
  });

  test("Lâm Đồng Q2/2024: agencies and districts ranked apart, ratings as the province published them", () => {
    const { scored, read } = run(LAM_DONG_2024_Q2);
    expect(read.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(scored.units.map((u) => [u.level, u.total, u.rating, u.rank])).toEqual([
      ["department", 98.63, "Xuất sắc", 1],
      ["department", 83.61, "Tốt", 2],
      ["district", 97.63, "Xuất sắc", 1],
      ["district", 90.96, "Xuất sắc", 2],
    ]);
  });
});

describe("Bình Dương 2023 as the newspaper printed it (TP./TX. abbreviations, no level column)", () => {
  const published = rows(BINH_DUONG_2023);
  const { read, scored } = run(BINH_DUONG_2023);

  test("the published ranks: districts 1–9 in the article's order, the two wards 1 and 2", () => {
    expect(scored.units.map((u) => u.total)).toEqual(published.map((r) => num(r["Tổng điểm"])));
    expect(scored.units.map((u) => u.rank)).toEqual(BINH_DUONG_2023_RANKS);
    // "TP.Thủ Dầu Một" and "TX.Bến Cát" are district-level towns, ranked with the huyện, not apart.
    expect(scored.units.slice(0, 9).every((u) => u.level === "district")).toBe(true);
    expect(scored.units.slice(9).map((u) => u.level)).toEqual(["commune", "commune"]);
    expect(read.levels).toEqual({ missing: [], unsure: [], userSet: 0 });
  });

  test("ratings by the bands: the two wards Xuất sắc as published, TP.Thuận An (74,6) Khá", () => {
    expect(scored.units.map((u) => u.rating)).toEqual(published.map((r) => band(num(r["Tổng điểm"]))));
    expect(scored.units.filter((u) => u.rating === "Xuất sắc").map((u) => u.name)).toEqual(["Phường Tân Bình (TP.Dĩ An)", "phường Phú Tân (TP.Thủ Dầu Một)"]);
    expect(scored.units[8].rating).toBe("Khá");
    expect(read.problems).toEqual([]);
  });
});

describe("CLI", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("a sectioned announcement: exit 0, the published totals and ratings intact, a rank column added", async () => {
    const input = path.join(dir, "lam-dong.xlsx");
    const out = path.join(dir, "lam-dong-kq.xlsx");
    await writeFixtureWorkbook(input, LAM_DONG_2024_Q2);
    const r = await cli("score", input, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Không tìm thấy cột");
    expect(r.stdout).toContain("Cấp huyện");
    const after = cells((await load(out)).getWorksheet("Bảng")!);
    expect(["D3", "D4", "D6", "D7"].map((a) => after[a].value)).toEqual(["Xuất sắc", "Tốt", "Xuất sắc", "Xuất sắc"]);
    expect(after.E1.value).toBe("Xếp hạng");
    expect(["E3", "E4", "E6", "E7"].map((a) => after[a].value)).toEqual([1, 2, 1, 2]);
  });

  test("headings merged across the row: every unit after them scored and ranked, each heading noted, the signature block untouched", async () => {
    const input = path.join(dir, "khoi.xlsx");
    const out = path.join(dir, "khoi-kq.xlsx");
    await writeFixtureWorkbook(input, SECTION_HEADINGS, "Phụ lục 1", SECTION_HEADING_MERGES);
    const r = await cli("score", input, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dữ liệu dòng 4–18, 11 đơn vị");
    expect(r.stdout).toContain("Ghi nhận (4):");
    expect(r.stdout).toContain("Ghi nhận: 'Phụ lục 1'!A9: “KHỐI PHƯỜNG” là dòng tiêu đề nhóm");
    expect(r.stdout).not.toContain("Cần xem lại");
    const after = cells((await load(out)).getWorksheet("Phụ lục 1")!);
    expect(after.E3.value).toBe("Xếp hạng");
    // Communes 1–7 across the three headings; no rank on a heading or under the table.
    expect(["E10", "E11", "E13", "E14", "E15", "E17", "E18"].map((a) => after[a]?.value)).toEqual([3, 4, 1, 2, 7, 5, 6]);
    expect(["E4", "E9", "E12", "E16", "E19", "E21", "E22"].map((a) => after[a]?.value ?? null)).toEqual([null, null, null, null, null, null, null]);
    expect(after.D21.value).toBe("KT. CHỦ TỊCH");
  });

  test("--level and --xep-hang: one list when the user says every unit is of one level", async () => {
    const input = path.join(dir, "lam-dong-2.xlsx");
    const out = path.join(dir, "lam-dong-2-kq.xlsx");
    await writeFixtureWorkbook(input, LAM_DONG_2024_Q2);
    const r = await cli("score", input, "--out", out, "--level", "II=so", "--xep-hang", "theo-cap,1223", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { units: { level: string; rank: number }[] };
    expect(doc.units.map((u) => [u.level, u.rank])).toEqual([
      ["department", 1],
      ["department", 4],
      ["department", 2],
      ["department", 3],
    ]);
  });

  test("--level and --xep-hang are kept in the output's state: scoring it again without them gives the same ranks", async () => {
    const input = path.join(dir, "lam-dong-4.xlsx");
    const first = path.join(dir, "lam-dong-4-kq.xlsx");
    await writeFixtureWorkbook(input, LAM_DONG_2024_Q2);
    const r1 = await cli("score", input, "--out", first, "--level", "II=so", "--xep-hang", "ca-bang,1223", "--json");
    expect(r1.code).toBe(0);
    const once = (JSON.parse(r1.stdout) as { units: { level: string; rank: number }[] }).units.map((u) => [u.level, u.rank]);
    expect(once).toEqual([
      ["department", 1],
      ["department", 4],
      ["department", 2],
      ["department", 3],
    ]);
    const r2 = await cli("score", first, "--out", path.join(dir, "lam-dong-4-lai.xlsx"), "--json");
    expect(r2.code).toBe(0);
    expect((JSON.parse(r2.stdout) as { units: { level: string; rank: number }[] }).units.map((u) => [u.level, u.rank])).toEqual(once);
    const text = await cli("score", first, "--out", path.join(dir, "lam-dong-4-lai2.xlsx"));
    expect(text.stdout).toContain("Cấp đơn vị: đơn vị hoặc mục II: Sở, ban, ngành (như đã đặt ở lần chấm trước, lưu trong tệp; đổi bằng --level).");
    expect(text.stdout).toContain("xếp hạng chung cả bảng; điểm bằng nhau cùng hạng, không bỏ hạng (1, 2, 2, 3) (như đã chọn ở lần chấm trước");
    // A level given on the command line replaces the stored one.
    const r3 = await cli("score", first, "--out", path.join(dir, "lam-dong-4-xa.xlsx"), "--level", "xa", "--json");
    expect((JSON.parse(r3.stdout) as { units: { level: string }[] }).units.map((u) => u.level)).toEqual(["commune", "commune", "commune", "commune"]);
  });

  test("units whose level the table does not tell are named in the summary, as in the pane; --level xa settles them", async () => {
    const input = path.join(dir, "chua-ro-cap.xlsx");
    await writeFixtureWorkbook(input, "STT\tTên đơn vị\tTổng điểm\n1\tSở Tư pháp\t91,5\n2\tSở Y tế\t85\n3\tLong Xuyên\t88\n4\tChâu Đốc\t80\n");
    const r = await cli("score", input, "--out", path.join(dir, "chua-ro-cap-kq.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Chưa rõ cấp của 2 đơn vị (Long Xuyên; Châu Đốc): các đơn vị này được xếp hạng riêng; đặt cấp bằng --level.");
    const set = await cli("score", input, "--out", path.join(dir, "chua-ro-cap-kq2.xlsx"), "--level", "so");
    expect(set.stdout).not.toContain("Chưa rõ cấp");
  });

  test("the mapping file's \"levels\" entry, and bad values named in Vietnamese", async () => {
    const input = path.join(dir, "lam-dong-3.xlsx");
    await writeFixtureWorkbook(input, LAM_DONG_2024_Q2);
    const mapping = path.join(dir, "map.json");
    await fs.writeFile(mapping, JSON.stringify({ levels: { "*": "xã" } }));
    const r = await cli("score", input, "--out", path.join(dir, "kq3.xlsx"), "--mapping", mapping, "--json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { units: { level: string }[] }).units.map((u) => u.level)).toEqual(["commune", "commune", "commune", "commune"]);
    const bad = await cli("score", input, "--level", "12=quận");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"quận" không phải là cấp đơn vị');
    const badRank = await cli("score", input, "--xep-hang", "ngẫu nhiên");
    expect(badRank.code).toBe(1);
    expect(badRank.stderr).toContain("--xep-hang");
  });

  test("an old-API export: the summary says how the portal ranks and how chiso766 ranks", async () => {
    const input = path.join(dir, "old-api.xlsx");
    await writeFixtureWorkbook(input, OLD_API_AN_GIANG_2025_10);
    const r = await cli("score", input, "--out", path.join(dir, "old-kq.xlsx"), "--overwrite");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bảng xuất từ Cổng Dịch vụ công quốc gia");
    expect(r.stdout).toContain("ROW_STT");
    expect(r.stdout).toContain("Xếp hạng: xếp hạng riêng từng cấp; điểm bằng nhau cùng hạng, bỏ hạng kế tiếp (1, 2, 2, 4)");
    expect(r.stdout).not.toMatch(/chưa chắc chắn|Không tìm thấy cột/);
  });
});
