/**
 * The messages between the task pane and its scoring worker, and the worker's side of them.
 * Plain data both ways (structured clone): a grid and options in, progress and a result out.
 * `answer` is the whole worker; the pane calls it in-process where there is no Worker.
 */
import type { Grid } from "../model/grid";
import type { Profile } from "../model/profile";
import type { WorkbookState, WritePlan } from "../model/plan";
import type { ColumnMapping } from "../model/table";
import type { LevelOverrides, RankingChoice } from "../model/choices";
import { runScoring, type RunProgress, type RunResult } from "../pipeline";
import { planUndo } from "../plan";
import { errorMessage } from "./errors";

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
  | { id: number; kind: "planUndo"; grid: Grid; state: WorkbookState };

export type ScoringReply =
  | { id: number; kind: "progress"; progress: RunProgress }
  | { id: number; kind: "ran"; result: RunResult }
  | { id: number; kind: "plannedUndo"; plan: WritePlan }
  | { id: number; kind: "failed"; message: string };

/** What a request answers with when it succeeds. */
export type Answer<R extends ScoringRequest> = R extends { kind: "run" } ? RunResult : WritePlan;

/** Does one request, posting its progress and then its result or a message saying why not. */
export function answer(request: ScoringRequest, post: (reply: ScoringReply) => void): void {
  const { id } = request;
  try {
    if (request.kind === "run") {
      const result = runScoring(request.grid, { ...request.options, onProgress: (progress) => post({ id, kind: "progress", progress }) });
      post({ id, kind: "ran", result });
    } else {
      post({ id, kind: "plannedUndo", plan: planUndo(request.state, request.grid) });
    }
  } catch (e) {
    post({ id, kind: "failed", message: errorMessage(e) });
  }
}

/** A message the worker posted, checked before the pane trusts its shape. */
export function isScoringReply(data: unknown): data is ScoringReply {
  if (typeof data !== "object" || data === null) return false;
  const { id, kind } = data as { id?: unknown; kind?: unknown };
  return typeof id === "number" && typeof kind === "string" && ["progress", "ran", "plannedUndo", "failed"].includes(kind);
}
