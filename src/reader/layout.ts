/**
 * Where the table is: the header rows (1–3, merged group cells or a parent header with blank
 * cells to its right as a pasted TSV gives it), a "(1) (2) (3)" numbering row, the columns and
 * each column's header path.
 */
import type { CellRange, CellValue, Grid } from "../model/grid";
import { gridWidth } from "../model/grid";
import { normalizeHeader, type NormalizedHeader } from "./normalize";
import { parseNumber } from "./numbers";

/** Local (0-based, relative to values[0][0]) view of a grid with merges clipped to it. */
export class Sheet {
  readonly rows: number;
  readonly width: number;
  private readonly mergeIndex = new Map<string, CellRange>();

  constructor(readonly grid: Grid) {
    this.rows = Array.isArray(grid.values) ? grid.values.length : 0;
    this.width = this.rows > 0 ? gridWidth(grid) : 0;
    for (const m of grid.merges ?? []) {
      const top = Math.max(0, m.top - grid.origin.row);
      const left = Math.max(0, m.left - grid.origin.col);
      const bottom = Math.min(this.rows - 1, m.bottom - grid.origin.row);
      const right = Math.min(this.width - 1, m.right - grid.origin.col);
      if (bottom < top || right < left) continue;
      // Anchor is the merge's own top-left; clipped merges keep it only when inside the grid.
      const anchorInside = m.top - grid.origin.row >= 0 && m.left - grid.origin.col >= 0;
      const local: CellRange = anchorInside ? { top, left, bottom, right } : { top: -1, left: -1, bottom, right };
      if ((bottom - top + 1) * (right - left + 1) > 10000) continue; // a whole-sheet merge is noise
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.mergeIndex.set(`${r},${c}`, local);
    }
  }

  value(r: number, c: number): CellValue {
    const row = this.grid.values[r];
    if (!Array.isArray(row)) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  format(r: number, c: number): string | null {
    return this.grid.numberFormats?.[r]?.[c] ?? null;
  }

  text(r: number, c: number): string {
    const v = this.value(r, c);
    if (v === null || v === undefined) return "";
    return String(v).trim();
  }

  blank(r: number, c: number): boolean {
    // Same answer as text() === "", without turning every number into a string (a 10,000-row
    // table asks this over a million times).
    const v = this.value(r, c);
    if (v === null) return true;
    if (typeof v === "number" || typeof v === "boolean") return false;
    return (typeof v === "string" ? v : String(v)).trim() === "";
  }

  merge(r: number, c: number): CellRange | undefined {
    return this.mergeIndex.get(`${r},${c}`);
  }

  /** Sheet row/column of a local cell. */
  sheetRow(r: number): number {
    return r + this.grid.origin.row;
  }

  sheetCol(c: number): number {
    return c + this.grid.origin.col;
  }

  rowBlank(r: number, left = 0, right = this.width - 1): boolean {
    for (let c = left; c <= right; c++) if (!this.blank(r, c)) return false;
    return true;
  }
}

/** A value that reads as a number (a data cell rather than a header). */
export function looksNumeric(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string" || v.trim() === "") return false;
  const p = parseNumber(v, "score");
  return p.value !== null || /^[\d\s.,%/+\-−]+$/.test(v.trim());
}

// One column reference in a numbering row: "(3)", "3", "A", "(B)".
// Each piece ends where its kind of character ends, so a long or odd cell cannot backtrack for long.
const NUMBERING_REF = String.raw`(?:\(\s*(?:\d{1,3}|[A-Za-z])\s*\)|\d{1,3}(?!\d)|[A-Za-z](?![A-Za-z]))`;
// How a computed column is written: "(9)=(3)+…+(8)", "(4) = (2)/(3)", "7=1+2+…", "(10)=(4)x100/(3)".
const NUMBERING_FORMULA = String.raw`(?:\s*(?:${NUMBERING_REF}|[+\-−*/:x×%]|…|\.{2,}(?!\.)))+`;
const NUMBERING_CELL = new RegExp(String.raw`^\(?\s*(\d{1,3}|[A-Za-z])\s*\)?(?:\s*=${NUMBERING_FORMULA})?\s*$`);

/**
 * "(1) (2) (3)", "1 2 3" or "A B 1 2 … 7=1+2+…" under the headers: each cell a column number or
 * letter, a computed column also writes its formula; numbers and letters each go up.
 */
export function isNumberingRow(sheet: Sheet, r: number): boolean {
  const nums: number[] = [];
  const letters: number[] = [];
  for (let c = 0; c < sheet.width; c++) {
    const t = sheet.text(r, c);
    if (t === "") continue;
    const m = t.length <= 80 ? NUMBERING_CELL.exec(t) : null;
    if (!m) return false;
    if (/^\d/.test(m[1])) nums.push(Number(m[1]));
    else letters.push(m[1].toUpperCase().charCodeAt(0));
  }
  if (nums.length + letters.length < 3) return false;
  for (const seq of [nums, letters]) for (let i = 1; i < seq.length; i++) if (seq[i] <= seq[i - 1]) return false;
  return nums.length === 0 || nums[nums.length - 1] - nums[0] <= 2 * nums.length;
}

/** Whether a row holds mostly numbers: a data row, not a header. */
export function isDataLike(sheet: Sheet, r: number): boolean {
  let filled = 0;
  let numeric = 0;
  for (let c = 0; c < sheet.width; c++) {
    const v = sheet.value(r, c);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    filled++;
    if (looksNumeric(v)) numeric++;
  }
  return numeric >= 2 || (filled > 0 && numeric * 2 > filled);
}

interface HeaderCell {
  /** Stable id of the header cell the text comes from ("r,c" of its anchor). */
  anchor: string;
  text: string;
  /** Columns the anchor spans in its row (1 for a leaf). */
  width: number;
}

function hasTextBelow(sheet: Sheet, c: number, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) {
    const v = sheet.value(r, c);
    if (typeof v === "string" && v.trim() !== "" && !looksNumeric(v)) return true;
  }
  return false;
}

/**
 * The header text covering (r, c): a merge's anchor text, the cell's own text, or a parent
 * cell to the left whose blank neighbours have sub-headers below (pasted TSV, no merge info).
 */
function headerCellAt(sheet: Sheet, r: number, c: number, lookBottom: number): HeaderCell | null {
  const m = sheet.merge(r, c);
  if (m) {
    if (m.top < 0) return null;
    const text = sheet.text(m.top, m.left);
    if (text === "") return null;
    return { anchor: `${m.top},${m.left}`, text, width: m.right - m.left + 1 };
  }
  const own = sheet.text(r, c);
  if (own !== "") {
    let width = 1;
    if (r < lookBottom && hasTextBelow(sheet, c, r + 1, lookBottom)) {
      for (let cc = c + 1; cc < sheet.width; cc++) {
        if (!sheet.blank(r, cc) || sheet.merge(r, cc) || !hasTextBelow(sheet, cc, r + 1, lookBottom)) break;
        width++;
      }
    }
    return { anchor: `${r},${c}`, text: own, width };
  }
  if (r >= lookBottom || !hasTextBelow(sheet, c, r + 1, lookBottom)) return null;
  for (let cc = c - 1; cc >= 0; cc--) {
    if (sheet.merge(r, cc)) return null;
    if (!sheet.blank(r, cc)) {
      const parent = headerCellAt(sheet, r, cc, lookBottom);
      if (parent && cc + parent.width - 1 >= c) return parent;
      return null;
    }
    if (!hasTextBelow(sheet, cc, r + 1, lookBottom)) return null;
  }
  return null;
}

export interface HeaderBlock {
  top: number;
  bottom: number;
  /** Numbering row under the headers, if any (local row). */
  numbering: number | null;
  left: number;
  right: number;
  /** Header path of each column in [left, right], by local column. */
  paths: Map<number, { texts: string[]; normalized: NormalizedHeader[]; cells: number[] }>;
}

function isContinuation(sheet: Sheet, top: number, r: number, lookBottom: number): boolean {
  if (r >= sheet.rows || sheet.rowBlank(r) || isNumberingRow(sheet, r) || isDataLike(sheet, r)) return false;
  let underGroup = 0;
  let underLeaf = 0;
  for (let c = 0; c < sheet.width; c++) {
    const m = sheet.merge(r, c);
    if (m && m.top >= top && m.top < r) return true; // a header merge reaches down into this row
    if (sheet.blank(r, c)) continue;
    let parent: HeaderCell | null = null;
    for (let rr = r - 1; rr >= top && !parent; rr--) parent = headerCellAt(sheet, rr, c, lookBottom);
    if (!parent) continue; // header only in this lower row
    if (parent.width > 1) underGroup++;
    else underLeaf++;
  }
  // Text mostly under leaf headers is data; a parent over a single sub-column is still a header.
  return underGroup > 0 && underLeaf < underGroup;
}

/** Build the header block starting at a local row. */
export function headerBlockAt(sheet: Sheet, top: number): HeaderBlock {
  const maxBottom = Math.min(sheet.rows - 1, top + 2);
  let bottom = top;
  for (let r = top + 1; r <= maxBottom; r++) {
    if (isContinuation(sheet, top, r, maxBottom)) bottom = r;
    else break;
  }
  const numbering = bottom + 1 < sheet.rows && isNumberingRow(sheet, bottom + 1) ? bottom + 1 : null;
  const paths: HeaderBlock["paths"] = new Map();
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < sheet.width; c++) {
    const texts: string[] = [];
    const cells: number[] = [];
    let lastAnchor = "";
    for (let r = top; r <= bottom; r++) {
      const h = headerCellAt(sheet, r, c, bottom);
      if (!h || h.anchor === lastAnchor) continue;
      lastAnchor = h.anchor;
      texts.push(h.text);
      cells.push(Number(h.anchor.split(",")[0]));
    }
    if (texts.length === 0) continue;
    left = Math.min(left, c);
    right = Math.max(right, c);
    paths.set(c, { texts, normalized: texts.map((t) => normalizeHeader(t)), cells });
  }
  if (!Number.isFinite(left)) {
    left = 0;
    right = Math.max(0, sheet.width - 1);
  }
  return { top, bottom, numbering, left, right, paths };
}
