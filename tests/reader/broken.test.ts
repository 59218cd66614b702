/** Broken variants of the seed tables: each gives the right problem at the right address. */
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";
import { readTable } from "../../src/reader";
import type { Profile } from "../../src/model/profile";
import { benCauGrid, dienBienGrid, phuTanGrid } from "../fixtures/grids/seeds";
import { gridFromTsv, withCell, withoutColumn, withRows } from "../fixtures/grids/tsv";

const profiles = BUILTIN_PROFILES;
const dienBien = getProfile("dien-bien-2023") as Profile;

describe("broken variants", () => {
  test("text in a number column → not-a-number at that cell, value missing", () => {
    const grid = withCell(dienBienGrid, 7, 3, "chín phẩy tám"); // D8
    const r = readTable(grid, { profiles });
    expect(r.profileId).toBe("dien-bien-2023");
    const p = r.problems.filter((x) => x.code === "not-a-number");
    expect(p).toEqual([
      { cell: "Sheet1!D8", message: '"chín phẩy tám" không phải là số', severity: "error", code: "not-a-number", field: "dvtt1.points" },
    ]);
    expect(r.units[0].values["dvtt1.points"]).toBeNull();
    expect(r.units[0].values["dvtt2.points"]).toBe(2.7);
  });

  test('a word containing "âm" ("Tâm") is not a number, not out of range: the code comes from the parser, not the message', () => {
    const grid = withCell(dienBienGrid, 7, 3, "Tâm"); // D8
    const r = readTable(grid, { profiles });
    expect(r.problems.filter((x) => x.cell === "Sheet1!D8")).toEqual([
      { cell: "Sheet1!D8", message: '"Tâm" không phải là số', severity: "error", code: "not-a-number", field: "dvtt1.points" },
    ]);
  });

  test("each parse error carries its own code", () => {
    const cases: [string, string][] = [
      ["-3", "out-of-range"],
      ["#DIV/0!", "excel-error"],
      ["abc", "not-a-number"],
      ["9.747", "ambiguous-number"],
    ];
    for (const [text, code] of cases) {
      const r = readTable(withCell(dienBienGrid, 7, 3, text), { profiles });
      expect(r.problems.filter((x) => x.cell === "Sheet1!D8").map((x) => x.code)).toEqual([code]);
    }
  });

  test('"16/,6" (Bến Cầu\'s own typo) → not a number, named cell', () => {
    const grid = withCell(benCauGrid, 6, 4, "16/,6"); // E7
    const r = readTable(grid, { profiles });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ cell: "Phu_luc!E7", message: '"16/,6" không phải là số', severity: "error" }),
    );
  });

  test("a duplicated unit → duplicate-unit at the second row's name", () => {
    const grid = withRows(benCauGrid, []);
    // Row 17 (after the aggregate): the same commune spelled differently.
    const dup = withCell(withCell(withCell(grid, 16, 1, "Xã AN THẠNH"), 16, 4, "99"), 16, 0, "12");
    const r = readTable(dup, { profiles });
    const p = r.problems.filter((x) => x.code === "duplicate-unit");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ cell: "Phu_luc!B17", severity: "warning" });
    expect(p[0].message).toContain("dòng 8");
  });

  test("a value above its maximum → above-max warning, value kept", () => {
    const grid = withCell(dienBienGrid, 8, 5, "7,5"); // F9: sohoa1 max 5
    const r = readTable(grid, { profiles });
    const p = r.problems.filter((x) => x.code === "above-max");
    expect(p).toEqual([expect.objectContaining({ cell: "Sheet1!F9", severity: "warning", field: "sohoa1.points" })]);
    expect(p[0].message).toMatch(/7,5 lớn hơn điểm tối đa 5/);
    expect(r.units[1].values["sohoa1.points"]).toBe(7.5);
  });

  test("a ratio above 100 → out-of-range error", () => {
    const grid = withCell(phuTanGrid, 10, 6, 130); // G11
    const r = readTable(grid, { profiles });
    expect(r.problems).toEqual([expect.objectContaining({ cell: "'Phụ lục 1'!G11", code: "out-of-range", severity: "error" })]);
  });

  test("a missing column → missing-column naming the field", () => {
    const grid = withoutColumn(dienBienGrid, 6); // G: Nhóm số hoá hồ sơ › Chỉ số 2
    const r = readTable(grid, { profiles, profileId: "dien-bien-2023" });
    const p = r.problems.filter((x) => x.code === "missing-column");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: "sohoa2.*", severity: "warning" });
    expect(r.units).toHaveLength(12);
  });

  test("no name column → error and no units", () => {
    const grid = withoutColumn(benCauGrid, 1);
    const r = readTable(grid, { profiles, profileId: "chi-tieu" });
    expect(r.units).toEqual([]);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: "missing-column", field: "name", severity: "error" }));
  });

  test("a header that matches two fields → ambiguous-header at the header cell, column unused", () => {
    const grid = gridFromTsv("STT\tTên đơn vị\tChỉ số 1\tĐiểm được\n1\tUBND xã A\t5\t60\n2\tUBND xã B\t4\t50", { origin: { row: 9, col: 2 } });
    const r = readTable(grid, { profiles: [dienBien] });
    const p = r.problems.filter((x) => x.code === "ambiguous-header");
    expect(p).toHaveLength(1);
    expect(p[0].cell).toBe("Sheet1!E10");
    expect(p[0].message).toMatch(/khớp với cả/);
    expect(r.mapping.find((m) => m.letter === "E")?.field).toBeNull();
    // Why it is unused, as a code the pane can rely on (the reason is for reading).
    expect(r.mapping.find((m) => m.letter === "E")?.unused).toBe("ambiguous");
    expect(r.units[0].values.total).toBe(60);
  });

  test("an unused column says why as a code: no field for its header, or no header", () => {
    const grid = gridFromTsv("Tên đơn vị\t\tĐiểm được\tGhi chú\nUBND xã A\t1\t60\tx\nUBND xã B\t2\t50\t");
    const r = readTable(grid, { profiles: [dienBien] });
    expect(r.mapping.find((m) => m.letter === "D")).toMatchObject({ field: null, unused: "no-field", reason: "không khớp trường nào của phương pháp" });
    expect(r.mapping.find((m) => m.letter === "B")).toMatchObject({ field: null, unused: "no-header" });
    expect(r.mapping.find((m) => m.letter === "C")?.unused).toBeUndefined();
  });

  test("a weak match is used but reported", () => {
    const grid = gridFromTsv("STT\tTên đơn vị\tChỉ số 1 (10 điểm)\tĐiểm được\n1\tUBND xã A\t5\t60");
    const r = readTable(grid, { profiles: [dienBien] });
    const col = r.mapping.find((m) => m.letter === "C");
    expect(col?.field).toBe("dvtt1.points");
    expect(col?.confidence).toBeLessThan(0.85);
    expect(r.problems).toContainEqual(expect.objectContaining({ cell: "Sheet1!C1", code: "weak-match", severity: "warning" }));
  });

  test("an ambiguous number in a score column → ambiguous-number", () => {
    const grid = withCell(dienBienGrid, 7, 10, "921.747"); // K8 total
    const r = readTable(grid, { profiles });
    expect(r.problems).toContainEqual(expect.objectContaining({ cell: "Sheet1!K8", code: "ambiguous-number", severity: "error" }));
  });

  test("unknown profile id, empty grid, no header: errors, no units, no throw", () => {
    expect(readTable(dienBienGrid, { profiles, profileId: "khong-co" }).problems[0].code).toBe("unknown-profile");
    expect(readTable({ sheet: "S", origin: { row: 0, col: 0 }, values: [] }, { profiles }).problems[0].code).toBe("empty");
    const noHeader = readTable(gridFromTsv("1\t2\t3\n4\t5\t6"), { profiles });
    expect(noHeader.problems[0]).toMatchObject({ code: "no-header", severity: "error", cell: "Sheet1!A1" });
    expect(noHeader.units).toEqual([]);
    expect(readTable(dienBienGrid, { profiles: [] }).problems[0].code).toBe("no-profile");
  });
});
