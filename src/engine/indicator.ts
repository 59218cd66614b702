/**
 * One indicator of one unit (METHOD.md §3, §8): counts → ratio → points, or a printed ratio →
 * points, or printed points checked against the maximum. The ratio is a percentage rounded to
 * the profile's decimals and the points come from that rounded percentage, as the portal
 * computes them (95.75 % × 6 = 5.745 → 5.75). Missing data stays missing.
 */
import type { Level } from "../model/fields";
import type { IndicatorSpec, Profile } from "../model/profile";
import { formatNumber } from "../model/text";
import type { Problem, UnitRow } from "../model/units";
import { divideRounded, round } from "./round";
import type { CompiledIndicator, CompiledProfile, IndicatorOutcome } from "./types";

const RATIO_TOLERANCE = 0.01;
const POINTS_TOLERANCE = 0.01;
/** Absorbs binary noise in comparisons of already-rounded numbers. */
export const EPSILON = 1e-9;

/** Whether the table gives the field (a null value is given: blank). */
export function hasField(row: UnitRow, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(row.values, field);
}

/** Points for a percentage under the indicator's rule (linear P × R, target min(P, P × R / X)), rounded. */
export function pointsForPercent(spec: IndicatorSpec, percent: number, rounding: Profile["rounding"]): number {
  const { decimals, mode } = rounding;
  const ratio = Math.max(0, percent);
  const max = round(spec.max, decimals, mode);
  const points = spec.rule.kind === "linear" ? divideRounded(ratio, 100, spec.max, decimals, mode) : divideRounded(ratio, spec.rule.target, spec.max, decimals, mode);
  return Math.min(max, points);
}

/** Points for a fraction R (0–1): its percentage rounded first, then pointsForPercent. */
export function pointsFor(spec: IndicatorSpec, fraction: number, profile: Profile): number {
  const { decimals, mode } = profile.rounding;
  return pointsForPercent(spec, round(fraction * 100, decimals, mode), profile.rounding);
}

/** The zero-denominator policy of an indicator at a level (METHOD.md §3, §8). */
function zeroPolicy(spec: IndicatorSpec, level: Level | null): IndicatorSpec["zeroDenominator"] {
  return (level !== null ? spec.zeroDenominatorByLevel[level] : undefined) ?? spec.zeroDenominator;
}

/** The values of an indicator's fields as the row gives them: undefined when not in the table or unusable. */
interface Given {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
  ratio: number | null | undefined;
  points: number | null | undefined;
}

/** Reads and checks each value the row gives; an unusable one becomes undefined, with an error. */
function readGiven(row: UnitRow, ind: CompiledIndicator, error: (field: string, code: string, message: string) => void): Given {
  const read = (field: string): number | null | undefined => (hasField(row, field) ? (row.values[field] ?? null) : undefined);
  const count = (field: string) => {
    const v = read(field);
    if (typeof v !== "number" || v >= 0) return v;
    error(field, "out-of-range", `Số lượng âm (${formatNumber(v)}) ở ${ind.what}`);
    return undefined;
  };
  const given: Given = { numerator: count(ind.numerator), denominator: count(ind.denominator), ratio: read(ind.ratio), points: read(ind.points) };
  if (typeof given.ratio === "number" && !(given.ratio >= 0 && given.ratio <= 100 + EPSILON)) {
    error(ind.ratio, "out-of-range", `Tỷ lệ ${formatNumber(given.ratio)}% của ${ind.what} nằm ngoài khoảng 0–100`);
    given.ratio = undefined;
  }
  const p = given.points;
  if (typeof p === "number" && p < 0) {
    error(ind.points, "out-of-range", `Điểm âm (${formatNumber(p)}) ở ${ind.what}`);
    given.points = undefined;
  } else if (typeof p === "number" && ind.scored && p > ind.spec.max + EPSILON) {
    error(ind.points, "above-max", `${formatNumber(p)} vượt quá điểm tối đa ${formatNumber(ind.spec.max)} của ${ind.what}`);
    given.points = undefined;
  }
  return given;
}

export function scoreIndicator(row: UnitRow, ind: CompiledIndicator, compiled: CompiledProfile): IndicatorOutcome {
  const spec = ind.spec;
  if (row.level && spec.notApplicableFor.includes(row.level)) return { status: "not-applicable", ratio: null, points: null, problems: [] };
  if (![ind.numerator, ind.denominator, ind.ratio, ind.points].some((f) => hasField(row, f))) {
    return { status: "absent", ratio: null, points: null, problems: [] };
  }
  const problems: Problem[] = [];
  const add = (severity: Problem["severity"]) => (field: string, code: string, message: string) =>
    problems.push({ cell: compiled.cellOf(row, field), field, code, severity, message });
  const error = add("error");
  const warn = add("warning");
  const given = readGiven(row, ind, error);
  const rounding = compiled.profile.rounding;
  const pointsOf = (percent: number) => (ind.scored ? pointsForPercent(spec, percent, rounding) : null);

  let result: { ratio: number | null; points: number | null } | null = null;
  const { numerator: n, denominator: d } = given;
  if (typeof n === "number" && typeof d === "number") {
    if (d === 0) {
      const fromPolicy = zeroDenominator(row, ind, given, warn);
      if (fromPolicy === "missing") return { status: "missing", ratio: null, points: null, problems };
      result = { ratio: fromPolicy, points: pointsOf(fromPolicy) };
    } else if (n > d) {
      error(ind.numerator, "out-of-range", `Tử số ${formatNumber(n)} lớn hơn mẫu số ${formatNumber(d)} ở ${ind.what}`);
      return { status: "invalid", ratio: null, points: null, problems };
    } else {
      const ratio = divideRounded(n, d, 100, rounding.decimals, rounding.mode);
      result = { ratio, points: pointsOf(ratio) };
      if (typeof given.ratio === "number" && Math.abs(given.ratio - ratio) > RATIO_TOLERANCE + EPSILON) {
        warn(ind.ratio, "ratio-mismatch", `Tỷ lệ in sẵn ${formatNumber(given.ratio)}% của ${ind.what} khác tỷ lệ tính từ số liệu ${formatNumber(ratio)}%`);
      }
    }
  } else if (typeof given.ratio === "number") {
    const ratio = round(given.ratio, rounding.decimals, rounding.mode);
    result = { ratio, points: pointsOf(ratio) };
  }

  if (result !== null) {
    if (result.points !== null && typeof given.points === "number" && Math.abs(given.points - result.points) > POINTS_TOLERANCE + EPSILON) {
      warn(ind.points, "points-mismatch", `Điểm in sẵn ${formatNumber(given.points)} của ${ind.what} khác điểm tính từ số liệu ${formatNumber(result.points)}`);
    }
    return { status: "ok", ...result, problems };
  }
  if (typeof given.points === "number" && ind.scored) {
    return { status: "ok", ratio: null, points: round(given.points, rounding.decimals, rounding.mode), problems };
  }
  if (problems.some((p) => p.severity === "error")) return { status: "invalid", ratio: null, points: null, problems };
  return nothingUsable(row, ind, compiled, problems);
}

/**
 * The ratio a zero denominator gives (its policy at the unit's level), or "missing". A printed
 * ratio that says otherwise wins, as the portal prints it (METHOD.md §8), and the user is told.
 */
function zeroDenominator(row: UnitRow, ind: CompiledIndicator, given: Given, warn: (field: string, code: string, message: string) => void): number | "missing" {
  const policy = zeroPolicy(ind.spec, row.level);
  const fromPolicy = policy === "missing" ? null : policy === "full" ? 100 : 0;
  const printed = given.ratio;
  if (typeof printed === "number" && (fromPolicy === null || Math.abs(printed - fromPolicy) > RATIO_TOLERANCE + EPSILON)) {
    warn(ind.ratio, "zero-denominator-ratio", `Mẫu số bằng 0 ở ${ind.what}: dùng tỷ lệ in sẵn ${formatNumber(printed)}%`);
    return printed;
  }
  if (fromPolicy === null) {
    warn(ind.denominator, "zero-denominator", `Mẫu số bằng 0 ở ${ind.what}: không tính được tỷ lệ và điểm`);
    return "missing";
  }
  return fromPolicy;
}

/** Nothing to score from: a blank cell is missing (never 0); an unscored bare count is fine. */
function nothingUsable(row: UnitRow, ind: CompiledIndicator, compiled: CompiledProfile, problems: Problem[]): IndicatorOutcome {
  // A given numerator with a blank denominator names the denominator.
  const blank = [ind.denominator, ind.numerator, ind.ratio, ind.points].find((f) => hasField(row, f) && row.values[f] === null);
  // An unscored indicator may be a bare count (Bến Cầu's overdue dossiers): read, nothing to compute.
  if (!ind.scored && blank === undefined) return { status: "ok", ratio: null, points: null, problems };
  const field = blank ?? [ind.numerator, ind.denominator, ind.ratio, ind.points].find((f) => hasField(row, f))!;
  problems.push({
    cell: compiled.cellOf(row, field),
    field,
    code: "missing",
    severity: ind.scored ? "error" : "warning",
    message:
      blank !== undefined
        ? `Thiếu số liệu ${ind.what} (ô trống hoặc không có dữ liệu): không tính là 0`
        : `Không đủ số liệu để tính điểm ${ind.what}: cần tử số và mẫu số, tỷ lệ hoặc điểm`,
  });
  return { status: "missing", ratio: null, points: null, problems };
}
