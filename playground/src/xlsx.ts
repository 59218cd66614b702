/**
 * Reads an .xlsx file in the browser with exceljs' own browser bundle (served as
 * /vendor/exceljs.min.js, global ExcelJS) into plain sheets: values as Excel's API would
 * return them, number formats, underlines, merged areas and column widths.
 *
 * Why in the browser: a workbook dropped on the page and an example picked from the list go
 * through the same code, and nothing leaves the machine's browser tab.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs cells are plain objects, not Office.js proxies */
import type * as ExcelJSTypes from "exceljs";
import type { CellRange, CellValue } from "../../src/model/grid";
import { parseRangeA1 } from "../../src/model/grid";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetData {
  name: string;
  visibility: SheetVisibility;
  /** Dense rows × cols from A1 (the used area). */
  values: CellValue[][];
  numberFormats: string[][];
  underlines: boolean[][];
  merges: CellRange[];
  /** Column widths in Excel's character units, where the file sets them. */
  columnWidths: (number | null)[];
  /** Horizontal alignment and text wrapping set on cells (null: Excel's General alignment). */
  alignments: (CellAlignment | null)[][];
}

export interface CellAlignment {
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
}

function alignmentOf(cell: ExcelJSTypes.Cell): CellAlignment | null {
  const a = cell.alignment;
  if (!a) return null;
  const out: CellAlignment = {};
  if (a.horizontal === "left" || a.horizontal === "center" || a.horizontal === "right") out.horizontal = a.horizontal;
  else if (a.horizontal === "centerContinuous" || a.horizontal === "distributed") out.horizontal = "center";
  if (a.wrapText) out.wrap = true;
  return out.horizontal || out.wrap ? out : null;
}

declare global {
  interface Window {
    ExcelJS?: typeof ExcelJSTypes;
  }
}

/** 1900-date-system serial of a JS date (what Excel's API returns for a date cell). */
function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** Converts exceljs' cell value union into what Excel.Range.values holds. */
export function toCellValue(v: ExcelJSTypes.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJSTypes.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (result instanceof Date) return dateToSerial(result);
      if (typeof result === "object") return "error" in result ? String(result.error) : null;
      return result;
    }
    if ("text" in v) return String((v as ExcelJSTypes.CellHyperlinkValue).text);
  }
  return String(v);
}

const visibilityOf: Record<string, SheetVisibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export function sheetFromWorksheet(ws: ExcelJSTypes.Worksheet): SheetData {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const underlines: boolean[][] = [];
  const alignments: (CellAlignment | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vRow: CellValue[] = [];
    const fRow: string[] = [];
    const uRow: boolean[] = [];
    const aRow: (CellAlignment | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // A merged area's value lives in its master cell; Excel reports the others as blank.
      const isSlave = cell.isMerged && cell.master !== cell;
      vRow.push(isSlave ? null : toCellValue(cell.value));
      fRow.push(cell.numFmt || "General");
      uRow.push(Boolean(cell.font?.underline) && cell.font?.underline !== "none");
      aRow.push(alignmentOf(cell));
    }
    values.push(vRow);
    numberFormats.push(fRow);
    underlines.push(uRow);
    alignments.push(aRow);
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? [])
    .map((ref) => parseRangeA1(ref))
    .filter((r): r is CellRange => r !== null);
  const columnWidths: (number | null)[] = [];
  for (let c = 1; c <= cols; c++) columnWidths.push(ws.getColumn(c).width ?? null);
  return { name: ws.name, visibility: visibilityOf[ws.state] ?? "Visible", values, numberFormats, underlines, merges, columnWidths, alignments };
}

/** Parses .xlsx bytes into sheets, in workbook order. */
export async function readXlsx(data: ArrayBuffer): Promise<SheetData[]> {
  const ExcelJS = window.ExcelJS;
  if (!ExcelJS) throw new Error("Không tải được thư viện đọc tệp Excel (exceljs).");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => sheets.push(sheetFromWorksheet(ws)));
  if (sheets.length === 0) throw new Error("Tệp không có trang tính nào.");
  return sheets;
}
