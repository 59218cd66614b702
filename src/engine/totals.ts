/**
 * A unit's total (METHOD.md §4): the sum of what the profile's basis adds up, or the printed
 * total; then the total converted to the profile's second scale and the change against the
 * previous period. Printed values the table also gives are checked against the computed ones.
 */
import type { Problem, UnitRow } from "../model/units";
import type { Profile } from "../model/profile";
import type { ProfileShape } from "./compile";
import { formatNumber } from "../model/text";
import { ABSENT, readScore } from "./groups";
import { EPSILON, hasField } from "./indicator";
import { differs, report, type UnitContext } from "./problems";
import { divideRounded, round, subtractDecimal, sumDecimal } from "./round";
import { NOT_APPLICABLE_STATUS, OK, type UnitIndicators } from "./unit-indicators";

const CONVERTED_TOLERANCE = 0.01;
const CHANGE_TOLERANCE = 0.01;

/**
 * The values the total adds up, or null when one of them is not available: every plain group,
 * except that a combined group (DVTT) stands in for its members when the table gives it and
 * none of them; plus scored indicators outside groups. Null also when there is nothing to add.
 * The list is the shape's scratch array, valid until the next unit.
 */
function totalComponents(profile: Profile, shape: ProfileShape, indicators: UnitIndicators): number[] | null {
  const parts = shape.parts;
  const values = shape.components;
  values.length = 0;
  const replaced = shape.replaced;
  replaced.fill(false);
  for (const g of shape.combinedGroups) {
    let membersAbsent = true;
    for (const at of g.combines) if (at >= 0 && (parts[at]?.status ?? "absent") !== "absent") membersAbsent = false;
    const part = parts[g.at]!;
    if (membersAbsent && part.status !== "absent") {
      for (const at of g.combines) if (at >= 0) replaced[at] = true;
      if (part.status !== "ok") return null;
      values.push(part.value!);
    }
  }
  for (let at = 0; at < profile.groups.length; at++) {
    if (profile.groups[at].combines.length > 0 || replaced[at]) continue;
    const part = parts[at]!;
    if (part.status !== "ok") return null;
    values.push(part.value!);
  }
  for (const i of shape.ungrouped) {
    const status = indicators.status[i];
    if (status === NOT_APPLICABLE_STATUS) continue;
    if (status !== OK) return null;
    values.push(indicators.points[i]);
  }
  return values.length > 0 ? values : null;
}

/**
 * The unit's total, after scoreGroups. `tableProblems` collects problems of the whole table
 * (a missing total column), by message.
 */
export function totalOf(ctx: UnitContext, indicators: UnitIndicators, profile: Profile, shape: ProfileShape, tableProblems: Map<string, Problem>): number | null {
  const { decimals, mode } = profile.rounding;
  const totalMax = profile.total?.max ?? Infinity;
  const printed = profile.total && shape.totalPresent ? readScore(ctx, "total", totalMax, shape.totalWhat) : ABSENT;
  let computed: number | null = null;
  if (profile.basis === "indicators" || profile.basis === "groups") {
    // A component wholly absent from the table means no computed total (not a problem: any subset may be given).
    const components = totalComponents(profile, shape, indicators);
    if (components !== null) computed = round(sumDecimal(components), decimals, mode);
  }
  let total: number | null = null;
  if (profile.basis === "total") {
    const message = `Bảng không có cột “${profile.total?.label ?? "Tổng điểm"}”`;
    if (printed.status === "absent" && !tableProblems.has(message)) tableProblems.set(message, { code: "missing", severity: "error", message });
    if (printed.status === "missing") report(ctx, "total", "missing", "error", `Thiếu “${profile.total?.label ?? "Tổng điểm"}” (ô trống hoặc không đọc được): không xếp loại, xếp hạng`);
    total = printed.value;
  } else if (profile.basis !== "none") {
    // The printed total stands in only when the table does not give what the total is made of.
    total = computed ?? printed.value;
    if (computed !== null && printed.status === "ok") {
      const diff = Math.abs(subtractDecimal(printed.value!, computed));
      if (diff > (profile.total?.tolerance ?? 0) + EPSILON) {
        report(
          ctx,
          "total",
          "total-mismatch",
          "warning",
          `“${profile.total!.label}” in sẵn ${formatNumber(printed.value!)} khác tổng tính được ${formatNumber(computed)} (chênh ${formatNumber(round(diff, decimals, mode))})`,
        );
      }
    }
  }
  return total;
}

/** The total on the profile's second scale, null without one. */
export function convertedOf(ctx: UnitContext, total: number | null, profile: Profile, shape: ProfileShape): number | null {
  if (!(profile.scale && profile.total && total !== null)) return null;
  const row = ctx.row;
  const converted = divideRounded(total, profile.total.max, profile.scale.max, profile.scale.decimals, profile.rounding.mode);
  const printed = printedValue(row, "converted", shape.convertedPresent);
  if (printed !== null && differs(printed, converted, CONVERTED_TOLERANCE)) {
    report(
      ctx,
      "converted",
      "converted-mismatch",
      "warning",
      `“${profile.scale.label}” in sẵn ${formatNumber(printed)} khác điểm quy đổi tính được ${formatNumber(converted)}`,
    );
  }
  return converted;
}

/** The previous period's total as the row gives it. */
export function previousOf(row: UnitRow, shape: ProfileShape): number | null {
  return printedValue(row, "previous", shape.previousPresent);
}

/** Total − previous, when the profile shows a change. */
export function changeOf(ctx: UnitContext, total: number | null, previous: number | null, profile: Profile, shape: ProfileShape): number | null {
  if (!(profile.change && total !== null && previous !== null)) return null;
  const change = round(subtractDecimal(total, previous), profile.rounding.decimals, profile.rounding.mode);
  const printed = printedValue(ctx.row, "change", shape.changePresent);
  if (printed !== null && differs(printed, change, CHANGE_TOLERANCE)) {
    report(
      ctx,
      "change",
      "change-mismatch",
      "warning",
      `Điểm tăng/giảm in sẵn ${formatNumber(printed)} khác ${formatNumber(change)} (= ${formatNumber(total)} − ${formatNumber(previous)})`,
    );
  }
  return change;
}

/** A number the row gives in a field the table may have (`present`), else null. */
function printedValue(row: UnitRow, field: "converted" | "previous" | "change", present: boolean): number | null {
  if (!present) return null;
  const v = row.values[field];
  return typeof v === "number" && hasField(row, field) ? v : null;
}
