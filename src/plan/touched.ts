/**
 * The cells planWrite touches, as columns of plain values in (row, column) order: the plan's
 * blocks and undo snapshots are built from them.
 */
import type { CellValue } from "../model/grid";

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
