/**
 * The WorkbookState kept in the very hidden sheet: building it from a plan, after an undo,
 * and as JSON chunks that fit in cells (the encoding itself is in state-codec.ts).
 */
import { a1, parseA1, parseRangeA1, type CellValue } from "../model/grid";
import type { CellSnapshot, SourceIdentity, StyledRanges, WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMatch } from "../model/table";
import type { FieldId } from "../model/fields";
import type { UserChoices } from "../model/choices";
import { rangeCells } from "./ranges";
import { encodeState, packLastRun, readStateChunks, type StateReadOptions } from "./state-codec";

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
  plan: WritePlan & { restored?: string[]; styled?: StyledRanges },
  options: { profile: unknown; mapping: Record<string, FieldId | null>; choices?: UserChoices; source?: SourceIdentity; at?: Date },
): WorkbookState {
  const at = (options.at ?? new Date()).toISOString();
  const state: WorkbookState = { version: 1, profile: options.profile, mapping: options.mapping, lastRun: lastRunOf(plan, at) };
  if (plan.styled && state.lastRun) state.lastRun.styled = plan.styled;
  if (options.choices && (options.choices.levels || options.choices.ranking)) state.choices = options.choices;
  if (options.source) state.source = options.source;
  return state;
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

/** The state after an undo: the profile, mapping and the user's choices stay, the last run is gone. */
export function stateAfterUndo(state: WorkbookState): WorkbookState {
  return { ...state, lastRun: null };
}

/** JSON of the state (last run packed), cut into pieces that each fit in one cell. */
export function stateToChunks(state: WorkbookState, size = STATE_CHUNK_SIZE): string[] {
  return encodeState(state, state.lastRun ? packLastRun(state.lastRun) : null, size);
}

/** The state from its chunks; null when absent or not one this version can use (see readStateChunks). */
export function stateFromChunks(chunks: string[], options?: StateReadOptions): WorkbookState | null {
  return readStateChunks(chunks, options).state;
}
