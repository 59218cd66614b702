/**
 * The WorkbookState kept in the very hidden sheet: building it from a plan, after an undo,
 * and (de)serialising it as JSON chunks that fit in cells.
 */
import { a1, parseRangeA1, type CellValue } from "../model/grid";
import type { CellSnapshot, WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMatch } from "../model/table";
import type { FieldId } from "../model/fields";
import { blockCells, rangeCells } from "./ranges";

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
  for (const c of blockCells(plan.blocks)) {
    const address = a1(c.row, c.col);
    if (restored.has(address)) continue;
    written.set(address, { address, value: c.value, underline: finalUnderline(address) });
  }
  // Cells whose underline alone changed (or that the plan only keeps track of): their value is
  // what they already held.
  for (const address of [...set, ...clear, ...before.keys()]) {
    if (written.has(address) || restored.has(address)) continue;
    written.set(address, { address, value: before.get(address)?.value ?? null, underline: finalUnderline(address) });
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
 * Packing keeps undo data for 10,000 rows around 1 MB, so the Office.js write stays one request
 * under Excel on the web's 5 MB cap (the verbose form was 4 MB for 10,000 rows × 3 columns).
 */
type PackedCell = [string, CellValue, 0 | 1] | [string, CellValue, 0 | 1, CellValue, string | null, 0 | 1];

interface PackedRun {
  sheet: string;
  at: string;
  cells: PackedCell[];
  /** Indexes into cells giving the order of `previous` when it differs from `written`. */
  order?: number[];
}

function packLastRun(run: NonNullable<WorkbookState["lastRun"]>): PackedRun {
  const previous = new Map(run.previous.map((p) => [p.address, p]));
  const index = new Map(run.written.map((w, i) => [w.address, i]));
  const cells: PackedCell[] = run.written.map((w) => {
    const p = previous.get(w.address);
    return p ? [w.address, w.value, w.underline ? 1 : 0, p.value, p.numberFormat, p.underline ? 1 : 0] : [w.address, w.value, w.underline ? 1 : 0];
  });
  const order = run.previous.map((p) => index.get(p.address) ?? -1);
  const natural = cells.flatMap((c, i) => (c.length === 6 ? [i] : []));
  const packed: PackedRun = { sheet: run.sheet, at: run.at, cells };
  if (order.length !== natural.length || order.some((v, i) => v !== natural[i])) packed.order = order;
  return packed;
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
  const run = s.lastRun as (WorkbookState["lastRun"] & { cells?: PackedCell[] }) | null | undefined;
  const lastRun = run && Array.isArray(run.cells) ? unpackLastRun(run as unknown as PackedRun) : (run ?? null);
  return { version: 1, profile: s.profile ?? null, mapping: s.mapping, lastRun };
}
