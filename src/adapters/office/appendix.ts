/**
 * Applies report SheetPlans through Office.js: each a new sheet (replacing one the tool wrote
 * before under that name, never a user's), values and number formats as two 2-D writes, styles
 * and merges queued in the same batch, and the print setup. The tool's sheets are marked in the
 * first-page footer, kept but never printed (the footer state is "Default"), so the official
 * page carries no product name. Two syncs to find old sheets, one to write: never one in a loop.
 */
import type { AppendixStyle, SheetPlan } from "../../report/types";
import { excelValue } from "./batch";

/** Marks a sheet as written by chiso766; the exceljs adapter writes the same text. */
export const APPENDIX_FOOTER_MARK = "chiso766";

/** Excel column width is in points here; a character of Times New Roman 13 is about 7 points wide. */
const POINTS_PER_CHAR = 7;
const POINTS_PER_INCH = 72;

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
const EDGES: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function queueStyle(ws: Excel.Worksheet, s: AppendixStyle): void {
  const r = s.range;
  const range = ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  if (s.bold !== undefined) range.format.font.bold = s.bold;
  if (s.italic !== undefined) range.format.font.italic = s.italic;
  if (s.underline !== undefined) range.format.font.underline = s.underline ? "Single" : "None";
  if (s.size !== undefined) range.format.font.size = s.size;
  if (s.horizontal) range.format.horizontalAlignment = H_ALIGN[s.horizontal];
  if (s.vertical) range.format.verticalAlignment = V_ALIGN[s.vertical];
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.border) {
    for (const edge of EDGES) {
      // Inside edges of a single row or column do not exist; Excel ignores them there.
      if (edge === "InsideVertical" && r.left === r.right) continue;
      if (edge === "InsideHorizontal" && r.top === r.bottom) continue;
      const b = range.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}

/** The plan's values padded to a rectangle, blanks as "" (Office.js rejects undefined holes). */
function rectangle<T>(rows: (T | null | undefined)[][], height: number, width: number, blank: T): T[][] {
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? blank));
}

/** The wanted name and the numbered variants that exist ("Phụ lục xếp loại (2)"…), in order. */
function candidateNames(wanted: string, taken: Set<string>): string[] {
  const candidates = [wanted];
  for (let i = 2; taken.has(candidates[candidates.length - 1]); i++) candidates.push(`${wanted} (${i})`.slice(-31));
  return candidates;
}

function queueSheet(sheets: Excel.WorksheetCollection, name: string, plan: SheetPlan): void {
  const ws = sheets.add(name);
  const height = plan.lastRow + 1;
  const width = plan.lastCol + 1;
  const all = ws.getRangeByIndexes(0, 0, height, width);
  // Names and labels copied from the table or a received method stay text ("=…" is no formula).
  all.values = rectangle(plan.values, height, width, "" as string | number | boolean).map((row) => row.map((v) => excelValue(v)));
  all.numberFormat = rectangle(plan.numberFormats, height, width, "General");
  all.format.font.name = plan.font.name;
  all.format.font.size = plan.font.size;
  for (const m of plan.merges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  for (const s of plan.styles) queueStyle(ws, s);
  plan.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * POINTS_PER_CHAR));
  for (const { row, height: h } of plan.rowHeights) ws.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = h;

  const page = ws.pageLayout;
  page.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = "A4";
  page.centerHorizontally = true;
  const fits = plan.print.fitToWidth > 0 || plan.print.fitToHeight > 0;
  page.zoom = fits ? { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: plan.print.fitToHeight } : { scale: 100 };
  const m = plan.print.margins;
  page.leftMargin = m.left * POINTS_PER_INCH;
  page.rightMargin = m.right * POINTS_PER_INCH;
  page.topMargin = m.top * POINTS_PER_INCH;
  page.bottomMargin = m.bottom * POINTS_PER_INCH;
  page.headerMargin = m.header * POINTS_PER_INCH;
  page.footerMargin = m.footer * POINTS_PER_INCH;
  if (plan.printArea) {
    const a = plan.printArea;
    page.setPrintArea(ws.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1));
  }
  if (plan.print.repeatRows) page.setPrintTitleRows(`$${plan.print.repeatRows.top + 1}:$${plan.print.repeatRows.bottom + 1}`);
  page.headersFooters.state = "Default";
  page.headersFooters.firstPage.leftFooter = APPENDIX_FOOTER_MARK;
  page.headersFooters.defaultForAllPages.centerFooter = "&10Trang &P/&N";
  if (plan.frozenRows > 0) ws.freezePanes.freezeRows(plan.frozenRows);
  for (const row of plan.pageBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1));
}

/**
 * Writes the sheets in one batch and returns their names, in order: the plans' names, or
 * "Phụ lục xếp loại (2)"… when the user has a sheet of that name the tool did not write.
 * The first sheet is activated.
 */
export async function writeSheetPlans(context: Excel.RequestContext, plans: SheetPlan[]): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name));
  const perPlan = plans.map((plan) =>
    candidateNames(plan.sheetName, taken)
      .filter((n) => taken.has(n))
      .map((n) => {
        const group = sheets.getItem(n).pageLayout.headersFooters;
        // The mark is in the unprinted first-page footer; sheets of older versions had it in the printed one.
        return { name: n, first: group.firstPage.load("leftFooter"), all: group.defaultForAllPages.load("leftFooter") };
      }),
  );
  if (perPlan.some((f) => f.length > 0)) await context.sync();
  const names = plans.map((plan, i) => {
    const ours = perPlan[i].find((f) => [f.first.leftFooter, f.all.leftFooter].some((t) => (t ?? "").includes(APPENDIX_FOOTER_MARK)));
    if (ours) {
      sheets.getItem(ours.name).delete();
      return ours.name;
    }
    const candidates = candidateNames(plan.sheetName, taken);
    return candidates[candidates.length - 1];
  });
  plans.forEach((plan, i) => queueSheet(sheets, names[i], plan));
  if (names.length > 0) sheets.getItem(names[0]).activate();
  await context.sync();
  return names;
}

/** Writes one sheet (see writeSheetPlans) and returns its name. */
export async function writeAppendixSheet(context: Excel.RequestContext, plan: SheetPlan): Promise<string> {
  return (await writeSheetPlans(context, [plan]))[0];
}
