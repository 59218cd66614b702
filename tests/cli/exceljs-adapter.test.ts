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
    expect(readState(wb)).toEqual(state);
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
