/**
 * The pure steps the task pane needs, behind one interface so tests and the playground can
 * substitute them (the adapter is the other seam). The default wires the real modules.
 */
import type { Grid } from "../model/grid";
import type { Profile } from "../model/profile";
import type { WorkbookState, WritePlan } from "../model/plan";
import type { LevelOverrides, RankingChoice, UserChoices } from "../model/choices";
import type { ColumnMatch, ColumnMapping } from "../model/table";
import { runScoring, type ProfileSource, type RunResult } from "../pipeline";
import { BUILTIN_PROFILES } from "../profiles";
import { mappingOf, planUndo, stateAfterUndo, stateAfterWrite } from "../plan";

export type { ProfileSource, RunResult };

export interface ScoringService {
  profiles: Profile[];
  /** `method`: the workbook's own method (its sheet "Phương pháp chấm điểm"), used instead of choosing one. */
  run(grid: Grid, options: { profileId?: string; mapping?: ColumnMapping; state?: WorkbookState | null; levels?: LevelOverrides; ranking?: RankingChoice; method?: Profile }): RunResult;
  stateAfterWrite(plan: WritePlan, profile: Profile, mapping: ColumnMatch[], choices?: UserChoices): WorkbookState;
  planUndo(state: WorkbookState, grid: Grid): WritePlan;
  stateAfterUndo(state: WorkbookState): WorkbookState;
}

export function defaultScoring(profiles: Profile[] = BUILTIN_PROFILES): ScoringService {
  return {
    profiles,
    run: (grid, { method, ...options }) =>
      method
        ? runScoring(grid, { ...options, profiles: [...profiles.filter((p) => p.id !== method.id), method], profileId: method.id, fromMethodSheet: true })
        : runScoring(grid, { profiles, ...options }),
    stateAfterWrite: (plan, profile, mapping, choices) => stateAfterWrite(plan, { profile, mapping: mappingOf(mapping), choices }),
    planUndo,
    stateAfterUndo,
  };
}
