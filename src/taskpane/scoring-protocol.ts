/**
 * The messages between the task pane and its scoring worker: plain data both ways (structured
 * clone), a grid and options in, progress and a result out. Types and a shape check only, so
 * the pane's first load does not carry the scoring code (scoring-answer.ts, the worker's side).
 */
import type { Grid } from "../model/grid";
import type { Profile } from "../model/profile";
import type { WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMapping } from "../model/table";
import type { LevelOverrides, RankingChoice } from "../model/choices";
import type { RunProgress, RunResult } from "../pipeline";
import type { MethodSheetReading } from "../profiles/sheet/read";
import type { ReportRun, ReportValue, ReportWork } from "./report/build";

export interface RunRequestOptions {
  profiles: Profile[];
  profileId?: string;
  mapping?: ColumnMapping;
  state?: WorkbookState | null;
  levels?: LevelOverrides;
  ranking?: RankingChoice;
  fromMethodSheet?: boolean;
}

export type ScoringRequest =
  | { id: number; kind: "run"; grid: Grid; options: RunRequestOptions }
  | { id: number; kind: "planUndo"; grid: Grid; state: WorkbookState }
  | { id: number; kind: "readMethod"; grid: Grid }
  /**
   * Report work on a run: the worker keeps its last run, so `run` travels only when it does not
   * have that one (a fresh worker after "Hủy"); then the reply's value is null and the pane resends.
   */
  | { id: number; kind: "report"; runId: number; run?: ReportRun; work: ReportWork };

export type ScoringReply =
  | { id: number; kind: "progress"; progress: RunProgress }
  | { id: number; kind: "ran"; result: RunResult }
  | { id: number; kind: "plannedUndo"; plan: WritePlan }
  | { id: number; kind: "methodRead"; reading: MethodSheetReading }
  | { id: number; kind: "reported"; value: ReportValue<ReportWork> | null }
  | { id: number; kind: "failed"; message: string };

/** What a request answers with when it succeeds. */
export type Answer<R extends ScoringRequest> = R extends { kind: "run" }
  ? RunResult
  : R extends { kind: "planUndo" }
    ? WritePlan
    : R extends { kind: "readMethod" }
      ? MethodSheetReading
      : R extends { kind: "report"; work: infer W extends ReportWork }
        ? ReportValue<W> | null
        : never;

/** The parts of a run the report reads: what travels to a worker that does not keep the run. */
export function reportRunOf(run: RunResult): ReportRun {
  return { scored: run.scored, profile: run.profile, read: { units: run.read.units, mapping: run.read.mapping } };
}

/** A message the worker posted, checked before the pane trusts its shape. */
export function isScoringReply(data: unknown): data is ScoringReply {
  if (typeof data !== "object" || data === null) return false;
  const { id, kind } = data as { id?: unknown; kind?: unknown };
  return typeof id === "number" && typeof kind === "string" && ["progress", "ran", "plannedUndo", "methodRead", "reported", "failed"].includes(kind);
}
