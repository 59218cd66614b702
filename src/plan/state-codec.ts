/**
 * The state's one stored encoding (JSON, last run in segments, version 1) and its reading: the
 * encodings that shipped earlier are turned into it by migrateLegacyRun, the result is checked by
 * the one schema (state-schema.ts) and against the last run's sheet, and anything else is
 * refused with a Vietnamese reason. Both front ends read the state through readStateChunks.
 */
import type { $ZodIssue } from "zod/v4/core";
import { a1, type CellValue } from "../model/grid";
import { CHISO766_VERSION, STATE_SHEET, type CellSnapshot, type StateRead, type WorkbookState } from "../model/plan";
import { cellOf, MAX_STATE_CELLS, MAX_STATE_CHUNKS, parseStoredState, type StoredLastRun, type StoredSegment, type StoredSnapshot } from "./state-schema";

type LastRun = NonNullable<WorkbookState["lastRun"]>;

/** The used area of a sheet, in rows and columns from A1. */
export interface SheetExtent {
  rows: number;
  cols: number;
}

/**
 * A last run's cells lie within its sheet's used area, widened by this many rows and columns:
 * room for output columns added right of the table and cells written blank at its edges.
 */
export const SHEET_MARGIN = 16;

export interface StateReadOptions {
  /** The used area of a sheet, when the reader knows it: the last run's cells must lie within it. */
  extentOf?: (sheet: string) => SheetExtent | null;
}

function isBlankSnapshot(p: CellSnapshot): boolean {
  return p.value === null && p.numberFormat === "General" && !p.underline;
}

export function segmentSnapshot(p: CellSnapshot | undefined): StoredSnapshot {
  return !p ? 0 : isBlankSnapshot(p) ? 1 : [p.value, p.numberFormat, p.underline ? 1 : 0];
}

/** Builds segments from cells given in order: adjacent cells down a column or along a row share one. */
export class SegmentWriter {
  readonly segments: StoredSegment[] = [];
  private current: { address: string; row: number; col: number; right: boolean | null; values: CellValue[]; underlined: number[]; snapshots: StoredSnapshot[] } | null = null;

  push(address: string, row: number, col: number, value: CellValue, underline: boolean, snapshot: StoredSnapshot): void {
    let c = this.current;
    if (c) {
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
    c = this.current = { address: address || a1(row, col), row, col, right: null, values: [value], underlined: underline ? [0] : [], snapshots: [snapshot] };
  }

  close(): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    const seg: StoredSegment = { a: c.address, v: c.values };
    if (c.right) seg.r = 1;
    let allText = true;
    let texts = 0;
    for (const v of c.values) {
      if (typeof v === "string") texts++;
      else if (v !== null) allText = false;
    }
    // Text columns (ratings) repeat a few words: store each once.
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
    const blanks = c.snapshots.filter((s) => s === 1).length;
    const nones = c.snapshots.filter((s) => s === 0).length;
    if (blanks === c.snapshots.length) seg.s = 1;
    else if (nones !== c.snapshots.length) seg.s = c.snapshots;
    this.segments.push(seg);
  }
}

/** Any last run, in segments; `previous` in another order than its cells' gets an `order`. */
export function packLastRun(run: LastRun): StoredLastRun {
  const byAddress = new Map<string, CellSnapshot>();
  for (const p of run.previous) if (!byAddress.has(p.address)) byAddress.set(p.address, p);
  const writer = new SegmentWriter();
  const withSnapshot: number[] = [];
  const indexOf = new Map<string, number>();
  run.written.forEach((w, i) => {
    const at = cellOf(w.address);
    if (!at) return;
    // A cell written twice keeps its snapshot on its first entry.
    const p = indexOf.has(w.address) ? undefined : byAddress.get(w.address);
    if (!indexOf.has(w.address)) indexOf.set(w.address, i);
    if (p) withSnapshot.push(i);
    writer.push(w.address, at.row, at.col, w.value, w.underline, segmentSnapshot(p));
  });
  writer.close();
  const packed: StoredLastRun = { sheet: run.sheet, at: run.at, segments: writer.segments };
  if (run.sheets && run.sheets.length > 0) packed.sheets = run.sheets;
  if (run.styled) packed.styled = run.styled;
  const order = run.previous.map((p) => indexOf.get(p.address) ?? -1).filter((i) => i >= 0);
  if (order.length !== withSnapshot.length || order.some((v, i) => v !== withSnapshot[i])) packed.order = order;
  return packed;
}

/** JSON of the state (its last run already packed), cut into pieces that each fit in one cell. */
export function encodeState(state: WorkbookState, packedRun: StoredLastRun | null, size: number): string[] {
  const choices = state.choices && (state.choices.levels || state.choices.ranking) ? { choices: state.choices } : {};
  const source = state.source ? { source: state.source } : {};
  const json = JSON.stringify({ version: 1, app: CHISO766_VERSION, profile: state.profile, mapping: state.mapping, ...choices, ...source, lastRun: packedRun });
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += size) chunks.push(json.slice(i, i + size));
  return chunks;
}

export function unpackSegments(packed: StoredLastRun): LastRun {
  const written: LastRun["written"] = [];
  const snapshots: (CellSnapshot | null)[] = [];
  for (const seg of packed.segments) {
    const start = cellOf(seg.a)!;
    const underlined = new Set(seg.u ?? []);
    seg.v.forEach((v, k) => {
      const address = k === 0 ? seg.a : seg.r === 1 ? a1(start.row, start.col + k) : a1(start.row + k, start.col);
      const value = seg.d ? (typeof v === "number" ? (seg.d[v] ?? null) : null) : v;
      written.push({ address, value, underline: underlined.has(k) });
      const s = seg.s === 1 ? 1 : (seg.s?.[k] ?? 0);
      snapshots.push(s === 0 ? null : s === 1 ? { address, value: null, numberFormat: "General", underline: false } : { address, value: s[0], numberFormat: s[1], underline: s[2] === 1 });
    });
  }
  const indexes = packed.order ?? snapshots.flatMap((s, i) => (s ? [i] : []));
  const previous = indexes.map((i) => snapshots[i] ?? null).filter((p): p is CellSnapshot => p !== null);
  const run: LastRun = { sheet: packed.sheet, at: packed.at, written, previous };
  if (packed.sheets && packed.sheets.length > 0) run.sheets = packed.sheets;
  if (packed.styled) run.styled = packed.styled;
  return run;
}

const isList = Array.isArray as (x: unknown) => x is unknown[];
const at = (x: unknown, i: number): unknown => (isList(x) ? x[i] : undefined);

/**
 * The three encodings of the last run that shipped before segments, as segments (anything else
 * unchanged, for the schema to refuse): cell tuples `cells` ([address, value, underline] + an
 * optional snapshot), column runs `runs` ([first address, cells, "r"?]), and plain `written`
 * and `previous` lists. All said version 1.
 */
export function migrateLegacyRun(run: unknown): unknown {
  if (!run || typeof run !== "object" || "segments" in run) return run;
  const r = run as Record<string, unknown>;
  const base = { sheet: r.sheet, at: r.at, order: r.order };
  const snap = (c: unknown, from: number): StoredSnapshot => [at(c, from), at(c, from + 1), at(c, from + 2)] as StoredSnapshot;
  if (isList(r.cells)) {
    return { ...base, segments: r.cells.map((c) => ({ a: at(c, 0), v: [at(c, 1)], ...(at(c, 2) === 1 ? { u: [0] } : {}), ...(isList(c) && c.length === 6 ? { s: [snap(c, 3)] } : {}) })) };
  }
  if (isList(r.runs)) {
    const segments = r.runs.map((entry) => {
      const cells = isList(at(entry, 1)) ? (at(entry, 1) as unknown[]) : [];
      return {
        a: at(entry, 0),
        ...(at(entry, 2) === "r" ? { r: 1 } : {}),
        v: cells.map((c) => at(c, 0)),
        u: cells.flatMap((c, k) => (at(c, 1) === 1 ? [k] : [])),
        s: cells.map((c) => (!isList(c) || c.length === 2 ? 0 : c.length === 3 ? 1 : snap(c, 2))),
      };
    });
    return { ...base, segments };
  }
  if (isList(r.written) && isList(r.previous)) {
    const address = (x: unknown) => (x && typeof x === "object" ? (x as { address?: unknown }).address : undefined);
    const byAddress = new Map(r.previous.map((p) => [address(p), p as Record<string, unknown>]));
    const segments = r.written.map((w) => {
      const c = (w ?? {}) as Record<string, unknown>;
      const p = byAddress.get(c.address);
      return { a: c.address, v: [c.value], ...(c.underline === true ? { u: [0] } : {}), ...(p ? { s: [[p.value, p.numberFormat, p.underline === true ? 1 : 0]] } : {}) };
    });
    const index = new Map(r.written.map((w, i) => [address(w), i]));
    return { ...base, segments, order: r.previous.map((p) => index.get(address(p)) ?? -1).filter((i) => i >= 0) };
  }
  return run;
}

const BROKEN = `Dữ liệu chiso766 lưu trong sổ (trang ẩn "${STATE_SHEET}") không dùng được`;
const AREA: Record<string, string> = { version: "số phiên bản", mapping: "ánh xạ cột", choices: "cấp đơn vị và cách xếp hạng đã chọn", source: "tệp nguồn", lastRun: "dữ liệu hoàn tác", profile: "hồ sơ chấm điểm", app: "phiên bản" };

function broken(detail: string): StateRead {
  return { state: null, issue: { kind: "broken", message: `${BROKEN}: ${detail}.` } };
}

/** One schema issue in words: which part of the state, and what is wrong with it. */
function describeIssue(issue: $ZodIssue): string {
  const area = AREA[String(issue.path[0])] ?? "dữ liệu";
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "custom") return `${area}: ${typeof input === "string" ? `"${input.slice(0, 20)}" ` : ""}${issue.message}`;
  if (issue.code === "too_big") return `${area} quá lớn (tối đa ${String(issue.maximum)})`;
  return `${area} sai cấu trúc (ở ${issue.path.map(String).join(".") || "gốc"})`;
}

/** Cells of a (migrated, not yet validated) last run, counted without trusting its shape. */
function claimedCells(run: unknown): number {
  const segments = run && typeof run === "object" ? (run as { segments?: unknown }).segments : undefined;
  if (!isList(segments)) return 0;
  let n = 0;
  for (const s of segments) n += isList((s as { v?: unknown } | null)?.v) ? (s as { v: unknown[] }).v.length : 0;
  return n;
}

/** The first cell of the last run outside its sheet's used area (widened by SHEET_MARGIN), or null. */
function cellOutside(run: StoredLastRun, extent: SheetExtent): string | null {
  const rows = extent.rows + SHEET_MARGIN;
  const cols = extent.cols + SHEET_MARGIN;
  for (const seg of run.segments) {
    const start = cellOf(seg.a)!;
    const last = seg.r === 1 ? { row: start.row, col: start.col + seg.v.length - 1 } : { row: start.row + seg.v.length - 1, col: start.col };
    if (last.row >= rows || last.col >= cols) return a1(last.row, last.col);
  }
  return null;
}

/** The stored state's version and the chiso766 version that wrote it, as "x.y". */
function newerMessage(raw: Record<string, unknown>): string {
  const app = typeof raw.app === "string" ? /^(\d{1,4})\.(\d{1,4})/.exec(raw.app) : null;
  const made = app ? `${app[1]}.${app[2]}` : `dữ liệu phiên bản ${String(raw.version)}`;
  return `Dữ liệu chiso766 trong sổ này được tạo bởi phiên bản chiso766 mới hơn (${made}); hãy cập nhật để hoàn tác.`;
}

/** The state from its chunks (column A of the state sheet): usable, newer, broken or absent. */
export function readStateChunks(chunks: string[], options: StateReadOptions = {}): StateRead {
  if (chunks.length > MAX_STATE_CHUNKS) return broken(`quá lớn (${chunks.length} ô, tối đa ${MAX_STATE_CHUNKS})`);
  const json = chunks.join("");
  if (json.trim() === "") return { state: null, issue: null };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return broken("không phải JSON hợp lệ");
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return broken("không phải một đối tượng");
  const version = (raw as { version?: unknown }).version;
  if (typeof version === "number" && Number.isInteger(version) && version >= 2) {
    return { state: null, issue: { kind: "newer", message: newerMessage(raw as Record<string, unknown>) } };
  }
  if (version !== 1) return broken("không rõ phiên bản dữ liệu");
  const migrated = { ...(raw as Record<string, unknown>), lastRun: migrateLegacyRun((raw as { lastRun?: unknown }).lastRun ?? null) };
  const claimed = claimedCells(migrated.lastRun);
  const sheet = (migrated.lastRun as { sheet?: unknown } | null)?.sheet;
  const extent = typeof sheet === "string" ? (options.extentOf?.(sheet) ?? null) : null;
  // Before the schema walks every cell: a few bytes of zipped XML can claim millions of them.
  const limit = extent ? Math.min(MAX_STATE_CELLS, (extent.rows + SHEET_MARGIN) * (extent.cols + SHEET_MARGIN)) : MAX_STATE_CELLS;
  if (claimed > limit) return broken(`dữ liệu hoàn tác có ${claimed} ô, nhiều hơn trang "${String(sheet)}" có thể chứa (${limit})`);
  const parsed = parseStoredState(migrated);
  if (!parsed.ok) return broken(describeIssue(parsed.issue));
  const stored = parsed.state;
  const outside = stored.lastRun && extent ? cellOutside(stored.lastRun, extent) : null;
  if (outside) return broken(`ô ${outside} của lần chấm trước nằm ngoài vùng dữ liệu của trang "${stored.lastRun!.sheet}"`);
  const mapping = stored.mapping as WorkbookState["mapping"];
  const state: WorkbookState = { version: 1, profile: stored.profile ?? null, mapping, lastRun: stored.lastRun ? unpackSegments(stored.lastRun) : null };
  if (stored.choices) state.choices = stored.choices;
  if (stored.source) state.source = stored.source;
  return { state, issue: null };
}
