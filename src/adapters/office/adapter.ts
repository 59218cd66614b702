/**
 * The Office.js adapter: the only code that talks to Excel. It reads a Grid (and the stored
 * WorkbookState) and applies a WritePlan; it makes no scoring decision. Errors are never caught
 * here: they reach the task pane, which shows them.
 *
 * Requests per operation (independent of the number of rows while a write fits 4 MB, see batch.ts):
 *  - read:       1 sync up to 12,000 rows with per-column uniform underlines (values, number
 *                formats of the first 1,000 rows and of percent columns, underlines, merged
 *                areas, state sheet); +1 when a column's underlines are mixed; larger tables one
 *                more per ~3.5 MB of response (see read.ts)
 *  - apply:      2 syncs while the check's answer fits one response (indicator table: about
 *                20,000 rows): the state sheet lookup and the formulas, formats and underlines
 *                of the cells about to change (target-read.ts); then state + values + formats
 *                + underlines. +1 when a target is not as the plan assumed (the write stops)
 *  - readState:  1 sync (the sheet's extent and the state's first rows); more only for a state
 *                over 16 chunks, by ~4 MB of response. No cell of the table is read
 *  - readSheetValues: 2 syncs for any number of sheets (their used ranges, then their values),
 *                one more per ~4 MB of values
 *  - selectCell: 1 sync
 *  - reading the selection: 1 more sync first, to clip it to the used range
 */
import { STATE_SHEET, type StateRead, type WorkbookState, type WritePlan } from "../../model/plan";
import { parseRangeA1, quoteSheet, type CellRange, type CellValue, type Grid } from "../../model/grid";
import { stateToChunks } from "../../plan/state";
import { readStateChunks } from "../../plan/state-codec";
import { checkTargets, targetAreas, type CellChange } from "../../plan/refresh";
import { formatViNumber } from "../../model/number-text";
import { packBatches, yieldToPane } from "./batch";
import type { XlRange, XlRequestContext, XlRun, XlWorksheet } from "./excel-subset";
import { planStateRest, queueStateHead, readTable, valueTiles, type RawTable, type ReadProgress } from "./read";
import { runItems } from "./read-items";
import { expectedCells, readTargets } from "./target-read";
import { writeWork } from "./write-work";


/** What the add-in read from the workbook. */
export type { ReadProgress } from "./read";

export interface WorkbookSnapshot {
  grid: Grid;
  /** The state the last run left in the workbook, or null. */
  state: WorkbookState | null;
  /** Why the workbook's state cannot be used (made by a newer version, or broken), or null. */
  stateIssue?: StateRead["issue"];
  /** Sheet-qualified address of what was read ("Sheet1!A1:M22"). */
  address: string;
  /** context.sync() calls the read made (1 for a table up to 12,000 rows; more for larger ones). */
  syncs?: number;
}

/** The stored state alone, as read() gives it, without the table's cells. */
export interface StoredState {
  state: WorkbookState | null;
  stateIssue: StateRead["issue"];
  /** context.sync() calls the read made. */
  syncs: number;
}

/** A sheet's values as read({ sheet }) gives them in its grid (origin and values, blank columns included). */
export interface SheetValues {
  origin: Grid["origin"];
  values: CellValue[][];
}

export interface ReadOptions {
  /** Read the current selection instead of the active sheet's used range. */
  selection?: boolean;
  /** Read this sheet's used range instead of the active sheet's (the report's last period). */
  sheet?: string;
  /**
   * Called after each sync of a read that takes several (tables above about 12,000 rows), so
   * the pane can show how far it got; never more often than once per request.
   */
  onProgress?: (progress: ReadProgress) => void;
}

export interface ApplyOptions {
  /** The plan has conflicts and the user agreed to overwrite them. */
  overwriteConflicts?: boolean;
}

/**
 * The sheet is not as the plan assumed (cells typed or formulas found since the read): nothing
 * was written. The pane reads again and shows `changed`; `formulas` are the target cells' formulas.
 */
export class SheetChangedError extends Error {
  constructor(
    readonly sheet: string,
    readonly changed: CellChange[],
    /** Every target cell's formula (the plan must know them all). */
    readonly formulas: Record<string, string>,
    /** The target cells whose formula the plan did not know. */
    readonly newFormulas: string[] = Object.keys(formulas),
  ) {
    const first = changed[0]?.address ?? newFormulas[0];
    const more = Math.max(changed.length, newFormulas.length) - 1;
    super(
      changed.length > 0
        ? `Trang ${sheet} đã thay đổi sau lần đọc bảng (ô ${sheet}!${first}${more > 0 ? ` và ${formatViNumber(more)} ô khác` : ""}): chưa ghi gì.`
        : `Ô ${sheet}!${first}${more > 0 ? ` và ${formatViNumber(more)} ô khác` : ""} có công thức: chưa ghi gì.`,
    );
    this.name = "SheetChangedError";
  }
}

export interface ApplyReport {
  /** context.sync() calls made by this write. */
  syncs: number;
  /** Requests the write was split into (1 unless it exceeded the 4 MB budget). */
  requests: number;
  /** Cells whose value was written. */
  cells: number;
  /** Estimated request size, bytes. */
  bytes: number;
}

/** The seam between the task pane and Excel: the UI gets one of these as a prop. */
export interface WorkbookAdapter {
  /** The table area of the active sheet (used range), or the current selection. */
  read(options?: ReadOptions): Promise<WorkbookSnapshot>;
  /** Apply a plan and store the state that goes with it, in the same write. */
  apply(plan: WritePlan, state: WorkbookState, options?: ApplyOptions): Promise<ApplyReport>;
  /** Select a cell named like a problem names it ("Sheet1!D7", "'Phụ lục 1'!D7"). */
  selectCell(address: string): Promise<void>;
  /**
   * Call `onChange` with the address of every change someone else (the user, a colleague) makes
   * to `sheet` from now on; false when Excel cannot tell (ExcelApi 1.7 missing).
   */
  watch?(sheet: string, onChange: (address: string) => void): Promise<boolean>;
  /** Delete these sheets (those an undone run added), skipping any no longer in the workbook. */
  removeSheets?(names: string[]): Promise<void>;
  /**
   * The state stored with `sheet`'s table (checked against that sheet's extent as read() checks
   * it) without reading the table: a national list's cells are not needed for that.
   */
  readState?(sheet: string): Promise<StoredState>;
  /**
   * Several sheets' values in one batch, in the order asked; null for a sheet that is gone or
   * holds no value (where read({ sheet }) would fail).
   */
  readSheetValues?(names: string[]): Promise<(SheetValues | null)[]>;
}

export interface OfficeAdapterOptions {
  /** Excel.run (or the fake's run). */
  run: XlRun;
  /** Whether ExcelApi 1.13 (Range.getMergedAreasOrNullObject) is available; otherwise no merges are read. */
  mergedAreas: boolean;
  /** Whether worksheet onChanged (ExcelApi 1.7) is available. */
  changeEvents?: boolean;
}

/**
 * Blank columns read right of the table: room for every output column a profile adds (qd766 adds
 * up to 10), so that undo knows the number format and underline those cells had before.
 */
export const EXTRA_COLUMNS = 12;

/** "'Phụ lục 1'!D7:F9" → { sheet: "Phụ lục 1", ref: "D7:F9" }. */
export function splitAddress(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, ref: address.slice(bang + 1) };
}

/** Merged areas from a RangeAreas address ("Sheet1!A1:B1,Sheet1!C3:C4"). */
export function parseMergedAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  let current = "";
  let quoted = false;
  const flush = () => {
    const r = parseRangeA1(splitAddress(current.trim()).ref.replace(/\$/g, ""));
    if (r) out.push(r);
    current = "";
  };
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) flush();
    else current += ch;
  }
  if (current.trim() !== "") flush();
  return out;
}

export function createOfficeAdapter(options: OfficeAdapterOptions): WorkbookAdapter {
  const { run, mergedAreas } = options;

  const read = (readOptions: ReadOptions = {}): Promise<WorkbookSnapshot> => run((context) => readSnapshot(context, readOptions, mergedAreas));

  async function apply(plan: WritePlan, state: WorkbookState, applyOptions: ApplyOptions = {}): Promise<ApplyReport> {
    if (plan.conflicts.length > 0 && !applyOptions.overwriteConflicts) {
      throw new Error(`Có ${formatViNumber(plan.conflicts.length)} ô đang chứa dữ liệu khác (ví dụ ${plan.sheet}!${plan.conflicts[0].address}); hãy xác nhận ghi đè trước khi ghi.`);
    }
    // Added columns are styled only where merged areas are read (ExcelApi 1.13): the plan
    // picks copy sources clear of merged cells, which it knows only then.
    return run((context) => applyInContext(context, plan, state, mergedAreas));
  }

  async function selectCell(address: string): Promise<void> {
    const { sheet, ref } = splitAddress(address);
    await run(async (context) => {
      const worksheet: XlWorksheet = sheet === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(ref).select();
      await context.sync();
    });
  }

  // One handler per sheet for the pane's lifetime (removing one needs its own request context);
  // it forwards to whichever callback the pane set last.
  const watched = new Map<string, (address: string) => void>();
  async function watch(sheet: string, onChange: (address: string) => void): Promise<boolean> {
    if (!options.changeEvents) return false;
    const known = watched.has(sheet);
    watched.set(sheet, onChange);
    if (known) return true;
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
        // The tool's own writes are not news; older Excel does not say who changed what, and
        // then the pane ignores changes while it writes (see App).
        if (args.triggerSource !== "ThisLocalAddin") watched.get(sheet)?.(args.address);
      });
      await context.sync();
    });
    return true;
  }

  async function removeSheets(names: string[]): Promise<void> {
    await run(async (context) => {
      const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
      await context.sync();
      for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
  }

  const readState = (sheet: string): Promise<StoredState> => run((context) => readStoredState(context, sheet));
  const readSheetValues = (names: string[]): Promise<(SheetValues | null)[]> => run((context) => readValuesOf(context, names));

  return { read, apply, selectCell, watch, removeSheets, readState, readSheetValues };
}

const BOX = ["rowIndex", "columnIndex", "rowCount", "columnCount"];

/** The state chunks as readSnapshot reads them (read.ts), with the sheet's extent from its used range alone. */
async function readStoredState(context: XlRequestContext, sheet: string): Promise<StoredState> {
  const { workbook } = context;
  const used = workbook.worksheets.getItem(sheet).getUsedRange(true).load(BOX);
  const stateRange = workbook.worksheets.getItemOrNullObject(STATE_SHEET).getUsedRangeOrNullObject(true);
  const head = queueStateHead(stateRange);
  await context.sync();
  const rest = planStateRest(stateRange, head);
  const syncs = 1 + (await runItems(context, rest.work, () => undefined));
  if (rest.stateChunks === null) return { state: null, stateIssue: null, syncs };
  // The extent read() checks the undo data against: the used range and the blank columns it reads at its right.
  const extent = { rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount + EXTRA_COLUMNS };
  const stored = readStateChunks(rest.stateChunks, { extentOf: (name) => (name === sheet ? extent : null) });
  return { state: stored.state, stateIssue: stored.issue, syncs };
}

/** Bytes per value assumed before any is read (counts and short text); runItems retries smaller if Excel refuses. */
const VALUE_CELL_BYTES = 8;

/**
 * Each sheet's used range (values only) in one sync, then all their values in as few syncs as
 * the response budget allows. Rows come as read() gives them: EXTRA_COLUMNS blanks at the right.
 */
async function readValuesOf(context: XlRequestContext, names: string[]): Promise<(SheetValues | null)[]> {
  const used = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load(BOX));
  await context.sync();
  const reads = used.map((range) => (range.isNullObject ? null : valueTiles(range, VALUE_CELL_BYTES)));
  await runItems(context, reads.flatMap((r) => r?.items ?? []), () => undefined);
  return used.map((range, k) => {
    const values = reads[k]?.values;
    // read() refuses a sheet without a value; so does this, the same way (null).
    if (!values || values.every((row) => row.every((v) => v === null))) return null;
    const blanks = new Array<CellValue>(EXTRA_COLUMNS).fill(null);
    return { origin: { row: range.rowIndex, col: range.columnIndex }, values: values.map((row) => row.concat(blanks)) };
  });
}

/** Read the table (active sheet, named sheet or selection) and the stored state, in as few syncs as the size allows. */
async function readSnapshot(context: XlRequestContext, readOptions: ReadOptions, mergedAreas: boolean): Promise<WorkbookSnapshot> {
  const { workbook } = context;
  // getUsedRange(true), not the OrNullObject form: an empty sheet gives A1, never a null chain.
  const worksheet = readOptions.sheet === undefined ? workbook.worksheets.getActiveWorksheet() : workbook.worksheets.getItem(readOptions.sheet);
  const area = readOptions.selection ? await selectionWithinUsedRange(context, worksheet) : worksheet.getUsedRange(true);
  // A few blank columns to the right too: output columns go there, and undo must know the
  // number format and underline those cells had before the first run.
  const range = area.getResizedRange(0, EXTRA_COLUMNS);
  // The state sheet may not exist: a null object, and the used range chained on it is null too.
  const stateRange = workbook.worksheets.getItemOrNullObject(STATE_SHEET).getUsedRangeOrNullObject(true);
  // Right of the used range there are no values; right of a selection there may be.
  const blankRight = readOptions.selection ? 0 : EXTRA_COLUMNS;
  const raw = await readTable(context, range, stateRange, { mergedAreas, blankRight, valueRange: readOptions.selection ? range : area, onProgress: readOptions.onProgress });

  // The grid and the stored state (its undo data checked cell by cell) in a task of their own.
  await yieldToPane();
  const { sheet, ref } = splitAddress(raw.address);
  if (raw.values.every((row) => row.every((v) => v === null))) {
    throw new Error(readOptions.selection ? "Vùng đang chọn không có dữ liệu." : `Trang tính ${sheet ?? ""} chưa có dữ liệu: hãy mở trang có bảng cần chấm điểm.`);
  }
  const grid = gridOf(raw, sheet ?? "");
  // The used range of this sheet bounds its last run's cells; a selection says nothing of it.
  const extent = readOptions.selection ? null : { rows: grid.area.bottom + 1, cols: grid.area.right + 1 };
  const stored = raw.stateChunks === null ? { state: null, issue: null } : readStateChunks(raw.stateChunks, { extentOf: (name) => (name === grid.sheet ? extent : null) });
  return { grid, state: stored.state, stateIssue: stored.issue, address: `${quoteSheet(sheet ?? "")}!${ref}`, syncs: raw.syncs + (readOptions.selection ? 1 : 0) };
}

/** The cells read, as the reader's Grid: values, formats, underlines, merges and what is missing of them. */
function gridOf(raw: RawTable, sheet: string): Grid & { area: CellRange } {
  const width = raw.values[0]?.length ?? 0;
  const grid: Grid & { area: CellRange } = {
    sheet,
    origin: { row: raw.rowIndex, col: raw.columnIndex },
    values: raw.values,
    numberFormats: raw.numberFormats,
    underlines: raw.underlines,
    area: { top: raw.rowIndex, left: raw.columnIndex, bottom: raw.rowIndex + raw.values.length - 1, right: raw.columnIndex + width - 1 },
  };
  if (raw.formatRows < raw.values.length) {
    grid.partialFormats = { fromRow: raw.rowIndex + raw.formatRows, columns: raw.formatColumns.map((c) => raw.columnIndex + c) };
  }
  if (raw.mergedAddress !== null) grid.merges = parseMergedAddress(raw.mergedAddress);
  return grid;
}

/** Check the target cells against the sheet as it is now, then write state, values and formats in batches. */
async function applyInContext(context: XlRequestContext, plan: WritePlan, state: WorkbookState, styling: boolean): Promise<ApplyReport> {
  // Request 1: does the state sheet exist (adding one that exists would fail the write)?
  // With it, every cell about to change (value, formula, number format): the write is
  // computed from the sheet as it is now, and undo restores formats the read did not bring.
  // Each step on a national list takes a noticeable time on the pane's thread: each is a task
  // of its own (yieldToPane), so the pane keeps drawing between them.
  await yieldToPane();
  const existing = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
  const areas = targetAreas(plan);
  const read = await readTargets(context, () => context.workbook.worksheets.getItem(plan.sheet), areas, expectedCells(plan.assumed ?? plan.previous, areas));
  if (read.syncs === 0) await context.sync();
  let syncs = Math.max(1, read.syncs);
  await yieldToPane();
  const complete = checkTargets(plan, state, areas, read.cells);
  if (complete.changed.length > 0 || complete.unknownFormulas.length > 0) {
    throw new SheetChangedError(plan.sheet, complete.changed, complete.formulas, complete.unknownFormulas);
  }
  await yieldToPane();
  const chunks = stateToChunks(complete.state);
  await yieldToPane();

  const work = writeWork(complete.plan, chunks, existing.isNullObject, styling);
  const batches = packBatches(work);
  for (const batch of batches) {
    // Formulas need not recalculate after each block; it lasts until the next sync only.
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const item of batch) item.queue(context);
    // One request per batch: a batch is a whole 4 MB request, not a per-row round trip, and
    // there is only one unless the write exceeds the 5 MB cap (see batch.ts).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  return {
    syncs,
    requests: batches.length,
    cells: plan.blocks.reduce((n, b) => n + b.values.reduce((m, r) => m + r.length, 0), 0),
    bytes: work.reduce((n, w) => n + w.bytes, 0),
  };
}

/**
 * The selection clipped to the sheet's used range: selecting whole columns (A:M) must not read a
 * million blank rows. One extra sync, only when reading the selection.
 */
async function selectionWithinUsedRange(context: XlRequestContext, worksheet: XlWorksheet): Promise<XlRange> {
  const box = ["rowIndex", "columnIndex", "rowCount", "columnCount"];
  const selected = context.workbook.getSelectedRange().load(box);
  const used = worksheet.getUsedRange(true).load(box);
  await context.sync();
  const top = Math.max(selected.rowIndex, used.rowIndex);
  const left = Math.max(selected.columnIndex, used.columnIndex);
  const bottom = Math.min(selected.rowIndex + selected.rowCount, used.rowIndex + used.rowCount) - 1;
  const right = Math.min(selected.columnIndex + selected.columnCount, used.columnIndex + used.columnCount) - 1;
  if (bottom < top || right < left) throw new Error("Vùng đang chọn không có dữ liệu.");
  return worksheet.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
}
