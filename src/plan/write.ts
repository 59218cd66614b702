/**
 * planWrite: everything a scoring run will change in the sheet, computed from the table's
 * layout and the scored units before anything is written. Pure and adapter-neutral: the
 * Office.js and exceljs adapters apply the same plan.
 */
import { a1, cellAt, columnLetters, formatAt, formatKnown, gridWidth, parseA1, underlineAt, type CellValue, type Grid } from "../model/grid";
import type { FieldId } from "../model/fields";
import type { CellSnapshot, Conflict, OutputColumn, WorkbookState, WritePlan } from "../model/plan";
import type { Profile } from "../model/profile";
import type { ReadResult } from "../model/table";
import type { ScoreResult, ScoredUnit } from "../model/units";
import { cellKey, cellOfKey, identicalValue, isBlank, KEY_COLUMNS, sameValue } from "./cells";
import { comparePublished, placeOutput, recomputedHeader } from "./outputs";
import { cellRanges, touchedBlocks } from "./ranges";
import type { TouchedCells } from "./touched";

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

/** The undo snapshots of the touched cells, in (row, column) order. */
function snapshotsOf(cells: TouchedCells): CellSnapshot[] {
  const out = new Array<CellSnapshot>(cells.keys.length);
  for (let i = 0; i < out.length; i++) {
    const { row, col } = cellOfKey(cells.keys[i]);
    out[i] = { address: a1(row, col), value: cells.before[i], numberFormat: cells.formats[i], underline: cells.underlines[i] === 1 };
  }
  return out;
}

/** Whether a column is empty over the given rows and outside every merged area there. */
function columnIsFree(grid: Grid, col: number, top: number, bottom: number): boolean {
  for (let row = top; row <= bottom; row++) if (!isBlank(cellAt(grid, row, col))) return false;
  return !(grid.merges ?? []).some((m) => m.left <= col && col <= m.right && m.top <= bottom && top <= m.bottom);
}

export function planWrite(input: PlanInput): PlannedWrite {
  const { grid, read, profile, scored } = input;
  const layout = read.layout;
  const last = input.state?.lastRun && input.state.lastRun.sheet === grid.sheet ? input.state.lastRun : null;
  const lastWritten = new Map<number, { value: CellValue; underline: boolean }>();
  for (const w of last?.written ?? []) {
    const p = parseA1(w.address);
    if (p) lastWritten.set(cellKey(p.row, p.col), w);
  }
  const lastPrevious = new Map<number, CellSnapshot>();
  for (const s of last?.previous ?? []) {
    const p = parseA1(s.address);
    if (p) lastPrevious.set(cellKey(p.row, p.col), s);
  }
  /** The tool wrote this cell last time and it still holds what was written. */
  const isOurs = (row: number, col: number): boolean => {
    const w = lastWritten.get(cellKey(row, col));
    return !!w && identicalValue(w.value, cellAt(grid, row, col));
  };

  /** A column whose header the tool wrote last time (an output column it added). */
  const isOurHeaderColumn = (col: number): boolean => {
    for (let row = layout.headerTop; row <= layout.headerBottom; row++) {
      if (lastWritten.has(cellKey(row, col)) && isOurs(row, col) && !isBlank(cellAt(grid, row, col))) return true;
    }
    return false;
  };

  const units = scored.units;
  const unitRows = units.map((u) => u.row);
  const dataBottom = Math.max(layout.dataBottom, ...unitRows);

  // 1. Where each output goes: the table's own column, a column the tool added before, or a new one.
  const specs = outputSpecs(profile);
  const used = new Set<number>(Object.values(layout.columns));
  const mappedCols = new Set(read.mapping.filter((m) => m.field !== null).map((m) => m.col));
  const columns: (OutputColumn & { headerRow: number; spec: OutputSpec })[] = [];
  let nextFree = layout.right + 1;
  const width = Math.max(gridWidth(grid) + grid.origin.col, layout.right + 1);
  const checks: { spec: OutputSpec; published: { col: number; header: string } }[] = [];
  for (const spec of specs) {
    let own: number | undefined = layout.columns[spec.field];
    let why: string | undefined;
    let header = spec.header;
    if (own !== undefined && !isOurHeaderColumn(own)) {
      const place = placeOutput(spec.field, spec.value, spec.field === "rank" ? 0 : profile.rounding.decimals, grid, read, profile, units, isOurs);
      if (place.kind === "new") {
        own = undefined;
        why = place.reason;
        if (place.published) {
          header = recomputedHeader(spec.header);
          checks.push({ spec, published: place.published });
        }
      }
    }
    if (own !== undefined) {
      // The reader may recognise a column the tool added on an earlier run: it stays "added",
      // so its header keeps being written (and is not restored away as stale).
      let ownHeaderRow = -1;
      for (let row = layout.headerTop; row <= layout.headerBottom && ownHeaderRow < 0; row++) {
        if (lastWritten.has(cellKey(row, own)) && isOurs(row, own) && !isBlank(cellAt(grid, row, own))) ownHeaderRow = row;
      }
      if (ownHeaderRow >= 0) {
        const header = String(cellAt(grid, ownHeaderRow, own));
        columns.push({ field: spec.field, col: own, letter: columnLetters(own), header, added: true, headerRow: ownHeaderRow, spec });
      } else {
        const header = read.mapping.find((m) => m.col === own)?.header ?? spec.header;
        columns.push({ field: spec.field, col: own, letter: columnLetters(own), header, added: false, headerRow: -1, spec });
      }
      continue;
    }
    const allValuesMissing = units.every((u) => spec.value(u) === null);
    // A column with our header that the reader did not map (added by an earlier run).
    let found = -1;
    let headerRow = layout.headerTop;
    for (let col = layout.left; col < width && found < 0; col++) {
      if (used.has(col) || (mappedCols.has(col) && !isOurHeaderColumn(col))) continue;
      for (let row = layout.headerTop; row <= layout.headerBottom; row++) {
        if (sameValue(cellAt(grid, row, col), header)) {
          found = col;
          headerRow = row;
          break;
        }
      }
    }
    if (found < 0) {
      // Nothing to show (no previous period, say): do not add an empty column.
      if (allValuesMissing) continue;
      while (used.has(nextFree) || !columnIsFree(grid, nextFree, layout.headerTop, dataBottom)) nextFree++;
      found = nextFree;
    }
    used.add(found);
    columns.push({ field: spec.field, col: found, letter: columnLetters(found), header, added: true, headerRow, spec, ...(why ? { why } : {}) });
  }

  // 2. Values: headers of added columns, then one cell per unit and output column.
  // Cell key → slot in plannedValues / plannedFormats: no object per cell (90,000 at 10,000 rows).
  const planned = new Map<number, number>();
  // Sized for the headers and the units' cells up front (restored cells, rare, grow them).
  const expected = columns.length * (units.length + 1);
  const plannedValues = new Array<CellValue>(expected);
  const plannedFormats = new Array<string | null>(expected);
  let slots = 0;
  const plan = (row: number, col: number, value: CellValue, numberFormat: string | null): void => {
    // A cell planned twice takes a new slot (the later write wins; the old slot is never read).
    planned.set(cellKey(row, col), slots);
    plannedValues[slots] = value;
    plannedFormats[slots++] = numberFormat;
  };
  for (const c of columns) {
    if (c.added) plan(c.headerRow, c.col, c.header, null);
    const { value, format } = c.spec;
    for (const u of units) {
      const v = value(u);
      // Nothing to put there (no previous period, an input error): leave the cell unless the
      // tool's own earlier value is there, which is stale now.
      if (v === null && !isBlank(cellAt(grid, u.row, c.col)) && !lastWritten.has(cellKey(u.row, c.col))) continue;
      plan(u.row, c.col, v, format);
    }
  }

  // 3. Underlines: the engine's flags name the fields; the cells are in output or input columns.
  const columnOf = (field: FieldId): number | undefined => columns.find((c) => c.field === field)?.col ?? layout.columns[field];
  const underlineSet = new Map<number, { row: number; col: number }>();
  for (const u of units) {
    for (const f of u.flags) {
      for (const field of f.underline.length > 0 ? f.underline : [f.field]) {
        const col = columnOf(field);
        if (col !== undefined) underlineSet.set(cellKey(u.row, col), { row: u.row, col });
      }
    }
  }
  // Clear only where the tool is entitled to: cells it underlined last time, and the data cells
  // of flag columns (their underline means "below threshold"); never headers, aggregate rows or
  // other columns, where an underline is the user's own formatting.
  const flagCols = new Set<number>();
  for (const rule of profile.flags) {
    for (const field of rule.underline.length > 0 ? rule.underline : [rule.field]) {
      const col = columnOf(field);
      if (col !== undefined) flagCols.add(col);
    }
  }
  const underlineClear = new Map<number, { row: number; col: number }>();
  // Cells the last run touched that need no change now: kept in the undo snapshot (and the next
  // state) so that undo after a rerun still restores their pre-tool state.
  const tracked = new Map<number, { row: number; col: number }>();
  const flagColList = [...flagCols];
  for (const u of units) {
    if (u.aggregate) continue;
    for (const col of flagColList) {
      const k = cellKey(u.row, col);
      if (underlineSet.has(k)) continue;
      if (underlineAt(grid, u.row, col)) underlineClear.set(k, { row: u.row, col });
      else if (lastWritten.has(k)) tracked.set(k, { row: u.row, col });
    }
  }
  // 4. Cells of the last run that this run no longer targets: put back what they held.
  const restored: string[] = [];
  const restoredKeys = new Set<number>();
  for (const [k, w] of lastWritten) {
    if (planned.has(k) || underlineSet.has(k) || underlineClear.has(k) || tracked.has(k)) continue;
    const { row, col } = cellOfKey(k);
    const before = lastPrevious.get(k);
    if (!before || !identicalValue(w.value, cellAt(grid, row, col))) continue;
    plan(row, col, before.value, before.numberFormat);
    if (before.underline) underlineSet.set(k, { row, col });
    else if (underlineAt(grid, row, col)) underlineClear.set(k, { row, col });
    restored.push(a1(row, col));
    restoredKeys.add(k);
  }
  // Underlines the tool set last time on cells it still writes but no longer flags.
  for (const [k, w] of lastWritten) {
    if (restoredKeys.has(k) || underlineSet.has(k) || !w.underline || lastPrevious.get(k)?.underline) continue;
    const { row, col } = cellOfKey(k);
    if (underlineAt(grid, row, col)) underlineClear.set(k, { row, col });
  }

  // 5. Conflicts and the undo snapshot of every touched cell.
  const conflicts: Conflict[] = [];
  const formulas = grid.formulas && Object.keys(grid.formulas).length > 0 ? grid.formulas : undefined;
  // forEach rather than for…of: no [key, slot] pair per cell (90,000 at 10,000 rows).
  planned.forEach((slot, k) => {
    const row = Math.floor(k / KEY_COLUMNS);
    const col = k - row * KEY_COLUMNS;
    const value = plannedValues[slot];
    // A formula is the user's content even when it shows the same value (or none, uncalculated).
    const formula = formulas?.[a1(row, col)];
    if (formula !== undefined) {
      conflicts.push({ address: a1(row, col), current: formula, planned: value });
      return;
    }
    const current = cellAt(grid, row, col);
    if (isBlank(current)) return;
    if (sameValue(current, value) || isOurs(row, col)) return;
    conflicts.push({ address: a1(row, col), current, planned: value });
  });
  // Every touched cell once, in (row, column) order: the order of the keys, as columns of plain
  // values (src/plan/touched.ts) from which the blocks and the undo snapshots are built.
  const allKeys = new Float64Array(planned.size + underlineSet.size + underlineClear.size + tracked.size);
  let filled = 0;
  // forEach: no iterator result per key.
  const addKey = (_: unknown, k: number) => {
    allKeys[filled++] = k;
  };
  for (const m of [planned, underlineSet, underlineClear, tracked] as Map<number, unknown>[]) m.forEach(addKey);
  allKeys.sort();
  let n = 0;
  for (let i = 0; i < allKeys.length; i++) if (i === 0 || allKeys[i] !== allKeys[i - 1]) allKeys[n++] = allKeys[i];
  const ordered = allKeys.slice(0, n);
  const formats = new Array<string | null>(n);
  const cells: TouchedCells = {
    keys: ordered,
    planned: new Uint8Array(n),
    values: new Array<CellValue>(n),
    before: new Array<CellValue>(n),
    formats: new Array<string | null>(n),
    underlines: new Uint8Array(n),
    finalUnderlines: new Uint8Array(n),
    restored: new Uint8Array(n),
  };
  const current = new Array<CellValue>(n);
  for (let i = 0; i < n; i++) {
    const k = ordered[i];
    const row = Math.floor(k / KEY_COLUMNS);
    const col = k - row * KEY_COLUMNS;
    // A cell still holding the tool's value keeps its pre-tool snapshot, so undo after a
    // rerun restores the sheet as it was before the first run.
    const before = lastPrevious.get(k);
    const ours = before !== undefined && lastWritten.has(k) && isOurs(row, col);
    let underline: boolean;
    if (before && ours) {
      cells.before[i] = before.value;
      cells.formats[i] = before.numberFormat;
      underline = before.underline;
    } else {
      // Outside the grid's known formats (a column right of the used range) a cell is "General";
      // null when the adapter did not read the cell's format (the adapter fills it in before writing).
      cells.before[i] = formulas?.[a1(row, col)] ?? cellAt(grid, row, col);
      cells.formats[i] = formatKnown(grid, row, col) ? (formatAt(grid, row, col) ?? "General") : null;
      underline = underlineAt(grid, row, col);
    }
    cells.underlines[i] = underline ? 1 : 0;
    current[i] = formulas?.[a1(row, col)] ?? cellAt(grid, row, col);
    const slot = planned.get(k);
    if (slot !== undefined) {
      cells.planned[i] = 1;
      cells.values[i] = plannedValues[slot];
      formats[i] = plannedFormats[slot];
    } else {
      cells.values[i] = null;
      formats[i] = null;
    }
    cells.finalUnderlines[i] = underlineSet.has(k) ? 1 : underlineClear.has(k) ? 0 : cells.underlines[i];
    if (restoredKeys.has(k)) cells.restored[i] = 1;
  }

  const result: PlannedWrite = {
    sheet: grid.sheet,
    columns: columns.map(({ spec: _spec, headerRow: _headerRow, ...c }) => c),
    blocks: touchedBlocks(cells, formats),
    underline: { set: cellRanges([...underlineSet.values()]), clear: cellRanges([...underlineClear.values()]) },
    previous: snapshotsOf(cells),
    conflicts: conflicts.sort((a, b) => {
      const p = parseA1(a.address)!;
      const q = parseA1(b.address)!;
      return p.row - q.row || p.col - q.col;
    }),
    restored,
  };
  if (checks.length > 0) {
    result.checks = checks.map(({ spec, published }) => comparePublished(spec.field, published, grid, units, spec.value, spec.field === "rank" ? 0 : profile.rounding.decimals));
  }
  const at = Array.from(cells.keys, cellOfKey);
  const assumedFormats = at.map(({ row, col }) => (formatKnown(grid, row, col) ? (formatAt(grid, row, col) ?? "General") : null));
  const assumedUnderlines = Uint8Array.from(at, ({ row, col }) => (underlineAt(grid, row, col) ? 1 : 0));
  result.assumed = snapshotsOf({ ...cells, before: current, formats: assumedFormats, underlines: assumedUnderlines });
  return result;
}
