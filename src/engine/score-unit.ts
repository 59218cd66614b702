/** One unit scored from its indicators: groups, total, converted, rating, change, flags. */
import type { Profile } from "../model/profile";
import type { IndicatorResult, Problem, ScoredUnit } from "../model/units";
import type { ProfileShape } from "./compile";
import { NO_FLAGS, flagsFor } from "./flags";
import { scoreGroups } from "./groups";
import { NO_PROBLEMS } from "./indicator";
import { LazyScoredUnit } from "./lazy-indicators";
import { reportIndicatorProblems, type UnitContext } from "./problems";
import { ratingOf } from "./rating";
import { changeOf, convertedOf, previousOf, totalOf } from "./totals";
import type { UnitIndicators } from "./unit-indicators";

/** The groups record and total of a unit on the general path (finishUnit does the rest). */
export function groupsAndTotal(
  ctx: UnitContext,
  indicators: UnitIndicators,
  profile: Profile,
  shape: ProfileShape,
  tableProblems: Map<string, Problem>,
): { groups: Record<string, number | null>; total: number | null } {
  reportIndicatorProblems(ctx, indicators);
  return { groups: scoreGroups(ctx, indicators, profile, shape), total: totalOf(ctx, indicators, profile, shape, tableProblems) };
}

/**
 * The unit from its groups record and total (groupsAndTotal, or the common path): converted,
 * rating, change, flags. `indicators` is only read for flags.
 */
export function finishUnit(
  ctx: UnitContext,
  aggregate: boolean,
  indicators: UnitIndicators,
  record: Record<string, IndicatorResult> | null,
  lazy: PropertyDescriptor | null,
  profile: Profile,
  shape: ProfileShape,
  groups: Record<string, number | null>,
  total: number | null,
  /** The total in whole hundredths when the common path gives it, else −1. */
  totalHundredths: number,
): ScoredUnit {
  const row = ctx.row;
  const converted = convertedOf(ctx, total, profile, shape);
  // Without a printed rating to check, a total in hundredths finds its band by thresholds.
  const bandOf = shape.bandOfHundredths;
  const band = totalHundredths >= 0 && bandOf !== null && !row.texts?.rating ? bandOf(totalHundredths) : ratingOf(ctx, total, converted, profile, shape);
  const previous = previousOf(row, shape);
  const change = changeOf(ctx, total, previous, profile, shape);

  const problems = ctx.problems ?? NO_PROBLEMS;
  const unit: ScoredUnit =
    lazy === null
      ? {
          row: row.row,
          name: row.name,
          key: row.key,
          code: row.code,
          level: row.level,
          aggregate,
          indicators: record!,
          groups,
          total,
          converted,
          rating: band?.label ?? null,
          ratingKey: band?.key ?? null,
          rank: null,
          previous,
          change,
          flags: NO_FLAGS,
          problems,
        }
      : new LazyScoredUnit(row, aggregate, lazy, groups, total, converted, band, previous, change, problems);
  if (!aggregate && profile.flags.length > 0) unit.flags = flagsFor(unit, row, profile, shape, indicators);
  ctx.problems = null;
  return unit;
}
