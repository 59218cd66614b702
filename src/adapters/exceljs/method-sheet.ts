/**
 * The method sheet in an exceljs workbook: found by its name, and written from the cells
 * src/profiles/sheet lays out (bold titles and headers, bordered tables, wrapped text, landscape
 * A4 one page wide). A user's own sheet of that name is never replaced here: callers refuse.
 */
import ExcelJS from "exceljs";
import type { MethodSheet } from "../../model/method-sheet";
import { METHOD_SHEET } from "../../model/profile";
import { wrappedLines } from "../../report/sheet";
import { PAGE_FOOTER } from "./sheet-plan";

/** Points per line of the default Calibri 11. */
const LINE_POINTS = 15;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** The workbook's method sheet ("Phương pháp chấm điểm", in any case), if it has one. */
export function methodSheetOf(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const wanted = METHOD_SHEET.normalize("NFC").toLowerCase();
  return wb.worksheets.find((ws) => ws.name.normalize("NFC").toLowerCase() === wanted);
}

/** Adds the method sheet (the workbook must not have one). */
export function addMethodSheet(wb: ExcelJS.Workbook, sheet: MethodSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(METHOD_SHEET, {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: PAGE_FOOTER },
  });
  const { look } = sheet;
  look.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const flowing = new Set([...look.titleRows, ...look.textRows]);
  sheet.values.forEach((row, r) => {
    let lines = 1;
    row.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const format = sheet.numberFormats?.[r]?.[c];
      if (format) cell.numFmt = format;
      if (value !== null) cell.value = value;
      if (flowing.has(r)) return;
      cell.alignment = { vertical: "top", wrapText: true };
      if (value !== null) lines = Math.max(lines, wrappedLines(String(value), look.columnWidths[c] ?? 10));
    });
    // Excel sizes wrapped rows when it edits them, not when it opens a file: give the height.
    if (lines > 1) ws.getRow(r + 1).height = lines * LINE_POINTS;
  });
  const bold = new Set([...look.titleRows, ...look.headerRows]);
  for (const r of bold) ws.getRow(r + 1).eachCell((cell) => (cell.font = { bold: true, size: r === 0 ? 14 : 11 }));
  for (const t of look.tables) {
    for (let r = t.top; r <= t.bottom; r++) {
      for (let c = 0; c <= t.right; c++) ws.getCell(r + 1, c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
  }
  return ws;
}

/** A new workbook holding only the method sheet. */
export function methodWorkbook(sheet: MethodSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addMethodSheet(wb, sheet);
  return wb;
}
