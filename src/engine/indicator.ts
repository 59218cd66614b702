/**
 * One indicator of one unit (METHOD.md §3, §8): counts → ratio → points, or a printed ratio →
 * points, or printed points checked against the maximum. The ratio is a percentage rounded to
 * the profile's decimals and the points come from that rounded percentage, as the portal
 * computes them (95.75 % × 6 = 5.745 → 5.75). Missing data stays missing.
 */
import type { Level } from "../model/fields";
import type { IndicatorSpec, Profile } from "../model/profile";
import { formatNumber, missingMarkText } from "../model/text";
import type { Problem, UnitRow } from "../model/units";
import { divideRounded, round } from "./round";
import type { CompiledIndicator, CompiledProfile, IndicatorOutcome } from "./types";

const RATIO_TOLERANCE = 0.01;
const POINTS_TOLERANCE = 0.01;
/** Absorbs binary noise in comparisons of already-rounded numbers. */
export const EPSILON = 1e-9;

/** Whether the table gives the field (a null value is given: blank). */
export function hasField(row: UnitRow, field: string): boolean {
  return row.values[field] !== undefined || Object.prototype.hasOwnProperty.call(row.values, field);
}

/** Points for a percentage under the indicator's rule (linear P × R, target min(P, P × R / X)), rounded. */
export function pointsForPercent(spec: IndicatorSpec, percent: number, rounding: Profile["rounding"]): number {
  const { decimals, mode } = rounding;
  const points = divideRounded(Math.max(0, percent), spec.rule.kind === "linear" ? 100 : spec.rule.target, spec.max, decimals, mode);
  return Math.min(round(spec.max, decimals, mode), points);
}

/** Points from the exact fraction n / d (pointsFrom "fraction"): P × n / d, or min(P, P × n / d ÷ X). */
export function pointsForCounts(spec: IndicatorSpec, n: number, d: number, rounding: Profile["rounding"]): number {
  const { decimals, mode } = rounding;
  const target = spec.rule.kind === "linear" ? 100 : spec.rule.target;
  const points = divideRounded(n * 100, d * target, spec.max, decimals, mode);
  return Math.min(round(spec.max, decimals, mode), points);
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

/** Shared outcomes without problems (read-only, like every outcome once made). */
const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];
const NOT_APPLICABLE: IndicatorOutcome = Object.freeze({ status: "not-applicable", ratio: null, points: null, problems: NO_PROBLEMS });
const ABSENT: IndicatorOutcome = Object.freeze({ status: "absent", ratio: null, points: null, problems: NO_PROBLEMS });
/** A cell of the indicator could not be read (the reader's problem names it). */
const UNREADABLE: IndicatorOutcome = Object.freeze({ status: "invalid", ratio: null, points: null, problems: NO_PROBLEMS });

/** An indicator's problems, each naming its cell; the list is made for the first one. */
class Findings {
  list: Problem[] = NO_PROBLEMS;
  constructor(
    private readonly row: UnitRow,
    private readonly compiled: CompiledProfile,
  ) {}

  add(severity: Problem["severity"], field: string, code: string, message: string): void {
    if (this.list === NO_PROBLEMS) this.list = [];
    this.list.push({ cell: this.compiled.cellOf(this.row, field), field, code, severity, message });
  }

  hasError(): boolean {
    return this.list.some((p) => p.severity === "error");
  }
}

/** The values of an indicator's fields as the row gives them: undefined when not in the table or unusable. */
interface Given {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
  ratio: number | null | undefined;
  points: number | null | undefined;
}

function given(row: UnitRow, field: string): number | null | undefined {
  const v = row.values[field];
  return v !== undefined ? v : hasField(row, field) ? null : undefined;
}

/** A count the row gives, or undefined (with an error) when it is negative. */
function givenCount(row: UnitRow, field: string, ind: CompiledIndicator, findings: Findings): number | null | undefined {
  const v = given(row, field);
  if (typeof v !== "number" || v >= 0) return v;
  findings.add("error", field, "out-of-range", `Số lượng âm (${formatNumber(v)}) ở ${ind.what}`);
  return undefined;
}

/** Reads and checks each value the row gives; an unusable one becomes undefined, with an error. */
function readGiven(row: UnitRow, ind: CompiledIndicator, findings: Findings): Given {
  const values: Given = {
    numerator: givenCount(row, ind.numerator, ind, findings),
    denominator: givenCount(row, ind.denominator, ind, findings),
    ratio: given(row, ind.ratio),
    points: given(row, ind.points),
  };
  const r = values.ratio;
  if (typeof r === "number" && !(r >= 0 && r <= 100 + EPSILON)) {
    findings.add("error", ind.ratio, "out-of-range", `Tỷ lệ ${formatNumber(r)}% của ${ind.what} nằm ngoài khoảng 0–100`);
    values.ratio = undefined;
  }
  const p = values.points;
  if (typeof p === "number" && p < 0) {
    findings.add("error", ind.points, "out-of-range", `Điểm âm (${formatNumber(p)}) ở ${ind.what}`);
    values.points = undefined;
  } else if (typeof p === "number" && ind.scored && p > ind.spec.max + EPSILON) {
    findings.add("error", ind.points, "above-max", `${formatNumber(p)} vượt quá điểm tối đa ${formatNumber(ind.spec.max)} của ${ind.what}`);
    values.points = undefined;
  }
  return values;
}

function inTable(row: UnitRow, ind: CompiledIndicator): boolean {
  return hasField(row, ind.numerator) || hasField(row, ind.denominator) || hasField(row, ind.ratio) || hasField(row, ind.points);
}

export function scoreIndicator(row: UnitRow, ind: CompiledIndicator, compiled: CompiledProfile): IndicatorOutcome {
  if (row.level !== null && ind.spec.notApplicableFor.includes(row.level)) return NOT_APPLICABLE;
  if (!inTable(row, ind)) return ABSENT;
  // A cell the reader could not use: no points from the other cells as if it were blank.
  if (row.invalid && [ind.numerator, ind.denominator, ind.ratio, ind.points].some((f) => row.invalid![f] !== undefined)) return UNREADABLE;
  const findings = new Findings(row, compiled);
  const values = readGiven(row, ind, findings);
  const { decimals, mode } = compiled.profile.rounding;
  const fromRatio = (ratio: number, counts?: [number, number]): IndicatorOutcome => {
    const exact = counts !== undefined && ind.spec.pointsFrom === "fraction";
    const points = !ind.scored ? null : exact ? pointsForCounts(ind.spec, counts[0], counts[1], compiled.profile.rounding) : pointsForPercent(ind.spec, ratio, compiled.profile.rounding);
    if (points !== null && typeof values.points === "number" && Math.abs(values.points - points) > POINTS_TOLERANCE + EPSILON) {
      findings.add("warning", ind.points, "points-mismatch", `Điểm in sẵn ${formatNumber(values.points)} của ${ind.what} khác điểm tính từ số liệu ${formatNumber(points)}`);
    }
    return { status: "ok", ratio, points, problems: findings.list };
  };

  const { numerator: n, denominator: d } = values;
  if (typeof n === "number" && typeof d === "number") {
    if (d === 0) {
      const ratio = zeroDenominator(row, ind, values, findings);
      return ratio === "missing" ? { status: "missing", ratio: null, points: null, problems: findings.list } : fromRatio(ratio);
    }
    if (n > d) {
      findings.add("error", ind.numerator, "out-of-range", `Tử số ${formatNumber(n)} lớn hơn mẫu số ${formatNumber(d)} ở ${ind.what}`);
      return { status: "invalid", ratio: null, points: null, problems: findings.list };
    }
    const ratio = divideRounded(n, d, 100, decimals, mode);
    if (typeof values.ratio === "number" && Math.abs(values.ratio - ratio) > RATIO_TOLERANCE + EPSILON) {
      findings.add("warning", ind.ratio, "ratio-mismatch", `Tỷ lệ in sẵn ${formatNumber(values.ratio)}% của ${ind.what} khác tỷ lệ tính từ số liệu ${formatNumber(ratio)}%`);
    }
    return fromRatio(ratio, [n, d]);
  }
  if (typeof values.ratio === "number") return fromRatio(round(values.ratio, decimals, mode));
  if (typeof values.points === "number" && ind.scored) return { status: "ok", ratio: null, points: round(values.points, decimals, mode), problems: findings.list };
  if (findings.hasError()) return { status: "invalid", ratio: null, points: null, problems: findings.list };
  return nothingUsable(row, ind, findings);
}

/**
 * The ratio a zero denominator gives (its policy at the unit's level), or "missing". A printed
 * ratio that says otherwise wins, as the portal prints it (METHOD.md §8), and the user is told.
 * A printed 0 % is no such result: the portal prints 0 % over 0 / 0 even where it scores full
 * points (PAKN 0 / 0 → 6 points, Đắk Lắk 10/2026), so it leaves the policy to decide.
 */
function zeroDenominator(row: UnitRow, ind: CompiledIndicator, values: Given, findings: Findings): number | "missing" {
  const policy = zeroPolicy(ind.spec, row.level);
  const fromPolicy = policy === "missing" ? null : policy === "full" ? 100 : 0;
  const printed = values.ratio === 0 ? undefined : values.ratio;
  if (typeof printed === "number" && (fromPolicy === null || Math.abs(printed - fromPolicy) > RATIO_TOLERANCE + EPSILON)) {
    findings.add("warning", ind.ratio, "zero-denominator-ratio", `Mẫu số bằng 0 ở ${ind.what}: dùng tỷ lệ in sẵn ${formatNumber(printed)}%`);
    return printed;
  }
  if (fromPolicy === null) {
    findings.add("warning", ind.denominator, "zero-denominator", `Mẫu số bằng 0 ở ${ind.what}: không tính được tỷ lệ và điểm`);
    return "missing";
  }
  return fromPolicy;
}

/** Nothing to score from: a blank cell is missing (never 0); an unscored bare count is fine. */
function nothingUsable(row: UnitRow, ind: CompiledIndicator, findings: Findings): IndicatorOutcome {
  const fields = [ind.denominator, ind.numerator, ind.ratio, ind.points];
  // A given numerator with a blank denominator names the denominator.
  const blank = fields.find((f) => hasField(row, f) && row.values[f] === null);
  // An unscored indicator may be a bare count (Bến Cầu's overdue dossiers): read, nothing to compute.
  if (!ind.scored && blank === undefined) return { status: "ok", ratio: null, points: null, problems: findings.list };
  const mark = blank !== undefined ? row.marks?.[blank] : undefined;
  const message =
    mark !== undefined
      ? missingMarkText(mark, ind.what)
      : blank !== undefined
        ? `Thiếu số liệu ${ind.what} (ô trống hoặc không có dữ liệu): không tính là 0`
        : `Không đủ số liệu để tính điểm ${ind.what}: cần tử số và mẫu số, tỷ lệ hoặc điểm`;
  const field = blank ?? [ind.numerator, ind.denominator, ind.ratio, ind.points].find((f) => hasField(row, f))!;
  findings.add(ind.scored ? "error" : "warning", field, "missing", message);
  return { status: "missing", ratio: null, points: null, problems: findings.list };
}
