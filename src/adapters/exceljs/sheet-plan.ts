/**
 * Applies a report SheetPlan to an exceljs Workbook: a new sheet (replacing one the tool wrote
 * before under that name, never a user's), values with number formats, fonts, borders, merges,
 * widths and the print setup. The tool's sheets are marked in the first-page footer, which is
 * never printed (differentFirst is off), so the official page carries no product name.
 */
import type ExcelJS from "exceljs";
import { rangeA1, type CellRange } from "../../model/grid";
import type { AppendixStyle, SheetPlan } from "../../report/types";

/** The mark of a sheet written by chiso766, in the unprinted first-page footer. */
export const SHEET_MARK = "chiso766";
/** Page numbers, centred at the foot of every printed page. */
export const PAGE_FOOTER = "&C&10Trang &P/&N";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** Written by this tool: the mark in the first-page footer, or (older files) in the printed footer. */
export function ownedByTool(ws: ExcelJS.Worksheet): boolean {
  const hf = ws.headerFooter ?? {};
  return (hf.firstFooter ?? "").includes(SHEET_MARK) || (hf.oddFooter ?? "").includes(SHEET_MARK);
}

/**
 * The sheet name to use when `wanted` is the user's own sheet: "Phụ lục xếp loại (2)", "(3)"…,
 * reusing (and removing) one the tool wrote on an earlier run.
 */
function freeName(wb: ExcelJS.Workbook, wanted: string): string {
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`.slice(-31);
    const ws = wb.getWorksheet(name);
    if (!ws) return name;
    if (ownedByTool(ws)) {
      wb.removeWorksheet(ws.id);
      return name;
    }
  }
}

function addMarkedSheet(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  let name = plan.sheetName;
  const existing = wb.getWorksheet(name);
  if (existing) {
    if (ownedByTool(existing)) wb.removeWorksheet(existing.id);
    else name = freeName(wb, name);
  }
  const { print } = plan;
  return wb.addWorksheet(name, {
    pageSetup: {
      orientation: print.orientation,
      paperSize: 9, // A4
      fitToPage: print.fitToWidth > 0 || print.fitToHeight > 0,
      fitToWidth: print.fitToWidth,
      fitToHeight: print.fitToHeight,
      ...(plan.printArea ? { printArea: rangeA1(plan.printArea) } : {}),
      ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.top + 1}:${print.repeatRows.bottom + 1}` } : {}),
      horizontalCentered: true,
      margins: print.margins,
    },
    headerFooter: { oddFooter: PAGE_FOOTER, firstFooter: SHEET_MARK, differentFirst: false, differentOddEven: false },
    views: plan.frozenRows > 0 ? [{ state: "frozen", ySplit: plan.frozenRows, xSplit: 0 }] : [],
  });
}

type CellLook = { font: Partial<ExcelJS.Font>; alignment?: Partial<ExcelJS.Alignment>; border?: boolean };

/** Fonts, alignments and borders per cell, from the plan's styles applied in order. */
function cellLooks(plan: SheetPlan): Map<string, CellLook> {
  const looks = new Map<string, CellLook>();
  // Every cell of the used area gets the sheet font, so blank bordered cells print alike.
  for (let r = 0; r <= plan.lastRow; r++) for (let c = 0; c <= plan.lastCol; c++) looks.set(`${r}:${c}`, { font: { name: plan.font.name, size: plan.font.size } });
  const apply = (s: AppendixStyle, look: CellLook) => {
    const f = look.font;
    if (s.bold !== undefined) f.bold = s.bold;
    if (s.italic !== undefined) f.italic = s.italic;
    if (s.underline !== undefined) f.underline = s.underline ? "single" : false;
    if (s.size !== undefined) f.size = s.size;
    if (s.horizontal || s.vertical || s.wrap !== undefined) {
      const a = (look.alignment ??= {});
      if (s.horizontal) a.horizontal = s.horizontal;
      if (s.vertical) a.vertical = s.vertical;
      if (s.wrap !== undefined) a.wrapText = s.wrap;
    }
    if (s.border) look.border = true;
  };
  for (const s of plan.styles) {
    for (let r = s.range.top; r <= s.range.bottom; r++) {
      for (let c = s.range.left; c <= s.range.right; c++) {
        const key = `${r}:${c}`;
        let look = looks.get(key);
        if (!look) looks.set(key, (look = { font: { name: plan.font.name, size: plan.font.size } }));
        apply(s, look);
      }
    }
  }
  return looks;
}

/**
 * The plan's merges. exceljs checks each new merge against every earlier one: quadratic, and the
 * score cards of 3,838 units have ~60,000 merges (20,000 took over 3 minutes). Overlaps are
 * checked here once with the cells covered, and each merge is made by exceljs itself against an
 * empty list of earlier merges (its `_merges`: master address → range), then added to the sheet's.
 */
function mergeAll(ws: ExcelJS.Worksheet, merges: readonly CellRange[]): void {
  const sheet = ws as unknown as { _merges?: Record<string, unknown> };
  const earlier = sheet._merges;
  const merge = (m: CellRange) => ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (!earlier || typeof earlier !== "object" || Object.keys(earlier).length > 0) {
    merges.forEach(merge);
    return;
  }
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = `${r}:${c}`;
        if (covered.has(key)) throw new Error("Cannot merge already merged cells");
        covered.add(key);
      }
    }
  }
  const all: Record<string, unknown> = {};
  try {
    for (const m of merges) {
      sheet._merges = {};
      merge(m);
      Object.assign(all, sheet._merges);
    }
  } finally {
    sheet._merges = all;
  }
}

/**
 * Writes one report sheet. Returns the sheet written (its name may differ from the plan's when
 * the user already has a sheet of that name the tool did not write).
 */
export function applySheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const ws = addMarkedSheet(wb, plan);
  plan.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  mergeAll(ws, plan.merges);
  plan.values.forEach((rowValues, r) => {
    rowValues.forEach((value, c) => {
      if (value === undefined || value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      const fmt = plan.numberFormats[r]?.[c];
      if (fmt) cell.numFmt = fmt;
    });
  });
  for (const [key, look] of cellLooks(plan)) {
    const [r, c] = key.split(":").map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    cell.font = look.font;
    if (look.alignment) cell.alignment = look.alignment;
    if (look.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  for (const { row, height } of plan.rowHeights) ws.getRow(row + 1).height = height;
  for (const row of plan.pageBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  return ws;
}
