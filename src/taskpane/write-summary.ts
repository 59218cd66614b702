/**
 * What "Ghi kết quả" would change, as the preview says it ("sẽ ghi 58 ô (cột N, O) · gạch chân
 * thêm 9 ô"). Counting it compares every target cell with what the run read, a large share of
 * a run's work on a national list: the worker does it once per run and sends the counts with
 * the run (PaneRun.effect), so drawing the preview never repeats it on the pane's thread.
 */
import type { WritePlan } from "../model/plan";
import { cellsChanged, planEffect } from "../plan/effect";

export interface WriteSummary {
  /** Cells the write changes (value, number format or underline); 0: nothing to write. */
  cells: number;
  /** Cells whose value the write changes, over `columns` (what "Đã ghi N ô" says after it). */
  valueCells: number;
  /** The columns whose cells get a value, left to right. */
  columns: { letter: string; header: string }[];
  /** Cells that get an underline they do not have, and cells that lose one. */
  underlined: number;
  ununderlined: number;
}

export function writeSummary(plan: WritePlan): WriteSummary {
  const cells = cellsChanged(plan);
  if (cells === 0) return { cells, valueCells: 0, columns: [], underlined: 0, ununderlined: 0 };
  const effect = planEffect(plan);
  const written = effect.columns.filter((e) => e.changed > 0).sort((a, b) => a.column.col - b.column.col);
  return {
    cells,
    valueCells: written.reduce((n, e) => n + e.changed, 0),
    columns: written.map((e) => ({ letter: e.column.letter, header: e.column.header })),
    underlined: effect.underlined,
    ununderlined: effect.ununderlined,
  };
}
