/**
 * The cells a planWrite plan touches, kept as columns of plain values in (row, column) order
 * beside the plan: the plan's undo snapshots and the next state's written cells are built from
 * them on demand (src/plan/lazy.ts) instead of as 90,000 addressed objects each.
 */
import type { CellValue } from "../model/grid";
import type { WritePlan } from "../model/plan";
import { isUnread } from "./lazy";

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

interface Remembered {
  cells: TouchedCells;
  /** What the plan held when it was made: a plan changed since is not described by `cells`. */
  blocks: WritePlan["blocks"];
  set: string[];
  clear: string[];
  restored: unknown;
}

const touched = new WeakMap<object, Remembered>();

export function rememberTouched(plan: WritePlan & { restored?: string[] }, cells: TouchedCells): void {
  touched.set(plan, { cells, blocks: plan.blocks, set: plan.underline.set, clear: plan.underline.clear, restored: plan.restored });
}

/**
 * The touched cells of a plan made by planWrite, or null when the plan was not made there, or
 * its blocks, underlines, restored cells or snapshots were replaced or read (and so may have
 * been changed) since.
 */
export function touchedCellsOf(plan: WritePlan & { restored?: string[] }): TouchedCells | null {
  const r = touched.get(plan);
  if (!r) return null;
  const same = r.blocks === plan.blocks && r.set === plan.underline.set && r.clear === plan.underline.clear && r.restored === plan.restored;
  return same && isUnread(plan, "previous") ? r.cells : null;
}
