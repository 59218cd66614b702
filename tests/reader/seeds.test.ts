/**
 * Golden tests: each published seed table, laid out as a sheet (with merges) and as a pasted
 * TSV (without), reads back to the published values, the right profile and the right layout.
 * Expected values come from the seed text itself (tests/fixtures/seeds/tables.ts), split by tab.
 */
import { BUILTIN_PROFILES } from "../../src/profiles";
import { readTable } from "../../src/reader";
import type { UnitRow } from "../../src/model/units";
import {
  BEN_CAU_TABLE,
  DIEN_BIEN_TABLE,
  PHU_TAN_TABLE,
  benCauGrid,
  benCauPastedGrid,
  dienBienGrid,
  dienBienPastedGrid,
  phuTanGrid,
  phuTanPastedGrid,
} from "../fixtures/grids/seeds";
import { BEN_CAU_HEADER_ROWS, DIEN_BIEN_HEADER_ROWS, PHU_TAN_HEADER_ROWS, dataCells, publishedNumber } from "../fixtures/seeds";

const profiles = BUILTIN_PROFILES;

/** Data lines of a seed table (after `headerRows`): the printed cell texts. */
function seedRows(table: string, headerRows: number): string[][] {
  return dataCells(table, headerRows).map((row) => row.map((c) => c.text));
}

/** The published number as a reader should give it: "9,8" → 9.8, "86.59" → 86.59. */
const published = publishedNumber;

function errors(problems: { severity: string }[]) {
  return problems.filter((p) => p.severity === "error");
}

describe.each([
  ["merged sheet", phuTanGrid, "'Phụ lục 1'", 6],
  ["pasted TSV", phuTanPastedGrid, "Sheet1", 2],
])("Phú Tân weekly appendix (%s)", (_name, grid, sheetRef, firstDataRow) => {
  const result = readTable(grid, { profiles });
  const rows = seedRows(PHU_TAN_TABLE, PHU_TAN_HEADER_ROWS);

  test("detects the an-giang-tuan profile and explains why", () => {
    expect(result.profileId).toBe("an-giang-tuan");
    expect(result.candidates[0].id).toBe("an-giang-tuan");
    expect(result.candidates[0].reason).toMatch(/được chọn/);
    expect(result.candidates[0].score).toBeGreaterThan(result.candidates[1].score + 0.1);
    expect(result.candidates).toHaveLength(profiles.length);
  });

  test("finds two header rows under the title and maps every column", () => {
    expect(result.layout.headerBottom - result.layout.headerTop).toBe(1);
    expect(result.layout.dataTop).toBe(firstDataRow);
    const byLetter = Object.fromEntries(result.mapping.map((m) => [m.letter, m.field]));
    expect(byLetter).toEqual({
      A: "stt",
      B: "name",
      C: "total",
      D: "rating",
      E: "previous",
      F: "change",
      G: "ck.ratio",
      H: "td.ratio",
      I: "dvctt.ratio",
      J: "tttt.ratio",
      K: "sohoa.ratio",
      L: "taisudung.ratio",
      M: "chungthuc.ratio",
    });
    expect(result.mapping.find((m) => m.letter === "I")?.header).toBe("DỊCH VỤ CÔNG TT › DVCTT");
    expect(result.mapping.find((m) => m.letter === "L")?.header).toBe("SỐ HÓA HỒ SƠ (80%) › TÁI SỬ DỤNG (%)");
  });

  test("reads every unit with the published values, no problems", () => {
    expect(result.problems).toEqual([]);
    expect(result.units).toHaveLength(rows.length);
    const fields = ["total", "previous", "change", "ck.ratio", "td.ratio", "dvctt.ratio", "tttt.ratio", "sohoa.ratio", "taisudung.ratio", "chungthuc.ratio"];
    const cols = [2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    rows.forEach((cells, i) => {
      const u = result.units[i];
      expect(u.name).toBe(cells[1]);
      expect(u.texts?.rating).toBe(cells[3]);
      fields.forEach((f, k) => expect(u.values[f]).toBe(published(cells[cols[k]])));
    });
  });

  test("TOÀN HUYỆN is the aggregate row; the others are units with addresses", () => {
    expect(result.units.filter((u) => u.aggregate).map((u) => u.name)).toEqual(["TOÀN HUYỆN"]);
    const phuLong = result.units.find((u) => u.name === "PHÚ LONG") as UnitRow;
    expect(phuLong.cells?.total).toBe(`${sheetRef}!C${firstDataRow + 19}`);
    expect(phuLong.key).toBe("phú long");
  });
});

describe.each([
  ["merged sheet", dienBienGrid, 7, "A"],
  ["pasted at B3, no merges", dienBienPastedGrid, 5, "B"],
])("Điện Biên Phủ appendix (%s)", (_name, grid, firstDataRow, firstLetter) => {
  const result = readTable(grid, { profiles });
  const rows = seedRows(DIEN_BIEN_TABLE, DIEN_BIEN_HEADER_ROWS);

  test("detects dien-bien-2023 from three header rows", () => {
    expect(result.profileId).toBe("dien-bien-2023");
    expect(result.layout.headerBottom - result.layout.headerTop).toBe(2);
    expect(result.layout.dataTop).toBe(firstDataRow);
    expect(result.mapping[0].letter).toBe(firstLetter);
  });

  test('the parent header decides which "Chỉ số 1" is which; "Tiên độ" is read as Tiến độ', () => {
    const fields = result.mapping.map((m) => m.field);
    expect(fields).toEqual([
      "stt",
      "name",
      "tiendo.points",
      "dvtt1.points",
      "dvtt2.points",
      "sohoa1.points",
      "sohoa2.points",
      "hailong1.points",
      "hailong2.points",
      "hailong3.points",
      "total",
      "converted",
      "rating",
    ]);
    expect(result.mapping[3].header).toBe("Điểm các chỉ số › Nhóm cung cấp DVTT › Chỉ số 1 (10 điểm)");
    expect(result.mapping[5].header).toBe("Điểm các chỉ số › Nhóm số hoá hồ sơ › Chỉ số 1 (5 điểm)");
    expect(result.mapping.every((m) => m.confidence >= 0.85)).toBe(true);
  });

  test("reads the comma decimals as published, every unit a commune", () => {
    expect(errors(result.problems)).toEqual([]);
    expect(result.units).toHaveLength(12);
    const fields = result.mapping.map((m) => m.field as string);
    rows.forEach((cells, i) => {
      const u = result.units[i];
      expect(u.name).toBe(cells[1]);
      expect(u.level).toBe("commune");
      for (let c = 2; c <= 11; c++) expect(u.values[fields[c]]).toBe(published(cells[c]));
      expect(u.texts?.rating).toBe(cells[12]);
    });
  });
});

describe.each([
  ["merged sheet", benCauGrid],
  ["pasted, no merges", benCauPastedGrid],
])("Bến Cầu appendix (%s)", (_name, grid) => {
  const result = readTable(grid, { profiles });
  const rows = seedRows(BEN_CAU_TABLE, BEN_CAU_HEADER_ROWS);

  test("detects chi-tieu and the group header over two columns", () => {
    expect(result.profileId).toBe("chi-tieu");
    expect(result.mapping.map((m) => m.field)).toEqual([
      "stt",
      "name",
      "code",
      "quahan.numerator",
      "tructuyen.ratio",
      "hailong.ratio",
      "kqdt.ratio",
      "sohoa.ratio",
      "chungthuc.numerator",
    ]);
    expect(result.mapping[6].header).toBe("Kết quả số hóa hồ sơ (**) › Tỷ lệ hồ sơ cấp kết quả điện tử (%)");
  });

  test('reads text numbers: "0.00" beside "94,3", "01", counts', () => {
    const fields = result.mapping.map((m) => m.field as string);
    expect(result.units).toHaveLength(rows.length);
    rows.forEach((cells, i) => {
      const u = result.units[i];
      expect(u.name).toBe(cells[1]);
      for (let c = 3; c <= 8; c++) expect(u.values[fields[c]]).toBe(published(cells[c]));
    });
    const longThuan = result.units.find((u) => u.name === "UBND xã Long Thuận") as UnitRow;
    expect(longThuan.values["quahan.numerator"]).toBe(1);
    expect(result.units[1].values["kqdt.ratio"]).toBe(0);
  });

  test("the malformed code is the only problem, at its cell", () => {
    expect(result.problems).toEqual([
      expect.objectContaining({ cell: "Phu_luc!C14", code: "malformed-code", severity: "warning" }),
    ]);
    expect(result.problems[0].message).toContain('"000.25.331H53"');
  });

  test("levels, the aggregate last row and names normalised for matching", () => {
    expect(result.units[0].level).toBe("department");
    expect(result.units.slice(1, 10).every((u) => u.level === "commune")).toBe(true);
    const last = result.units[result.units.length - 1];
    expect(last).toMatchObject({ name: "Tỷ lệ chung của huyện", aggregate: true, code: null, level: null });
    expect(result.units[8].key).toBe("long phước");
  });
});
