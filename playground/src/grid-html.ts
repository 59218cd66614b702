/**
 * The drawn part of a sheet as HTML: the rows and columns in view and a margin around them,
 * with spacers of the right size standing for the rest, so the scroll bars and positions are
 * those of the whole sheet. Built as one string: a redraw that would draw the same is skipped.
 */
import { a1, columnLetters, type CellRange } from "../../src/model/grid";
import type { SheetView } from "./view-model";
import { alignmentOf, formatCell } from "./number-format";

/** Inclusive 0-based rows and columns drawn. */
export interface DrawnArea {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The sheet's laid-out size: row count, row height, column widths in CSS pixels. */
export interface SheetLayout {
  rows: number;
  rowPx: number;
  widths: number[];
}

/** The scrolled viewport over the cells (the row header's and column letters' room left out). */
export interface Viewport {
  top: number;
  left: number;
  height: number;
  width: number;
}

export const ROW_HEADER_PX = 42;

/** Excel's column width unit (characters of the default font) to CSS pixels, roughly. */
export function widthPx(width: number | null): number {
  return Math.max(24, Math.round((width ?? 9) * 7 + 5));
}

function inRange(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/** Index of the column at x pixels from the left of column A (the last one past the end). */
function columnAt(widths: number[], x: number): number {
  let edge = 0;
  for (let c = 0; c < widths.length; c++) {
    edge += widths[c];
    if (edge > x) return c;
  }
  return widths.length - 1;
}

/** The cells in the viewport plus `margin` rows and columns around, widened so no merge is cut at its top or left. */
export function areaInView(layout: SheetLayout, view: Viewport, margin: { rows: number; cols: number }, merges: CellRange[]): DrawnArea {
  const lastRow = layout.rows - 1;
  const lastCol = layout.widths.length - 1;
  const area = {
    top: Math.min(lastRow, Math.max(0, Math.floor(view.top / layout.rowPx) - margin.rows)),
    bottom: Math.min(lastRow, Math.ceil((view.top + view.height) / layout.rowPx) + margin.rows),
    left: Math.max(0, columnAt(layout.widths, view.left) - margin.cols),
    right: Math.min(lastCol, columnAt(layout.widths, view.left + view.width) + margin.cols),
  };
  for (const m of merges) {
    if (m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right) continue;
    area.top = Math.min(area.top, m.top);
    area.left = Math.min(area.left, m.left);
  }
  area.bottom = Math.max(area.bottom, area.top);
  area.right = Math.max(area.right, area.left);
  return area;
}

/** Whether the viewport (without margin) lies within what is drawn. */
export function covers(area: DrawnArea, layout: SheetLayout, view: Viewport): boolean {
  const needed = areaInView(layout, view, { rows: 0, cols: 0 }, []);
  return needed.top >= area.top && needed.bottom <= area.bottom && needed.left >= area.left && needed.right <= area.right;
}

function sum(widths: number[], from: number, to: number): number {
  let total = 0;
  for (let c = from; c < to; c++) total += widths[c];
  return total;
}

/** One drawn row: its number, then each drawn cell not covered by a merge (a merge is cut at the drawn area's edge). */
function sheetRow(sheet: SheetView, r: number, area: DrawnArea, merges: CellRange[], sel: CellRange | null, gaps: { left: boolean; right: boolean }): string {
  let html = `<tr><th class="rowhead${sel && r >= sel.top && r <= sel.bottom ? " hl" : ""}">${r + 1}</th>${gaps.left ? '<td class="gap"></td>' : ""}`;
  for (let c = area.left; c <= area.right; c++) {
    const merge = merges.find((m) => inRange(m, r, c));
    if (merge && (merge.top !== r || merge.left !== c)) continue;
    const cell = sheet.cell(r, c);
    const classes: string[] = [];
    let spans = "";
    if (merge) {
      spans = ` rowspan="${Math.min(merge.bottom, area.bottom) - merge.top + 1}" colspan="${Math.min(merge.right, area.right) - merge.left + 1}"`;
      classes.push("merged");
    }
    if (cell.alignment?.wrap) classes.push("wrap");
    if (cell.underline) classes.push("u");
    if (sel && inRange(sel, r, c)) classes.push(sel.top === r && sel.left === c ? "sel-active" : "sel");
    const align = cell.alignment?.horizontal ?? alignmentOf(cell.value);
    const text = escapeHtml(formatCell(cell.value, cell.numberFormat));
    html += `<td data-cell="${a1(r, c)}" data-row="${r}" data-col="${c}"${spans}${classes.length ? ` class="${classes.join(" ")}"` : ""} style="text-align:${align}">${text}</td>`;
  }
  return `${html}${gaps.right ? '<td class="gap"></td>' : ""}</tr>`;
}

/** The table: column widths, the sticky letters, the drawn rows between two spacers. */
export function sheetHtml(sheet: SheetView, layout: SheetLayout, area: DrawnArea, sel: CellRange | null): string {
  const { widths, rowPx } = layout;
  const gaps = { left: area.left > 0, right: area.right < widths.length - 1 };
  const cols = [`<col class="rowhead-col">`];
  const letters = [`<th class="corner"></th>`];
  if (gaps.left) {
    cols.push(`<col style="width:${sum(widths, 0, area.left)}px">`);
    letters.push(`<th class="gap"></th>`);
  }
  for (let c = area.left; c <= area.right; c++) {
    cols.push(`<col style="width:${widths[c]}px">`);
    letters.push(`<th class="colhead${sel && c >= sel.left && c <= sel.right ? " hl" : ""}">${columnLetters(c)}</th>`);
  }
  if (gaps.right) {
    cols.push(`<col style="width:${sum(widths, area.right + 1, widths.length)}px">`);
    letters.push(`<th class="gap"></th>`);
  }
  const merges = sheet.merges().filter((m) => m.bottom >= area.top && m.top <= area.bottom && m.right >= area.left && m.left <= area.right);
  const spacer = (rows: number) => `<tr class="spacer"><td colspan="${cols.length}" style="height:${rows * rowPx}px"></td></tr>`;
  let body = area.top > 0 ? spacer(area.top) : "";
  for (let r = area.top; r <= area.bottom; r++) body += sheetRow(sheet, r, area, merges, sel, gaps);
  if (area.bottom < layout.rows - 1) body += spacer(layout.rows - 1 - area.bottom);
  // Fixed layout with the file's widths, like Excel: long text is clipped or wrapped, not widened.
  const width = sum(widths, 0, widths.length) + ROW_HEADER_PX;
  return `<table class="sheet" data-sheet="${escapeHtml(sheet.name)}" style="width:${width}px"><colgroup>${cols.join("")}</colgroup><thead><tr>${letters.join("")}</tr></thead><tbody>${body}</tbody></table>`;
}
