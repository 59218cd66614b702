/**
 * planWrite: everything a scoring run will change in the sheet, computed from the table's
 * layout and the scored units before anything is written. Pure and adapter-neutral: the
 * Office.js and exceljs adapters apply the same plan.
 */
import { a1, cellAt, columnLetters, formatAt, formatKnown, gridWidth, parseA1, underlineAt, type CellValue, type Grid } from "../model/grid";
import type { FieldId } from "../model/fields";
import type { CellSnapshot, Conflict, OutputColumn, StyledRanges, WorkbookState, WritePlan } from "../model/plan";
import { planColumnStyles, styledRanges } from "./column-style";
import type { Profile } from "../model/profile";
import type { ReadResult } from "../model/table";
import type { ScoreResult, ScoredUnit } from "../model/units";
import { cellKey, cellOfKey, identicalValue, isBlank, KEY_COLUMNS, sameAtDecimals, sameValue } from "./cells";
import { isFormulaText } from "./formula-check";
import { comparePublished, placeOutput, recomputedHeader } from "./outputs";
import { cellRanges, touchedBlocks } from "./ranges";
import { assumedSnapshots, formulasOf, PlannedValues, snapshotsOf, touchedCells, type CellSet, type LastRun, type UnderlinePlan } from "./touched";

/**
 * Number formats, chosen so the sheet shows what the report prints: scores with the profile's
 * decimals ("0.00"), ranks as integers, changes always signed ("+6.06", "-0.02", "0.00") so a
 * fall is visible without colour.
 */
export function scoreFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}
export const RANK_FORMAT = "0";
export function changeFormat(decimals: number): string {
  const f = scoreFormat(decimals);
  return `+${f};-${f};${f}`;
}

/** Headers of columns the tool adds (Vietnamese, as a report would print them). */
export const OUTPUT_HEADERS = {
  total: "Tổng điểm",
  converted: "Tổng điểm quy đổi",
  rating: "Xếp loại",
  rank: "Xếp hạng",
  change: "Tăng/giảm",
} as const;

export interface PlanInput {
  grid: Grid;
  read: ReadResult;
  profile: Profile;
  scored: ScoreResult;
  /** The workbook's stored state: recognises the tool's own cells from the last run. */
  state?: WorkbookState | null;
}

/** A plan plus what the next WorkbookState needs to know about it. */
export interface PlannedWrite extends WritePlan {
  /**
   * Cells the last run wrote that this run no longer targets (a column dropped, a row gone):
   * the plan puts back what they held before the tool; they are not "written" by this run.
   */
  restored: string[];
  /** Cells of added columns styled by this run or, for columns it keeps, an earlier one (for undo). */
  styled?: StyledRanges;
}

interface OutputSpec {
  field: FieldId;
  header: string;
  format: string | null;
  value: (u: ScoredUnit) => CellValue;
}

/** The output columns the profile asks for, in order, skipping what this profile cannot produce. */
export function outputSpecs(profile: Profile): OutputSpec[] {
  const decimals = profile.rounding.decimals;
  const specs: OutputSpec[] = [];
  for (const out of profile.outputs) {
    switch (out) {
      case "groups":
        // Group scores are outputs only when computed from indicators; otherwise they are inputs.
        if (profile.basis !== "indicators") break;
        for (const g of profile.groups) {
          if (g.combines.length > 0) continue;
          specs.push({ field: g.id, header: g.label, format: scoreFormat(decimals), value: (u) => u.groups[g.id] ?? null });
        }
        break;
      case "total":
        // With basis "total" the total is the input (Phú Tân's portal total), never rewritten.
        if (profile.basis === "total") break;
        specs.push({ field: "total", header: profile.total?.label ?? OUTPUT_HEADERS.total, format: scoreFormat(decimals), value: (u) => u.total });
        break;
      case "converted":
        if (!profile.scale) break;
        specs.push({ field: "converted", header: profile.scale.label, format: scoreFormat(profile.scale.decimals), value: (u) => u.converted });
        break;
      case "rating":
        if (!profile.rating) break;
        // Rating cells keep their own format: they hold text.
        specs.push({ field: "rating", header: OUTPUT_HEADERS.rating, format: null, value: (u) => u.rating });
        break;
      case "rank":
        if (!profile.ranking) break;
        specs.push({ field: "rank", header: OUTPUT_HEADERS.rank, format: RANK_FORMAT, value: (u) => u.rank });
        break;
      case "change":
        if (!profile.change) break;
        specs.push({ field: "change", header: OUTPUT_HEADERS.change, format: changeFormat(decimals), value: (u) => u.change });
        break;
    }
  }
  return specs;
}

/** Whether a column is empty over the given rows and outside every merged area there. */
function columnIsFree(grid: Grid, col: number, top: number, bottom: number): boolean {
  for (let row = top; row <= bottom; row++) if (!isBlank(cellAt(grid, row, col))) return false;
  return !(grid.merges ?? []).some((m) => m.left <= col && col <= m.right && m.top <= bottom && top <= m.bottom);
}

type CellAt = { row: number; col: number };
/** `fresh`: added by this run to a blank column (styled like the table's last column). */
type PlacedColumn = OutputColumn & { headerRow: number; spec: OutputSpec; fresh?: boolean };
interface PublishedCheck {
  spec: OutputSpec;
  published: { col: number; header: string };
}

/** The last run's cells on this sheet (none when it ran on another sheet, or never). */
function lastRunOn(grid: Grid, layout: ReadResult["layout"], state: WorkbookState | null | undefined): LastRun {
  const last = state?.lastRun && state.lastRun.sheet === grid.sheet ? state.lastRun : null;
  const written = new Map<number, { value: CellValue; underline: boolean }>();
  for (const w of last?.written ?? []) {
    const p = parseA1(w.address);
    if (p) written.set(cellKey(p.row, p.col), w);
  }
  const previous = new Map<number, CellSnapshot>();
  for (const s of last?.previous ?? []) {
    const p = parseA1(s.address);
    if (p) previous.set(cellKey(p.row, p.col), s);
  }
  const isOurs = (row: number, col: number): boolean => {
    const w = written.get(cellKey(row, col));
    return !!w && identicalValue(w.value, cellAt(grid, row, col));
  };
  // A written value equal to the cell's value before the tool was the user's already (the run
  // only underlined it, or an older version rewrote a published score).
  const wroteValue = (row: number, col: number): boolean => {
    const k = cellKey(row, col);
    const w = written.get(k);
    const before = previous.get(k);
    return !!w && !(before && identicalValue(before.value, w.value));
  };
  const holdsOurValue = (row: number, col: number): boolean => wroteValue(row, col) && isOurs(row, col);
  const ourHeaderRow = (col: number): number => {
    for (let row = layout.headerTop; row <= layout.headerBottom; row++) {
      if (written.has(cellKey(row, col)) && isOurs(row, col) && !isBlank(cellAt(grid, row, col))) return row;
    }
    return -1;
  };
  return { written, previous, isOurs, wroteValue, holdsOurValue, ourHeaderRow };
}

/** Decimals an output is compared at: ranks are integers, scores use their own rounding. */
function decimalsOf(field: FieldId, profile: Profile): number {
  if (field === "rank") return 0;
  if (field === "converted" && profile.scale) return profile.scale.decimals;
  return profile.rounding.decimals;
}

/**
 * An output the table has a column for. The reader may recognise a column the tool added on an
 * earlier run: it stays "added", so its header keeps being written (and is not restored away as stale).
 */
function tableColumn(grid: Grid, read: ReadResult, last: LastRun, spec: OutputSpec, col: number): PlacedColumn {
  const letter = columnLetters(col);
  const headerRow = last.ourHeaderRow(col);
  if (headerRow >= 0) {
    return { field: spec.field, col, letter, header: String(cellAt(grid, headerRow, col)), added: true, headerRow, spec };
  }
  const header = read.mapping.find((m) => m.col === col)?.header ?? spec.header;
  return { field: spec.field, col, letter, header, added: false, headerRow: -1, spec };
}

/** A column with this header that the reader did not map (added by an earlier run), or col -1. */
function findAddedHeader(grid: Grid, layout: ReadResult["layout"], header: string, width: number, skip: (col: number) => boolean): CellAt {
  for (let col = layout.left; col < width; col++) {
    if (skip(col)) continue;
    for (let row = layout.headerTop; row <= layout.headerBottom; row++) {
      if (sameValue(cellAt(grid, row, col), header)) return { row, col };
    }
  }
  return { row: layout.headerTop, col: -1 };
}

/** Where each output goes: the table's own column, a column the tool added before, or a new one. */
function placeColumns(input: PlanInput, last: LastRun): { columns: PlacedColumn[]; checks: PublishedCheck[] } {
  const { grid, read, profile } = input;
  const layout = read.layout;
  const units = input.scored.units;
  const dataBottom = Math.max(layout.dataBottom, ...units.map((u) => u.row));
  const used = new Set<number>(Object.values(layout.columns));
  const mappedCols = new Set(read.mapping.filter((m) => m.field !== null).map((m) => m.col));
  const width = Math.max(gridWidth(grid) + grid.origin.col, layout.right + 1);
  const skip = (col: number): boolean => used.has(col) || (mappedCols.has(col) && last.ourHeaderRow(col) < 0);
  const columns: PlacedColumn[] = [];
  const checks: PublishedCheck[] = [];
  let nextFree = layout.right + 1;
  for (const spec of outputSpecs(profile)) {
    let own: number | undefined = layout.columns[spec.field];
    let why: string | undefined;
    let instead: string | undefined;
    let header = spec.header;
    if (own !== undefined && last.ourHeaderRow(own) < 0) {
      const place = placeOutput(spec.field, spec.value, decimalsOf(spec.field, profile), grid, read, profile, units, last.holdsOurValue);
      if (place.kind === "new") {
        own = undefined;
        why = place.reason;
        instead = place.instead;
        if (place.published) {
          header = recomputedHeader(spec.header);
          checks.push({ spec, published: place.published });
        }
      }
    }
    if (own !== undefined) {
      columns.push(tableColumn(grid, read, last, spec, own));
      continue;
    }
    const found = findAddedHeader(grid, layout, header, width, skip);
    const fresh = found.col < 0;
    if (fresh) {
      // Nothing to show (no previous period, say): do not add an empty column.
      if (units.every((u) => spec.value(u) === null)) continue;
      while (used.has(nextFree) || !columnIsFree(grid, nextFree, layout.headerTop, dataBottom)) nextFree++;
      found.col = nextFree;
    }
    used.add(found.col);
    columns.push({ field: spec.field, col: found.col, letter: columnLetters(found.col), header, added: true, headerRow: found.row, spec, ...(fresh ? { fresh } : {}), ...(why ? { why } : {}), ...(instead ? { instead } : {}) });
  }
  return { columns, checks };
}

/**
 * Headers of added columns, then one cell per unit and output column, except the user's cells
 * that already hold the value (`kept`): a published score equal to the tool's stays as it is
 * (value and format), so the run neither rewrites nor claims it, and undo has nothing there to
 * restore.
 */
function planValues(grid: Grid, columns: PlacedColumn[], units: ScoredUnit[], last: LastRun, profile: Profile): { planned: PlannedValues; kept: CellSet } {
  const planned = new PlannedValues(columns.length * (units.length + 1));
  const kept: CellSet = new Map();
  const formulas = formulasOf(grid);
  for (const c of columns) {
    if (c.added) planned.set(c.headerRow, c.col, c.header, null);
    const { value, format } = c.spec;
    const decimals = decimalsOf(c.spec.field, profile);
    for (const u of units) {
      const v = value(u);
      const current = cellAt(grid, u.row, c.col);
      if (!isBlank(current) && !last.holdsOurValue(u.row, c.col)) {
        // Nothing to put there (no previous period, an input error): leave the cell unless the
        // tool's own earlier value is there, which is stale now (a value the user typed over it
        // is then a conflict).
        if (v === null && !last.wroteValue(u.row, c.col)) continue;
        // A formula stays a conflict: it is the user's even when it shows this value.
        if (v !== null && formulas?.[a1(u.row, c.col)] === undefined && sameAtDecimals(current, v, decimals)) {
          kept.set(cellKey(u.row, c.col), { row: u.row, col: c.col });
          continue;
        }
      }
      planned.set(u.row, c.col, v, format);
    }
  }
  return { planned, kept };
}

/** Underlines: the engine's flags name the fields; the cells are in output or input columns. */
function planUnderlines(grid: Grid, input: PlanInput, columns: PlacedColumn[], last: LastRun): UnderlinePlan {
  const units = input.scored.units;
  const columnOf = (field: FieldId): number | undefined => columns.find((c) => c.field === field)?.col ?? input.read.layout.columns[field];
  const set: CellSet = new Map();
  for (const u of units) {
    for (const f of u.flags) {
      for (const field of f.underline.length > 0 ? f.underline : [f.field]) {
        const col = columnOf(field);
        if (col !== undefined) set.set(cellKey(u.row, col), { row: u.row, col });
      }
    }
  }
  // Clear only where the tool is entitled to: cells it underlined last time, and the data cells
  // of flag columns (their underline means "below threshold"); never headers, aggregate rows or
  // other columns, where an underline is the user's own formatting.
  const flagCols = new Set<number>();
  for (const rule of input.profile.flags) {
    for (const field of rule.underline.length > 0 ? rule.underline : [rule.field]) {
      const col = columnOf(field);
      if (col !== undefined) flagCols.add(col);
    }
  }
  const clear: CellSet = new Map();
  const tracked: CellSet = new Map();
  const flagColList = [...flagCols];
  for (const u of units) {
    if (u.aggregate) continue;
    for (const col of flagColList) {
      const k = cellKey(u.row, col);
      if (set.has(k)) continue;
      if (underlineAt(grid, u.row, col)) clear.set(k, { row: u.row, col });
      else if (last.written.has(k)) tracked.set(k, { row: u.row, col });
    }
  }
  return { set, clear, tracked };
}

/** Cells of the last run that this run no longer targets: the plan puts back what they held. */
function planRestores(grid: Grid, last: LastRun, planned: PlannedValues, underlines: UnderlinePlan): { restored: string[]; restoredKeys: Set<number>; formulas: string[] } {
  const restored: string[] = [];
  const formulas: string[] = [];
  const restoredKeys = new Set<number>();
  for (const [k, w] of last.written) {
    if (planned.slots.has(k) || underlines.set.has(k) || underlines.clear.has(k) || underlines.tracked.has(k)) continue;
    const { row, col } = cellOfKey(k);
    const before = last.previous.get(k);
    if (!before || !identicalValue(w.value, cellAt(grid, row, col))) continue;
    planned.set(row, col, before.value, before.numberFormat);
    if (before.underline) underlines.set.set(k, { row, col });
    else if (underlineAt(grid, row, col)) underlines.clear.set(k, { row, col });
    restored.push(a1(row, col));
    if (isFormulaText(before.value)) formulas.push(a1(row, col));
    restoredKeys.add(k);
  }
  // Underlines the tool set last time on cells it still writes but no longer flags.
  for (const [k, w] of last.written) {
    if (restoredKeys.has(k) || underlines.set.has(k) || !w.underline || last.previous.get(k)?.underline) continue;
    const { row, col } = cellOfKey(k);
    if (underlineAt(grid, row, col)) underlines.clear.set(k, { row, col });
  }
  return { restored, restoredKeys, formulas };
}

/** Planned cells holding the user's content (a value or formula the plan would change), in (row, column) order. */
function findConflicts(grid: Grid, planned: PlannedValues, last: LastRun): Conflict[] {
  const conflicts: Conflict[] = [];
  const formulas = formulasOf(grid);
  // forEach rather than for…of: no [key, slot] pair per cell (90,000 at 10,000 rows).
  planned.slots.forEach((slot, k) => {
    const row = Math.floor(k / KEY_COLUMNS);
    const col = k - row * KEY_COLUMNS;
    const value = planned.values[slot];
    // A formula is the user's content even when it shows the same value (or none, uncalculated).
    const formula = formulas?.[a1(row, col)];
    if (formula !== undefined) {
      conflicts.push({ address: a1(row, col), current: formula, planned: value });
      return;
    }
    const current = cellAt(grid, row, col);
    if (isBlank(current)) return;
    if (sameValue(current, value) || last.holdsOurValue(row, col)) return;
    conflicts.push({ address: a1(row, col), current, planned: value });
  });
  return conflicts.sort((a, b) => {
    const p = parseA1(a.address)!;
    const q = parseA1(b.address)!;
    return p.row - q.row || p.col - q.col;
  });
}

export function planWrite(input: PlanInput): PlannedWrite {
  const { grid, profile } = input;
  const units = input.scored.units;
  const last = lastRunOn(grid, input.read.layout, input.state);
  const { columns, checks } = placeColumns(input, last);
  const { planned, kept } = planValues(grid, columns, units, last, profile);
  const underlines = planUnderlines(grid, input, columns, last);
  const { restored, restoredKeys, formulas } = planRestores(grid, last, planned, underlines);
  const conflicts = findConflicts(grid, planned, last);
  const { cells, formats, current } = touchedCells(grid, last, planned, underlines, restoredKeys);
  const result: PlannedWrite = {
    sheet: grid.sheet,
    columns: columns.map(({ spec: _spec, headerRow: _headerRow, fresh: _fresh, ...c }) => c),
    blocks: touchedBlocks(cells, formats),
    underline: { set: cellRanges([...underlines.set.values()]), clear: cellRanges([...underlines.clear.values()]) },
    previous: snapshotsOf(cells),
    conflicts,
    restored,
  };
  if (formulas.length > 0) result.formulas = formulas;
  if (checks.length > 0) {
    result.checks = checks.map(({ spec, published }) => comparePublished(spec.field, published, grid, units, spec.value, decimalsOf(spec.field, profile)));
  }
  result.assumed = assumedSnapshots(grid, cells, current);
  // The cells left because they hold the result are checked before the write like the rest: one
  // typed over since the read changes the plan (a conflict, a new column).
  for (const k of underlines.set.keys()) kept.delete(k);
  for (const k of underlines.clear.keys()) kept.delete(k);
  for (const k of underlines.tracked.keys()) kept.delete(k);
  if (kept.size > 0) result.assumed.push(...keptSnapshots(grid, kept));
  addStyles(result, input, columns);
  return result;
}

/** The cells the plan leaves as they are, as it read them. */
function keptSnapshots(grid: Grid, kept: CellSet): CellSnapshot[] {
  return [...kept.values()].map(({ row, col }) => ({
    address: a1(row, col),
    value: cellAt(grid, row, col),
    numberFormat: formatKnown(grid, row, col) ? (formatAt(grid, row, col) ?? "General") : null,
    underline: underlineAt(grid, row, col),
  }));
}

/** Styles of the columns this run adds, and what the state keeps of them and of earlier ones. */
function addStyles(result: PlannedWrite, input: PlanInput, columns: PlacedColumn[]): void {
  const { layout } = input.read;
  const dataBottom = Math.max(layout.dataBottom, ...input.scored.units.map((u) => u.row));
  const added = columns.filter((c) => c.fresh).map((c) => ({ col: c.col, headerRow: c.headerRow }));
  const styles = planColumnStyles({ grid: input.grid, headerTop: layout.headerTop, headerBottom: layout.headerBottom, dataBottom, neighbour: layout.right, added });
  if (styles) result.styles = styles;
  // An earlier run's styles of the added columns this run keeps writing: undo clears them still.
  const last = input.state?.lastRun;
  const kept = new Set(columns.filter((c) => c.added && !c.fresh).map((c) => c.letter));
  const letterOf = (address: string) => /^[A-Z]+/.exec(address)?.[0] ?? "";
  const before = last && last.sheet === input.grid.sheet && last.styled ? last.styled : undefined;
  const now = styledRanges(styles ?? undefined) ?? { ranges: [], merges: [] };
  if (before) {
    now.ranges.push(...before.ranges.filter((r) => kept.has(letterOf(r))));
    now.merges.push(...before.merges.filter((r) => kept.has(letterOf(r))));
  }
  if (now.ranges.length > 0) result.styled = now;
}
