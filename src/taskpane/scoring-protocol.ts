/**
 * The messages between the task pane and its scoring worker: plain data both ways (structured
 * clone), a grid and options in, progress and a result out. Types, a shape check and the
 * slicing of long messages only, so the pane's first load does not carry the scoring code
 * (scoring-answer.ts, the worker's side).
 */
import type { Grid } from "../model/grid";
import type { GridChange } from "../plan/diff";
import type { Profile } from "../model/profile";
import type { WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMapping, ReadResult } from "../model/table";
import type { LevelOverrides, RankingChoice } from "../model/choices";
import type { RunProgress, RunResult } from "../pipeline";
import type { MethodSheetReading } from "../profiles/sheet/read";
import type { ReportValue, ReportWork } from "./report/build";
import { writeSummary, type WriteSummary } from "./write-summary";

export interface RunRequestOptions {
  profiles: Profile[];
  profileId?: string;
  mapping?: ColumnMapping;
  state?: WorkbookState | null;
  levels?: LevelOverrides;
  ranking?: RankingChoice;
  fromMethodSheet?: boolean;
}

/** What a run is scored from: a fresh worker (after "Hủy") scores it again from these. */
export interface RunInputs {
  grid: Grid;
  options: RunRequestOptions;
}

/**
 * A run as the pane receives it: all but the cells read for each unit, most of a large run
 * (cloning them blocked the pane); they stay in the worker for the work done on that run.
 * With it, what its write would change (`effect`), counted in the worker for the preview.
 */
export type PaneRun = Omit<RunResult, "read"> & { read: Omit<ReadResult, "units">; effect: WriteSummary };

/**
 * "Ghi kết quả" prepared in the worker: what changed in the sheet since the run read it (then
 * nothing is written: no state), else how many cells the plan changes and the state to store.
 */
export interface PreparedWrite {
  changes: GridChange[];
  cells: number;
  state: WorkbookState | null;
}

/** Work on a run the worker keeps: the report's steps, or preparing its write (`now`: the sheet as it is now). */
export type RunWork = ReportWork | { what: "write"; now?: Grid };
export type RunValue<W extends RunWork> = W extends ReportWork ? ReportValue<W> : PreparedWrite;

export type ScoringRequest =
  | ({ id: number; kind: "run" } & RunInputs)
  /** A slice of one of the request's grids (REQUEST_LISTS[list]), sent ahead of the request itself. */
  | { id: number; kind: "part"; list: number; items: unknown[] }
  | { id: number; kind: "planUndo"; grid: Grid; state: WorkbookState }
  | { id: number; kind: "readMethod"; grid: Grid }
  /**
   * Work on the run `runId`: the worker keeps its last runs, so `rerun` travels only to one that
   * does not have that one (a fresh worker after "Hủy"); then the reply's value is null and the
   * pane sends the request again with it.
   */
  | { id: number; kind: "onRun"; runId: number; rerun?: RunInputs; work: RunWork };

export type ScoringReply =
  | { id: number; kind: "progress"; progress: RunProgress }
  | { id: number; kind: "ran"; result: PaneRun }
  | { id: number; kind: "plannedUndo"; plan: WritePlan }
  | { id: number; kind: "methodRead"; reading: MethodSheetReading }
  | { id: number; kind: "onRun"; value: RunValue<RunWork> | null }
  | { id: number; kind: "failed"; message: string }
  /** A slice of one of the reply's long lists (REPLY_LISTS[list]), sent ahead of the reply itself. */
  | { id: number; kind: "part"; list: number; items: unknown[] };

/** What a request answers with when it succeeds. */
export type Answer<R extends ScoringRequest> = R extends { kind: "run" }
  ? PaneRun
  : R extends { kind: "planUndo" }
    ? WritePlan
    : R extends { kind: "readMethod" }
      ? MethodSheetReading
      : R extends { kind: "onRun"; work: infer W extends RunWork }
        ? RunValue<W> | null
        : never;

/** The run as the pane keeps it (made in the worker). */
export function paneRunOf(run: RunResult): PaneRun {
  const { units: _units, ...read } = run.read;
  return { ...run, read, effect: writeSummary(run.plan) };
}

/** A message the worker posted, checked before the pane trusts its shape. */
export function isScoringReply(data: unknown): data is ScoringReply {
  if (typeof data !== "object" || data === null) return false;
  const { id, kind } = data as { id?: unknown; kind?: unknown };
  return typeof id === "number" && typeof kind === "string" && ["progress", "ran", "plannedUndo", "methodRead", "onRun", "failed", "part"].includes(kind);
}

/**
 * The long lists of a reply, by path. Taking in one large message blocks the pane for as long
 * as it takes to rebuild every object in it, so the worker sends these in slices, each taken in
 * its own task, and the reply after them with the lists empty (mergeParts puts them back).
 */
const REPLY_LISTS = [
  ["result", "scored", "units"],
  ["result", "plan", "previous"],
  ["result", "plan", "assumed"],
  ["plan", "previous"],
  ["plan", "assumed"],
  ["value", "state", "lastRun", "written"],
  ["value", "state", "lastRun", "previous"],
  // The report's sheets: the appendix (a row per unit) and the scorecards (a page per unit).
  ["value", "rows"],
  ["value", "values"],
  ["value", "numberFormats"],
  ["value", "styles"],
] as const;
export const PART_SIZE = 250;

/**
 * The grids of a request, row by row: sending one copies it whole on the pane's thread (a
 * national list's grid is about 250,000 cells three times over), so the pane sends them in
 * slices, one per task, and the request after them (mergeRequestParts in the worker).
 */
const GRID_LISTS = ["values", "numberFormats", "underlines"] as const;
const REQUEST_LISTS = [
  ...GRID_LISTS.map((list) => ["grid", list] as const),
  ...GRID_LISTS.map((list) => ["work", "now", list] as const),
  ...GRID_LISTS.map((list) => ["rerun", "grid", list] as const),
];
/** Rows per slice of a request's grid: a few tens of milliseconds to copy at 80 columns. */
export const REQUEST_PART_ROWS = 1000;

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null;
type Part = { id: number; kind: "part"; list: number; items: unknown[] };

/** The message as slices of its long lists (`lists`, by path) followed by the message without them; copies only what it empties. */
function split<M extends { id: number }>(message: M, lists: readonly (readonly string[])[], size: number): (M | Part)[] {
  const parts: Part[] = [];
  const emptied = (node: unknown, path: readonly string[], list: number): unknown => {
    if (!isTree(node)) return node;
    const [key, ...rest] = path;
    const child = node[key];
    if (rest.length > 0) return isTree(child) ? { ...node, [key]: emptied(child, rest, list) } : node;
    if (!Array.isArray(child) || child.length <= size) return node;
    for (let start = 0; start < child.length; start += size) parts.push({ id: message.id, kind: "part", list, items: child.slice(start, start + size) });
    return { ...node, [key]: [] };
  };
  const rest = lists.reduce<unknown>((node, path, list) => emptied(node, path, list), message) as M;
  return [...parts, rest];
}

/** The message with the slices received before it put back into its lists, in order. */
function merge<M>(message: M, lists: readonly (readonly string[])[], parts: { list: number; items: unknown[] }[]): M {
  for (const { list, items } of parts) {
    const path = lists[list];
    if (!path) continue;
    let node: unknown = message;
    for (const key of path.slice(0, -1)) node = isTree(node) ? node[key] : undefined;
    const target = isTree(node) ? node[path[path.length - 1]] : undefined;
    if (Array.isArray(target)) for (const item of items) target.push(item);
  }
  return message;
}

/** The reply as slices of its long lists followed by the reply without them. */
export function splitReply(reply: ScoringReply, size = PART_SIZE): ScoringReply[] {
  return split(reply, REPLY_LISTS, size);
}

/** The reply with the slices received before it put back into its lists, in order. */
export function mergeParts<R extends ScoringReply>(reply: R, parts: { list: number; items: unknown[] }[]): R {
  return merge(reply, REPLY_LISTS, parts);
}

/** The request as slices of its grids' rows followed by the request without them. */
export function splitRequest(request: ScoringRequest, rows = REQUEST_PART_ROWS): ScoringRequest[] {
  return split(request, REQUEST_LISTS, rows);
}

/** The request with the slices of its grids received before it put back, in order. */
export function mergeRequestParts<R extends ScoringRequest>(request: R, parts: { list: number; items: unknown[] }[]): R {
  return merge(request, REQUEST_LISTS, parts);
}
