/**
 * Section rows inside a table ("KHỐI PHƯỜNG", "II. KHỐI XÃ", "Khối đặc khu"), merged across the
 * row or not: reading goes on past them, each is noted as a heading (never a unit, never an
 * aggregate), and a real end (blank rows, recipients, signatures) still ends the table.
 */
import { readTable } from "../../src/reader";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv, withoutMerges } from "../fixtures/grids/tsv";
import { SECTION_HEADINGS, SECTION_HEADING_MERGES, SECTION_HEADING_UNITS } from "../fixtures/tables/section-headings";

const grid = gridFromTsv(SECTION_HEADINGS, { numeric: true, sheet: "Phụ lục 1", merges: SECTION_HEADING_MERGES });
const read = (g = grid) => readTable(g, { profiles: BUILTIN_PROFILES });

describe.each([
  ["merged across the row", grid],
  ["pasted without merges", withoutMerges(grid)],
])("a list grouped by khối, %s", (_, g) => {
  const r = read(g);

  test("every unit is read, under its heading's level; the table ends above the signatures", () => {
    expect(r.units.map((u) => [u.row + 1, u.name, u.level, u.aggregate])).toEqual([
      [5, "Sở Văn hóa và Thể thao", "department", false],
      [6, "Sở Tư pháp", "department", false],
      [7, "Sở Tài chính", "department", false],
      [8, "Thanh tra tỉnh", "department", false],
      [10, "UBND phường Long Phú", "commune", false],
      [11, "UBND phường Tịnh Biên", "commune", false],
      [13, "UBND xã Đông Thái", "commune", false],
      [14, "UBND xã Tân Hội", "commune", false],
      [15, "UBND xã Vĩnh Trạch", "commune", false],
      [17, "UBND Đặc khu Kiên Hải", "commune", false],
      [18, "UBND Đặc khu Phú Quốc", "commune", false],
    ]);
    expect(r.units).toHaveLength(SECTION_HEADING_UNITS);
    expect(r.layout.dataBottom + 1).toBe(18);
  });

  test("each heading is noted with its cell, as information, and nothing else is said", () => {
    expect(r.problems.map((p) => [p.severity, p.cell, p.message])).toEqual([
      ["info", "'Phụ lục 1'!A4", "“KHỐI CƠ QUAN CHUYÊN MÔN” là dòng tiêu đề nhóm, không phải đơn vị: không chấm điểm, không xếp hạng"],
      ["info", "'Phụ lục 1'!A9", "“KHỐI PHƯỜNG” là dòng tiêu đề nhóm, không phải đơn vị: không chấm điểm, không xếp hạng"],
      ["info", "'Phụ lục 1'!A12", "“KHỐI XÃ” là dòng tiêu đề nhóm, không phải đơn vị: không chấm điểm, không xếp hạng"],
      ["info", "'Phụ lục 1'!B16", "“Khối đặc khu” là dòng tiêu đề nhóm, không phải đơn vị: không chấm điểm, không xếp hạng"],
    ]);
  });
});

describe("ranks and ratings over the whole list", () => {
  const { scored } = runScoring(grid, { profiles: BUILTIN_PROFILES });

  test("the 7 communes after the headings are ranked with each other, 1–7; the 4 agencies 1–4", () => {
    const byName = new Map(scored.units.map((u) => [u.name, u]));
    expect(["UBND xã Đông Thái", "UBND xã Tân Hội", "UBND phường Long Phú", "UBND phường Tịnh Biên", "UBND Đặc khu Kiên Hải", "UBND Đặc khu Phú Quốc", "UBND xã Vĩnh Trạch"].map((n) => byName.get(n)?.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(["Sở Văn hóa và Thể thao", "Sở Tư pháp", "Sở Tài chính", "Thanh tra tỉnh"].map((n) => byName.get(n)?.rank)).toEqual([1, 2, 3, 4]);
    expect(scored.units.map((u) => u.rating)).toEqual(["Xuất sắc", "Khá", "Trung bình", "Yếu", "Xuất sắc", "Xuất sắc", "Xuất sắc", "Xuất sắc", "Khá", "Tốt", "Tốt"]);
  });
});

describe("where the table ends", () => {
  const table = (...rows: string[]) =>
    readTable(gridFromTsv(["STT\tTên đơn vị\tTổng điểm\tXếp loại", "1\tUBND xã A\t91\t", "2\tUBND xã B\t81\t", ...rows].join("\n"), { numeric: true, sheet: "B" }), {
      profiles: BUILTIN_PROFILES,
    });

  test.each([
    ["a heading with nothing below", ["KHỐI PHƯỜNG\t\t\t"]],
    ["a heading, then blank rows only", ["KHỐI PHƯỜNG\t\t\t", "", ""]],
    ["blank rows, then the signature with a unit-like line under it", ["", "", "Người lập biểu\t\t\tChủ tịch", "3\tNguyễn Văn A\t1\t"]],
    ["a dateline", ["\t\tAn Giang, ngày 30 tháng 10 năm 2025\t", "3\tUBND xã C\t70\t"]],
    ["a recipients list", ["Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN", "3\tUBND xã C\t70\t"]],
    ["a footnote", ["(*) Số liệu tạm tính\t\t\t", "3\tUBND xã C\t70\t"]],
    ["a title and a second header", ["BẢNG 2. CẤP HUYỆN\t\t\t", "STT\tTên đơn vị\tTổng điểm\tXếp loại", "1\tHuyện X\t70\t"]],
  ])("%s: 2 units, no heading noted", (_, rows) => {
    const r = table(...rows);
    expect(r.units.map((u) => u.name)).toEqual(["UBND xã A", "UBND xã B"]);
    expect(r.problems.filter((p) => p.code === "section-row")).toEqual([]);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  test("a unit with no data and its STT stays a unit; a lower-case name without STT too", () => {
    const r = table("3\tUBND xã C\t\t", "\tUBND xã D\t\t", "4\tUBND xã E\t70\t");
    expect(r.units.map((u) => u.name)).toEqual(["UBND xã A", "UBND xã B", "UBND xã C", "UBND xã D", "UBND xã E"]);
    expect(r.problems.filter((p) => p.code === "section-row")).toEqual([]);
  });

  test("an aggregate row without values stays an aggregate, never a heading", () => {
    const r = table("\tTỔNG CỘNG\t\t", "3\tUBND xã C\t70\t");
    expect(r.units.map((u) => [u.name, u.aggregate])).toContainEqual(["TỔNG CỘNG", true]);
  });
});
