/**
 * Whether a plan changes anything in the sheet. A plan that would only write what the cells
 * already hold is not written at all: no new state, no new undo point, and the last run's undo
 * stays what it was.
 */
import { a1, parseRangeA1 } from "../model/grid";
import type { CellSnapshot, WritePlan } from "../model/plan";
import { identicalValue } from "./cells";
import { blockCells, rangeCells } from "./ranges";

/**
 * How many cells the plan would change (value, number format or underline), compared with what
 * it read of them (`assumed`, else `previous`). A cell whose format was not read counts as changed.
 */
export function cellsChanged(plan: WritePlan): number {
  const read = new Map<string, CellSnapshot>((plan.assumed ?? plan.previous).map((s) => [s.address, s]));
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
  const why = plan.blocks.length === 0 && plan.underline.set.length === 0 ? "chưa có kết quả nào để ghi" : "các ô đã có đúng kết quả này";
  return `Không có ô nào cần ghi trên trang ${plan.sheet}: ${why}.`;
}
