/**
 * Completing a plan's undo snapshots just before it is written, when the read did not bring
 * every number format (Grid.partialFormats: the Office adapter reads formats of the first rows
 * and of percent columns only). The plan leaves those snapshots' formats null; the adapter
 * reads the cells of formatsToRead(plan) in its first write request and withFormats() puts
 * their formats into the plan and the state, so undo still restores every format the run
 * changes. A cell that no longer holds the value its snapshot recorded means the sheet changed
 * since the read (or the plan was applied already): its format now is not the one to restore,
 * so such cells come back as `changed` and the write must not go ahead.
 */
import { parseA1, type CellRange, type CellValue } from "../model/grid";
import type { CellSnapshot, WorkbookState, WritePlan } from "../model/plan";
import { identicalValue } from "./cells";

/** Per column, one area spanning the rows of the snapshots whose format is unknown; empty when none is. */
export function formatsToRead(plan: WritePlan): CellRange[] {
  const span = new Map<number, CellRange>();
  for (const s of plan.previous) {
    if (s.numberFormat !== null) continue;
    const p = parseA1(s.address);
    if (!p) continue;
    const area = span.get(p.col);
    if (!area) span.set(p.col, { top: p.row, bottom: p.row, left: p.col, right: p.col });
    else {
      area.top = Math.min(area.top, p.row);
      area.bottom = Math.max(area.bottom, p.row);
    }
  }
  return [...span.values()].sort((a, b) => a.left - b.left);
}

/** What the adapter read of one area (one column): values and number formats, top to bottom. */
export interface AreaCells {
  values: CellValue[];
  formats: (string | null)[];
}

/**
 * The plan and the state with the formats read for `areas` (`cells` in the order formatsToRead
 * gave them) in every snapshot that lacked one, and the addresses of snapshots whose cell no
 * longer holds the value they recorded. The state's snapshots are completed only for the
 * plan's sheet: they are the plan's own (stateAfterWrite keeps them).
 */
export function withFormats(
  plan: WritePlan,
  state: WorkbookState,
  areas: CellRange[],
  cells: AreaCells[],
): { plan: WritePlan; state: WorkbookState; changed: string[] } {
  if (areas.length === 0) return { plan, state, changed: [] };
  const byColumn = new Map(areas.map((a, k) => [a.left, { area: a, read: cells[k] }]));
  const changed: string[] = [];
  const complete = (s: CellSnapshot, check: boolean): CellSnapshot => {
    if (s.numberFormat !== null) return s;
    const p = parseA1(s.address);
    const column = p ? byColumn.get(p.col) : undefined;
    if (!p || !column || p.row < column.area.top || p.row > column.area.bottom) return s;
    const i = p.row - column.area.top;
    if (check && !identicalValue(column.read.values[i] ?? null, s.value)) changed.push(s.address);
    return { ...s, numberFormat: column.read.formats[i] ?? "General" };
  };
  const last = state.lastRun;
  return {
    plan: { ...plan, previous: plan.previous.map((s) => complete(s, true)) },
    state: last && last.sheet === plan.sheet ? { ...state, lastRun: { ...last, previous: last.previous.map((s) => complete(s, false)) } } : state,
    changed,
  };
}
