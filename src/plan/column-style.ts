/**
 * The look of the columns a run adds: each takes the formats of the table's last column (its
 * left neighbour), header and data rows alike, and in a header of several rows its header cell
 * spans them all (merged), as the table's own one-label columns do. The plan says it as data
 * (ColumnStyles); the adapters carry it out with operations whose number does not grow with
 * the rows (one copy per added column and data band, one per header row).
 */
import { a1, rangeA1, type CellRange, type Grid } from "../model/grid";
import type { ColumnStyles, StyledRanges } from "../model/plan";

export interface StyleInput {
  grid: Grid;
  headerTop: number;
  headerBottom: number;
  dataBottom: number;
  /** The table's last column: the added columns look like it. */
  neighbour: number;
  /** Columns added by this run (blank before it), with the row their header is written in. */
  added: { col: number; headerRow: number }[];
}

const column = (col: number, top: number, bottom: number) => rangeA1({ top, bottom, left: col, right: col });

const mergeAt = (merges: CellRange[], row: number, col: number) => merges.find((x) => x.top <= row && row <= x.bottom && x.left <= col && col <= x.right);

/**
 * The neighbour's header cell to copy: the one in the header's own row, or else another header
 * row's, avoiding a cell merged across columns (pasting it would merge the new header with its
 * neighbours); in a merge down one column, the merge's top-left cell, which holds its look.
 */
function headerSource(merges: CellRange[], rows: number[], col: number): { row: number; col: number } | null {
  for (const row of rows) {
    const m = mergeAt(merges, row, col);
    if (!m) return { row, col };
    if (m.left === m.right) return { row: m.top, col };
  }
  return null;
}

/** The copies, cleared underlines and merges that style the added columns; null when none are added. */
export function planColumnStyles(input: StyleInput): ColumnStyles | null {
  const { grid, headerTop, headerBottom, dataBottom, neighbour, added } = input;
  if (added.length === 0 || neighbour < 0) return null;
  const merges = grid.merges ?? [];
  // Data rows in bands of rows whose neighbour cell is not merged, one copy per band: a merged
  // row (a section heading across the table) is left as it is.
  const bands: [number, number][] = [];
  let start = -1;
  for (let r = headerBottom + 1; r <= dataBottom + 1; r++) {
    const free = r <= dataBottom && !mergeAt(merges, r, neighbour);
    if (free && start < 0) start = r;
    if (!free && start >= 0) {
      bands.push([start, r - 1]);
      start = -1;
    }
  }
  const styles: ColumnStyles = { copies: [], plainUnderline: [], merges: [] };
  for (const { col, headerRow } of added) {
    const spans = headerBottom > headerTop && headerRow === headerTop;
    const rows = [headerRow, headerBottom, headerTop].filter((r, i, all) => all.indexOf(r) === i);
    const source = headerSource(merges, rows, neighbour);
    for (let r = spans ? headerTop : headerRow; source && r <= (spans ? headerBottom : headerRow); r++) {
      styles.copies.push({ source: a1(source.row, source.col), target: a1(r, col) });
    }
    if (spans) styles.merges.push(column(col, headerTop, headerBottom));
    for (const [top, bottom] of bands) {
      styles.copies.push({ source: column(neighbour, top, bottom), target: column(col, top, bottom) });
      styles.plainUnderline.push(column(col, top, bottom));
    }
  }
  return styles;
}

/** What a state records of a run's styles: every target, and the merges. */
export function styledRanges(styles: ColumnStyles | undefined): StyledRanges | undefined {
  if (!styles || styles.copies.length === 0) return undefined;
  return { ranges: styles.copies.map((c) => c.target), merges: [...styles.merges] };
}
