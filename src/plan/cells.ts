/**
 * Cell-level helpers of the write plan: comparing what a cell holds with what the tool would
 * write, and keys for sets of cells.
 */
import type { CellValue } from "../model/grid";
import { roundHalfUp } from "../model/round";

/** Blank for the plan's purposes: null, "" or only spaces (incl. non-breaking). */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.replace(/[\s\u00a0\u202f]/g, "") === "");
}

/** A plain number written as text, with a dot or a comma as the decimal mark ("86.59", "6,06"). */
function numberFromText(s: string): number | null {
  const t = s.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

function asNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return numberFromText(v);
  return null;
}

function textKey(v: CellValue): string {
  return String(v).normalize("NFC").replace(/[\s\u00a0\u202f]+/g, " ").trim().toLocaleLowerCase("vi");
}

/**
 * Whether a cell already shows what the plan would write. Numbers compare by value (a text
 * "86.59" equals 86.59: it would be written as a number, but nobody loses anything); text
 * compares ignoring case, spacing and Unicode form ("TỐT" equals "Tốt").
 */
export function sameValue(current: CellValue, planned: CellValue): boolean {
  if (isBlank(current) && isBlank(planned)) return true;
  if (isBlank(current) || isBlank(planned)) return false;
  if (typeof planned === "number" || typeof current === "number") {
    const a = asNumber(current);
    const b = asNumber(planned);
    return a !== null && b !== null && Math.abs(a - b) < 1e-9;
  }
  return textKey(current) === textKey(planned);
}

/**
 * sameValue at an output's decimals: numbers (typed or as text) are equal when they round
 * half-up to the same value, as a report prints them; anything else compares as sameValue.
 */
export function sameAtDecimals(current: CellValue, planned: CellValue, decimals: number): boolean {
  if (sameValue(current, planned)) return true;
  const a = asNumber(current);
  const b = asNumber(planned);
  return a !== null && b !== null && roundHalfUp(a, decimals) === roundHalfUp(b, decimals);
}

/** Exact equality, used for undo: the cell must hold exactly what the tool wrote. */
export function identicalValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Excel's column count: a cell's key is row × this + col, unique and in (row, col) order. */
export const KEY_COLUMNS = 16384;

/** A number per cell for maps and sets of cells; sorting keys sorts cells by row, then column. */
export function cellKey(row: number, col: number): number {
  return row * KEY_COLUMNS + col;
}

/** The cell of a key from cellKey. */
export function cellOfKey(key: number): { row: number; col: number } {
  const row = Math.floor(key / KEY_COLUMNS);
  return { row, col: key - row * KEY_COLUMNS };
}
