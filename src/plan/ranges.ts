/**
 * Grouping cells into rectangles: value blocks (2-D arrays written in one operation) and
 * A1 range lists (underline changes). Each column is split into runs of consecutive rows;
 * runs covering the same rows in adjacent columns are joined into one rectangle.
 */
import { rangeA1, type CellRange, type CellValue } from "../model/grid";
import type { WriteBlock } from "../model/plan";
import { cellKey, KEY_COLUMNS } from "./cells";
import type { TouchedCells } from "./touched";

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

/**
 * valueBlocks for the planned cells among a plan's touched cells (`formats`: each cell's planned
 * format), straight from their sorted keys: the same rectangles in the same order, without an
 * object or a map entry per cell.
 */
export function touchedBlocks(cells: TouchedCells, formats: (string | null)[]): WriteBlock[] {
  const { keys, planned, values } = cells;
  // Each column's planned cells, rows ascending (the keys are in row order).
  const byCol = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    if (!planned[i]) continue;
    const row = Math.floor(keys[i] / KEY_COLUMNS);
    const col = keys[i] - row * KEY_COLUMNS;
    let list = byCol.get(col);
    if (!list) byCol.set(col, (list = []));
    list.push(i);
  }
  // Vertical runs per column, keyed by their row span; a run is its column and its cells.
  const spans = new Map<number, { top: number; bottom: number; runs: { col: number; cells: number[] }[] }>();
  for (const [col, list] of byCol) {
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      const prevRow = Math.floor(keys[list[i - 1]] / KEY_COLUMNS);
      if (i < list.length && Math.floor(keys[list[i]] / KEY_COLUMNS) === prevRow + 1) continue;
      const top = Math.floor(keys[list[start]] / KEY_COLUMNS);
      const spanKey = top * KEY_ROWS + prevRow;
      let span = spans.get(spanKey);
      if (!span) spans.set(spanKey, (span = { top, bottom: prevRow, runs: [] }));
      span.runs.push({ col, cells: list.slice(start, i) });
      start = i;
    }
  }
  const out: WriteBlock[] = [];
  for (const span of spans.values()) {
    const runs = span.runs.sort((a, b) => a.col - b.col);
    let start = 0;
    for (let i = 1; i <= runs.length; i++) {
      if (i < runs.length && runs[i].col === runs[i - 1].col + 1) continue;
      const group = runs.slice(start, i);
      const height = span.bottom - span.top + 1;
      const blockValues: CellValue[][] = [];
      const numberFormats: (string | null)[][] = [];
      // A row whose formats repeat the row above's shares its array (a block's arrays are only
      // read): an output column has one format, so 10,000 rows need one array, not 10,000.
      let rowFormats: (string | null)[] | null = null;
      for (let r = 0; r < height; r++) {
        blockValues.push(group.map((run) => values[run.cells[r]]));
        let same = rowFormats !== null;
        for (let j = 0; same && j < group.length; j++) same = rowFormats![j] === formats[group[j].cells[r]];
        if (!same) rowFormats = group.map((run) => formats[run.cells[r]]);
        numberFormats.push(rowFormats!);
      }
      const range = { top: span.top, bottom: span.bottom, left: group[0].col, right: group[group.length - 1].col };
      out.push({ address: rangeA1(range), row: range.top, col: range.left, values: blockValues, numberFormats });
      start = i;
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** More than Excel's row count (1,048,576): a row span's key is top × this + bottom. */
const KEY_ROWS = 2 ** 21;

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
