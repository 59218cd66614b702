/**
 * The scoring engine: unit rows + a profile → scored units. Pure and deterministic: no I/O,
 * no clock, no dependence on row order except that output units keep the input order.
 *
 * Steps per unit (METHOD.md §3–§5): indicators (counts → ratio → points, rounded half-up) →
 * inheritance of province-level indicators → groups (sum of rounded points) → total (sum of
 * groups, or the printed total for basis "total") → converted total → rating → rank → change
 * → flags. Missing data is reported and never scored as 0.
 */
import type { Band, GroupSpec, IndicatorSpec, Profile } from "../model/profile";
import type { Flag, IndicatorResult, Problem, ScoreResult, ScoredUnit, UnitRow } from "../model/units";
import { quoteSheet } from "../model/grid";
import { formatNumber } from "./format";
import { EPSILON, describeIndicator, scoreIndicator, type IndicatorOutcome } from "./indicator";
import { rankValues } from "./rank";
import { divideRounded, round, subtractDecimal, sumDecimal } from "./round";

export { roundHalfUp, round, divideRounded, sumDecimal, subtractDecimal, type RoundingMode } from "./round";
export { rankValues, type TieRule, type Rankable } from "./rank";
export { pointsFor, describeIndicator } from "./indicator";

export interface ScoreOptions {
  /** Sheet name: lets problems without a field cell name the unit's row ("Sheet1!7:7"). */
  sheet?: string;
}

/** Group and total values agree when within this (they are sums of 2-decimal numbers). */
const GROUP_TOLERANCE = 0.005;
const CONVERTED_TOLERANCE = 0.01;
const CHANGE_TOLERANCE = 0.01;

type ValueStatus = "absent" | "missing" | "invalid" | "ok" | "not-applicable";
interface Part {
  status: ValueStatus;
  value: number | null;
}

interface UnitWork {
  row: UnitRow;
  aggregate: boolean;
  cellOf: (field: string) => string | undefined;
  indicators: Map<string, IndicatorOutcome>;
  problems: Problem[];
}

export function score(units: UnitRow[], profile: Profile, options: ScoreOptions = {}): ScoreResult {
  const aggregatePatterns = profile.aggregatePatterns.map((p) => new RegExp(p, "i"));
  const tableProblems = new Map<string, Problem>();

  // 1. Indicators of every unit, before inheritance.
  const work: UnitWork[] = units.map((row) => {
    const cellOf = (field: string): string | undefined =>
      row.cells?.[field] ?? (options.sheet !== undefined ? `${quoteSheet(options.sheet)}!${row.row + 1}:${row.row + 1}` : undefined);
    const indicators = new Map<string, IndicatorOutcome>();
    for (const spec of profile.indicators) indicators.set(spec.id, scoreIndicator(row, spec, profile, cellOf));
    return { row, aggregate: isAggregate(row, aggregatePatterns), cellOf, indicators, problems: [] };
  });

  // 2. Departments and communes take province-level indicators from the province row.
  const provinceRow = work.find((w) => w.row.level === "province") ?? work.find((w) => w.aggregate);
  for (const w of work) {
    const level = w.row.level;
    if (!level || w === provinceRow) continue;
    for (const spec of profile.indicators) {
      if (!spec.inheritedBy.includes(level)) continue;
      const own = w.indicators.get(spec.id)!;
      const source = provinceRow?.indicators.get(spec.id);
      if ((own.status !== "absent" && own.status !== "missing") || !source || source.points === null) continue;
      w.indicators.set(spec.id, { status: "ok", ratio: source.ratio, points: source.points, problems: [], inherited: true });
    }
  }

  // 3. Groups, total, converted, rating, change, per unit.
  const scored: ScoredUnit[] = work.map((w) => scoreUnit(w, profile, tableProblems));

  // 4. Ranks, among non-aggregate units, per level when the profile says so.
  if (profile.ranking) {
    const byScope = new Map<string, number[]>();
    scored.forEach((u, i) => {
      if (u.aggregate || u.total === null) return;
      const scope = profile.ranking!.scope === "level" ? (u.level ?? "") : "";
      byScope.set(scope, [...(byScope.get(scope) ?? []), i]);
    });
    for (const ids of byScope.values()) {
      const ranks = rankValues(
        ids.map((i) => ({ id: i, value: scored[i].total!, name: scored[i].key || scored[i].name, row: scored[i].row })),
        profile.ranking.tie,
      );
      for (const [i, rank] of ranks) scored[i].rank = rank;
    }
  }

  return { profileId: profile.id, units: scored, problems: [...tableProblems.values()] };
}

function isAggregate(row: UnitRow, patterns: RegExp[]): boolean {
  if (row.aggregate) return true;
  const name = row.name.normalize("NFC").trim().toLowerCase();
  return patterns.some((re) => re.test(name) || (row.key !== "" && re.test(row.key)));
}

function has(row: UnitRow, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(row.values, field);
}

function scoreUnit(w: UnitWork, profile: Profile, tableProblems: Map<string, Problem>): ScoredUnit {
  const { row, cellOf } = w;
  const problems: Problem[] = [];
  const { decimals, mode } = profile.rounding;
  const push = (field: string | undefined, code: string, severity: Problem["severity"], message: string) =>
    problems.push({ cell: field ? cellOf(field) : undefined, field, code, severity, message });
  const tableProblem = (code: string, severity: Problem["severity"], message: string) => {
    if (!tableProblems.has(message)) tableProblems.set(message, { code, severity, message });
  };

  for (const outcome of w.indicators.values()) problems.push(...outcome.problems);

  const indicators: Record<string, IndicatorResult> = {};
  for (const [id, o] of w.indicators) {
    if (o.status === "absent" || o.status === "not-applicable") continue;
    indicators[id] = { ratio: o.ratio, points: o.points };
  }

  // A given group score (or the printed total), checked against its maximum.
  const readScore = (field: string, max: number, what: string): Part => {
    if (!has(row, field)) return { status: "absent", value: null };
    const v = row.values[field];
    if (v === null || v === undefined) return { status: "missing", value: null };
    if (v < 0) {
      push(field, "out-of-range", "error", `Điểm âm (${formatNumber(v)}) ở ${what}`);
      return { status: "invalid", value: null };
    }
    if (v > max + EPSILON) {
      push(field, "above-max", "error", `${formatNumber(v)} vượt quá điểm tối đa ${formatNumber(max)} của ${what}`);
      return { status: "invalid", value: null };
    }
    return { status: "ok", value: v };
  };

  // Groups.
  const groups: Record<string, number | null> = {};
  const groupParts = new Map<string, Part>();
  const groupWhat = (g: GroupSpec) => `nhóm “${g.label}”`;

  const plainGroups = profile.groups.filter((g) => g.combines.length === 0);
  const combinedGroups = profile.groups.filter((g) => g.combines.length > 0);

  for (const g of plainGroups) {
    const max = g.max - naMaxOf(profile, g.id, row);
    const given = readScore(g.id, max, groupWhat(g));
    const members = profile.basis === "indicators" ? scoredMembers(profile, g) : [];
    const outcomes = members.map((spec) => ({ spec, o: w.indicators.get(spec.id)! })).filter((m) => m.o.status !== "not-applicable");
    let part: Part;
    if (outcomes.length === 0 || outcomes.every((m) => m.o.status === "absent")) {
      part = given;
      if (given.status === "missing") push(g.id, "missing", "error", `Thiếu điểm ${groupWhat(g)} (ô trống): không tính là 0`);
    } else {
      const absent = outcomes.filter((m) => m.o.status === "absent");
      for (const m of absent) {
        push(
          `${m.spec.id}.points`,
          "missing",
          "error",
          `Thiếu ${describeIndicator(m.spec)} trong bảng nên không tính được điểm ${groupWhat(g)}`,
        );
      }
      if (outcomes.every((m) => m.o.points !== null)) {
        const value = round(sumDecimal(outcomes.map((m) => m.o.points!)), decimals, mode);
        part = { status: "ok", value };
        if (given.status === "ok" && Math.abs(given.value! - value) > GROUP_TOLERANCE + EPSILON) {
          push(
            g.id,
            "group-mismatch",
            "warning",
            `Điểm ${groupWhat(g)} in sẵn ${formatNumber(given.value!)} khác điểm tính từ các chỉ số ${formatNumber(value)}`,
          );
        }
      } else {
        part = { status: "missing", value: null };
      }
    }
    groupParts.set(g.id, part);
  }

  for (const g of combinedGroups) {
    const max = g.max - g.combines.reduce((s, id) => s + naMaxOf(profile, id, row), 0);
    const given = readScore(g.id, max, groupWhat(g));
    const memberParts = g.combines.map((id) => groupParts.get(id) ?? { status: "absent" as const, value: null });
    let part: Part;
    if (memberParts.every((p) => p.status === "absent")) {
      part = given;
      if (given.status === "missing") push(g.id, "missing", "error", `Thiếu điểm ${groupWhat(g)} (ô trống): không tính là 0`);
    } else if (memberParts.every((p) => p.status === "ok")) {
      const value = round(sumDecimal(memberParts.map((p) => p.value!)), decimals, mode);
      part = { status: "ok", value };
      if (given.status === "ok" && Math.abs(given.value! - value) > GROUP_TOLERANCE + EPSILON) {
        push(
          g.id,
          "group-mismatch",
          "warning",
          `Điểm ${groupWhat(g)} in sẵn ${formatNumber(given.value!)} khác tổng các nhóm thành phần ${formatNumber(value)}`,
        );
      }
    } else {
      part = { status: "missing", value: null };
    }
    groupParts.set(g.id, part);
  }

  for (const g of profile.groups) {
    const part = groupParts.get(g.id)!;
    if (part.status !== "absent") groups[g.id] = part.value;
  }

  // Total: what the basis adds up, or the printed total.
  const totalMax = profile.total?.max ?? Infinity;
  const printed = profile.total ? readScore("total", totalMax, `“${profile.total.label}”`) : { status: "absent" as const, value: null };
  let computed: number | null = null;
  if (profile.basis === "indicators" || profile.basis === "groups") {
    const components = totalComponents(profile, groupParts, w.indicators);
    // A component wholly absent from the table means no computed total (not a problem: any subset may be given).
    if (components.length > 0 && components.every((c) => c.part.status === "ok")) {
      computed = round(sumDecimal(components.map((c) => c.part.value!)), decimals, mode);
    }
  }
  let total: number | null = null;
  if (profile.basis === "total") {
    if (printed.status === "absent") tableProblem("missing", "error", `Bảng không có cột “${profile.total?.label ?? "Tổng điểm"}”`);
    if (printed.status === "missing") push("total", "missing", "error", `Thiếu “${profile.total?.label ?? "Tổng điểm"}” (ô trống): không xếp loại, xếp hạng`);
    total = printed.value;
  } else if (profile.basis !== "none") {
    // The printed total stands in only when the table does not give what the total is made of.
    total = computed ?? printed.value;
    if (computed !== null && printed.status === "ok") {
      const diff = Math.abs(subtractDecimal(printed.value!, computed));
      if (diff > (profile.total?.tolerance ?? 0) + EPSILON) {
        push(
          "total",
          "total-mismatch",
          "warning",
          `“${profile.total!.label}” in sẵn ${formatNumber(printed.value!)} khác tổng tính được ${formatNumber(computed)} (chênh ${formatNumber(round(diff, decimals, mode))})`,
        );
      }
    }
  }

  // Converted total on the profile's second scale.
  let converted: number | null = null;
  if (profile.scale && profile.total && total !== null) {
    converted = divideRounded(total, profile.total.max, profile.scale.max, profile.scale.decimals, mode);
    const printedConverted = has(row, "converted") ? row.values.converted : null;
    if (typeof printedConverted === "number" && Math.abs(printedConverted - converted) > CONVERTED_TOLERANCE + EPSILON) {
      push(
        "converted",
        "converted-mismatch",
        "warning",
        `“${profile.scale.label}” in sẵn ${formatNumber(printedConverted)} khác điểm quy đổi tính được ${formatNumber(converted)}`,
      );
    }
  }

  // Rating on the percent of the maximum.
  let band: Band | null = null;
  if (profile.rating && total !== null) {
    const percent =
      profile.rating.on === "converted" && profile.scale && converted !== null
        ? divideRounded(converted, profile.scale.max, 100, 6)
        : profile.total
          ? divideRounded(total, profile.total.max, 100, 6)
          : null;
    if (percent !== null) band = bandFor(profile.rating.bands, percent);
    const printedRating = row.texts?.rating;
    if (band && printedRating) {
      const printedBand = recogniseBand(profile.rating.bands, printedRating);
      if (printedBand && printedBand.key !== band.key) {
        push(
          "rating",
          "rating-mismatch",
          "warning",
          `Xếp loại in sẵn “${printedRating.trim()}” khác xếp loại tính được “${band.label}”`,
        );
      }
    }
  }

  // Change against the previous period.
  const previous = has(row, "previous") && typeof row.values.previous === "number" ? row.values.previous : null;
  let change: number | null = null;
  if (profile.change && total !== null && previous !== null) {
    change = round(subtractDecimal(total, previous), decimals, mode);
    const printedChange = has(row, "change") ? row.values.change : null;
    if (typeof printedChange === "number" && Math.abs(printedChange - change) > CHANGE_TOLERANCE + EPSILON) {
      push(
        "change",
        "change-mismatch",
        "warning",
        `Điểm tăng/giảm in sẵn ${formatNumber(printedChange)} khác ${formatNumber(change)} (= ${formatNumber(total)} − ${formatNumber(previous)})`,
      );
    }
  }

  const unit: ScoredUnit = {
    row: row.row,
    name: row.name,
    key: row.key,
    code: row.code,
    level: row.level,
    aggregate: w.aggregate,
    indicators,
    groups,
    total,
    converted,
    rating: band?.label ?? null,
    ratingKey: band?.key ?? null,
    rank: null,
    previous,
    change,
    flags: [],
    problems,
  };
  if (!w.aggregate) unit.flags = flagsFor(unit, row, profile);
  return unit;
}

/** Indicators that carry points into a group. */
function scoredMembers(profile: Profile, g: GroupSpec): IndicatorSpec[] {
  return profile.indicators.filter((i) => i.group === g.id && i.max > 0);
}

function naMaxOf(profile: Profile, groupId: string, row: UnitRow): number {
  return profile.indicators
    .filter((i) => i.group === groupId && row.level !== null && i.notApplicableFor.includes(row.level))
    .reduce((s, i) => s + i.max, 0);
}

/**
 * What the total adds up: every plain group, except that a combined group (DVTT) stands in for
 * its members when the table gives it and none of them; plus scored indicators outside groups.
 */
function totalComponents(
  profile: Profile,
  groupParts: Map<string, Part>,
  outcomes: Map<string, IndicatorOutcome>,
): { label: string; part: Part }[] {
  const out: { label: string; part: Part }[] = [];
  const replaced = new Set<string>();
  for (const g of profile.groups.filter((x) => x.combines.length > 0)) {
    const membersAbsent = g.combines.every((id) => (groupParts.get(id)?.status ?? "absent") === "absent");
    if (membersAbsent && groupParts.get(g.id)!.status !== "absent") {
      g.combines.forEach((id) => replaced.add(id));
      out.push({ label: `nhóm “${g.label}”`, part: groupParts.get(g.id)! });
    }
  }
  for (const g of profile.groups) {
    if (g.combines.length > 0 || replaced.has(g.id)) continue;
    out.push({ label: `nhóm “${g.label}”`, part: groupParts.get(g.id)! });
  }
  for (const spec of profile.indicators) {
    if (spec.group || spec.max === 0) continue;
    const o = outcomes.get(spec.id)!;
    if (o.status === "not-applicable") continue;
    out.push({ label: describeIndicator(spec), part: { status: o.status, value: o.points } });
  }
  return out;
}

/** The first band whose lower bound the percent reaches; the last band takes anything lower. */
export function bandFor(bands: readonly Band[], percent: number): Band {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => percent >= b.min - EPSILON) ?? sorted[sorted.length - 1];
}

/** A printed rating ("Tốt", "TỐT", "TB", "Trung bình") → its band, or null when unknown. */
function recogniseBand(bands: readonly Band[], text: string): Band | null {
  const t = foldText(text);
  if (!t) return null;
  const synonyms: Record<string, string> = { tb: "trung-binh", "trung binh": "trung-binh", "xuat sac": "xuat-sac" };
  return (
    bands.find((b) => foldText(b.label) === t || foldText(b.key) === t) ??
    bands.find((b) => b.key === synonyms[t]) ??
    null
  );
}

function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[\s-]+/g, " ")
    .trim();
}

function flagsFor(unit: ScoredUnit, row: UnitRow, profile: Profile): Flag[] {
  const flags: Flag[] = [];
  for (const rule of profile.flags) {
    const value = valueOf(rule.field, unit, row);
    if (value === null) continue;
    const fires = rule.op === "below" ? value < rule.threshold - EPSILON : value > rule.threshold + EPSILON;
    if (!fires) continue;
    flags.push({
      field: rule.field,
      value,
      threshold: rule.threshold,
      op: rule.op,
      underline: rule.underline.length > 0 ? [...rule.underline] : [rule.field],
    });
  }
  return flags;
}

/** The value a flag rule looks at: computed results first, then the row's own values. */
function valueOf(field: string, unit: ScoredUnit, row: UnitRow): number | null {
  switch (field) {
    case "total":
      return unit.total;
    case "converted":
      return unit.converted;
    case "previous":
      return unit.previous;
    case "change":
      return unit.change;
  }
  if (field in unit.groups) return unit.groups[field];
  const dot = field.lastIndexOf(".");
  if (dot > 0) {
    const id = field.slice(0, dot);
    const part = field.slice(dot + 1);
    const result = unit.indicators[id];
    if (result && part === "ratio") return result.ratio;
    if (result && part === "points") return result.points;
  }
  const v = row.values[field];
  return typeof v === "number" ? v : null;
}
