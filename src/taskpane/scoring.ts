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
import type { LevelOverrides, RankingChoice } from "../model/choices";
import type { ColumnMapping } from "../model/table";
import type { ProfileSource } from "../pipeline";
import { BUILTIN_PROFILES } from "../profiles";
import { stateAfterUndo } from "../plan/state";
import type { MethodSheetReading } from "../profiles/sheet/read";
import type { AppendixPlan, Comparison, Narrative, SheetPlan } from "../report/types";
import type { TitleInputs } from "./report/build";
import { scoringClient, type ScoringClient, type WorkControl } from "./scoring-client";
import type { PaneRun, PreparedWrite, RunValue, RunWork } from "./scoring-protocol";

/** A run as the pane has it: the cells read for each unit stay in the worker (see PaneRun). */
export type RunResult = PaneRun;
export type { PreparedWrite, ProfileSource, WorkControl };

export type RunOptions = { profileId?: string; mapping?: ColumnMapping; state?: WorkbookState | null; levels?: LevelOverrides; ranking?: RankingChoice; method?: Profile };

export interface ScoringService {
  profiles: Profile[];
  /** `method`: the workbook's own method (its sheet "Phương pháp chấm điểm"), used instead of choosing one. */
  run(grid: Grid, options: RunOptions, control?: WorkControl): Promise<RunResult>;
  /** "Ghi kết quả" of `run`, prepared in the worker: what changed since its read (compared with `now`), else the cells it changes and the state to store. */
  prepareWrite(run: RunResult, now?: Grid): Promise<PreparedWrite>;
  planUndo(state: WorkbookState, grid: Grid, control?: WorkControl): Promise<WritePlan>;
  stateAfterUndo(state: WorkbookState): WorkbookState;
  /** The method the sheet "Phương pháp chấm điểm" holds, or its mistakes each at its cell. */
  readMethodSheet(grid: Grid): Promise<MethodSheetReading>;
  /** The report's narrative, appendix and scorecard sheets, planned in the worker. */
  narrative(run: RunResult, comparison: Comparison | null): Promise<Narrative>;
  appendixPlan(run: RunResult, inputs: TitleInputs, comparison: Comparison | null, narrative?: Narrative): Promise<AppendixPlan>;
  scorecardPlan(run: RunResult, inputs: TitleInputs, comparison: Comparison | null): Promise<SheetPlan>;
}

/** Work on `run` in the worker: by reference to the run it keeps, else (a fresh worker) scoring it again there. */
async function onRun<W extends RunWork>(client: ScoringClient, run: RunResult, work: W): Promise<RunValue<W>> {
  const scored = client.runOf(run);
  if (!scored) throw new Error("Kết quả chấm này không còn; hãy bấm Đọc lại bảng rồi thử lại.");
  const kept = await client.send({ kind: "onRun", runId: scored.id, work });
  return (kept ?? (await client.send({ kind: "onRun", runId: scored.id, rerun: scored.inputs, work }))) as RunValue<W>;
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
    prepareWrite: (run, now) => onRun(client, run, { what: "write", ...(now ? { now } : {}) }),
    planUndo: (state, grid, control) => client.send({ kind: "planUndo", state, grid }, control),
    stateAfterUndo,
    readMethodSheet: (grid) => client.send({ kind: "readMethod", grid }),
    narrative: (run, comparison) => onRun(client, run, { what: "narrative", comparison }),
    appendixPlan: (run, inputs, comparison, narrative) => onRun(client, run, { what: "appendix", inputs, comparison, ...(narrative ? { narrative } : {}) }),
    scorecardPlan: (run, inputs, comparison) => onRun(client, run, { what: "scorecards", inputs, comparison }),
  };
}
