/**
 * A rectangle of worksheet cells as an adapter hands it over: the one input shape of the
 * table reader, shared by the Office.js adapter, the exceljs adapter and the CSV reader.
 * Rows and columns are 0-based sheet coordinates; A1 text is produced only at the edges.
 */

export type CellValue = string | number | boolean | null;

/** A rectangular area in 0-based sheet coordinates, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name, used in every address shown to the user ("Sheet1!D7"). */
  sheet: string;
  /** 0-based sheet row and column of values[0][0]. */
  origin: { row: number; col: number };
  /** Cell values as Excel gives them; blanks are null. Rows may be ragged. */
  values: CellValue[][];
  /**
   * Number format of each cell ("General", "0.00%", "@"), same shape as values where known.
   * Rows that repeat the row above may share its array: never change a row in place.
   */
  numberFormats?: (string | null)[][];
  /**
   * Set when numberFormats was read only in part (the Office adapter reads the formats of the
   * first rows and of percent columns, to keep large reads in one request): from sheet row
   * `fromRow` down, formats are known only in the sheet `columns` listed. A write plan leaves
   * the other snapshots' formats null and the adapter reads them just before it writes.
   */
  partialFormats?: { fromRow: number; columns: number[] };
  /**
   * The sheet area the adapter read, when cells outside it may hold anything (the Office adapter
   * reads the used range and a few columns right of it). Without it a cell outside the grid is
   * blank and "General" (exceljs gives every cell of the sheet).
   */
  area?: CellRange;
  /** Whether each cell is underlined, same shape as values where known (needed for undo). */
  underlines?: boolean[][];
  /** Merged areas, in sheet coordinates. */
  merges?: CellRange[];
  /**
   * Formulas of the cells that hold one, by sheet-less A1 address ("H7" → "=SUM(D7:G7)"). The
   * exceljs adapter gives every formula; the Office adapter those of the cells a write would
   * touch (found by the write's check). A formula is the user's content, like a typed value.
   */
  formulas?: Record<string, string>;
}

/** 0 → "A", 25 → "Z", 26 → "AA". Cached: plans and states name every output cell. */
export function columnLetters(col: number): string {
  return (letterCache[col] ??= lettersOf(col));
}
const letterCache: string[] = [];

function lettersOf(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row 6, col 3) → "D7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "D7" → { row: 6, col: 3 }; null when not a cell reference. */
export function parseA1(ref: string): { row: number; col: number } | null {
  return parsePlainA1(ref) ?? parseGeneralA1(ref);
}

/** The common case ("AT123": capitals then digits) without a regular expression, else null. */
function parsePlainA1(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  return row > 0 ? { row: row - 1, col: col - 1 } : null;
}

/** "$d$7", " D7 " and the like. */
function parseGeneralA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || Number(m[2]) < 1) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A range in A1 form: "D7" for one cell, "D7:F9" otherwise. */
export function rangeA1(r: CellRange): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

/** "D7:F9" or "D7" → CellRange; null when malformed. */
export function parseRangeA1(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** How many cells a list of A1 ranges covers ("D7:D9", "F7" → 4); how the CLI and the pane count underlines. */
export function cellCount(ranges: string[]): number {
  return ranges.reduce((n, address) => {
    const r = parseRangeA1(address);
    return r ? n + (r.bottom - r.top + 1) * (r.right - r.left + 1) : n;
  }, 0);
}

/** Quote a sheet name for an address when Excel would ("Phụ lục 1" → "'Phụ lục 1'"). */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet1!D7": the form every problem uses to name its cell. */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col)}`;
}

/** The value at a sheet coordinate, or null outside the grid. */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.origin.row];
  if (!r) return null;
  const v = r[col - grid.origin.col];
  return v === undefined ? null : v;
}

/** The number format at a sheet coordinate, or null when unknown. */
export function formatAt(grid: Grid, row: number, col: number): string | null {
  return grid.numberFormats?.[row - grid.origin.row]?.[col - grid.origin.col] ?? null;
}

/** Whether the grid knows the number format of a cell (see Grid.partialFormats). */
export function formatKnown(grid: Grid, row: number, col: number): boolean {
  if (!grid.numberFormats) return false;
  const area = grid.area;
  if (area && (row < area.top || row > area.bottom || col < area.left || col > area.right)) return false;
  const partial = grid.partialFormats;
  return !partial || row < partial.fromRow || partial.columns.includes(col);
}

/** Whether the cell at a sheet coordinate is underlined (false when unknown). */
export function underlineAt(grid: Grid, row: number, col: number): boolean {
  return grid.underlines?.[row - grid.origin.row]?.[col - grid.origin.col] ?? false;
}

/** Number of columns of the widest row. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return w;
}
