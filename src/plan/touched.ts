/**
 * The cells planWrite touches, as columns of plain values in (row, column) order: the plan's
 * blocks and undo snapshots are built from them. Also the step results planWrite passes along
 * (planned values, underlines, the last run's cells).
 */
import { a1, cellAt, formatAt, formatKnown, underlineAt, type CellValue, type Grid } from "../model/grid";
import type { CellSnapshot } from "../model/plan";
import { cellKey, cellOfKey, KEY_COLUMNS } from "./cells";

export interface TouchedCells {
  /** cellKey of every touched cell, ascending. */
  keys: Float64Array;
  /** 1 where the plan writes a value (the value is in `values`). */
  planned: Uint8Array;
  values: CellValue[];
  /** The undo snapshot of each cell: value, number format, underline (1/0). */
  before: CellValue[];
  formats: (string | null)[];
  underlines: Uint8Array;
  /** The underline each cell has after the write (1/0). */
  finalUnderlines: Uint8Array;
  /** 1 for cells the plan puts back as they were before the tool (plan.restored). */
  restored: Uint8Array;
}

/** Cells by cell key. */
export type CellSet = Map<number, { row: number; col: number }>;

/** What the last run on this sheet wrote, and how to tell the tool's cells from the user's. */
export interface LastRun {
  written: Map<number, { value: CellValue; underline: boolean }>;
  previous: Map<number, CellSnapshot>;
  /** The tool wrote this cell last time and it still holds what was written. */
  isOurs: (row: number, col: number) => boolean;
  /**
   * The last run put a value of its own here. A cell whose value was there before the tool (a
   * published score it left as it was and only underlined, say) is the user's.
   */
  wroteValue: (row: number, col: number) => boolean;
  /** isOurs and wroteValue: the cell still holds a value the tool put there. */
  holdsOurValue: (row: number, col: number) => boolean;
  /** The header row where the tool's own header of this column still stands, or -1 (not a column it added). */
  ourHeaderRow: (col: number) => number;
}

/** The values the plan writes. Cell key → slot in values / formats: no object per cell (90,000 at 10,000 rows). */
export class PlannedValues {
  readonly slots = new Map<number, number>();
  readonly values: CellValue[];
  readonly formats: (string | null)[];
  private count = 0;
  /** Sized up front for the expected cells (restored cells, rare, grow the arrays). */
  constructor(expected: number) {
    this.values = new Array<CellValue>(expected);
    this.formats = new Array<string | null>(expected);
  }
  set(row: number, col: number, value: CellValue, numberFormat: string | null): void {
    // A cell planned twice takes a new slot (the later write wins; the old slot is never read).
    this.slots.set(cellKey(row, col), this.count);
    this.values[this.count] = value;
    this.formats[this.count++] = numberFormat;
  }
}

export interface UnderlinePlan {
  set: CellSet;
  clear: CellSet;
  /**
   * Cells the last run touched that need no change now: kept in the undo snapshot (and the next
   * state) so that undo after a rerun still restores their pre-tool state.
   */
  tracked: CellSet;
}

export function formulasOf(grid: Grid): Grid["formulas"] | undefined {
  return grid.formulas && Object.keys(grid.formulas).length > 0 ? grid.formulas : undefined;
}

/** The keys of every touched cell once, ascending: (row, column) order. */
export function orderedKeys(sets: Map<number, unknown>[]): Float64Array {
  const allKeys = new Float64Array(sets.reduce((sum, m) => sum + m.size, 0));
  let filled = 0;
  // forEach: no iterator result per key.
  const addKey = (_: unknown, k: number) => {
    allKeys[filled++] = k;
  };
  for (const m of sets) m.forEach(addKey);
  allKeys.sort();
  let n = 0;
  for (let i = 0; i < allKeys.length; i++) if (i === 0 || allKeys[i] !== allKeys[i - 1]) allKeys[n++] = allKeys[i];
  return allKeys.slice(0, n);
}

/**
 * Every touched cell as columns of plain values (src/plan/touched.ts), from which the blocks and
 * the undo snapshots are built; plus each cell's planned format and its current content.
 */
export function touchedCells(grid: Grid, last: LastRun, planned: PlannedValues, underlines: UnderlinePlan, restoredKeys: Set<number>) {
  const ordered = orderedKeys([planned.slots, underlines.set, underlines.clear, underlines.tracked]);
  const n = ordered.length;
  const formulas = formulasOf(grid);
  const formats = new Array<string | null>(n);
  const cells: TouchedCells = {
    keys: ordered,
    planned: new Uint8Array(n),
    values: new Array<CellValue>(n),
    before: new Array<CellValue>(n),
    formats: new Array<string | null>(n),
    underlines: new Uint8Array(n),
    finalUnderlines: new Uint8Array(n),
    restored: new Uint8Array(n),
  };
  const current = new Array<CellValue>(n);
  for (let i = 0; i < n; i++) {
    const k = ordered[i];
    const row = Math.floor(k / KEY_COLUMNS);
    const col = k - row * KEY_COLUMNS;
    // A cell still holding the tool's value keeps its pre-tool snapshot, so undo after a
    // rerun restores the sheet as it was before the first run.
    const before = last.previous.get(k);
    const ours = before !== undefined && last.written.has(k) && last.isOurs(row, col);
    let underline: boolean;
    if (before && ours) {
      cells.before[i] = before.value;
      cells.formats[i] = before.numberFormat;
      underline = before.underline;
    } else {
      // Outside the grid's known formats (a column right of the used range) a cell is "General";
      // null when the adapter did not read the cell's format (the adapter fills it in before writing).
      cells.before[i] = formulas?.[a1(row, col)] ?? cellAt(grid, row, col);
      cells.formats[i] = formatKnown(grid, row, col) ? (formatAt(grid, row, col) ?? "General") : null;
      underline = underlineAt(grid, row, col);
      // The user changed the value but the underline is still the tool's: undo takes the
      // underline back to its pre-tool state and keeps the user's value.
      const wrote = last.written.get(k);
      if (before && wrote && wrote.underline === underline) underline = before.underline;
    }
    cells.underlines[i] = underline ? 1 : 0;
    current[i] = formulas?.[a1(row, col)] ?? cellAt(grid, row, col);
    const slot = planned.slots.get(k);
    if (slot !== undefined) {
      cells.planned[i] = 1;
      cells.values[i] = planned.values[slot];
      formats[i] = planned.formats[slot];
    } else {
      cells.values[i] = null;
      formats[i] = null;
    }
    cells.finalUnderlines[i] = underlines.set.has(k) ? 1 : underlines.clear.has(k) ? 0 : cells.underlines[i];
    if (restoredKeys.has(k)) cells.restored[i] = 1;
  }
  return { cells, formats, current };
}

/** The touched cells as the plan assumes the sheet holds them now (checked before writing). */
export function assumedSnapshots(grid: Grid, cells: TouchedCells, current: CellValue[]): CellSnapshot[] {
  const at = Array.from(cells.keys, cellOfKey);
  const formats = at.map(({ row, col }) => (formatKnown(grid, row, col) ? (formatAt(grid, row, col) ?? "General") : null));
  const underlines = Uint8Array.from(at, ({ row, col }) => (underlineAt(grid, row, col) ? 1 : 0));
  return snapshotsOf({ ...cells, before: current, formats, underlines });
}

/** The undo snapshots of the touched cells, in (row, column) order. */
export function snapshotsOf(cells: TouchedCells): CellSnapshot[] {
  const out = new Array<CellSnapshot>(cells.keys.length);
  for (let i = 0; i < out.length; i++) {
    const { row, col } = cellOfKey(cells.keys[i]);
    out[i] = { address: a1(row, col), value: cells.before[i], numberFormat: cells.formats[i], underline: cells.underlines[i] === 1 };
  }
  return out;
}
