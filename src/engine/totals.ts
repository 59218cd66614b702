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

/**
 * The values the total adds up, or null when one of them is not available: every plain group,
 * except that a combined group (DVTT) stands in for its members when the table gives it and
 * none of them; plus scored indicators outside groups. Null also when there is nothing to add.
 */
function totalComponents(c: CompiledProfile, parts: readonly Part[], indicators: readonly IndicatorOutcome[]): number[] | null {
  const values: number[] = [];
  const replaced = new Set<number>();
  for (const g of c.combinedGroups) {
    const membersAbsent = g.combines.every((at) => at < 0 || parts[at].status === "absent");
    const part = parts[g.at];
    if (!membersAbsent || part.status === "absent") continue;
    for (const at of g.combines) replaced.add(at);
    if (part.status !== "ok") return null;
    values.push(part.value!);
  }
  for (const g of c.plainGroups) {
    if (replaced.has(g.at)) continue;
    if (parts[g.at].status !== "ok") return null;
    values.push(parts[g.at].value!);
  }
  for (const i of c.ungrouped) {
    const o = indicators[i];
    if (o.status === "not-applicable") continue;
    if (o.status !== "ok" || o.points === null) return null;
    values.push(o.points);
  }
  return values.length > 0 ? values : null;
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
  const components = totalComponents(c, parts, indicators);
  const computed = components !== null ? round(sumDecimal(components), decimals, mode) : null;
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
  // The printed total stands in only when the table does not give what the total is made of.
  return { total: computed ?? printed.value, tableProblem: null };
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
