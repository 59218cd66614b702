/**
 * Group scores of one unit (METHOD.md §4): the sum of the members' rounded points, or of the
 * combined groups; a score the table gives is checked against it, and stands in when the table
 * gives none of what the group is made of.
 */
import type { Profile } from "../model/profile";
import { formatNumber } from "../model/text";
import type { GroupEntry, ProfileShape } from "./compile";
import { EPSILON, describeIndicator, hasField } from "./indicator";
import { differs, report, type UnitContext } from "./problems";
import { round, sumDecimal } from "./round";
import { ABSENT_STATUS, NOT_APPLICABLE_STATUS, type UnitIndicators } from "./unit-indicators";

/** A group score or total: its value and whether the table gives it. */
export interface Part {
  status: "absent" | "missing" | "invalid" | "ok" | "not-applicable";
  value: number | null;
}

export const ABSENT: Part = { status: "absent", value: null };
export const MISSING: Part = { status: "missing", value: null };

/** Below this, sums of whole hundredths are exact (as in round.ts's sumDecimal). */
const SAFE_HUNDREDTHS = 2 ** 50;
/** Group and total values agree when within this (they are sums of 2-decimal numbers). */
const GROUP_TOLERANCE = 0.005;

/** A given group score (or the printed total), checked against its maximum. */
export function readScore(ctx: UnitContext, field: string, max: number, what: string): Part {
  const row = ctx.row;
  const v = row.values[field];
  // One lookup for the usual number; hasOwnProperty only to tell absent from a blank or odd value.
  if ((v === undefined || (typeof v !== "number" && v !== null)) && !hasField(row, field)) return ABSENT;
  if (v === null || v === undefined) return MISSING;
  if (v < 0) {
    report(ctx, field, "out-of-range", "error", `Điểm âm (${formatNumber(v)}) ở ${what}`);
    return { status: "invalid", value: null };
  }
  if (v > max + EPSILON) {
    report(ctx, field, "above-max", "error", `${formatNumber(v)} vượt quá điểm tối đa ${formatNumber(max)} của ${what}`);
    return { status: "invalid", value: null };
  }
  return { status: "ok", value: v };
}

/** The given score of a group none of whose components the table gives: a blank is reported, never 0. */
function givenOnly(ctx: UnitContext, g: GroupEntry, given: Part): Part {
  if (given.status === "missing") report(ctx, g.spec.id, "missing", "error", `Thiếu điểm ${g.what} (ô trống hoặc không đọc được): không tính là 0`);
  return given;
}

/** The computed score of a group, checked against the given one; `from`: what it is computed from. */
function computed(ctx: UnitContext, g: GroupEntry, given: Part, value: number, from: string): Part {
  if (given.status === "ok" && differs(given.value!, value, GROUP_TOLERANCE)) {
    report(ctx, g.spec.id, "group-mismatch", "warning", `Điểm ${g.what} in sẵn ${formatNumber(given.value!)} khác ${from} ${formatNumber(value)}`);
  }
  return { status: "ok", value };
}

/**
 * Scores the unit's groups into shape.parts (plain groups first: combined groups add them up)
 * and returns its `groups` record.
 */
export function scoreGroups(ctx: UnitContext, indicators: UnitIndicators, profile: Profile, shape: ProfileShape): Record<string, number | null> {
  const specs = profile.indicators;
  const { decimals, mode } = profile.rounding;
  const { status: statusAt, points: pointsAt } = indicators;
  const groupMax = shape.groupMaxFor(ctx.row.level);
  const parts = shape.parts;
  parts.fill(undefined);
  const points = shape.points;

  for (const g of shape.plainGroups) {
    const given = g.present ? readScore(ctx, g.spec.id, groupMax[g.at], g.what) : ABSENT;
    const members = g.members;
    let applicable = 0;
    let absent = 0;
    let allScored = true;
    // sumDecimal's exact path inline (no list per group): whole hundredths add up exactly.
    let hundredths = 0;
    if (members) {
      for (const i of members) {
        const status = statusAt[i];
        if (status === NOT_APPLICABLE_STATUS) continue;
        applicable += 1;
        if (status === ABSENT_STATUS) absent += 1;
        const p = pointsAt[i];
        if (p !== p) allScored = false;
        else {
          const h = Math.round(p * 100);
          hundredths = h / 100 === p && Math.abs(h) < SAFE_HUNDREDTHS ? hundredths + h : NaN;
        }
      }
    }
    let part: Part;
    if (applicable === absent) part = givenOnly(ctx, g, given);
    else {
      if (absent > 0) {
        for (const i of members!) {
          if (statusAt[i] !== ABSENT_STATUS) continue;
          report(ctx, `${specs[i].id}.points`, "missing", "error", `Thiếu ${describeIndicator(specs[i])} trong bảng nên không tính được điểm ${g.what}`);
        }
      }
      if (allScored) {
        let sum = hundredths / 100;
        if (!(Math.abs(hundredths) < SAFE_HUNDREDTHS)) {
          points.length = 0;
          for (const i of members!) if (statusAt[i] !== NOT_APPLICABLE_STATUS) points.push(pointsAt[i]);
          sum = sumDecimal(points);
        }
        part = computed(ctx, g, given, round(sum, decimals, mode), "điểm tính từ các chỉ số");
      } else {
        part = MISSING;
      }
    }
    parts[g.at] = part;
  }

  for (const g of shape.combinedGroups) {
    const given = g.present ? readScore(ctx, g.spec.id, groupMax[g.at], g.what) : ABSENT;
    let allAbsent = true;
    let allOk = true;
    for (const at of g.combines) {
      const status = at < 0 ? "absent" : (parts[at] ?? ABSENT).status;
      if (status !== "absent") allAbsent = false;
      if (status !== "ok") allOk = false;
    }
    let part: Part;
    if (allAbsent) part = givenOnly(ctx, g, given);
    else if (allOk) {
      points.length = 0;
      for (const at of g.combines) points.push(parts[at]!.value!);
      part = computed(ctx, g, given, round(sumDecimal(points), decimals, mode), "tổng các nhóm thành phần");
    } else {
      part = MISSING;
    }
    parts[g.at] = part;
  }

  const groupValues = shape.groupValues;
  for (let at = 0; at < parts.length; at++) {
    const part = parts[at]!;
    groupValues[at] = part.status === "absent" ? undefined : part.value;
  }
  return shape.groupRecords.some(groupValues);
}
