/**
 * One indicator of one unit: counts → ratio → points, or a given ratio → points, or given
 * points checked against the maximum (METHOD.md §3). Missing data stays missing.
 */
import Decimal from "decimal.js";
import type { IndicatorSpec, Profile } from "../model/profile";
import type { IndicatorResult, Problem, UnitRow } from "../model/units";
import { formatNumber } from "../model/text";
import { round, roundQuotient } from "./round";

export type IndicatorStatus =
  /** No field of the indicator is in the table. */
  | "absent"
  /** In the table, but blank (or the zero-denominator policy says missing). */
  | "missing"
  /** In the table, but the value is unusable (an error problem says why). */
  | "invalid"
  /** Does not apply at the unit's level (commune 3.1). */
  | "not-applicable"
  | "ok";

export interface IndicatorOutcome {
  status: IndicatorStatus;
  ratio: number | null;
  points: number | null;
  problems: Problem[];
  /** Taken from the province row. */
  inherited?: boolean;
}

/** Shared by every outcome and unit without problems (most of them); frozen, so a push fails loudly. */
export const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];

/** Cell address of a field, or the row when the field has none (and a sheet is known). */
export type CellOf = (field: string) => string | undefined;

const RATIO_TOLERANCE = 0.01;
const POINTS_TOLERANCE = 0.01;
/** Absorbs binary noise in comparisons of already-rounded numbers. */
export const EPSILON = 1e-9;

/** "chỉ số 2.1 “Tỷ lệ …”" for national ids, "chỉ số “Nhóm cung cấp DVTT – Chỉ số 1”" otherwise. */
export function describeIndicator(spec: IndicatorSpec): string {
  return /^\d+(\.\d+)*$/.test(spec.id) ? `chỉ số ${spec.id} “${spec.label}”` : `chỉ số “${spec.label}”`;
}

/** Whether the table gives the field (a null value is given: blank). */
export function hasField(row: UnitRow, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(row.values, field);
}

/** Points for a fraction R under the indicator's rule, rounded, never above max nor below 0. */
export function pointsFor(spec: IndicatorSpec, fraction: Decimal.Value, profile: Profile): number {
  const r = Decimal.max(0, new Decimal(fraction));
  const raw =
    spec.rule.kind === "linear"
      ? r.times(spec.max)
      : Decimal.min(spec.max, r.times(spec.max).dividedBy(spec.rule.target).times(100));
  return round(Decimal.min(spec.max, raw).toNumber(), profile.rounding.decimals, profile.rounding.mode);
}

export interface IndicatorFields {
  numerator: string;
  denominator: string;
  ratio: string;
  points: string;
  /** describeIndicator(spec), for messages. */
  what: string;
}

/** Field names per indicator spec, built once: scoring 100k units would otherwise build 8M strings. */
const fieldCache = new WeakMap<IndicatorSpec, IndicatorFields>();

export function fieldsOf(spec: IndicatorSpec): IndicatorFields {
  let fields = fieldCache.get(spec);
  if (!fields) {
    fields = {
      numerator: `${spec.id}.numerator`,
      denominator: `${spec.id}.denominator`,
      ratio: `${spec.id}.ratio`,
      points: `${spec.id}.points`,
      what: describeIndicator(spec),
    };
    fieldCache.set(spec, fields);
  }
  return fields;
}

/**
 * Points from counts (numerator ≤ denominator, denominator > 0). Whole counts and a maximum in
 * hundredths take the exact integer path (roundQuotient); anything else goes through decimal.js.
 * Both give the same result (tests/engine/round-fast.test.ts).
 */
function pointsFromCounts(spec: IndicatorSpec, numerator: number, denominator: number, profile: Profile): number {
  const { decimals, mode } = profile.rounding;
  const maxHundredths = Math.round(spec.max * 100);
  if (maxHundredths / 100 === spec.max) {
    let fast = NaN;
    if (spec.rule.kind === "linear") {
      // P × n/d = n × (100P) / (100 d); never above P because n ≤ d.
      fast = roundQuotient(numerator * maxHundredths, denominator * 100, decimals, mode);
    } else if (Number.isInteger(spec.rule.target)) {
      const target = spec.rule.target;
      // min(P, P × (n/d) / (target/100)): full marks once n/d reaches the target.
      if (numerator * 100 >= denominator * target) return round(spec.max, decimals, mode);
      fast = roundQuotient(numerator * maxHundredths, denominator * target, decimals, mode);
    }
    if (fast === fast) return fast;
  }
  return pointsFor(spec, new Decimal(numerator).dividedBy(denominator), profile);
}

/**
 * The indicator's outcome; in the common case (counts only, nothing to report) just the
 * result object itself, which becomes part of the engine's output as is: one allocation
 * instead of two per indicator and unit. Its status is "ok" and it has no problems.
 */
export function scoreIndicator(
  row: UnitRow,
  spec: IndicatorSpec,
  profile: Profile,
  cellOf: CellOf,
  fields: IndicatorFields = fieldsOf(spec),
): IndicatorOutcome | IndicatorResult {
  if (row.level && spec.notApplicableFor.includes(row.level)) {
    return { status: "not-applicable", ratio: null, points: null, problems: NO_PROBLEMS };
  }
  const values = row.values;

  // The common case, without the checks' closures: counts only, both usable, nothing to report.
  // A blank (null) ratio or points cell next to usable counts changes nothing, as below.
  const numeratorValue = values[fields.numerator];
  const denominatorValue = values[fields.denominator];
  if (
    typeof numeratorValue === "number" &&
    typeof denominatorValue === "number" &&
    numeratorValue >= 0 &&
    numeratorValue <= denominatorValue &&
    typeof values[fields.ratio] !== "number" &&
    typeof values[fields.points] !== "number"
  ) {
    const { decimals, mode } = profile.rounding;
    const scored = spec.max > 0;
    if (denominatorValue > 0) {
      let ratio = roundQuotient(numeratorValue * 100, denominatorValue, decimals, mode);
      if (ratio !== ratio) ratio = round(new Decimal(numeratorValue).dividedBy(denominatorValue).times(100).toNumber(), decimals, mode);
      const points = scored ? pointsFromCounts(spec, numeratorValue, denominatorValue, profile) : null;
      return { ratio, points };
    }
    if (spec.zeroDenominator !== "missing") {
      const full = spec.zeroDenominator === "full";
      return { ratio: full ? 100 : 0, points: scored ? (full ? spec.max : 0) : null };
    }
  }

  const hasNumerator = hasField(row, fields.numerator);
  const hasDenominator = hasField(row, fields.denominator);
  const hasRatio = hasField(row, fields.ratio);
  const hasPoints = hasField(row, fields.points);
  if (!hasNumerator && !hasDenominator && !hasRatio && !hasPoints) return { status: "absent", ratio: null, points: null, problems: NO_PROBLEMS };

  const what = fields.what;
  const problems: Problem[] = [];
  const error = (field: string, code: string, message: string) =>
    problems.push({ cell: cellOf(field), field, code, severity: "error", message });
  const warn = (field: string, code: string, message: string) =>
    problems.push({ cell: cellOf(field), field, code, severity: "warning", message });

  // Read and check each given value; an unusable value becomes undefined (and has an error).
  const read = (present: boolean, field: string): number | null | undefined => {
    if (!present) return undefined;
    const v = values[field];
    return v === null || v === undefined ? null : v;
  };
  const nonNegativeCount = (field: string, v: number | null | undefined): number | null | undefined => {
    if (typeof v !== "number" || v >= 0) return v;
    error(field, "out-of-range", `Số lượng âm (${formatNumber(v)}) ở ${what}`);
    return undefined;
  };
  const numerator = nonNegativeCount(fields.numerator, read(hasNumerator, fields.numerator));
  const denominator = nonNegativeCount(fields.denominator, read(hasDenominator, fields.denominator));
  let givenRatio = read(hasRatio, fields.ratio);
  if (typeof givenRatio === "number" && !(givenRatio >= 0 && givenRatio <= 100 + EPSILON)) {
    error(fields.ratio, "out-of-range", `Tỷ lệ ${formatNumber(givenRatio)}% của ${what} nằm ngoài khoảng 0–100`);
    givenRatio = undefined;
  }
  let givenPoints = read(hasPoints, fields.points);
  if (typeof givenPoints === "number") {
    if (givenPoints < 0) {
      error(fields.points, "out-of-range", `Điểm âm (${formatNumber(givenPoints)}) ở ${what}`);
      givenPoints = undefined;
    } else if (spec.max > 0 && givenPoints > spec.max + EPSILON) {
      error(fields.points, "above-max", `${formatNumber(givenPoints)} vượt quá điểm tối đa ${formatNumber(spec.max)} của ${what}`);
      givenPoints = undefined;
    }
  }

  const { decimals, mode } = profile.rounding;
  const scored = spec.max > 0;
  let ratio: number | null = null;
  let points: number | null = null;
  let fromData = false;

  if (typeof numerator === "number" && typeof denominator === "number") {
    if (denominator === 0) {
      if (spec.zeroDenominator === "missing") {
        warn(fields.denominator, "zero-denominator", `Mẫu số bằng 0 ở ${what}: không tính được tỷ lệ và điểm`);
        return { status: "missing", ratio: null, points: null, problems };
      }
      const full = spec.zeroDenominator === "full";
      ratio = full ? 100 : 0;
      points = scored ? (full ? spec.max : 0) : null;
      fromData = true;
    } else if (numerator > denominator) {
      error(
        fields.numerator,
        "out-of-range",
        `Tử số ${formatNumber(numerator)} lớn hơn mẫu số ${formatNumber(denominator)} ở ${what}`,
      );
      return { status: "invalid", ratio: null, points: null, problems };
    } else {
      ratio = roundQuotient(numerator * 100, denominator, decimals, mode);
      if (ratio !== ratio) ratio = round(new Decimal(numerator).dividedBy(denominator).times(100).toNumber(), decimals, mode);
      // Points from the exact fraction, not the rounded percentage (the portal keeps raw ratios).
      points = scored ? pointsFromCounts(spec, numerator, denominator, profile) : null;
      fromData = true;
      if (typeof givenRatio === "number" && Math.abs(givenRatio - ratio) > RATIO_TOLERANCE + EPSILON) {
        warn(
          fields.ratio,
          "ratio-mismatch",
          `Tỷ lệ in sẵn ${formatNumber(givenRatio)}% của ${what} khác tỷ lệ tính từ số liệu ${formatNumber(ratio)}%`,
        );
      }
    }
  } else if (typeof givenRatio === "number") {
    ratio = round(givenRatio, decimals, mode);
    points = scored ? pointsFor(spec, new Decimal(givenRatio).dividedBy(100), profile) : null;
    fromData = true;
  } else if (typeof givenPoints === "number" && scored) {
    points = round(givenPoints, decimals, mode);
  }

  if (fromData && points !== null && typeof givenPoints === "number" && Math.abs(givenPoints - points) > POINTS_TOLERANCE + EPSILON) {
    warn(
      fields.points,
      "points-mismatch",
      `Điểm in sẵn ${formatNumber(givenPoints)} của ${what} khác điểm tính từ số liệu ${formatNumber(points)}`,
    );
  }

  if (ratio !== null || points !== null) return { status: "ok", ratio, points, problems };
  if (problems.some((p) => p.severity === "error")) return { status: "invalid", ratio: null, points: null, problems };

  // Nothing usable: name the first blank cell (a given numerator with a blank denominator names the denominator).
  const blank = [fields.denominator, fields.numerator, fields.ratio, fields.points].find(
    (f) => hasField(row, f) && row.values[f] === null,
  );
  // An unscored indicator may be a bare count (Bến Cầu's overdue dossiers): read, nothing to compute.
  if (!scored && blank === undefined) return { status: "ok", ratio: null, points: null, problems };
  const field = blank ?? [fields.numerator, fields.denominator, fields.ratio, fields.points].find((f) => hasField(row, f))!;
  problems.push({
    cell: cellOf(field),
    field,
    code: "missing",
    severity: scored ? "error" : "warning",
    message:
      blank !== undefined
        ? `Thiếu số liệu ${what} (ô trống hoặc không có dữ liệu): không tính là 0`
        : `Không đủ số liệu để tính điểm ${what}: cần tử số và mẫu số, tỷ lệ hoặc điểm`,
  });
  return { status: "missing", ratio: null, points: null, problems };
}
