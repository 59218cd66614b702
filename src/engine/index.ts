/**
 * The scoring engine: unit rows + a profile → scored units. Pure and deterministic: no I/O, no
 * clock; output units keep the input order, and nothing but the rows decides their results.
 *
 * The profile is compiled once (compile.ts); each unit is scored to a plain object with its own
 * problems (unit.ts: indicator.ts → groups.ts → totals.ts → rating.ts → flags.ts); then ranks
 * are set over all units (rank.ts). Rounding is decimal and half-up (round.ts). Missing data is
 * reported and never scored as 0.
 */
import type { Profile } from "../model/profile";
import type { Problem, ScoreResult, UnitRow } from "../model/units";
import { compileProfile } from "./compile";
import { ranksOf } from "./rank";
import type { IndicatorOutcome } from "./types";
import { inheritFromProvince, scoreIndicators, scoreUnit } from "./unit";

export { roundHalfUp, round, divideRounded, sumDecimal, subtractDecimal, type RoundingMode } from "./round";
export { rankValues, type Rankable } from "./rank";
export { pointsFor, pointsForPercent } from "./indicator";
export { describeIndicator } from "./compile";
export { bandFor } from "./rating";

export interface ScoreOptions {
  /** Sheet name: lets problems without a field cell name the unit's row ("Sheet1!7:7"). */
  sheet?: string;
  /** Told how many units are scored, every few hundred (the pane's progress). */
  onUnits?: (done: number, total: number) => void;
}

/** How many units between two progress reports. */
const PROGRESS_EVERY = 200;

export function score(units: readonly UnitRow[], profile: Profile, options: ScoreOptions = {}): ScoreResult {
  const compiled = compileProfile(profile, options.sheet);
  const aggregate = units.map((row) => compiled.isAggregate(row));
  // Departments and communes inherit from the province row, else from the first aggregate row.
  let provinceAt = units.findIndex((row) => row.level === "province");
  if (provinceAt < 0) provinceAt = aggregate.indexOf(true);
  const province: IndicatorOutcome[] | null = provinceAt >= 0 ? scoreIndicators(units[provinceAt], compiled) : null;

  const tableProblems = new Map<string, Problem>();
  const scored = units.map((row, u) => {
    if (options.onUnits && u % PROGRESS_EVERY === 0) options.onUnits(u, units.length);
    const own = u === provinceAt ? province! : scoreIndicators(row, compiled);
    const indicators = province !== null && u !== provinceAt ? inheritFromProvince(row, own, province, compiled) : own;
    const { unit, tableProblem } = scoreUnit(row, aggregate[u], indicators, compiled);
    if (tableProblem) tableProblems.set(tableProblem.message, tableProblem);
    return unit;
  });
  if (profile.ranking) {
    const ranks = ranksOf(scored, profile.ranking);
    scored.forEach((unit, i) => (unit.rank = ranks[i]));
  }
  return { profileId: profile.id, units: scored, problems: [...tableProblems.values()] };
}
