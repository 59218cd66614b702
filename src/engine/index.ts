/**
 * The scoring engine: unit rows + a profile → scored units. Pure and deterministic: no I/O,
 * no clock, no dependence on row order except that output units keep the input order.
 *
 * Steps per unit (METHOD.md §3–§5): indicators (counts → ratio → points, rounded half-up) →
 * inheritance of province-level indicators → groups (sum of rounded points) → total (sum of
 * groups, or the printed total for basis "total") → converted total → rating → rank → change
 * → flags. Missing data is reported and never scored as 0.
 *
 * Modules: compile (the profile compiled once per call), unit-indicators (one unit's indicators
 * in typed arrays), groups, totals, rating, flags, rank, score-unit (one unit assembled),
 * problems (cells and collection of a unit's problems), records and lazy-indicators (the
 * fixed-shape records and the `indicators` record built on first read).
 */
import type { Profile } from "../model/profile";
import type { IndicatorResult, Problem, ScoreResult, ScoredUnit, UnitRow } from "../model/units";
import { quoteSheet } from "../model/grid";
import { compileStep, fieldPresence, isAggregate, shapeOf } from "./compile";
import { IndicatorColumns, lazyCall } from "./lazy-indicators";
import type { UnitContext } from "./problems";
import { rankUnits } from "./rank";
import { scoreUnit } from "./score-unit";
import { indicatorScorer, inheritFromProvince, unitIndicators } from "./unit-indicators";

export { roundHalfUp, round, divideRounded, sumDecimal, subtractDecimal, type RoundingMode } from "./round";
export { rankValues, type TieRule, type Rankable } from "./rank";
export { pointsFor, describeIndicator } from "./indicator";
export { bandFor } from "./rating";

export interface ScoreOptions {
  /** Sheet name: lets problems without a field cell name the unit's row ("Sheet1!7:7"). */
  sheet?: string;
  /**
   * Every field any row's `values` may hold (the table's mapped columns: the reader's
   * `Object.keys(layout.columns)`). Only an optimisation of absence: fields not listed are not
   * looked up (e.g. printed ratio/points when the table has counts only). It must be a superset
   * of each row's value keys; the first row is checked and a hint it contradicts is ignored.
   * Without it, every field the profile can use is looked up in every row.
   */
  fields?: readonly string[];
  /**
   * Build every unit's `indicators` record during score(). By default a record is built on
   * first access (same keys, order and values); callers that read every record anyway may ask
   * for them up front.
   */
  eagerIndicators?: boolean;
}

export function score(units: UnitRow[], profile: Profile, options: ScoreOptions = {}): ScoreResult {
  const presence = fieldPresence(units, options.fields);
  const shape = shapeOf(profile, presence);
  const tableProblems = new Map<string, Problem>();
  const specs = profile.indicators;
  const rowOnly = options.sheet !== undefined ? quoteSheet(options.sheet) : undefined;
  const indicatorsOf = indicatorScorer(
    profile,
    specs.map((spec) => compileStep(spec, profile, presence)),
    rowOnly,
  );

  // 1. The province row (or the first aggregate row): departments and communes take
  //    province-level indicators from it.
  const aggregate = units.map((row) => isAggregate(row, shape.aggregate));
  let provinceIndex = units.findIndex((row) => row.level === "province");
  if (provinceIndex < 0) provinceIndex = aggregate.indexOf(true);
  const province = provinceIndex >= 0 ? indicatorsOf(units[provinceIndex], unitIndicators(specs.length)) : null;
  const inheritable = specs.map((_, i) => i).filter((i) => specs[i].inheritedBy.length > 0);
  const scratch = unitIndicators(specs.length);
  const ctx: UnitContext = { row: units[0], rowOnly, problems: null };
  const columns = options.eagerIndicators ? null : new IndicatorColumns(units.length, specs.length, shape.records);
  const scored: ScoredUnit[] = new Array<ScoredUnit>(units.length);
  const lazy = columns === null ? null : lazyCall(columns, scored);

  // 2. Indicators, then groups, total, converted, rating, change, unit by unit (so that the
  //    per-indicator work of one unit is garbage before the next: 100k units would otherwise
  //    keep millions of intermediate objects alive).
  for (let u = 0; u < units.length; u++) {
    const row = units[u];
    const indicators = u === provinceIndex ? province! : indicatorsOf(row, scratch);
    if (row.level && u !== provinceIndex && province !== null) inheritFromProvince(indicators, province, inheritable, specs, row.level);
    ctx.row = row;
    let record: Record<string, IndicatorResult> | null = null;
    if (columns === null) record = shape.records(indicators.status, indicators.ratio, indicators.points, 0);
    else columns.store(u, indicators);
    scored[u] = scoreUnit(ctx, aggregate[u], indicators, record, lazy, profile, shape, tableProblems);
  }

  // 3. Ranks, among non-aggregate units, per level when the profile says so.
  if (profile.ranking) rankUnits(scored, profile.ranking);

  return { profileId: profile.id, units: scored, problems: [...tableProblems.values()] };
}
