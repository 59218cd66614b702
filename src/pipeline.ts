/**
 * The pure pipeline shared by the CLI and the add-in: grid → table reader → engine → write
 * plan. No I/O: the caller reads the sheet and the stored state, and applies the plan.
 */
import type { Grid } from "./model/grid";
import type { WorkbookState } from "./model/plan";
import { parseProfile, ProfileError, type Profile } from "./model/profile";
import { upgradeStoredProfile } from "./profiles/legacy";
import type { ColumnMapping, ReadResult } from "./model/table";
import type { ScoreResult } from "./model/units";
import { score } from "./engine";
import { readTable } from "./reader";
import { hasLevels, type LevelOverrides, type RankingChoice, type UserChoices } from "./model/choices";
import { outputSpecs, planWrite, type PlannedWrite } from "./plan";
import { withoutOutputs } from "./plan/outputs";

export { whyNoTable } from "./model/no-table";

export interface RunOptions {
  /** Profiles to choose from (built-ins, plus the user's own). */
  profiles: Profile[];
  /** Use this profile instead of detecting one from the headers. */
  profileId?: string;
  /** profileId is the method of the workbook's sheet "Phương pháp chấm điểm" (said as such). */
  fromMethodSheet?: boolean;
  /** Explicit column mapping; wins over detection. */
  mapping?: ColumnMapping;
  /** The workbook's stored state: its profile and mapping are reused, its cells recognised. */
  state?: WorkbookState | null;
  /**
   * Levels the user sets for the table, a section or a row (they win over the table's evidence).
   * Absent: the ones stored in the workbook's state; `{}`: none (the table's evidence alone).
   */
  levels?: LevelOverrides;
  /** Ranking scope and/or tie rule chosen by the user (absent: the stored choice); the profile's own fill in the rest. */
  ranking?: RankingChoice;
  /** Told how far the run is: rows read, units scored, then the write planned. */
  onProgress?: (progress: RunProgress) => void;
}

/** How far a run is, in the user's units: table rows read, then units scored, then the write planned. */
export type RunProgress = { stage: "read"; done: number; total: number } | { stage: "score"; done: number; total: number } | { stage: "plan" };

/** Where the profile came from, for telling the user. */
export type ProfileSource = "option" | "state" | "detected" | "sheet";

export interface RunResult {
  read: ReadResult;
  profile: Profile;
  profileSource: ProfileSource;
  scored: ScoreResult;
  plan: PlannedWrite;
  /** The user's levels and ranking this run used: the host stores them with the state. */
  choices: UserChoices;
}

/**
 * The method stored with the last run. One that fails validation is an error shown to the user,
 * never silently replaced by detection (which once chose another method and planned to write
 * over the user's data); choosing a method explicitly (profileId) sets it aside.
 */
function storedProfile(state: WorkbookState | null | undefined, chosenExplicitly: boolean): Profile | null {
  if (!state?.profile) return null;
  try {
    return parseProfile(upgradeStoredProfile(state.profile), STORED_SUBJECT);
  } catch (e) {
    if (chosenExplicitly) return null;
    if (e instanceof ProfileError) throw new ProfileError(e.problems, `${STORED_SUBJECT}`, STORED_HINT);
    throw e;
  }
}

const STORED_SUBJECT = "Phương pháp chấm điểm lưu trong tệp (của lần chấm trước)";
const STORED_HINT = "Hãy chọn một phương pháp khác (chiso766 score … --profile MÃ, hoặc chọn trong phần bổ trợ) hoặc sửa phương pháp đó.";

export function runScoring(grid: Grid, options: RunOptions): RunResult {
  const state = options.state ?? null;
  let profiles = options.profiles;
  let profileId = options.profileId;
  let profileSource: ProfileSource = profileId === undefined ? "detected" : options.fromMethodSheet ? "sheet" : "option";
  // Rerun with what was used last time, so a colleague gets the same result.
  const fromState = storedProfile(state, profileId !== undefined);
  if (fromState && !profiles.some((p) => p.id === fromState.id)) profiles = [...profiles, fromState];
  if (profileId === undefined && fromState) {
    profileId = fromState.id;
    profileSource = "state";
  }
  let mapping = options.mapping;
  if (mapping === undefined && state && Object.keys(state.mapping).length > 0 && (!state.lastRun || state.lastRun.sheet === grid.sheet)) {
    // Output columns are placed again on every run (a published column stays the user's).
    const candidates = profileId !== undefined ? profiles.filter((p) => p.id === profileId) : profiles;
    mapping = withoutOutputs(state.mapping, candidates.flatMap((p) => outputSpecs(p).map((spec) => spec.field)));
  }

  const choices = userChoices(options, state);
  const onProgress = options.onProgress;
  const onRows = onProgress && ((done: number, total: number) => onProgress({ stage: "read", done, total }));
  // The columns the last run added on this sheet are its results, not the table's: the reader
  // leaves them out, so the columns read after a write are those the user saw before it.
  const written = state?.lastRun && state.lastRun.sheet === grid.sheet ? state.lastRun.written : undefined;
  const read = readTable(grid, { profiles, profileId, mapping, levels: choices.levels, onRows, written });
  const found = profiles.find((p) => p.id === read.profileId);
  if (!found) throw new Error(`Không có phương pháp chấm điểm "${read.profileId}".`);
  // The user's ranking is stored with the state (and in the stored profile), so a rerun ranks alike.
  const profile = choices.ranking ? { ...found, ranking: { tie: "competition" as const, scope: "level" as const, ...found.ranking, ...choices.ranking } } : found;
  // The mapped columns tell the engine which fields can exist, so it skips lookups of the rest.
  const onUnits = onProgress && ((done: number, total: number) => onProgress({ stage: "score", done, total }));
  const scored = score(read.units, profile, { sheet: grid.sheet, onUnits });
  onProgress?.({ stage: "plan" });
  const plan = planWrite({ grid, read, profile, scored, state });
  return { read, profile, profileSource, scored, plan, choices };
}

/** The choices given for this run, else those stored with the workbook's last run; empty parts left out. */
function userChoices(options: RunOptions, state: WorkbookState | null): UserChoices {
  const levels = options.levels ?? state?.choices?.levels;
  const ranking = options.ranking ?? state?.choices?.ranking;
  const out: UserChoices = {};
  if (hasLevels(levels)) out.levels = levels;
  if (ranking && (ranking.scope || ranking.tie)) out.ranking = ranking;
  return out;
}
