/**
 * Group scores of one unit (METHOD.md §3): the sum of the members' rounded points, or of the
 * combined groups; a score the table gives is checked against it, and stands in when the table
 * gives none of what the group is made of (no column of it, or the row's cells of it all blank).
 */
import { formatNumber, missingMarkText } from "../model/text";
import type { Problem, UnitRow } from "../model/units";
import { EPSILON, hasField } from "./indicator";
import { round, sumDecimal } from "./round";
import type { CompiledGroup, CompiledProfile, IndicatorOutcome, Part } from "./types";

export const ABSENT: Part = Object.freeze({ status: "absent", value: null });
const MISSING: Part = Object.freeze({ status: "missing", value: null });
const INVALID: Part = Object.freeze({ status: "invalid", value: null });

/** Group and total values agree when within this (they are sums of 2-decimal numbers). */
const GROUP_TOLERANCE = 0.005;

/** Whether a printed value differs from the computed one by more than the tolerance (a mismatch warning). */
export function differs(printed: number, computed: number, tolerance: number): boolean {
  return Math.abs(printed - computed) > tolerance + EPSILON;
}

/** Collects one unit's problems, each naming its cell. */
export type Report = (field: string | undefined, code: string, severity: Problem["severity"], message: string) => void;

export function reporter(row: UnitRow, compiled: CompiledProfile, into: Problem[]): Report {
  return (field, code, severity, message) => into.push({ cell: compiled.cellOf(row, field), field, code, severity, message });
}

/** A given group score (or the printed total), checked against its maximum. */
export function readScore(row: UnitRow, field: string, max: number, what: string, report: Report): Part {
  if (!hasField(row, field)) return ABSENT;
  // Unreadable ("16/,6"): the reader said why; it is no blank, so never reported as missing.
  if (row.invalid?.[field] !== undefined) return INVALID;
  const v = row.values[field];
  if (v === null || v === undefined) return MISSING;
  if (v < 0) {
    report(field, "out-of-range", "error", `Điểm âm (${formatNumber(v)}) ở ${what}`);
    return { status: "invalid", value: null };
  }
  if (v > max + EPSILON) {
    report(field, "above-max", "error", `${formatNumber(v)} vượt quá điểm tối đa ${formatNumber(max)} của ${what}`);
    return { status: "invalid", value: null };
  }
  return { status: "ok", value: v };
}

/** The given score of a group none of whose components the table gives: a blank is reported, never 0. */
function givenOnly(row: UnitRow, g: CompiledGroup, given: Part, report: Report): Part {
  if (given.status !== "missing") return given;
  const mark = row.marks?.[g.spec.id];
  report(g.spec.id, "missing", "error", mark !== undefined ? missingMarkText(mark, `điểm ${g.what}`) : `Thiếu điểm ${g.what} (ô trống hoặc không đọc được): không tính là 0`);
  return given;
}

/** The computed score of a group, checked against the given one; `from`: what it is computed from. */
function computed(g: CompiledGroup, given: Part, value: number, from: string, report: Report): Part {
  if (given.status === "ok" && differs(given.value!, value, GROUP_TOLERANCE)) {
    report(g.spec.id, "group-mismatch", "warning", `Điểm ${g.what} in sẵn ${formatNumber(given.value!)} khác ${from} ${formatNumber(value)}`);
  }
  return { status: "ok", value };
}

/**
 * Whether the row gives no value at all for the group's indicators that apply: each is absent
 * (no column) or missing with every cell of it blank, and at least one has a column. A "no data"
 * mark ("-", "x", "N/A", "KPS") counts as blank: it is how a clerk writes "no figure here", as
 * the portal gives none for a unit's 3.x while it publishes the group's score. An inherited
 * indicator (from the province row) is given; an unreadable cell is not blank (status invalid).
 */
function noIndicatorGiven(row: UnitRow, applicable: readonly number[], indicators: readonly IndicatorOutcome[], c: CompiledProfile): boolean {
  const blank = (field: string) => !hasField(row, field) || row.values[field] === null;
  return applicable.every((i) => {
    const o = indicators[i];
    if (o.status === "absent") return true;
    const ind = c.indicators[i];
    return o.status === "missing" && blank(ind.numerator) && blank(ind.denominator) && blank(ind.ratio) && blank(ind.points);
  });
}

/**
 * A plain group's part; `covered` gets the indicators whose "missing" the printed group score
 * answers (the row gives none of them and the portal published the group's score: METHOD.md, a
 * published group score is a published value).
 */
function plainGroup(row: UnitRow, g: CompiledGroup, indicators: readonly IndicatorOutcome[], c: CompiledProfile, max: number, report: Report, covered: Set<number>): Part {
  const given = readScore(row, g.spec.id, max, g.what, report);
  const applicable = g.members.filter((i) => indicators[i].status !== "not-applicable");
  const absent = applicable.filter((i) => indicators[i].status === "absent");
  if (applicable.length === absent.length) return givenOnly(row, g, given, report);
  if (given.status === "ok" && noIndicatorGiven(row, applicable, indicators, c)) {
    for (const i of applicable) covered.add(i);
    const note = `Điểm ${g.what} lấy theo điểm in sẵn ${formatNumber(given.value!)} vì dòng này không có số liệu các chỉ số của nhóm`;
    // The portal does publish 0 (Phú Thọ 8/2026, Văn phòng UBND), but so does a sheet's SUM over blank cells: the clerk checks which.
    if (given.value! > EPSILON) report(g.spec.id, "printed-group", "info", note);
    else report(g.spec.id, "printed-group", "warning", `${note}: hãy kiểm tra đây là điểm được công bố, không phải tổng các ô trống`);
    return given;
  }
  for (const i of absent) {
    const ind = c.indicators[i];
    report(ind.points, "missing", "error", `Thiếu ${ind.what} trong bảng nên không tính được điểm ${g.what}`);
  }
  const points = applicable.map((i) => indicators[i].points);
  if (points.some((p) => p === null)) return MISSING;
  const { decimals, mode } = c.profile.rounding;
  return computed(g, given, round(sumDecimal(points as number[]), decimals, mode), "điểm tính từ các chỉ số", report);
}

function combinedGroup(row: UnitRow, g: CompiledGroup, parts: readonly Part[], c: CompiledProfile, max: number, report: Report): Part {
  const given = readScore(row, g.spec.id, max, g.what, report);
  const members = g.combines.map((at) => (at < 0 ? ABSENT : parts[at]));
  if (members.every((p) => p.status === "absent")) return givenOnly(row, g, given, report);
  if (!members.every((p) => p.status === "ok")) return MISSING;
  const { decimals, mode } = c.profile.rounding;
  return computed(g, given, round(sumDecimal(members.map((p) => p.value!)), decimals, mode), "tổng các nhóm thành phần", report);
}

/**
 * Every group's part, by position in profile.groups: plain groups first, then the combined ones
 * that add them up; `covered`: indicators (by position) whose group's printed score stands in for
 * them, so that their "missing" is not said (it would block the rating the printed score allows).
 */
export function scoreGroups(row: UnitRow, indicators: readonly IndicatorOutcome[], c: CompiledProfile, report: Report): { parts: Part[]; covered: ReadonlySet<number> } {
  const max = c.groupMax(row.level);
  const parts: Part[] = new Array<Part>(c.profile.groups.length).fill(ABSENT);
  const covered = new Set<number>();
  for (const g of c.plainGroups) parts[g.at] = plainGroup(row, g, indicators, c, max[g.at], report, covered);
  for (const g of c.combinedGroups) parts[g.at] = combinedGroup(row, g, parts, c, max[g.at], report);
  return { parts, covered };
}

/** The unit's `groups` record: every group the table has something of, in profile order. */
export function groupsRecord(c: CompiledProfile, parts: readonly Part[]): Record<string, number | null> {
  const record: Record<string, number | null> = {};
  c.profile.groups.forEach((g, at) => {
    if (parts[at].status !== "absent") record[g.id] = parts[at].value;
  });
  return record;
}
