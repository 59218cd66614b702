/**
 * A unit's total (METHOD.md §3): the sum of what the profile's basis adds up, or the printed
 * total; then the total converted to the profile's second scale and the change against the
 * previous period. Printed values the table also gives are checked against the computed ones.
 */
import { formatNumber, missingMarkText } from "../model/text";
import type { Problem, UnitRow } from "../model/units";
import { ABSENT, differs, readScore, type Report } from "./groups";
import { EPSILON, hasField } from "./indicator";
import { divideRounded, round, subtractDecimal, sumDecimal } from "./round";
import type { CompiledProfile, IndicatorOutcome, Part } from "./types";

const CONVERTED_TOLERANCE = 0.01;
const CHANGE_TOLERANCE = 0.01;

/** What the total adds up, as this unit's row gives it. */
interface Components {
  /** The values given. */
  values: number[];
  /** One is not in the table at all; one is in the table but blank; one is unusable. */
  absent: boolean;
  missing: boolean;
  invalid: boolean;
}

/**
 * What the total adds up: every plain group, except that a combined group (DVTT) stands in for
 * its members when the table gives it and none of them; plus scored indicators outside groups.
 */
function totalComponents(c: CompiledProfile, parts: readonly Part[], indicators: readonly IndicatorOutcome[]): Components {
  const given: Components = { values: [], absent: false, missing: false, invalid: false };
  const add = (status: string, value: number | null) => {
    if (status === "ok" && value !== null) given.values.push(value);
    else if (status === "absent") given.absent = true;
    else if (status === "missing") given.missing = true;
    else given.invalid = true;
  };
  const replaced = new Set<number>();
  for (const g of c.combinedGroups) {
    const membersAbsent = g.combines.every((at) => at < 0 || parts[at].status === "absent");
    const part = parts[g.at];
    if (!membersAbsent || part.status === "absent") continue;
    for (const at of g.combines) replaced.add(at);
    add(part.status, part.value);
  }
  for (const g of c.plainGroups) if (!replaced.has(g.at)) add(parts[g.at].status, parts[g.at].value);
  for (const i of c.ungrouped) if (indicators[i].status !== "not-applicable") add(indicators[i].status, indicators[i].points);
  return given;
}

/**
 * Whether a printed total stands for a unit whose row lacks part of it. Not when a part is
 * unusable, nor when it equals the sum of the parts given: then the blank was counted as 0
 * (often the sheet's own SUM), and missing is not zero. Otherwise it was published with a value
 * the table does not show, and stands.
 */
function printedStands(printed: number, given: Components, decimals: number, mode: CompiledProfile["profile"]["rounding"]["mode"]): boolean {
  if (given.invalid) return false;
  if (!given.missing) return true;
  return Math.abs(subtractDecimal(printed, round(sumDecimal(given.values), decimals, mode))) > EPSILON;
}

/** Whether the table gives nothing the total is made of (no group, no indicator outside groups). */
function nothingGiven(c: CompiledProfile, parts: readonly Part[], indicators: readonly IndicatorOutcome[]): boolean {
  return parts.every((p) => p.status === "absent") && c.ungrouped.every((i) => indicators[i].status === "absent" || indicators[i].status === "not-applicable");
}

/** The unit's total, and a problem of the whole table when the profile needs a total column the table lacks. */
export function totalOf(
  row: UnitRow,
  c: CompiledProfile,
  parts: readonly Part[],
  indicators: readonly IndicatorOutcome[],
  report: Report,
): { total: number | null; tableProblem: Problem | null } {
  const { profile } = c;
  const { decimals, mode } = profile.rounding;
  const label = profile.total?.label ?? "Tổng điểm";
  const printed = profile.total ? readScore(row, "total", profile.total.max, `“${label}”`, report) : ABSENT;
  const reportMissingTotal = () => {
    const mark = row.marks?.total;
    const consequence = "không xếp loại, xếp hạng";
    report("total", "missing", "error", mark !== undefined ? missingMarkText(mark, `“${label}”`, consequence) : `Thiếu “${label}” (ô trống hoặc không đọc được): ${consequence}`);
  };
  if (profile.basis === "total") {
    if (printed.status === "missing") reportMissingTotal();
    const tableProblem: Problem | null = printed.status === "absent" ? { code: "missing", severity: "error", message: `Bảng không có cột “${label}”` } : null;
    return { total: printed.value, tableProblem };
  }
  if (profile.basis === "none") return { total: null, tableProblem: null };
  // A component wholly absent from the table means no computed total (not a problem: any subset may be given).
  const given = totalComponents(c, parts, indicators);
  const complete = !given.absent && !given.missing && !given.invalid && given.values.length > 0;
  const computed = complete ? round(sumDecimal(given.values), decimals, mode) : null;
  if (computed !== null && printed.status === "ok") {
    const diff = Math.abs(subtractDecimal(printed.value!, computed));
    if (diff > (profile.total?.tolerance ?? 0) + EPSILON) {
      report(
        "total",
        "total-mismatch",
        "warning",
        `“${label}” in sẵn ${formatNumber(printed.value!)} khác tổng tính được ${formatNumber(computed)} (chênh ${formatNumber(round(diff, decimals, mode))})`,
      );
    }
  }
  // A table of totals only: a blank total is the unit's only number, so it is said, like any missing value.
  if (computed === null && printed.status === "missing" && nothingGiven(c, parts, indicators)) reportMissingTotal();
  if (computed !== null || printed.status !== "ok") return { total: computed, tableProblem: null };
  // The printed total stands in only when the table does not give what the total is made of.
  if (!printedStands(printed.value!, given, decimals, mode)) {
    if (!given.invalid) {
      report("total", "missing", "error", `“${label}” in sẵn ${formatNumber(printed.value!)} đã tính ô trống là 0 (bằng tổng các phần còn lại), nên không dùng: không xếp loại, xếp hạng`);
    }
    return { total: null, tableProblem: null };
  }
  return { total: round(printed.value!, decimals, mode), tableProblem: null };
}

/** The total on the profile's second scale, null without one. */
export function convertedOf(row: UnitRow, total: number | null, c: CompiledProfile, report: Report): number | null {
  const { profile } = c;
  if (!(profile.scale && profile.total && total !== null)) return null;
  const converted = divideRounded(total, profile.total.max, profile.scale.max, profile.scale.decimals, profile.rounding.mode);
  const printed = printedValue(row, "converted");
  if (printed !== null && differs(printed, converted, CONVERTED_TOLERANCE)) {
    report("converted", "converted-mismatch", "warning", `“${profile.scale.label}” in sẵn ${formatNumber(printed)} khác điểm quy đổi tính được ${formatNumber(converted)}`);
  }
  return converted;
}

/** Total − previous, when the profile shows a change. */
export function changeOf(row: UnitRow, total: number | null, previous: number | null, c: CompiledProfile, report: Report): number | null {
  const { profile } = c;
  if (!(profile.change && total !== null && previous !== null)) return null;
  const change = round(subtractDecimal(total, previous), profile.rounding.decimals, profile.rounding.mode);
  const printed = printedValue(row, "change");
  if (printed !== null && differs(printed, change, CHANGE_TOLERANCE)) {
    report("change", "change-mismatch", "warning", `Điểm tăng/giảm in sẵn ${formatNumber(printed)} khác ${formatNumber(change)} (= ${formatNumber(total)} − ${formatNumber(previous)})`);
  }
  return change;
}

/** A number the row gives in a field, else null. */
export function printedValue(row: UnitRow, field: string): number | null {
  const v = row.values[field];
  return typeof v === "number" && hasField(row, field) ? v : null;
}
