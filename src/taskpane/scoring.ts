/**
 * The pure steps the task pane needs, behind one interface so tests and the playground can
 * substitute them (the adapter is the other seam). The default wires the real modules; the
 * heavy ones (reading the grid into a table, scoring, planning, reading the method sheet) run
 * in the scoring worker when
 * the pane is given one.
 */
import type { Grid } from "../model/grid";
import type { Profile } from "../model/profile";
import type { WorkbookState, WritePlan } from "../model/plan";
import type { LevelOverrides, RankingChoice, UserChoices } from "../model/choices";
import type { ColumnMatch, ColumnMapping } from "../model/table";
import type { ProfileSource, RunResult } from "../pipeline";
import { BUILTIN_PROFILES } from "../profiles";
import { mappingOf, stateAfterUndo, stateAfterWrite } from "../plan/state";
import type { MethodSheetReading } from "../profiles/sheet/read";
import type { AppendixPlan, Comparison, Narrative, SheetPlan } from "../report/types";
import type { ReportValue, ReportWork, TitleInputs } from "./report/build";
import { scoringClient, type ScoringClient, type WorkControl } from "./scoring-client";
import { reportRunOf } from "./scoring-protocol";

export type { ProfileSource, RunResult, WorkControl };

export type RunOptions = { profileId?: string; mapping?: ColumnMapping; state?: WorkbookState | null; levels?: LevelOverrides; ranking?: RankingChoice; method?: Profile };

export interface ScoringService {
  profiles: Profile[];
  /** `method`: the workbook's own method (its sheet "Phương pháp chấm điểm"), used instead of choosing one. */
  run(grid: Grid, options: RunOptions, control?: WorkControl): Promise<RunResult>;
  stateAfterWrite(plan: WritePlan, profile: Profile, mapping: ColumnMatch[], choices?: UserChoices): WorkbookState;
  planUndo(state: WorkbookState, grid: Grid, control?: WorkControl): Promise<WritePlan>;
  stateAfterUndo(state: WorkbookState): WorkbookState;
  /** The method the sheet "Phương pháp chấm điểm" holds, or its mistakes each at its cell. */
  readMethodSheet(grid: Grid): Promise<MethodSheetReading>;
  /** The report's narrative, appendix and scorecard sheets, planned in the worker. */
  narrative(run: RunResult, comparison: Comparison | null): Promise<Narrative>;
  appendixPlan(run: RunResult, inputs: TitleInputs, comparison: Comparison | null, narrative?: Narrative): Promise<AppendixPlan>;
  scorecardPlan(run: RunResult, inputs: TitleInputs, comparison: Comparison | null): Promise<SheetPlan>;
}

/** Report work on `run`: by reference to the run the worker keeps, else (a fresh worker) with the run. */
async function report<W extends ReportWork>(client: ScoringClient, run: RunResult, work: W): Promise<ReportValue<W>> {
  const runId = client.runIdOf(run);
  const kept = runId === undefined ? null : await client.send({ kind: "report", runId, work });
  if (kept) return kept as ReportValue<W>;
  const sent = await client.send({ kind: "report", runId: runId ?? -1, run: reportRunOf(run), work });
  return sent as ReportValue<W>;
}

/** The real steps; `createWorker` starts the scoring worker (absent: everything runs in-process). */
export function defaultScoring(profiles: Profile[] = BUILTIN_PROFILES, createWorker?: () => Worker): ScoringService {
  const client = scoringClient(createWorker);
  return {
    profiles,
    run: (grid, { method, ...options }, control) =>
      client.send(
        {
          kind: "run",
          grid,
          options: method ? { ...options, profiles: [...profiles.filter((p) => p.id !== method.id), method], profileId: method.id, fromMethodSheet: true } : { profiles, ...options },
        },
        control,
      ),
    stateAfterWrite: (plan, profile, mapping, choices) => stateAfterWrite(plan, { profile, mapping: mappingOf(mapping), choices }),
    planUndo: (state, grid, control) => client.send({ kind: "planUndo", state, grid }, control),
    stateAfterUndo,
    readMethodSheet: (grid) => client.send({ kind: "readMethod", grid }),
    narrative: (run, comparison) => report(client, run, { what: "narrative", comparison }),
    appendixPlan: (run, inputs, comparison, narrative) => report(client, run, { what: "appendix", inputs, comparison, ...(narrative ? { narrative } : {}) }),
    scorecardPlan: (run, inputs, comparison) => report(client, run, { what: "scorecards", inputs, comparison }),
  };
}
