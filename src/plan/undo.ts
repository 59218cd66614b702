/**
 * planUndo: the plan that puts every cell of the last run back as it was (value, number
 * format, underline), to be applied by the same adapters as a scoring plan.
 */
import { a1, cellAt, formatAt, formatKnown, parseA1, parseRangeA1, underlineAt, type Grid } from "../model/grid";
import type { CellSnapshot, Conflict, StyledRanges, WorkbookState, WritePlan } from "../model/plan";
import { identicalValue } from "./cells";
import { isFormulaText } from "./formula-check";
import { cellRanges, valueBlocks, type PlannedCell } from "./ranges";

/**
 * With `grid` (the sheet as it is now), cells changed by hand since the run are conflicts and
 * the plan's `previous` holds the current state (so an undo can itself be undone).
 */
export function planUndo(state: WorkbookState, grid?: Grid): WritePlan {
  const last = state.lastRun;
  if (!last) return { sheet: grid?.sheet ?? "", columns: [], blocks: [], underline: { set: [], clear: [] }, previous: [], conflicts: [] };
  const cells: PlannedCell[] = [];
  const set: { row: number; col: number }[] = [];
  const clear: { row: number; col: number }[] = [];
  const current: CellSnapshot[] = [];
  const conflicts: Conflict[] = [];
  const formulas: string[] = [];
  const written = new Map(last.written.map((w) => [w.address, w]));
  const sameSheet = grid !== undefined && grid.sheet === last.sheet;
  for (const snap of last.previous) {
    const p = parseA1(snap.address);
    // Only cells the run wrote are put back (a read state guarantees it; a hand-made one may not).
    if (!p || !written.has(snap.address)) continue;
    cells.push({ row: p.row, col: p.col, value: snap.value, numberFormat: snap.numberFormat });
    if (isFormulaText(snap.value)) formulas.push(snap.address);
    (snap.underline ? set : clear).push(p);
    if (sameSheet) {
      // A formula typed since the run is the user's (the tool never writes formulas); a cell
      // already as it was (a formula the write kept) is no conflict.
      const now = grid.formulas?.[snap.address] ?? cellAt(grid, p.row, p.col);
      const w = written.get(snap.address);
      if (w && !identicalValue(w.value, now) && !identicalValue(snap.value, now)) conflicts.push({ address: snap.address, current: now, planned: snap.value });
      current.push({ address: a1(p.row, p.col), value: now, numberFormat: formatKnown(grid, p.row, p.col) ? formatAt(grid, p.row, p.col) : null, underline: underlineAt(grid, p.row, p.col) });
    }
  }
  return {
    sheet: last.sheet,
    columns: [],
    blocks: valueBlocks(cells),
    ...(formulas.length > 0 ? { formulas } : {}),
    underline: { set: cellRanges(set), clear: cellRanges(clear) },
    previous: sameSheet ? current : last.previous,
    conflicts,
    // The added columns' look goes with their values (formats cleared, merges undone).
    ...(last.styled ? { unstyle: withinWritten(last.styled, last.written) } : {}),
  };
}

/**
 * The styled ranges that lie in one column the run wrote, between its first and last written
 * cell: a state from a received workbook cannot make undo clear the look of anything else.
 */
function withinWritten(styled: StyledRanges, written: { address: string }[]): StyledRanges {
  const span = new Map<number, { top: number; bottom: number }>();
  for (const w of written) {
    const p = parseA1(w.address);
    if (!p) continue;
    const s = span.get(p.col);
    if (!s) span.set(p.col, { top: p.row, bottom: p.row });
    else {
      s.top = Math.min(s.top, p.row);
      s.bottom = Math.max(s.bottom, p.row);
    }
  }
  const inside = (address: string) => {
    const r = parseRangeA1(address);
    const s = r && r.left === r.right ? span.get(r.left) : undefined;
    return s !== undefined && r !== null && r.top >= s.top && r.bottom <= s.bottom;
  };
  return { ranges: styled.ranges.filter(inside), merges: styled.merges.filter(inside) };
}
