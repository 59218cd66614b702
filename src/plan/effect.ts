/**
 * What a write plan changes in the sheet as it is now: for the messages (a rerun on a scored
 * sheet rewrites the same cells, so "columns added, 9 cells underlined" would overstate it), and
 * whether to write at all (a plan that changes nothing is not written: no new state, no new undo
 * point). Both compare the plan with the cells as the plan read them (`assumed`, else `previous`).
 */
import { a1, parseRangeA1 } from "../model/grid";
import type { CellSnapshot, OutputColumn, WritePlan } from "../model/plan";
import { identicalValue } from "./cells";
import { blockCells, rangeCells } from "./ranges";

/** The cells the plan touches, as it read them, by address. */
function cellsAsRead(plan: WritePlan): Map<string, CellSnapshot> {
  return new Map((plan.assumed ?? plan.previous).map((s) => [s.address, s]));
}

export interface ColumnEffect {
  column: OutputColumn;
  /**
   * Cells of the column whose value this run changes (its header included). planWrite leaves out
   * a user's cell that already shows the value (a total typed as text "88,6"): it is not counted.
   */
  changed: number;
  /** An added column that is already there with its header: the tool's, from an earlier run. */
  reused: boolean;
}

export interface PlanEffect {
  columns: ColumnEffect[];
  /** Cells whose value changes, over all columns. */
  changed: number;
  /** Cells that get an underline they do not have, and cells that lose one. */
  underlined: number;
  ununderlined: number;
}

export function planEffect(plan: WritePlan): PlanEffect {
  const now = cellsAsRead(plan);
  const changedByCol = new Map<number, number>();
  const headerThere = new Set<number>();
  const headers = new Map(plan.columns.map((c) => [c.col, c.header]));
  for (const block of plan.blocks) {
    block.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const col = block.col + j;
        const current = now.get(a1(block.row + i, col))?.value ?? null;
        if (typeof value === "string" && value === headers.get(col) && current === value) headerThere.add(col);
        if (identicalValue(current, value)) return;
        changedByCol.set(col, (changedByCol.get(col) ?? 0) + 1);
      }),
    );
  }
  const underlineNow = (c: { row: number; col: number }) => now.get(a1(c.row, c.col))?.underline ?? false;
  const columns = plan.columns.map((column) => ({ column, changed: changedByCol.get(column.col) ?? 0, reused: column.added && headerThere.has(column.col) }));
  return {
    columns,
    changed: [...changedByCol.values()].reduce((a, b) => a + b, 0),
    underlined: rangeCells(plan.underline.set, parseRangeA1).filter((c) => !underlineNow(c)).length,
    ununderlined: rangeCells(plan.underline.clear, parseRangeA1).filter(underlineNow).length,
  };
}

/**
 * How many cells the plan would change (value, number format or underline), compared with what
 * it read of them (`assumed`, else `previous`). A cell whose format was not read counts as changed.
 */
export function cellsChanged(plan: WritePlan): number {
  const read = cellsAsRead(plan);
  const changed = new Set<string>();
  for (const c of blockCells(plan.blocks)) {
    const address = a1(c.row, c.col);
    const now = read.get(address);
    if (!now || !identicalValue(now.value, c.value) || (c.numberFormat !== null && now.numberFormat !== c.numberFormat)) changed.add(address);
  }
  for (const [ranges, on] of [
    [plan.underline.set, true],
    [plan.underline.clear, false],
  ] as const) {
    for (const c of rangeCells(ranges, parseRangeA1)) {
      const address = a1(c.row, c.col);
      if (read.get(address)?.underline !== on) changed.add(address);
    }
  }
  return changed.size;
}

/** What to tell the user when a plan changes nothing (the caller says what undo still undoes). */
export function nothingToWriteText(plan: WritePlan): string {
  // Output columns with no cell to write: the table already holds every result (published values the plan leaves as they are).
  const none = plan.columns.length === 0 && plan.blocks.length === 0 && plan.underline.set.length === 0;
  const why = none ? "chưa có kết quả nào để ghi" : "các ô đã có đúng kết quả này";
  return `Không có ô nào cần ghi trên trang ${plan.sheet}: ${why}.`;
}
