/**
 * Grouping cells into rectangles: value blocks (2-D arrays written in one operation) and
 * A1 range lists (underline changes). Each column is split into runs of consecutive rows;
 * runs covering the same rows in adjacent columns are joined into one rectangle.
 */
import { rangeA1, type CellRange, type CellValue } from "../model/grid";
import type { WriteBlock } from "../model/plan";
import { cellKey } from "./cells";

export interface PlannedCell {
  row: number;
  col: number;
  value: CellValue;
  numberFormat: string | null;
}

function rectangles(cells: { row: number; col: number }[]): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col) ?? [];
    rows.push(c.row);
    byCol.set(c.col, rows);
  }
  // Vertical runs per column, keyed by their row span.
  const runsBySpan = new Map<string, { top: number; bottom: number; cols: number[] }>();
  for (const [col, rows] of byCol) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
        const top = sorted[start];
        const bottom = sorted[i - 1];
        const key = `${top}:${bottom}`;
        const span = runsBySpan.get(key) ?? { top, bottom, cols: [] };
        span.cols.push(col);
        runsBySpan.set(key, span);
        start = i;
      }
    }
  }
  const out: CellRange[] = [];
  for (const span of runsBySpan.values()) {
    const cols = span.cols.sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        out.push({ top: span.top, bottom: span.bottom, left: cols[start], right: cols[i - 1] });
        start = i;
      }
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Sheet-less A1 ranges covering exactly the given cells. */
export function cellRanges(cells: { row: number; col: number }[]): string[] {
  return rectangles(cells).map(rangeA1);
}

/** Value blocks covering exactly the given cells (no cell is written that was not planned). */
export function valueBlocks(cells: PlannedCell[]): WriteBlock[] {
  const byKey = new Map<number, PlannedCell>();
  for (const c of cells) byKey.set(cellKey(c.row, c.col), c);
  return rectangles(cells).map((r) => {
    const values: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = byKey.get(cellKey(row, col));
        vr.push(c ? c.value : null);
        fr.push(c ? c.numberFormat : null);
      }
      values.push(vr);
      numberFormats.push(fr);
    }
    return { address: rangeA1(r), row: r.top, col: r.left, values, numberFormats };
  });
}

/** Every cell of a block list, in block order. */
export function blockCells(blocks: WriteBlock[]): PlannedCell[] {
  const out: PlannedCell[] = [];
  for (const b of blocks) {
    b.values.forEach((vr, i) =>
      vr.forEach((value, j) => out.push({ row: b.row + i, col: b.col + j, value, numberFormat: b.numberFormats[i]?.[j] ?? null })),
    );
  }
  return out;
}

/** Every cell of a list of A1 ranges. */
export function rangeCells(ranges: string[], parse: (a: string) => CellRange | null): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const a of ranges) {
    const r = parse(a);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  }
  return out;
}
