/**
 * Reading the table area from Excel in requests that stay under Excel on the web's 5 MB cap.
 *
 * What travels, per cell, for a 45-column table of counts: a value ≈ 4–5 bytes, a number
 * format ≈ 10 ("General"), and per-cell underline properties (getCellProperties) ≈ 41 bytes. So:
 *  - values are read for every cell; number formats only where they decide something: the
 *    first FORMAT_ROWS rows (headers and a sample of data rows), and down the whole table only
 *    in the columns whose sample holds a percent format (the reader reads 0.85 shown as "85%"
 *    as 85). The write reads the formats of the cells it touches just before it writes them
 *    (target-read.ts), so undo still restores every format exactly; Grid.partialFormats says
 *    which formats the grid lacks.
 *  - underlines are probed per column first: load("format/font/underline") on a column gives
 *    one value when the column is uniform and null when it is mixed. Only mixed columns (the
 *    tool's own flagged columns after a run, or columns a user underlined by hand) fetch
 *    per-cell properties, in row slices. A fresh table sends no per-cell underline data.
 *
 * Sync 1 is speculative: before the size of the table is known it already asks for the values
 * of the first VALUE_ROWS (12,100) × FIRST_COLUMNS cells and the formats of the first FORMAT_ROWS rows
 * (both clipped to the table), the column probes, the merged areas and the first rows of the
 * state sheet. A table up to VALUE_ROWS rows (≈ 4.2 MB of values for 12,000 rows × 66 columns
 * of counts and ratios) whose underlines are uniform per column and without percent columns therefore
 * reads in ONE sync; a mixed column costs one more sync. Larger tables cost about one sync per
 * 3.5 MB more. If Excel still refuses a response as too large (text-heavy cells beyond the
 * estimate), the same work is retried in smaller pieces.
 */
import type { CellValue } from "../../model/grid";
import { STATE_CHUNK_SIZE } from "../../plan/state";
import { MAX_STATE_CHUNKS } from "../../plan/state-schema";
import { isPercentFormat } from "../../reader/numbers";
import { estimateBytes, yieldToPane } from "./batch";
import type { XlRange, XlRequestContext } from "./excel-subset";
import { followedBy, isResponseTooLarge, READ_BUDGET_BYTES, type ReadItem, runItems, sliceRows, splitRows } from "./read-items";

export { READ_BUDGET_BYTES } from "./read-items";

/**
 * Rows whose values the first sync asks for: tables up to this size are read whole in one sync
 * (12,000 data rows with up to 100 title and header rows above them).
 */
export const VALUE_ROWS = 12_100;
/** Rows whose number formats are read in every column (headers and a sample of the data). */
export const FORMAT_ROWS = 1000;
/**
 * Columns of a tile, and of the per-column underline probes sent in the first sync: the widest
 * table staff paste (21 indicators × Tử số / Mẫu số / Tỷ lệ and 3 name columns, 66) with the
 * 12 blank columns read at its right fits, so it too reads in one sync.
 */
export const FIRST_COLUMNS = 80;
/** State-sheet rows (chunks of STATE_CHUNK_SIZE characters) asked for in the first sync. */
export const STATE_FIRST_ROWS = 16;

/** Bytes of one getCellProperties entry ({"format":{"font":{"underline":"SingleAccountant"}}},). */
const UNDERLINE_CELL_BYTES = 56;
/** Never estimate a value or a format below this, whatever the first tile measured. */
const MIN_CELL_BYTES = 4;
/** Margin on what the first tile measured: later rows may hold longer text. */
const ESTIMATE_MARGIN = 1.15;

export interface ReadProgress {
  /** Share of the read done, 0–1, by estimated bytes (the total is known after the first sync). */
  fraction: number;
  /** context.sync() calls so far. */
  syncs: number;
}

export interface RawTable {
  /** Sheet-qualified address of the range read. */
  address: string;
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
  /** Number formats: every cell of the first `formatRows` rows, below them only `formatColumns`. */
  numberFormats: (string | null)[][];
  /** Rows (from the top of the range) whose formats were read in every column. */
  formatRows: number;
  /** Columns (0-based in the range) whose formats were read down the whole table. */
  formatColumns: number[];
  underlines: boolean[][];
  /** Address of the merged areas (RangeAreas form), or null. */
  mergedAddress: string | null;
  /** The state sheet's column A, or null when there is no state sheet. */
  stateChunks: string[] | null;
  syncs: number;
}


export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

export function isUnderline(style: unknown): boolean {
  return typeof style === "string" && style !== "None";
}

const UNDERLINE_PROBE = "format/font/underline";

function formatOf(f: unknown): string | null {
  return typeof f === "string" ? f : null;
}

/** Rows of an answer measured for its bytes per cell: enough for an average, cheap on the pane's thread. */
const MEASURED_ROWS = 400;

/** Bytes per cell measured on an answer (rows spread over all of it), with the margin; `fallback` when it had no cells. */
function perCell(grid: unknown[][], fallback: number): number {
  const step = Math.max(1, Math.ceil(grid.length / MEASURED_ROWS));
  const rows = step === 1 ? grid : grid.filter((_, i) => i % step === 0);
  const cells = rows.length * (rows[0]?.length ?? 0);
  return cells === 0 ? fallback : Math.max(MIN_CELL_BYTES, estimateBytes(rows) / cells) * ESTIMATE_MARGIN;
}

type FirstSync = ReturnType<typeof queueFirst>;

/** The table's grids being filled, and the range they come from. */
interface TableTarget {
  range: XlRange;
  rows: number;
  cols: number;
  values: CellValue[][];
  numberFormats: (string | null)[][];
  underlines: boolean[][];
  /** Rows whose formats are read in every column. */
  formatRows: number;
  /** Columns whose formats are read down the whole table (filled once the sample is in). */
  formatColumns: number[];
}

/**
 * Read `range` (values, number formats where they matter, underlines, merged areas) and the
 * state sheet. `stateRange` is the state sheet's used range (a null object when there is none).
 */
export async function readTable(
  context: XlRequestContext,
  range: XlRange,
  stateRange: XlRange,
  options: {
    mergedAreas: boolean;
    /** Columns at the right of `range` known to hold no value (beyond the used range): their values are not asked for. */
    blankRight?: number;
    /** The part of `range` (same top-left cell) that may hold values; the first sync asks only for its values. */
    valueRange?: XlRange;
    onProgress?: (progress: ReadProgress) => void;
  },
): Promise<RawTable> {
  const opening = await syncFirst(context, range, options.valueRange ?? range, stateRange, options.mergedAreas);
  // Taking in the answer (a national list: about 250,000 cells) is a task of its own.
  await yieldToPane();
  const first = opening.first;
  let syncs = opening.syncs;

  const table = emptyTarget(range);
  const work = [...planValuesAndFormats(table, first, options.blankRight ?? 0), ...planUnderlines(table, first.probes)];
  const state = planStateRest(stateRange, first.stateHead);
  work.push(...state.work);

  syncs += await runItems(context, work, (done, total, more) => options.onProgress?.({ fraction: total === 0 ? 1 : done / total, syncs: syncs + more }));
  options.onProgress?.({ fraction: 1, syncs });

  const { rows, formatRows } = table;
  return {
    address: range.address,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    values: table.values,
    numberFormats: table.numberFormats,
    formatRows: rows > formatRows ? formatRows : rows,
    formatColumns: rows > formatRows ? table.formatColumns : [],
    underlines: table.underlines,
    mergedAddress: first.merged && !first.merged.isNullObject ? first.merged.address : null,
    stateChunks: state.stateChunks,
    syncs,
  };
}

/** Sync 1, speculative. Retried with a smaller first tile only if the response was too large. */
async function syncFirst(context: XlRequestContext, range: XlRange, valueRange: XlRange, stateRange: XlRange, mergedAreas: boolean): Promise<{ first: FirstSync; syncs: number }> {
  let syncs = 0;
  let scale = 1;
  for (;;) {
    const first = queueFirst(range, valueRange, stateRange, mergedAreas, {
      valueRows: Math.max(1, Math.floor(VALUE_ROWS / scale)),
      formatRows: Math.max(1, Math.floor(FORMAT_ROWS / scale)),
      stateRows: Math.max(1, Math.floor(STATE_FIRST_ROWS / scale)),
    });
    try {
      // One retry at most per factor of 8; not a per-row round trip.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      return { first, syncs };
    } catch (e) {
      syncs++;
      if (!isResponseTooLarge(e) || scale >= 512) throw e;
      scale *= 8;
    }
  }
}

/** Grids of the range's size (known after the first sync); underlines start all off. */
function emptyTarget(range: XlRange): TableTarget {
  const rows = range.rowCount;
  const cols = range.columnCount;
  return {
    range,
    rows,
    cols,
    values: new Array<CellValue[]>(rows),
    numberFormats: new Array<(string | null)[]>(rows),
    underlines: Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false)),
    formatRows: Math.min(rows, FORMAT_ROWS),
    formatColumns: [],
  };
}

/** Copy a tile's answer into `target` at (top, left): whole rows as they come, else cell by cell. */
function placeTile<T>(target: T[][], cols: number, map: (v: unknown) => T, top: number, left: number, part: unknown[][]): void {
  const width = part[0]?.length ?? 0;
  part.forEach((row, i) => {
    if (left === 0 && width === cols) {
      target[top + i] = row.map(map);
      return;
    }
    const line = (target[top + i] ??= new Array<T>(cols).fill(map(null)));
    for (let j = 0; j < width; j++) line[left + j] = map(row[j]);
  });
}

function placeValues(table: TableTarget, top: number, left: number, part: unknown[][]): void {
  placeTile(table.values, table.cols, toCellValue, top, left, part);
}

function placeFormats(table: TableTarget, top: number, left: number, part: unknown[][]): void {
  placeTile(table.numberFormats, table.cols, formatOf, top, left, part);
}

type GridProperty = "values" | "numberFormat";

/** One tile of values or number formats, `height` × `width` cells from (top, left). */
function gridTile(table: TableTarget, what: GridProperty, cellBytes: number, top: number, left: number, height: number, width: number): ReadItem {
  return {
    bytes: height * width * cellBytes,
    queue: () => {
      const part = table.range.getCell(top, left).getResizedRange(height - 1, width - 1).load(what);
      return () => (what === "values" ? placeValues(table, top, left, part.values) : placeFormats(table, top, left, part.numberFormat));
    },
    split: height > 1 ? () => splitRows(top, height, (t, h) => gridTile(table, what, cellBytes, t, left, h, width)) : undefined,
  };
}

/** Tiles covering rows top..bottom of a column band, each within the read budget. */
function gridTiles(table: TableTarget, what: GridProperty, cellBytes: number, top: number, bottom: number, left: number, width: number): ReadItem[] {
  return sliceRows(bottom - top, READ_BUDGET_BYTES / (width * cellBytes), (t, h) => gridTile(table, what, cellBytes, top + t, left, h, width));
}

/**
 * A whole range's values (its rowCount and columnCount loaded) as read items within the read
 * budget; `values` is filled as the items' answers come in.
 */
export function valueTiles(range: XlRange, cellBytes: number): { values: CellValue[][]; items: ReadItem[] } {
  const table = emptyTarget(range);
  return { values: table.values, items: gridTiles(table, "values", cellBytes, 0, table.rows, 0, table.cols) };
}

/** Columns whose first `formatRows` rows hold a percent format somewhere. */
function percentColumns(numberFormats: (string | null)[][], formatRows: number, cols: number): number[] {
  const found: number[] = [];
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < formatRows; r++) {
      if (isPercentFormat(numberFormats[r]?.[c])) {
        found.push(c);
        break;
      }
    }
  }
  return found;
}

/**
 * Place what the first sync brought and plan the rest of the values and formats: the other
 * value tiles, the format sample rows not yet read and, once the whole sample is in, the
 * percent columns' formats down the whole table.
 */
function planValuesAndFormats(table: TableTarget, first: FirstSync, blankRight: number): ReadItem[] {
  const { rows, cols, formatRows } = table;
  // What the first tile measured sizes the rest.
  const firstValueRows = first.values.values.length;
  const firstFormatRows = first.formats.numberFormat.length;
  const valueBytes = perCell(first.values.values, 8);
  const formatBytes = perCell(first.formats.numberFormat, 12);
  placeValues(table, 0, 0, first.values.values);

  const work: ReadItem[] = [];
  const sample: ReadItem[] = [];
  for (let left = 0; left < cols; left += FIRST_COLUMNS) {
    const width = Math.min(FIRST_COLUMNS, cols - left);
    // Values: the rest of the first column band, then the other bands; not the blank columns.
    const valueWidth = Math.min(width, cols - blankRight - left);
    if (valueWidth > 0) work.push(...gridTiles(table, "values", valueBytes, left === 0 ? firstValueRows : 0, rows, left, valueWidth));
    // Formats of the sample rows the first sync did not bring (after a retry, or other bands).
    sample.push(...gridTiles(table, "numberFormat", formatBytes, left === 0 ? firstFormatRows : 0, formatRows, left, width));
  }
  // The percent columns keep their formats down the whole table (one column per item: they are few).
  const belowSample = (): ReadItem[] => {
    if (rows <= formatRows) return [];
    table.formatColumns.push(...percentColumns(table.numberFormats, formatRows, cols));
    return table.formatColumns.flatMap((c) => gridTiles(table, "numberFormat", formatBytes, formatRows, rows, c, 1));
  };
  placeFormats(table, 0, 0, first.formats.numberFormat);
  work.push(...followedBy(sample, belowSample));
  for (let r = 0; r < rows; r++) {
    table.values[r] ??= new Array<CellValue>(cols).fill(null);
    table.numberFormats[r] ??= new Array<string | null>(cols).fill(null);
  }
  return work;
}

/** Per-cell underlines of rows top..top+height-1 of one column. */
function underlineCells(table: TableTarget, col: number, top: number, height: number): ReadItem {
  return {
    bytes: height * UNDERLINE_CELL_BYTES,
    queue: () => {
      const props = table.range.getCell(top, col).getResizedRange(height - 1, 0).getCellProperties({ format: { font: { underline: true } } });
      return () => {
        // A ClientResult has no load(): its value is filled in by the sync.
        props.value.forEach((row, i) => (table.underlines[top + i][col] = isUnderline(row[0]?.format?.font?.underline)));
      };
    },
    split: height > 1 ? () => splitRows(top, height, (t, h) => underlineCells(table, col, t, h)) : undefined,
  };
}

/** Follow-up work for one column once its probe answered: nothing, a uniform fill, or per-cell slices. */
function afterUnderlineProbe(table: TableTarget, col: number, style: unknown): ReadItem[] {
  if (style === null || style === undefined) return sliceRows(table.rows, READ_BUDGET_BYTES / UNDERLINE_CELL_BYTES, (t, h) => underlineCells(table, col, t, h));
  if (isUnderline(style)) for (let r = 0; r < table.rows; r++) table.underlines[r][col] = true;
  return [];
}

/** Underlines: the whole range uniform settles every column; otherwise per column. */
function planUnderlines(table: TableTarget, firstProbes: XlRange[]): ReadItem[] {
  const { range, rows, cols } = table;
  const whole: unknown = range.format.font.underline;
  if (whole !== null && whole !== undefined) {
    if (isUnderline(whole)) for (const row of table.underlines) row.fill(true);
    return [];
  }
  const work: ReadItem[] = [];
  firstProbes.slice(0, cols).forEach((probe, col) => work.push(...afterUnderlineProbe(table, col, probe.format.font.underline)));
  // Columns past the first sync's probes: a probe each, then their follow-up.
  for (let col = FIRST_COLUMNS; col < cols; col++) {
    const c = col;
    work.push({
      bytes: 40,
      queue: () => {
        const probe = range.getCell(0, c).getResizedRange(rows - 1, 0).load(UNDERLINE_PROBE);
        return () => afterUnderlineProbe(table, c, probe.format.font.underline);
      },
    });
  }
  return work;
}

/** Queue the state sheet's size and first rows (`stateRange` may be a null object): no sync. */
export function queueStateHead(stateRange: XlRange, rows = STATE_FIRST_ROWS): XlRange {
  stateRange.load("rowCount");
  return stateRange.getIntersectionOrNullObject(`A1:A${rows}`).load("values");
}

/** The state sheet's chunks the first sync brought, and items for the rest. */
export function planStateRest(stateRange: XlRange, stateHead: XlRange): { stateChunks: string[] | null; work: ReadItem[] } {
  if (stateRange.isNullObject) return { stateChunks: null, work: [] };
  const stateRows = stateRange.rowCount;
  // More rows than any state of ours has: the codec names it as too large, and nothing more is read.
  if (stateRows > MAX_STATE_CHUNKS) return { stateChunks: new Array<string>(stateRows).fill(""), work: [] };
  const head = stateHead.isNullObject ? [] : stateHead.values;
  const stateChunks = new Array<string>(stateRows).fill("");
  head.forEach((row, i) => (stateChunks[i] = typeof row[0] === "string" ? row[0] : ""));
  const chunkBytes = Math.max(STATE_CHUNK_SIZE + 8, ...stateChunks.slice(0, head.length).map((c) => estimateBytes(c))) * ESTIMATE_MARGIN;
  const stateSlice = (top: number, height: number): ReadItem => ({
    bytes: height * chunkBytes,
    queue: () => {
      const part = stateRange.getCell(top, 0).getResizedRange(height - 1, 0).load("values");
      return () => part.values.forEach((row, i) => (stateChunks[top + i] = typeof row[0] === "string" ? row[0] : ""));
    },
    split: height > 1 ? () => splitRows(top, height, stateSlice) : undefined,
  });
  const rest = stateRows - head.length;
  const work = rest > 0 ? sliceRows(rest, READ_BUDGET_BYTES / chunkBytes, (t, h) => stateSlice(head.length + t, h)) : [];
  return { stateChunks, work };
}

/** Queue the first sync: size and address, the first tiles, column probes, merges, state head. */
function queueFirst(range: XlRange, valueRange: XlRange, stateRange: XlRange, mergedAreas: boolean, size: { valueRows: number; formatRows: number; stateRows: number }) {
  range.load(["address", "rowIndex", "columnIndex", "rowCount", "columnCount", UNDERLINE_PROBE]);
  // Clipped to the table: a 10-row table reads 10 rows, not VALUE_ROWS.
  const corner = range.getCell(0, 0);
  const values = valueRange.getIntersection(corner.getResizedRange(size.valueRows - 1, FIRST_COLUMNS - 1)).load("values");
  const formats = range.getIntersection(corner.getResizedRange(size.formatRows - 1, FIRST_COLUMNS - 1)).load("numberFormat");
  // One probe per column (a null object past the table's last column): one value each,
  // whatever the number of rows.
  const probes: XlRange[] = [];
  for (let col = 0; col < FIRST_COLUMNS; col++) probes.push(range.getIntersectionOrNullObject(range.getCell(0, col).getEntireColumn()).load(UNDERLINE_PROBE));
  const merged = mergedAreas ? range.getMergedAreasOrNullObject().load("address") : null;
  const stateHead = queueStateHead(stateRange, size.stateRows);
  return { values, formats, probes, merged, stateHead };
}
