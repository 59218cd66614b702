/**
 * Applies an AppendixPlan through Office.js: a new sheet (replacing one the tool wrote before
 * under that name), values and number formats as two 2-D writes, styles and merges queued in
 * the same batch, and the print setup (landscape A4, one page wide, header rows repeated).
 * Two syncs to find an old appendix, one to write: never a sync in a loop.
 */
import type { AppendixPlan, AppendixStyle } from "../../report/types";

/** Marks a sheet as written by chiso766 (left footer); the exceljs adapter writes the same text. */
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

/**
 * Writes the appendix sheet in one batch and returns its name: the plan's, or "Phụ lục xếp loại (2)"…
 * when the user has a sheet of that name the tool did not write.
 */
export async function writeAppendixSheet(context: Excel.RequestContext, plan: AppendixPlan): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  // The wanted name and its numbered variants that exist: the first the tool wrote is replaced,
  // a user's own sheet never is.
  const taken = new Set(sheets.items.map((s) => s.name));
  const candidates = [plan.sheetName];
  for (let i = 2; taken.has(candidates[candidates.length - 1]); i++) candidates.push(`${plan.sheetName} (${i})`.slice(-31));
  const footers = candidates
    .filter((n) => taken.has(n))
    .map((n) => {
      const footer = sheets.getItem(n).pageLayout.headersFooters.defaultForAllPages;
      footer.load("leftFooter");
      return { name: n, footer };
    });
  if (footers.length > 0) await context.sync();
  const ours = footers.find((f) => (f.footer.leftFooter ?? "").includes(APPENDIX_FOOTER_MARK));
  const name = ours ? ours.name : candidates[candidates.length - 1];
  if (ours) sheets.getItem(ours.name).delete();

  const ws = sheets.add(name);
  const height = plan.layout.lastRow + 1;
  const width = plan.layout.lastCol + 1;
  const all = ws.getRangeByIndexes(0, 0, height, width);
  all.values = rectangle(plan.values, height, width, "" as string | number | boolean);
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
  page.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: plan.print.fitToHeight };
  const m = plan.print.margins;
  page.leftMargin = m.left * POINTS_PER_INCH;
  page.rightMargin = m.right * POINTS_PER_INCH;
  page.topMargin = m.top * POINTS_PER_INCH;
  page.bottomMargin = m.bottom * POINTS_PER_INCH;
  page.headerMargin = m.header * POINTS_PER_INCH;
  page.footerMargin = m.footer * POINTS_PER_INCH;
  page.setPrintTitleRows(`$${plan.print.repeatRows.top + 1}:$${plan.print.repeatRows.bottom + 1}`);
  page.headersFooters.defaultForAllPages.leftFooter = `&8${APPENDIX_FOOTER_MARK}`;
  page.headersFooters.defaultForAllPages.rightFooter = "&8Trang &P/&N";
  ws.freezePanes.freezeRows(plan.layout.headerBottom + 1);
  ws.activate();
  await context.sync();
  return name;
}
