/**
 * What a write plan changes in the sheet as it is now, for the messages: a rerun on a scored
 * sheet rewrites the same cells, so "columns added, 9 cells underlined" would overstate it.
 * Counts compare the plan with the cells as the plan read them (`assumed`, else `previous`).
 */
import { a1, parseRangeA1 } from "../model/grid";
import type { CellSnapshot, OutputColumn, WritePlan } from "../model/plan";
import { identicalValue, sameValue } from "./cells";
import { rangeCells } from "./ranges";

export interface ColumnEffect {
  column: OutputColumn;
  /** Cells of the column whose value this run changes (its header included). */
  changed: number;
  /** Cells whose value stays but is written again as a number (a total typed as text "88,6"). */
  retyped: number;
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
  const now = new Map<string, CellSnapshot>();
  for (const s of plan.assumed ?? plan.previous) now.set(s.address, s);
  const changedByCol = new Map<number, number>();
  const retypedByCol = new Map<number, number>();
  const headerThere = new Set<number>();
  const headers = new Map(plan.columns.map((c) => [c.col, c.header]));
  for (const block of plan.blocks) {
    block.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const col = block.col + j;
        const current = now.get(a1(block.row + i, col))?.value ?? null;
        if (typeof value === "string" && value === headers.get(col) && current === value) headerThere.add(col);
        if (identicalValue(current, value)) return;
        const counts = sameValue(current, value) ? retypedByCol : changedByCol;
        counts.set(col, (counts.get(col) ?? 0) + 1);
      }),
    );
  }
  const underlineNow = (c: { row: number; col: number }) => now.get(a1(c.row, c.col))?.underline ?? false;
  const columns = plan.columns.map((column) => ({ column, changed: changedByCol.get(column.col) ?? 0, retyped: retypedByCol.get(column.col) ?? 0, reused: column.added && headerThere.has(column.col) }));
  return {
    columns,
    changed: [...changedByCol.values()].reduce((a, b) => a + b, 0),
    underlined: rangeCells(plan.underline.set, parseRangeA1).filter((c) => !underlineNow(c)).length,
    ununderlined: rangeCells(plan.underline.clear, parseRangeA1).filter(underlineNow).length,
  };
}
