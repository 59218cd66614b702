/**
 * The WorkbookState kept in the very hidden sheet: building it from a plan, after an undo,
 * and (de)serialising it as JSON chunks that fit in cells.
 */
import { a1, parseRangeA1, type CellValue } from "../model/grid";
import type { CellSnapshot, WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMatch } from "../model/table";
import type { FieldId } from "../model/fields";
import { KEY_COLUMNS } from "./cells";
import { defineLazy, isUnread } from "./lazy";
import { rangeCells } from "./ranges";
import { touchedCellsOf, type TouchedCells } from "./touched";
import { encodeState, packLastRun, readStateChunks, SegmentWriter, unpackSegments, type StateReadOptions } from "./state-codec";
import type { StoredLastRun } from "./state-schema";

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
 * and what the cells held before (for undo). For a plan straight from planWrite the last run is
 * packed from the plan's touched cells and its `written` and `previous` lists are built only
 * when read (the CLI and the add-in just store it).
 */
export function stateAfterWrite(
  plan: WritePlan & { restored?: string[] },
  options: { profile: unknown; mapping: Record<string, FieldId | null>; at?: Date },
): WorkbookState {
  const at = (options.at ?? new Date()).toISOString();
  const cells = touchedCellsOf(plan);
  const lastRun = cells ? lazyLastRun(packTouched(plan.sheet, at, cells)) : lastRunOf(plan, at);
  return { version: 1, profile: options.profile, mapping: options.mapping, lastRun };
}

/** stateAfterWrite for any plan, cell by cell. */
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
  return { sheet: plan.sheet, at, written: [...written.values()], previous: plan.previous.filter((s) => written.has(s.address)) };
}

/** The state after an undo: the profile and mapping stay, the last run is gone. */
export function stateAfterUndo(state: WorkbookState): WorkbookState {
  return { ...state, lastRun: null };
}

/**
 * The last run of a planWrite plan straight from its touched cells, column by column (so each
 * output column is one segment); `previous` follows the same order. No per-cell objects.
 */
function packTouched(sheet: string, at: string, t: TouchedCells): StoredLastRun {
  const n = t.keys.length;
  // Touched cells by column, each column's rows ascending (the keys are in row order).
  const byCol = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (t.restored[i]) continue;
    const col = t.keys[i] % KEY_COLUMNS;
    let list = byCol.get(col);
    if (!list) byCol.set(col, (list = []));
    list.push(i);
  }
  const writer = new SegmentWriter();
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    let nextRow = -2;
    for (const i of byCol.get(col)!) {
      const row = (t.keys[i] - col) / KEY_COLUMNS;
      // Only a segment's first cell needs its address.
      const address = row === nextRow ? "" : a1(row, col);
      nextRow = row + 1;
      const value = t.planned[i] ? t.values[i] : t.before[i];
      const blank = t.before[i] === null && t.formats[i] === "General" && !t.underlines[i];
      writer.push(address, row, col, value, t.finalUnderlines[i] === 1, blank ? 1 : [t.before[i], t.formats[i], t.underlines[i] ? 1 : 0]);
    }
    writer.close();
  }
  return { sheet, at, segments: writer.segments };
}

/** The packed form a lazily unpacked last run came from (see lazyLastRun). */
const PACKED = Symbol("packed");

/** A last run whose `written` and `previous` are unpacked from `packed` when first read. */
function lazyLastRun(packed: StoredLastRun): NonNullable<WorkbookState["lastRun"]> {
  const run = { sheet: packed.sheet, at: packed.at, written: [], previous: [] } as NonNullable<WorkbookState["lastRun"]>;
  let unpacked: NonNullable<WorkbookState["lastRun"]> | null = null;
  const unpack = () => (unpacked ??= unpackSegments(packed));
  defineLazy(run, "written", () => unpack().written);
  defineLazy(run, "previous", () => unpack().previous);
  Object.defineProperty(run, PACKED, { value: packed, enumerable: false });
  return run;
}

/** The packed form of a last run: the one it was built from while its lists are unread. */
function packedOf(run: NonNullable<WorkbookState["lastRun"]>): StoredLastRun {
  const own = (run as { [PACKED]?: StoredLastRun })[PACKED];
  if (own && isUnread(run, "written") && isUnread(run, "previous") && own.sheet === run.sheet && own.at === run.at) return own;
  return packLastRun(run);
}

/** JSON of the state (last run packed), cut into pieces that each fit in one cell. */
export function stateToChunks(state: WorkbookState, size = STATE_CHUNK_SIZE): string[] {
  return encodeState(state, state.lastRun ? packedOf(state.lastRun) : null, size);
}

/** The state from its chunks; null when absent or not one this version can use (see readStateChunks). */
export function stateFromChunks(chunks: string[], options?: StateReadOptions): WorkbookState | null {
  return readStateChunks(chunks, options).state;
}
