/**
 * Reading large and wide tables under Excel on the web's 5 MB request/response cap: the fake
 * enforces the cap, so every read below fails if one sync's response exceeds it.
 */
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel, FakeRange, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter, FORMAT_ROWS } from "../../src/adapters/office";
import { stateToChunks } from "../../src/plan/state";
import { stateAfterWrite } from "../../src/plan";
import { formatKnown, type CellValue, type Grid } from "../../src/model/grid";
import { EXTRA_COLUMNS_FOR_TESTS } from "./adapter-exports";
import { fakeFor, outputPlan } from "./helpers";
import { phuTanGrid } from "./phu-tan-grid";

function withoutExtraColumns(grid: Grid, width: number): Pick<Grid, "values" | "numberFormats" | "underlines"> {
  return {
    values: grid.values.map((r) => r.slice(0, width)),
    numberFormats: grid.numberFormats?.map((r) => r.slice(0, width)),
    underlines: grid.underlines?.map((r) => r.slice(0, width)),
  };
}

/** The source's formats where the grid read says it knows them, null elsewhere. */
function knownFormats(source: Grid, read: Grid): (string | null)[][] {
  return source.numberFormats!.map((row, r) => row.map((f, c) => (formatKnown(read, r, c) ? f : null)));
}

/** A grid of `rows` × `cols` with a value, a format and an underline pattern that depend on the cell. */
function patternGrid(rows: number, cols: number, underline: (r: number, c: number) => boolean, text = false, value = (r: number, c: number): CellValue => r * 1000 + c): Grid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const underlines: boolean[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(Array.from({ length: cols }, (_, c) => (text ? `Đơn vị hành chính cấp xã số ${r}-${c} (phường, thị trấn)` : value(r, c))));
    numberFormats.push(Array.from({ length: cols }, (_, c) => ((r + c) % 5 === 0 ? "0.00%" : "General")));
    underlines.push(Array.from({ length: cols }, (_, c) => underline(r, c)));
  }
  return { sheet: "Bảng", origin: { row: 0, col: 0 }, values, numberFormats, underlines };
}

describe("Office adapter: reads under the 5 MB cap", () => {
  test("10,000 rows with mixed underline columns: exact grid, every sync under 5 MB, progress after each sync", async () => {
    const source = phuTanGrid(10000);
    const { excel, adapter } = fakeFor(source);
    const seen: { fraction: number; syncs: number }[] = [];
    const snapshot = await adapter.read({ onProgress: (p) => seen.push(p) });
    expect(withoutExtraColumns(snapshot.grid, source.values[0].length)).toEqual({
      values: source.values,
      numberFormats: knownFormats(source, snapshot.grid),
      underlines: source.underlines,
    });
    // No percent column: formats of the first rows only.
    expect(snapshot.grid.partialFormats).toEqual({ fromRow: FORMAT_ROWS, columns: [] });
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(snapshot.syncs).toBe(excel.stats.syncs);
    expect(excel.stats.syncs).toBeGreaterThan(1);
    expect(excel.stats.syncs).toBeLessThanOrEqual(3);
    // Progress: once per sync after the first, never backwards, ending at 1.
    expect(seen.length).toBeGreaterThanOrEqual(excel.stats.syncs - 1);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
    expect(seen[seen.length - 1]).toEqual({ fraction: 1, syncs: excel.stats.syncs });
  });

  test("10,000 rows without underlines or percent formats: one sync, no per-cell underline data", async () => {
    // Counts as a 766 table holds them (up to 4 digits), not 8-digit numbers.
    const source = patternGrid(10_000, 45, () => false, false, (r, c) => (r * 7 + c * 13) % 5000);
    source.numberFormats = source.numberFormats!.map((row) => row.map((f) => (f === "0.00%" ? "0.00" : f)));
    const { excel, adapter } = fakeFor(source);
    const perCell = jest.spyOn(FakeRange.prototype, "getCellProperties");
    const snapshot = await adapter.read();
    expect(withoutExtraColumns(snapshot.grid, 45).values).toEqual(source.values);
    expect(withoutExtraColumns(snapshot.grid, 45).numberFormats).toEqual(knownFormats(source, snapshot.grid));
    expect(snapshot.grid.underlines!.every((r) => r.every((u) => !u))).toBe(true);
    expect(excel.stats.syncs).toBe(1);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(perCell).not.toHaveBeenCalled();
    perCell.mockRestore();
  }, 60_000);

  test("a column formatted as percent in the sample keeps its formats down the whole table", async () => {
    const rows = FORMAT_ROWS + 1500;
    const source = patternGrid(rows, 8, () => false);
    // Column 3 shows fractions as percents; the other columns are plain numbers.
    source.numberFormats = source.numberFormats!.map((row, r) => row.map((_, c) => (c === 3 ? (r % 2 === 0 ? "0%" : "0.0%") : r % 3 === 0 ? "0.00" : "General")));
    const { excel, adapter } = fakeFor(source);
    const snapshot = await adapter.read();
    expect(snapshot.grid.partialFormats).toEqual({ fromRow: FORMAT_ROWS, columns: [3] });
    expect(snapshot.grid.numberFormats!.map((row) => row[3])).toEqual(source.numberFormats!.map((row) => row[3]));
    expect(snapshot.grid.numberFormats![rows - 1][2]).toBeNull();
    expect(withoutExtraColumns(snapshot.grid, 8).numberFormats!.slice(0, FORMAT_ROWS)).toEqual(source.numberFormats!.slice(0, FORMAT_ROWS));
    // The first sync brings values and the sample; the second the percent column below it.
    expect(excel.stats.syncs).toBe(2);
  });

  test("a column underlined throughout is filled from its probe, not fetched per cell", async () => {
    const source = patternGrid(40, 6, (_, c) => c === 4);
    const { excel, adapter } = fakeFor(source);
    const snapshot = await adapter.read();
    expect(excel.stats.syncs).toBe(1);
    expect(withoutExtraColumns(snapshot.grid, 6).underlines).toEqual(source.underlines);
  });

  test("the widest 766 table (66 columns: 21 indicators × Tử số / Mẫu số / Tỷ lệ) reads in one sync", async () => {
    const source = patternGrid(400, 66, () => false, false, (r, c) => (r * 7 + c * 13) % 5000);
    source.numberFormats = source.numberFormats!.map((row) => row.map((f) => (f === "0.00%" ? "0.00" : f)));
    const { excel, adapter } = fakeFor(source);
    const snapshot = await adapter.read();
    expect(withoutExtraColumns(snapshot.grid, 66).values).toEqual(source.values);
    expect(excel.stats.syncs).toBe(1);
  });

  test("a table wider than 80 columns is read in column bands, with probes for the columns beyond", async () => {
    const source = patternGrid(30, 150, (r, c) => c === 100 || (c === 120 && r % 3 === 0) || (c === 10 && r === 7));
    const { excel, adapter } = fakeFor(source);
    const snapshot = await adapter.read();
    expect(withoutExtraColumns(snapshot.grid, 150)).toEqual({ values: source.values, numberFormats: source.numberFormats, underlines: source.underlines });
    expect(snapshot.grid.values[0].length).toBe(150 + EXTRA_COLUMNS_FOR_TESTS);
    // 1: first band + probes of the first 80 columns; 2: other bands + probes beyond; 3: column 120 per cell.
    expect(excel.stats.syncs).toBe(3);
  });

  test("when Excel refuses a response as too large, the read retries in smaller pieces and still gets every cell", async () => {
    const limit = 300 * 1024;
    const source = patternGrid(3000, 5, (r, c) => c === 2 && r % 2 === 0, true);
    const { excel, adapter } = fakeFor(source, { responseLimitBytes: limit });
    const snapshot = await adapter.read();
    expect(withoutExtraColumns(snapshot.grid, 5)).toEqual({ values: source.values, numberFormats: source.numberFormats, underlines: source.underlines });
    const refused = excel.stats.responseBytes.filter((b) => b > limit).length;
    expect(refused).toBeGreaterThan(0);
    expect(snapshot.syncs).toBe(excel.stats.syncs);
  });

  test("after a response too large, the percent columns are still found from the whole sample", async () => {
    const limit = 300 * 1024;
    const source = patternGrid(3000, 5, () => false, true);
    // Only column 2 is a percent column, and only from row 500 (below the cut-short first tile).
    source.numberFormats = source.numberFormats!.map((row, r) => row.map((_, c) => (c === 2 && r >= 500 ? "0.0%" : "General")));
    const { excel, adapter } = fakeFor(source, { responseLimitBytes: limit });
    const snapshot = await adapter.read();
    expect(excel.stats.responseBytes.some((b) => b > limit)).toBe(true);
    expect(snapshot.grid.partialFormats).toEqual({ fromRow: FORMAT_ROWS, columns: [2] });
    expect(snapshot.grid.numberFormats!.map((row) => row[2])).toEqual(source.numberFormats!.map((row) => row[2]));
  });

  test("a state longer than the first sync's rows is read back whole", async () => {
    const source = phuTanGrid(10000);
    const { excel, adapter } = fakeFor(source);
    const plan = outputPlan(source);
    // The last run packs into a few chunks; a user's own profile stored beside it makes the state long.
    const profile = { id: "rieng", description: "Phương pháp riêng của tỉnh. ".repeat(20000) };
    const state = stateAfterWrite(plan, { profile, mapping: { C: "total" }, at: new Date("2024-05-06T04:00:00Z") });
    expect(stateToChunks(state).length).toBeGreaterThan(16);
    await adapter.apply(plan, state);
    excel.resetStats();
    const snapshot = await adapter.read();
    expect(snapshot.state).toEqual(state);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
  });

  test("12,000 rows × 57 columns, a percent format in every column: every sync under 5 MB", async () => {
    const rows = 12_000;
    const source = patternGrid(rows, 45, (r, c) => c === 44 && r % 7 === 3, false, (r, c) => (r * 7 + c * 13) % 5000);
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(source));
    const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
    const snapshot = await adapter.read();
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(excel.stats.syncs).toBeGreaterThanOrEqual(Math.ceil(excel.stats.responseBytes.reduce((a, b) => a + b, 0) / EXCEL_WEB_PAYLOAD_LIMIT));
    expect(withoutExtraColumns(snapshot.grid, 45)).toEqual({ values: source.values, numberFormats: source.numberFormats, underlines: source.underlines });
  }, 60_000);
});

describe("fake Excel: underline probe and range helpers behave like Excel", () => {
  test("format/font/underline is the common style, or null when the cells differ", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(patternGrid(4, 3, (r, c) => c === 1 || (c === 2 && r === 0))));
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Bảng");
      const cols = ["A1:A4", "B1:B4", "C1:C4"].map((a) => sheet.getRange(a).load("format/font/underline"));
      await context.sync();
      expect(cols.map((c) => c.format.font.underline)).toEqual(["None", "Single", null]);
    });
  });

  test("getIntersectionOrNullObject past the range is a null object; getResizedRange past the sheet fails", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(patternGrid(4, 3, () => false)));
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Bảng").getRange("A1:C4");
      const inside = range.getIntersectionOrNullObject(range.getCell(0, 2).getEntireColumn()).load("address");
      const outside = range.getIntersectionOrNullObject(range.getCell(0, 5).getEntireColumn()).load("address");
      await context.sync();
      expect(inside.isNullObject).toBe(false);
      expect(inside.address).toBe("'Bảng'!C1:C4");
      expect(outside.isNullObject).toBe(true);
      range.getResizedRange(1_048_576, 0).load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});
