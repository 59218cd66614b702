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
 * and what the cells held before (for undo).
 */
export function stateAfterWrite(
  plan: WritePlan & { restored?: string[] },
  options: { profile: unknown; mapping: Record<string, FieldId | null>; at?: Date },
): WorkbookState {
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
  return {
    version: 1,
    profile: options.profile,
    mapping: options.mapping,
    lastRun: {
      sheet: plan.sheet,
      at: (options.at ?? new Date()).toISOString(),
      written: [...written.values()],
      previous: plan.previous.filter((s) => written.has(s.address)),
    },
  };
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
 * to about 1.3 MB instead of 3.2 MB (cell tuples) or 11.6 MB (plain JSON): smaller Office.js
 * requests and a faster save in the CLI.
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

function packLastRun(run: NonNullable<WorkbookState["lastRun"]>): PackedRuns {
  const { snapshots, inOrder } = snapshotsInOrder(run);
  const runs: PackedRuns["runs"] = [];
  let last: { col: number; row: number } | null = null;
  const natural: number[] = [];
  run.written.forEach((w, i) => {
    const p = snapshots[i];
    const u: 0 | 1 = w.underline ? 1 : 0;
    const cell: RunCell = !p ? [w.value, u] : isBlankSnapshot(p) ? [w.value, u, 1] : [w.value, u, p.value, p.numberFormat, p.underline ? 1 : 0];
    if (p) natural.push(i);
    const at = parseA1(w.address);
    const current = runs[runs.length - 1];
    const down = at && last && at.col === last.col && at.row === last.row + 1;
    const right = at && last && at.row === last.row && at.col === last.col + 1;
    // A run goes down a column or right along a row, whichever its second cell starts.
    if (current && (current[1].length === 1 ? down || right : current[2] === "r" ? right : down)) {
      if (current[1].length === 1 && right) current[2] = "r";
      current[1].push(cell);
    } else runs.push([w.address, [cell]]);
    last = at;
  });
  const packed: PackedRuns = { sheet: run.sheet, at: run.at, runs };
  // In order, `previous` is exactly the natural order (see snapshotsInOrder).
  if (inOrder) return packed;
  const index = new Map(run.written.map((w, i) => [w.address, i]));
  const order = run.previous.map((p) => index.get(p.address) ?? -1);
  if (order.length !== natural.length || order.some((v, i) => v !== natural[i])) packed.order = order;
  return packed;
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
  const run = s.lastRun as (WorkbookState["lastRun"] & { cells?: PackedCell[]; runs?: unknown[] }) | null | undefined;
  const lastRun =
    run && Array.isArray(run.runs)
      ? unpackRuns(run as unknown as PackedRuns)
      : run && Array.isArray(run.cells)
        ? unpackLastRun(run as unknown as PackedRun)
        : (run ?? null);
  return { version: 1, profile: s.profile ?? null, mapping: s.mapping, lastRun };
}
