import ExcelJS from "exceljs";
import { applyPlan, detectCsvDelimiter, gridFromWorksheet, readState, sheetNameFromFile, workbookFromCsv, writeState } from "../../src/adapters/exceljs";
import type { WorkbookState, WritePlan } from "../../src/model/plan";

function plan(blocks: WritePlan["blocks"], set: string[] = [], clear: string[] = []): WritePlan {
  return { sheet: "S", columns: [], blocks, underline: { set, clear }, previous: [], conflicts: [] };
}

describe("exceljs adapter", () => {
  test("grid: formulas give their result, merged cells only their top-left, underline as boolean", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "Tiêu đề";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = { formula: "1+1", result: 2 };
    ws.getCell("B2").value = { richText: [{ text: "Phú " }, { text: "Tân" }] };
    ws.getCell("C2").value = 5;
    ws.getCell("C2").font = { underline: "double" };
    ws.getCell("C2").numFmt = "0.00%";
    const g = gridFromWorksheet(ws);
    expect(g.values).toEqual([
      ["Tiêu đề", null, null],
      [2, "Phú Tân", 5],
    ]);
    expect(g.underlines![1]).toEqual([false, false, true]);
    expect(g.numberFormats![1][2]).toBe("0.00%");
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  test("grid: each row's number formats are its own, also where rows around it repeat one another", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    const formats = [
      ["General", "0.00"],
      ["General", "0.00"],
      ["General", "0.00%"],
      ["General", "0.00"],
      ["@", "0.00"],
      ["@", "0.00"],
    ];
    formats.forEach((row, r) =>
      row.forEach((f, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = r * 10 + c;
        if (f !== "General") cell.numFmt = f;
      }),
    );
    const g = gridFromWorksheet(ws);
    expect(g.numberFormats).toEqual(formats);
    // Repeated rows share one array, which nothing may change: the grid stays as read.
    expect(g.numberFormats![1]).toBe(g.numberFormats![0]);
    expect(g.numberFormats![3]).not.toBe(g.numberFormats![2]);
  });

  test("grid: a missing cell reads as exceljs would create it (row, then column style) but is not created", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getColumn(2).numFmt = "0.0";
    ws.getColumn(3).font = { underline: true };
    ws.getCell("A1").value = "a";
    ws.getCell("D1").value = 1;
    ws.getCell("A2").value = "b";
    ws.getRow(2).numFmt = "@";
    ws.getCell("D3").value = 3;
    const g = gridFromWorksheet(ws);
    expect(g.values).toEqual([
      ["a", null, null, 1],
      ["b", null, null, null],
      [null, null, null, 3],
    ]);
    // What row.getCell would have given, on a copy of the same sheet.
    const copy = new ExcelJS.Workbook();
    const other = copy.addWorksheet("S");
    other.model = ws.model;
    const formats = [1, 2, 3].map((r) => [1, 2, 3, 4].map((c) => other.getRow(r).getCell(c).numFmt ?? "General"));
    const underlined = [1, 2, 3].map((r) => [1, 2, 3, 4].map((c) => other.getRow(r).getCell(c).font?.underline === true));
    expect(g.numberFormats).toEqual(formats);
    expect(g.underlines).toEqual(underlined);
    expect(g.numberFormats![0][1]).toBe("0.0");
    // Nothing was created by reading.
    expect(ws.getRow(1).cellCount).toBe(4);
    expect(ws.findRow(3)!.findCell(1)).toBeUndefined();
  });

  test("grid: no underlines at all leaves them out (underlineAt reads false)", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "a";
    ws.getCell("B2").value = 2;
    expect(gridFromWorksheet(ws).underlines).toBeUndefined();
  });

  test("apply: keeps a formula whose result already equals the value, never writes through a merge, styles not shared", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "40+2", result: 42 };
    ws.mergeCells("B1:C1");
    ws.getCell("B1").value = "gộp";
    const shared = { name: "Times New Roman", size: 12 };
    ws.getCell("A2").font = shared;
    ws.getCell("B2").font = shared;
    applyPlan(wb, plan([{ address: "A1:C1", row: 0, col: 0, values: [[42, "x", "y"]], numberFormats: [["0.00", null, null]] }], ["A2"]));
    expect(ws.getCell("A1").value).toEqual({ formula: "40+2", result: 42 });
    expect(ws.getCell("A1").numFmt).toBe("0.00");
    expect(ws.getCell("B1").value).toBe("x");
    expect(ws.getCell("A2").font.underline).toBe(true);
    expect(ws.getCell("B2").font.underline).toBeUndefined();
    applyPlan(wb, plan([], [], ["A2"]));
    expect(ws.getCell("A2").font).toEqual(shared);
  });

  test("state: written to a very hidden sheet in chunks and read back", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    const long = "đ".repeat(70000);
    const state: WorkbookState = { version: 1, profile: { note: long }, mapping: { B: "name" }, lastRun: null };
    writeState(wb, state);
    writeState(wb, state); // rewriting replaces, never appends
    const ws = wb.getWorksheet("chiso766_state")!;
    expect(ws.state).toBe("veryHidden");
    expect(ws.rowCount).toBe(3);
    expect(readState(wb).state).toEqual(state);
  });

  test("CSV: delimiter detected outside quotes, values kept as text", () => {
    expect(detectCsvDelimiter('a;b;"c,d"\n1;2;3')).toBe(";");
    expect(detectCsvDelimiter('a,b,"c;d;e"')).toBe(",");
    expect(detectCsvDelimiter("a\tb\tc")).toBe("\t");
    const wb = workbookFromCsv('\uFEFFSTT;Điểm\n01;"94,3"\n', "Bảng");
    const g = gridFromWorksheet(wb.getWorksheet("Bảng")!);
    expect(g.values).toEqual([
      ["STT", "Điểm"],
      ["01", "94,3"],
    ]);
    expect(sheetNameFromFile("/x/bảng: 5/2024 của huyện Phú Tân, tỉnh An Giang.csv")).toHaveLength(31);
  });
});
