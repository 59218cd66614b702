/**
 * The WorkbookState kept in the very hidden sheet: building it from a plan, after an undo,
 * and (de)serialising it as JSON chunks that fit in cells.
 */
import { a1, parseA1, parseRangeA1, type CellValue } from "../model/grid";
import type { CellSnapshot, WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMatch } from "../model/table";
import type { FieldId } from "../model/fields";
import { rangeCells } from "./ranges";

/** Excel allows 32,767 characters per cell; stay well under it. */
export const STATE_CHUNK_SIZE = 30000;

/** The mapping as the state keeps it: column letter → field (null for unused columns). */
export function mappingOf(matches: ColumnMatch[]): Record<string, FieldId | null> {
  const out: Record<string, FieldId | null> = {};
  for (const m of matches) out[m.letter] = m.field;
  return out;
}

/**
 * The state after applying `plan`: what was written (so the next run recognises its own cells)
 * and what the cells held before (for undo). A pure function of the plan and the run's time.
 */
export function stateAfterWrite(
  plan: WritePlan & { restored?: string[] },
  options: { profile: unknown; mapping: Record<string, FieldId | null>; at?: Date },
): WorkbookState {
  const at = (options.at ?? new Date()).toISOString();
  return { version: 1, profile: options.profile, mapping: options.mapping, lastRun: lastRunOf(plan, at) };
}

/**
 * Every cell the plan touches and does not restore, column by column (each output column then
 * packs as one segment), with its snapshot in `previous` in the same order.
 */
function lastRunOf(plan: WritePlan & { restored?: string[] }, at: string): NonNullable<WorkbookState["lastRun"]> {
  const restored = new Set(plan.restored ?? []);
  const before = new Map<string, CellSnapshot>(plan.previous.map((s) => [s.address, s]));
  const set = new Set(rangeCells(plan.underline.set, parseRangeA1).map((c) => a1(c.row, c.col)));
  const clear = new Set(rangeCells(plan.underline.clear, parseRangeA1).map((c) => a1(c.row, c.col)));
  const written = new Map<string, { address: string; value: CellValue; underline: boolean }>();
  const finalUnderline = (address: string): boolean =>
    set.has(address) ? true : clear.has(address) ? false : (before.get(address)?.underline ?? false);
  for (const b of plan.blocks) {
    for (let i = 0; i < b.values.length; i++) {
      const vr = b.values[i];
      for (let j = 0; j < vr.length; j++) {
        const address = a1(b.row + i, b.col + j);
        if (restored.has(address)) continue;
        written.set(address, { address, value: vr[j], underline: finalUnderline(address) });
      }
    }
  }
  // Cells whose underline alone changed (or that the plan only keeps track of): their value is
  // what they already held.
  for (const addresses of [set, clear, before.keys()]) {
    for (const address of addresses) {
      if (written.has(address) || restored.has(address)) continue;
      written.set(address, { address, value: before.get(address)?.value ?? null, underline: finalUnderline(address) });
    }
  }
  const position = (address: string) => parseA1(address) ?? { row: Infinity, col: Infinity };
  const ordered = [...written.values()]
    .map((w) => ({ w, at: position(w.address) }))
    .sort((x, y) => x.at.col - y.at.col || x.at.row - y.at.row)
    .map(({ w }) => w);
  const previous = ordered.flatMap((w) => before.get(w.address) ?? []);
  return { sheet: plan.sheet, at, written: ordered, previous };
}

/** The state after an undo: the profile and mapping stay, the last run is gone. */
export function stateAfterUndo(state: WorkbookState): WorkbookState {
  return { ...state, lastRun: null };
}

/**
 * One touched cell of the last run, packed: [address, written value, written underline (0/1)]
 * followed, when the cell has a snapshot, by [previous value, previous format, previous underline].
 * The first packing; still read, no longer written.
 */
type PackedCell = [string, CellValue, 0 | 1] | [string, CellValue, 0 | 1, CellValue, string | null, 0 | 1];

interface PackedRun {
  sheet: string;
  at: string;
  cells: PackedCell[];
  /** Indexes into cells giving the order of `previous` when it differs from `written`. */
  order?: number[];
}

/**
 * A touched cell in a column run, without its address: [written value, written underline]
 * then its snapshot as [previous value, previous format, previous underline], or 1 for the
 * usual blank cell (null, "General", not underlined), or nothing when it has none.
 */
type RunCell = [CellValue, 0 | 1] | [CellValue, 0 | 1, 1] | [CellValue, 0 | 1, CellValue, string | null, 0 | 1];

/**
 * The last run in runs of adjacent cells (down a column or along a row), which share one
 * address (the first), and a blank snapshot is one digit. 10,000 rows × 9 output columns come
 * to about 1.3 MB instead of 3.2 MB (cell tuples) or 11.6 MB (plain JSON). The second packing;
 * still read, no longer written.
 */
interface PackedRuns {
  sheet: string;
  at: string;
  /** [address of the first cell, its cells top to bottom, or left to right with "r"]. */
  runs: ([string, RunCell[]] | [string, RunCell[], "r"])[];
  /** Indexes into the cells (in run order) giving the order of `previous` when it differs. */
  order?: number[];
}

function isBlankSnapshot(p: CellSnapshot): boolean {
  return p.value === null && p.numberFormat === "General" && !p.underline;
}

/**
 * Each written cell's snapshot (or undefined), and whether `previous` lists exactly those
 * snapshots in written order. stateAfterWrite keeps that order, so a walk along both lists
 * usually pairs them without a map of 90,000 addresses; anything else falls back to the map.
 */
function snapshotsInOrder(run: NonNullable<WorkbookState["lastRun"]>): { snapshots: (CellSnapshot | undefined)[]; inOrder: boolean } {
  const { written, previous } = run;
  const snapshots: (CellSnapshot | undefined)[] = new Array<CellSnapshot | undefined>(written.length);
  let pi = 0;
  for (let i = 0; i < written.length; i++) {
    const p = previous[pi];
    if (p !== undefined && p.address === written[i].address) {
      snapshots[i] = p;
      pi++;
    } else snapshots[i] = undefined;
  }
  // Every snapshot paired, in order, with a written cell; with no address written twice (as
  // stateAfterWrite builds them) that is exactly what looking each address up would give.
  if (pi === previous.length && new Set(written.map((w) => w.address)).size === written.length) return { snapshots, inOrder: true };
  const byAddress = new Map(previous.map((p) => [p.address, p]));
  for (let i = 0; i < written.length; i++) snapshots[i] = byAddress.get(written[i].address);
  return { snapshots, inOrder: false };
}

function unpackRuns(packed: PackedRuns): WorkbookState["lastRun"] {
  const written: { address: string; value: CellValue; underline: boolean }[] = [];
  const snapshots: (CellSnapshot | null)[] = [];
  for (const [first, cells, direction] of packed.runs) {
    const start = parseA1(first);
    cells.forEach((c, k) => {
      const address = k === 0 || !start ? first : direction === "r" ? a1(start.row, start.col + k) : a1(start.row + k, start.col);
      written.push({ address, value: c[0], underline: c[1] === 1 });
      snapshots.push(
        c.length === 2
          ? null
          : c.length === 3
            ? { address, value: null, numberFormat: "General", underline: false }
            : { address, value: c[2], numberFormat: c[3], underline: c[4] === 1 },
      );
    });
  }
  const indexes = packed.order ?? snapshots.flatMap((s, i) => (s ? [i] : []));
  const previous = indexes.map((i) => snapshots[i] ?? null).filter((p): p is CellSnapshot => p !== null);
  return { sheet: packed.sheet, at: packed.at, written, previous };
}

function unpackLastRun(packed: PackedRun): WorkbookState["lastRun"] {
  const written = packed.cells.map((c) => ({ address: c[0], value: c[1], underline: c[2] === 1 }));
  const snapshot = (c: PackedCell): CellSnapshot | null => (c.length === 6 ? { address: c[0], value: c[3], numberFormat: c[4], underline: c[5] === 1 } : null);
  const indexes = packed.order ?? packed.cells.flatMap((c, i) => (c.length === 6 ? [i] : []));
  const previous = indexes.map((i) => (packed.cells[i] ? snapshot(packed.cells[i]) : null)).filter((p): p is CellSnapshot => p !== null);
  return { sheet: packed.sheet, at: packed.at, written, previous };
}

/** A segment's undo snapshot of one cell: 0 none, 1 the blank cell (null, "General", not underlined), else [value, format, underline]. */
type SegmentSnapshot = 0 | 1 | [CellValue, string | null, 0 | 1];

/**
 * Adjacent cells of the last run, down a column (or along a row with r: 1), column-wise: the
 * written values in one list (texts as indexes into `d` when every value is text or empty),
 * the offsets of the cells written underlined, and the snapshots as one digit when all are
 * blank. 10,000 rows × 9 output columns come to about 0.45 MB (runs of cell tuples: 1.2 MB),
 * with few quotes, which the state sheet's XML would turn into 6-character entities.
 */
interface Segment {
  /** Address of the first cell. */
  a: string;
  r?: 1;
  v: CellValue[];
  d?: string[];
  u?: number[];
  /** Absent: no cell has a snapshot; 1: every cell has the blank one; else one per cell. */
  s?: 1 | SegmentSnapshot[];
}

interface PackedSegments {
  sheet: string;
  at: string;
  segments: Segment[];
  /** Indexes into the cells (in segment order) giving the order of `previous` when it differs. */
  order?: number[];
}

/** Builds segments from cells in the order of `written`. */
class SegmentWriter {
  readonly segments: Segment[] = [];
  private current: { address: string; row: number; col: number; right: boolean | null; values: CellValue[]; underlined: number[]; snapshots: SegmentSnapshot[] } | null = null;

  /** `row` < 0: an address that is not a plain cell reference, kept in a segment of its own. */
  push(address: string, row: number, col: number, value: CellValue, underline: boolean, snapshot: SegmentSnapshot): void {
    let c = this.current;
    if (c && row >= 0 && c.row >= 0) {
      const k = c.values.length;
      const down = col === c.col && row === c.row + k && c.right !== true;
      const right = row === c.row && col === c.col + k && c.right !== false;
      if (down || right) {
        c.right = right && !down;
        if (underline) c.underlined.push(k);
        c.values.push(value);
        c.snapshots.push(snapshot);
        return;
      }
    }
    this.close();
    c = this.current = { address, row, col, right: null, values: [value], underlined: underline ? [0] : [], snapshots: [snapshot] };
  }

  close(): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    const seg: Segment = { a: c.address, v: c.values };
    if (c.right) seg.r = 1;
    let texts = 0;
    let allText = true;
    for (const v of c.values) {
      if (typeof v === "string") texts++;
      else if (v !== null) allText = false;
    }
    if (allText && texts > 1) {
      const index = new Map<string, number>();
      const d: string[] = [];
      seg.v = c.values.map((v) => {
        if (typeof v !== "string") return null;
        let i = index.get(v);
        if (i === undefined) index.set(v, (i = d.push(v) - 1));
        return i;
      });
      seg.d = d;
    }
    if (c.underlined.length > 0) seg.u = c.underlined;
    let blanks = 0;
    let nones = 0;
    for (const s of c.snapshots) {
      if (s === 1) blanks++;
      else if (s === 0) nones++;
    }
    if (blanks === c.snapshots.length) seg.s = 1;
    else if (nones !== c.snapshots.length) seg.s = c.snapshots;
    this.segments.push(seg);
  }
}

function segmentSnapshot(p: CellSnapshot | undefined): SegmentSnapshot {
  return !p ? 0 : isBlankSnapshot(p) ? 1 : [p.value, p.numberFormat, p.underline ? 1 : 0];
}

/** Any last run, in segments; `previous` in another order than its cells' gets an `order`. */
function packLastRun(run: NonNullable<WorkbookState["lastRun"]>): PackedSegments {
  const { snapshots, inOrder } = snapshotsInOrder(run);
  const writer = new SegmentWriter();
  const natural: number[] = [];
  run.written.forEach((w, i) => {
    const p = snapshots[i];
    if (p) natural.push(i);
    const at = parseA1(w.address);
    writer.push(w.address, at ? at.row : -1, at ? at.col : -1, w.value, w.underline, segmentSnapshot(p));
  });
  writer.close();
  const packed: PackedSegments = { sheet: run.sheet, at: run.at, segments: writer.segments };
  // In order, `previous` is exactly the natural order (see snapshotsInOrder).
  if (inOrder) return packed;
  const index = new Map(run.written.map((w, i) => [w.address, i]));
  const order = run.previous.map((p) => index.get(p.address) ?? -1);
  if (order.length !== natural.length || order.some((v, i) => v !== natural[i])) packed.order = order;
  return packed;
}

function unpackSegments(packed: PackedSegments): NonNullable<WorkbookState["lastRun"]> {
  const written: { address: string; value: CellValue; underline: boolean }[] = [];
  const snapshots: (CellSnapshot | null)[] = [];
  for (const seg of packed.segments) {
    const start = parseA1(seg.a);
    const underlined = new Set(seg.u ?? []);
    seg.v.forEach((v, k) => {
      const address = k === 0 || !start ? seg.a : seg.r === 1 ? a1(start.row, start.col + k) : a1(start.row + k, start.col);
      const value = seg.d ? (typeof v === "number" ? (seg.d[v] ?? null) : null) : v;
      written.push({ address, value, underline: underlined.has(k) });
      const s = seg.s === 1 ? 1 : (seg.s?.[k] ?? 0);
      snapshots.push(
        s === 0
          ? null
          : s === 1
            ? { address, value: null, numberFormat: "General", underline: false }
            : { address, value: s[0], numberFormat: s[1], underline: s[2] === 1 },
      );
    });
  }
  const indexes = packed.order ?? snapshots.flatMap((s, i) => (s ? [i] : []));
  const previous = indexes.map((i) => snapshots[i] ?? null).filter((p): p is CellSnapshot => p !== null);
  return { sheet: packed.sheet, at: packed.at, written, previous };
}

/** JSON of the state (last run packed), cut into pieces that each fit in one cell. */
export function stateToChunks(state: WorkbookState, size = STATE_CHUNK_SIZE): string[] {
  const json = JSON.stringify({ ...state, lastRun: state.lastRun ? packLastRun(state.lastRun) : null });
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += size) chunks.push(json.slice(i, i + size));
  return chunks.length > 0 ? chunks : ["{}"];
}

/** The state from its chunks; null when absent or not a state this version understands. */
export function stateFromChunks(chunks: string[]): WorkbookState | null {
  const json = chunks.join("");
  if (json.trim() === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const s = parsed as Partial<WorkbookState>;
  if (s.version !== 1 || typeof s.mapping !== "object" || s.mapping === null) return null;
  const run = s.lastRun as (WorkbookState["lastRun"] & { cells?: PackedCell[]; runs?: unknown[]; segments?: unknown[] }) | null | undefined;
  const lastRun =
    run && Array.isArray(run.segments)
      ? unpackSegments(run as unknown as PackedSegments)
      : run && Array.isArray(run.runs)
        ? unpackRuns(run as unknown as PackedRuns)
        : run && Array.isArray(run.cells)
          ? unpackLastRun(run as unknown as PackedRun)
          : (run ?? null);
  return { version: 1, profile: s.profile ?? null, mapping: s.mapping, lastRun };
}
