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
 * fixed-shape records and the `indicators` record built on first read), common-path (units of
 * plain counts, nearly all of a counts table: indicators, groups and total straight into typed
 * arrays, the same numbers as the general path).
 */
import type { Profile } from "../model/profile";
import type { IndicatorResult, Problem, ScoreResult, ScoredUnit, UnitRow } from "../model/units";
import { quoteSheet } from "../model/grid";
import { commonPathOf } from "./common-path";
import { compileStep, fieldPresence, isAggregate, shapeOf } from "./compile";
import { IndicatorColumns, lazyCall } from "./lazy-indicators";
import type { UnitContext } from "./problems";
import { rankByTotals, rankUnits } from "./rank";
import { finishUnit, groupsAndTotal } from "./score-unit";
import { indicatorScorer, inheritFromProvince, unitIndicators, type UnitIndicators } from "./unit-indicators";

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
  /**
   * For tests: false sends every unit down the general path, which the common path (units
   * given as plain counts, see common-path.ts) must equal.
   */
  commonPath?: boolean;
}

export function score(units: UnitRow[], profile: Profile, options: ScoreOptions = {}): ScoreResult {
  const presence = fieldPresence(units, options.fields);
  const shape = shapeOf(profile, presence);
  const tableProblems = new Map<string, Problem>();
  const specs = profile.indicators;
  const rowOnly = options.sheet !== undefined ? quoteSheet(options.sheet) : undefined;
  const steps = specs.map((spec) => compileStep(spec, profile, presence));
  const indicatorsOf = indicatorScorer(profile, steps, rowOnly);
  const common = options.commonPath === false ? null : commonPathOf(profile, shape, steps);

  // 1. Aggregate rows (TOÀN HUYỆN, Tổng cộng…), tested once each, when first asked:
  //    0 not yet, 1 no, 2 yes.
  const aggregate = new Uint8Array(units.length);
  const isAggregateAt = (u: number): boolean => {
    if (aggregate[u] === 0) aggregate[u] = isAggregate(units[u], shape.aggregate) ? 2 : 1;
    return aggregate[u] === 2;
  };
  // The province row (or the first aggregate row): departments and communes take
  // province-level indicators from it. Only the general path needs it (a unit of plain counts
  // has nothing to inherit), so it is looked for when first needed.
  let provinceIndex = -2;
  let province: UnitIndicators | null = null;
  const provinceAt = (): number => {
    if (provinceIndex === -2) {
      provinceIndex = units.findIndex((row) => row.level === "province");
      for (let u = 0; provinceIndex < 0 && u < units.length; u++) if (isAggregateAt(u)) provinceIndex = u;
      if (provinceIndex >= 0) province = indicatorsOf(units[provinceIndex], unitIndicators(specs.length));
    }
    return provinceIndex;
  };
  const inheritable = specs.map((_, i) => i).filter((i) => specs[i].inheritedBy.length > 0);
  const scratch = unitIndicators(specs.length);
  const ctx: UnitContext = { row: units[0], rowOnly, problems: null };
  const columns = options.eagerIndicators ? null : new IndicatorColumns(units.length, specs.length, shape.records);
  const scored: ScoredUnit[] = new Array<ScoredUnit>(units.length);
  const lazy = columns === null ? null : lazyCall(columns, scored);
  // The common path writes a unit's indicators straight into the columns, unless flags need them
  // in the scratch arrays (or records are built eagerly from there).
  const direct = columns !== null && profile.flags.length === 0 ? columns : null;
  const groupScores = new Float64Array(profile.groups.length);
  // What ranking needs, gathered on the way: the total of each ranked unit (NaN: not ranked)
  // and its scope (position of its level in scopeKeys) when ranks are per level.
  const ranking = profile.ranking;
  const totals = ranking ? new Float64Array(units.length) : null;
  const scopes = ranking?.scope === "level" ? new Uint8Array(units.length) : null;
  const scopeKeys: string[] = [];

  // 2. Indicators, then groups, total, converted, rating, change, unit by unit (so that the
  //    per-indicator work of one unit is garbage before the next: 100k units would otherwise
  //    keep millions of intermediate objects alive).
  for (let u = 0; u < units.length; u++) {
    const row = units[u];
    ctx.row = row;
    const isAggregateRow = isAggregateAt(u);
    // The province row too: the general path would only give it the numbers computed here.
    if (common !== null) {
      const totalHundredths =
        direct !== null
          ? common.score(row, direct.status, direct.ratio, direct.points, u * direct.count, groupScores)
          : common.score(row, scratch.status, scratch.ratio, scratch.points, 0, groupScores);
      if (totalHundredths === totalHundredths) {
        const total = totalHundredths / 100;
        let record: Record<string, IndicatorResult> | null = null;
        if (columns === null) record = shape.records(scratch.status, scratch.ratio, scratch.points, 0);
        else if (direct === null) columns.store(u, scratch);
        // Every group is a plain one here (commonPathOf), in profile order.
        const groups = shape.groupRecords.all(groupScores);
        scored[u] = finishUnit(ctx, isAggregateRow, scratch, record, lazy, profile, shape, groups, total, totalHundredths);
        if (totals !== null) totals[u] = isAggregateRow ? NaN : total;
        if (scopes !== null) scopes[u] = scopeOf(scopeKeys, row.level);
        continue;
      }
    }
    const isProvince = u === provinceAt();
    const indicators = isProvince ? province! : indicatorsOf(row, scratch);
    if (row.level && !isProvince && province !== null) inheritFromProvince(indicators, province, inheritable, specs, row.level);
    let record: Record<string, IndicatorResult> | null = null;
    if (columns === null) record = shape.records(indicators.status, indicators.ratio, indicators.points, 0);
    else columns.store(u, indicators);
    const { groups, total } = groupsAndTotal(ctx, indicators, profile, shape, tableProblems);
    const unit = finishUnit(ctx, isAggregateRow, indicators, record, lazy, profile, shape, groups, total, -1);
    scored[u] = unit;
    if (totals !== null) totals[u] = isAggregateRow || unit.total === null ? NaN : unit.total;
    if (scopes !== null) scopes[u] = scopeOf(scopeKeys, row.level);
  }

  // 3. Ranks, among non-aggregate units, per level when the profile says so.
  if (ranking) {
    if (scopeKeys.length <= 256) rankByTotals(scored, ranking, totals!, scopes);
    else rankUnits(scored, ranking);
  }

  return { profileId: profile.id, units: scored, problems: [...tableProblems.values()] };
}

/** Position of the level among the scopes seen so far (added when new); "" for none, as in rankUnits. */
function scopeOf(keys: string[], level: string | null): number {
  const key = level ?? "";
  for (let k = 0; k < keys.length; k++) if (keys[k] === key) return k;
  keys.push(key);
  return keys.length - 1;
}
