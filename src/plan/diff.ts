/**
 * What changed in a sheet between two reads: the pane compares the sheet as it is when the user
 * clicks "Ghi kết quả" with the sheet its preview was computed from, and writes only when they
 * are the same (otherwise it shows the new preview and what changed).
 */
import { a1, cellAt, formatAt, formatKnown, underlineAt, type CellValue, type Grid } from "../model/grid";
import { identicalValue } from "./cells";

export interface GridChange {
  address: string;
  was: CellValue;
  now: CellValue;
}

/** Rows and columns either grid covers. */
function bounds(a: Grid, b: Grid): { top: number; left: number; bottom: number; right: number } {
  const extent = (g: Grid) => ({
    top: g.origin.row,
    left: g.origin.col,
    bottom: g.origin.row + g.values.length - 1,
    right: g.origin.col + Math.max(0, ...g.values.map((r) => r.length)) - 1,
  });
  const p = extent(a);
  const q = extent(b);
  return { top: Math.min(p.top, q.top), left: Math.min(p.left, q.left), bottom: Math.max(p.bottom, q.bottom), right: Math.max(p.right, q.right) };
}

/**
 * Cells whose value, formula, known number format or underline differs, in (row, column) order.
 * Different sheets are one change of the whole sheet.
 */
export function gridChanges(before: Grid, after: Grid): GridChange[] {
  if (before.sheet !== after.sheet) return [{ address: "A1", was: before.sheet, now: after.sheet }];
  const out: GridChange[] = [];
  const box = bounds(before, after);
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) {
      const address = before.formulas || after.formulas ? a1(row, col) : "";
      const was = before.formulas?.[address] ?? cellAt(before, row, col);
      const now = after.formulas?.[address] ?? cellAt(after, row, col);
      const formatDiffers =
        formatKnown(before, row, col) && formatKnown(after, row, col) && (formatAt(before, row, col) ?? "General") !== (formatAt(after, row, col) ?? "General");
      if (!identicalValue(was, now) || formatDiffers || underlineAt(before, row, col) !== underlineAt(after, row, col)) out.push({ address: address || a1(row, col), was, now });
    }
  }
  return out;
}
