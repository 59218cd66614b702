/**
 * The method sheet ("Phương pháp chấm điểm") through Office.js: read in one sync, written in one
 * (values and number formats as two 2-D writes, styles queued in the same batch), never a sync
 * in a loop. The cells come from src/profiles/sheet; this file only moves them.
 */
import type { CellValue, Grid } from "../../model/grid";
import type { MethodSheet } from "../../model/method-sheet";
import { METHOD_SHEET } from "../../model/profile";
import type { XlRequestContext, XlRun } from "./excel-subset";

/** Excel column widths are in points; a character of Calibri 11 is about 6 points wide. */
const POINTS_PER_CHAR = 6;

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
const EDGES: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

export interface MethodSheetAdapter {
  /** The method sheet's cells, or null when the workbook has no such sheet (1 sync). */
  readMethodSheet(): Promise<Grid | null>;
  /** Writes the sheet and shows it; `replace` deletes the existing one first (1 sync). */
  writeMethodSheet(sheet: MethodSheet, options: { replace: boolean }): Promise<void>;
}

const excelContext = (context: XlRequestContext) => context as unknown as Excel.RequestContext;

/** Blank cells as the reader expects them: null, not "". */
function cellValues(rows: unknown[][]): CellValue[][] {
  return rows.map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as CellValue))));
}

function rectangle<T>(rows: (T | null | undefined)[][], width: number, blank: T): T[][] {
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? blank));
}

function queueLook(ws: Excel.Worksheet, sheet: MethodSheet, width: number): void {
  const { look } = sheet;
  look.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * POINTS_PER_CHAR));
  const flowing = new Set([...look.titleRows, ...look.textRows]);
  // Every row but the running text wraps inside its cells, top-aligned like a form.
  const body = ws.getRangeByIndexes(0, 0, sheet.values.length, width);
  body.format.verticalAlignment = "Top";
  body.format.wrapText = true;
  for (const r of flowing) ws.getRangeByIndexes(r, 0, 1, width).format.wrapText = false;
  for (const r of [...look.titleRows, ...look.headerRows]) ws.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  ws.getRangeByIndexes(0, 0, 1, 1).format.font.size = 14;
  for (const t of look.tables) {
    const range = ws.getRangeByIndexes(t.top, 0, t.bottom - t.top + 1, t.right + 1);
    for (const edge of EDGES) {
      if (edge === "InsideVertical" && t.right === 0) continue;
      if (edge === "InsideHorizontal" && t.top === t.bottom) continue;
      const b = range.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
    }
  }
  ws.pageLayout.orientation = "Landscape";
}

export function createMethodSheetAdapter(run: XlRun): MethodSheetAdapter {
  async function readMethodSheet(): Promise<Grid | null> {
    return run(async (context) => {
      const ws = excelContext(context).workbook.worksheets.getItemOrNullObject(METHOD_SHEET);
      ws.load("name");
      // On a missing sheet the used range is a null object too: one sync either way.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values,numberFormat,rowIndex,columnIndex");
      await context.sync();
      if (ws.isNullObject) return null;
      if (used.isNullObject) return { sheet: ws.name, origin: { row: 0, col: 0 }, values: [] };
      return {
        sheet: ws.name,
        origin: { row: used.rowIndex, col: used.columnIndex },
        values: cellValues(used.values),
        numberFormats: used.numberFormat as (string | null)[][],
      };
    });
  }

  async function writeMethodSheet(sheet: MethodSheet, options: { replace: boolean }): Promise<void> {
    const width = Math.max(1, ...sheet.values.map((r) => r.length));
    await run(async (context) => {
      const sheets = excelContext(context).workbook.worksheets;
      if (options.replace) sheets.getItem(METHOD_SHEET).delete();
      const ws = sheets.add(METHOD_SHEET);
      const range = ws.getRangeByIndexes(0, 0, sheet.values.length, width);
      // Formats first: a text cell ("@") keeps "1.10" and never turns "=…" into a formula.
      range.numberFormat = rectangle(sheet.numberFormats ?? [], width, "General");
      range.values = rectangle(sheet.values, width, "") as (string | number | boolean)[][];
      queueLook(ws, sheet, width);
      ws.activate();
      await context.sync();
    });
  }

  return { readMethodSheet, writeMethodSheet };
}
