/**
 * The indicators of one unit (METHOD.md §3): scored by position in profile.indicators into
 * parallel typed arrays reused from unit to unit (numbers rather than an outcome object per
 * indicator), then province-level indicators inherited from the province row.
 */
import type { Level } from "../model/fields";
import type { IndicatorSpec, Profile } from "../model/profile";
import type { IndicatorResult, Problem, UnitRow } from "../model/units";
import type { Step } from "./compile";
import { NO_PROBLEMS, scoreIndicator, type IndicatorOutcome } from "./indicator";
import { cellOfField } from "./problems";
import { roundQuotient, type RoundingMode } from "./round";

/** An indicator's status as a small number, kept in a typed array per unit. */
export const OK = 0;
export const ABSENT_STATUS = 1;
export const MISSING_STATUS = 2;
export const INVALID_STATUS = 3;
export const NOT_APPLICABLE_STATUS = 4;
const STATUS_CODE: Record<IndicatorOutcome["status"], number> = {
  ok: OK,
  absent: ABSENT_STATUS,
  missing: MISSING_STATUS,
  invalid: INVALID_STATUS,
  "not-applicable": NOT_APPLICABLE_STATUS,
};

/** Whether an indicator with this status has an entry in the unit's `indicators` record. */
export const inRecord = (status: number): boolean => status !== ABSENT_STATUS && status !== NOT_APPLICABLE_STATUS;

/** A commune's 3.1: one shared outcome (read-only) instead of one per unit. */
const NOT_APPLICABLE: IndicatorOutcome = Object.freeze({ status: "not-applicable", ratio: null, points: null, problems: NO_PROBLEMS });
/** An indicator none of whose fields is in the table. */
const ABSENT_OUTCOME: IndicatorOutcome = Object.freeze({ status: "absent", ratio: null, points: null, problems: NO_PROBLEMS });

export interface UnitIndicators {
  status: Uint8Array;
  /** Ratio and points; NaN for none (null). */
  ratio: Float64Array;
  points: Float64Array;
  /** The indicator's problems, null when none. */
  problems: (readonly Problem[] | null)[];
}

export function unitIndicators(count: number): UnitIndicators {
  return {
    status: new Uint8Array(count),
    ratio: new Float64Array(count),
    points: new Float64Array(count),
    problems: new Array<readonly Problem[] | null>(count).fill(null),
  };
}

/** Stores scoreIndicator's outcome (or bare result) at position i. */
function storeOutcome(into: UnitIndicators, i: number, o: IndicatorOutcome | IndicatorResult): void {
  into.status[i] = "status" in o ? STATUS_CODE[o.status] : OK;
  into.ratio[i] = o.ratio === null ? NaN : o.ratio;
  into.points[i] = o.points === null ? NaN : o.points;
  into.problems[i] = "status" in o && o.problems.length > 0 ? o.problems : null;
}

/**
 * The common case, exactly as scoreIndicator's first branch: counts only, both usable, nothing
 * to report, integer arithmetic decides the rounding. False sends the indicator to
 * scoreIndicator (checks, problems, decimal.js), which gives the same numbers when both apply.
 */
function countsInto(values: UnitRow["values"], step: Step, decimals: number, mode: RoundingMode, into: UnitIndicators, i: number): boolean {
  const fields = step.fields;
  const n = values[fields.numerator];
  const d = values[fields.denominator];
  if (typeof n !== "number" || typeof d !== "number" || !(n >= 0 && n <= d)) return false;
  // Printed values are looked up only when the table may have them (hash lookups in big rows).
  if (step.ratioPresent && typeof values[fields.ratio] === "number") return false;
  if (step.pointsPresent && typeof values[fields.points] === "number") return false;
  let ratio: number;
  let points = NaN;
  if (d === 0) {
    if (!step.zeroScored) return false;
    ratio = step.zeroRatio;
    points = step.zeroPoints;
  } else {
    ratio = roundQuotient(n * 100, d, decimals, mode);
    if (ratio !== ratio) return false;
    if (step.scored) {
      const target = step.target;
      if (target === 0) points = roundQuotient(n * step.maxHundredths, d * 100, decimals, mode);
      else if (n * 100 >= d * target) points = step.maxHundredths === step.maxHundredths ? step.fullPoints : NaN;
      else points = roundQuotient(n * step.maxHundredths, d * target, decimals, mode);
      if (points !== points) return false;
    }
  }
  into.status[i] = OK;
  into.ratio[i] = ratio;
  into.points[i] = points;
  into.problems[i] = null;
  return true;
}

/**
 * Scores one unit's indicators into `into` (reused from unit to unit: read it before the next
 * one). `rowOnly`: the quoted sheet name, when known, for problems without a field cell.
 */
export function indicatorScorer(profile: Profile, steps: readonly Step[], rowOnly: string | undefined): (row: UnitRow, into: UnitIndicators) => UnitIndicators {
  const specs = profile.indicators;
  const { decimals, mode } = profile.rounding;
  /** Per level: which indicators do not apply there (null when all do). */
  const notApplicableByLevel = new Map<string, boolean[] | null>();
  const notApplicableAt = (level: string): boolean[] | null => {
    let flags = notApplicableByLevel.get(level);
    if (flags === undefined) {
      flags = specs.map((spec) => spec.notApplicableFor.includes(level as never));
      if (!flags.includes(true)) flags = null;
      notApplicableByLevel.set(level, flags);
    }
    return flags;
  };
  return (row, into) => {
    const values = row.values;
    const notApplicable = row.level ? notApplicableAt(row.level) : null;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (notApplicable !== null && notApplicable[i]) storeOutcome(into, i, NOT_APPLICABLE);
      else if (step.absent) storeOutcome(into, i, ABSENT_OUTCOME);
      else if (!countsInto(values, step, decimals, mode, into, i))
        storeOutcome(into, i, scoreIndicator(row, step.spec, profile, (field) => cellOfField(row, rowOnly, field), step.fields));
    }
    return into;
  };
}

/**
 * Departments and communes take province-level indicators (`inheritable`: positions of those
 * with inheritedBy) from the province row where their own are absent or missing.
 */
export function inheritFromProvince(
  indicators: UnitIndicators,
  province: UnitIndicators,
  inheritable: readonly number[],
  specs: readonly IndicatorSpec[],
  level: Level,
): void {
  for (const i of inheritable) {
    if (!specs[i].inheritedBy.includes(level)) continue;
    const status = indicators.status[i];
    if (status !== ABSENT_STATUS && status !== MISSING_STATUS) continue;
    // Only a province value with points is passed on (its own problems stay on its row).
    if (!inRecord(province.status[i]) || province.points[i] !== province.points[i]) continue;
    indicators.status[i] = OK;
    indicators.ratio[i] = province.ratio[i];
    indicators.points[i] = province.points[i];
    indicators.problems[i] = null;
  }
}
