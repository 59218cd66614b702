/**
 * One indicator of one unit: counts → ratio → points, or a given ratio → points, or given
 * points checked against the maximum (METHOD.md §3). Missing data stays missing.
 */
import Decimal from "decimal.js";
import type { IndicatorSpec, Profile } from "../model/profile";
import type { Problem, UnitRow } from "../model/units";
import { formatNumber } from "./format";
import { round } from "./round";

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

function has(row: UnitRow, field: string): boolean {
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

export function scoreIndicator(row: UnitRow, spec: IndicatorSpec, profile: Profile, cellOf: CellOf): IndicatorOutcome {
  const fields = {
    numerator: `${spec.id}.numerator`,
    denominator: `${spec.id}.denominator`,
    ratio: `${spec.id}.ratio`,
    points: `${spec.id}.points`,
  };
  if (row.level && spec.notApplicableFor.includes(row.level)) {
    return { status: "not-applicable", ratio: null, points: null, problems: [] };
  }
  const present = Object.values(fields).filter((f) => has(row, f));
  if (present.length === 0) return { status: "absent", ratio: null, points: null, problems: [] };

  const what = describeIndicator(spec);
  const problems: Problem[] = [];
  const error = (field: string, code: string, message: string) =>
    problems.push({ cell: cellOf(field), field, code, severity: "error", message });
  const warn = (field: string, code: string, message: string) =>
    problems.push({ cell: cellOf(field), field, code, severity: "warning", message });

  // Read and check each given value; an unusable value becomes undefined (and has an error).
  const read = (field: string, check: (v: number) => boolean): number | null | undefined => {
    if (!has(row, field)) return undefined;
    const v = row.values[field];
    if (v === null || v === undefined) return null;
    return check(v) ? v : undefined;
  };
  const nonNegativeCount = (field: string) => (v: number) => {
    if (v >= 0) return true;
    error(field, "out-of-range", `Số lượng âm (${formatNumber(v)}) ở ${what}`);
    return false;
  };
  const numerator = read(fields.numerator, nonNegativeCount(fields.numerator));
  const denominator = read(fields.denominator, nonNegativeCount(fields.denominator));
  const givenRatio = read(fields.ratio, (v) => {
    if (v >= 0 && v <= 100 + EPSILON) return true;
    error(fields.ratio, "out-of-range", `Tỷ lệ ${formatNumber(v)}% của ${what} nằm ngoài khoảng 0–100`);
    return false;
  });
  const givenPoints = read(fields.points, (v) => {
    if (v < 0) {
      error(fields.points, "out-of-range", `Điểm âm (${formatNumber(v)}) ở ${what}`);
      return false;
    }
    if (spec.max > 0 && v > spec.max + EPSILON) {
      error(fields.points, "above-max", `${formatNumber(v)} vượt quá điểm tối đa ${formatNumber(spec.max)} của ${what}`);
      return false;
    }
    return true;
  });

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
      const fraction = new Decimal(numerator).dividedBy(denominator);
      ratio = round(fraction.times(100).toNumber(), decimals, mode);
      // Points from the exact fraction, not the rounded percentage (the portal keeps raw ratios).
      points = scored ? pointsFor(spec, fraction, profile) : null;
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
    (f) => has(row, f) && row.values[f] === null,
  );
  // An unscored indicator may be a bare count (Bến Cầu's overdue dossiers): read, nothing to compute.
  if (!scored && blank === undefined) return { status: "ok", ratio: null, points: null, problems };
  const field = blank ?? present[0];
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
