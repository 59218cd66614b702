/**
 * The scoring engine: unit rows + a profile → scored units. Pure and deterministic: no I/O,
 * no clock, no dependence on row order except that output units keep the input order.
 *
 * Steps per unit (METHOD.md §3–§5): indicators (counts → ratio → points, rounded half-up) →
 * inheritance of province-level indicators → groups (sum of rounded points) → total (sum of
 * groups, or the printed total for basis "total") → converted total → rating → rank → change
 * → flags. Missing data is reported and never scored as 0.
 */
import type { Band, GroupSpec, Profile } from "../model/profile";
import type { Flag, IndicatorResult, Problem, ScoreResult, ScoredUnit, UnitRow } from "../model/units";
import { quoteSheet } from "../model/grid";
import { formatNumber } from "./format";
import { EPSILON, describeIndicator, fieldsOf, scoreIndicator, type IndicatorOutcome } from "./indicator";
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

const ABSENT: Part = { status: "absent", value: null };
const MISSING: Part = { status: "missing", value: null };

/** What scoreIndicator returns: an outcome, or (the common case) the bare result, status "ok". */
type Outcome = IndicatorOutcome | IndicatorResult;
const NO_PROBLEMS: readonly Problem[] = [];

function statusOf(o: Outcome): IndicatorOutcome["status"] {
  return "status" in o ? o.status : "ok";
}

function problemsOf(o: Outcome): readonly Problem[] {
  return "status" in o ? o.problems : NO_PROBLEMS;
}

interface UnitWork {
  row: UnitRow;
  aggregate: boolean;
  cellOf: (field: string) => string | undefined;
  /** Outcomes in the order of profile.indicators. */
  indicators: Outcome[];
}

/**
 * What score() derives from the profile once per call rather than once per unit: a 100k-unit
 * table would otherwise filter the indicator list a million times.
 */
interface ProfileShape {
  plainGroups: GroupSpec[];
  combinedGroups: GroupSpec[];
  /** Per plain group: indices (in profile.indicators) of its scored members (basis "indicators"). */
  members: Map<string, number[]>;
  /** Scored indicators outside any group (they add to the total). */
  ungrouped: number[];
  /** Points of a group's indicators that do not apply at a level, by level then group id. */
  naMaxByLevel: Map<string, Map<string, number>>;
  bandsHighFirst: Band[];
  /** The unit's indicator record, built by recordBuilder (see there). */
  records: (present: number, outcomes: readonly Outcome[]) => Record<string, IndicatorResult>;
  /** Whether a (normalised) name matches any aggregate pattern. */
  aggregate: ((name: string) => boolean) | null;
}

function shapeOf(profile: Profile): ProfileShape {
  const members = new Map<string, number[]>();
  const naMaxByLevel = new Map<string, Map<string, number>>();
  const ungrouped: number[] = [];
  profile.indicators.forEach((spec, i) => {
    if (!spec.group) {
      if (spec.max > 0) ungrouped.push(i);
      return;
    }
    if (profile.basis === "indicators" && spec.max > 0) {
      const list = members.get(spec.group);
      if (list) list.push(i);
      else members.set(spec.group, [i]);
    }
    for (const level of spec.notApplicableFor) {
      const byGroup = naMaxByLevel.get(level) ?? new Map<string, number>();
      byGroup.set(spec.group, (byGroup.get(spec.group) ?? 0) + spec.max);
      naMaxByLevel.set(level, byGroup);
    }
  });
  return {
    plainGroups: profile.groups.filter((g) => g.combines.length === 0),
    combinedGroups: profile.groups.filter((g) => g.combines.length > 0),
    members,
    ungrouped,
    naMaxByLevel,
    bandsHighFirst: profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [],
    aggregate: aggregateMatcher(profile.aggregatePatterns),
    records: recordBuilder(profile.indicators.map((spec) => spec.id)),
  };
}

export function score(units: UnitRow[], profile: Profile, options: ScoreOptions = {}): ScoreResult {
  const shape = shapeOf(profile);
  const tableProblems = new Map<string, Problem>();
  const specs = profile.indicators;
  const rowOnly = options.sheet !== undefined ? quoteSheet(options.sheet) : undefined;

  const cellOfRow = (row: UnitRow) => (field: string): string | undefined =>
    row.cells?.[field] ?? (rowOnly !== undefined ? `${rowOnly}!${row.row + 1}:${row.row + 1}` : undefined);
  const fields = specs.map(fieldsOf);
  const indicatorsOf = (row: UnitRow, cellOf: (field: string) => string | undefined): Outcome[] => {
    const outcomes: Outcome[] = new Array(specs.length);
    for (let i = 0; i < specs.length; i++) outcomes[i] = scoreIndicator(row, specs[i], profile, cellOf, fields[i]);
    return outcomes;
  };

  // 1. The province row (or the first aggregate row): departments and communes take
  //    province-level indicators from it.
  const aggregate = units.map((row) => isAggregate(row, shape.aggregate));
  let provinceIndex = units.findIndex((row) => row.level === "province");
  if (provinceIndex < 0) provinceIndex = aggregate.indexOf(true);
  const province = provinceIndex >= 0 ? indicatorsOf(units[provinceIndex], cellOfRow(units[provinceIndex])) : null;
  const inheritable = specs.map((_, i) => i).filter((i) => specs[i].inheritedBy.length > 0);

  // 2. Indicators, then groups, total, converted, rating, change, unit by unit (so that the
  //    per-indicator work of one unit is garbage before the next: 100k units would otherwise
  //    keep millions of intermediate objects alive).
  const scored: ScoredUnit[] = units.map((row, u) => {
    const cellOf = cellOfRow(row);
    const indicators = u === provinceIndex ? province! : indicatorsOf(row, cellOf);
    const level = row.level;
    if (level && u !== provinceIndex) {
      for (const i of inheritable) {
        if (!specs[i].inheritedBy.includes(level)) continue;
        const own = indicators[i];
        const source = province?.[i];
        const status = statusOf(own);
        if ((status !== "absent" && status !== "missing") || !source || source.points === null) continue;
        indicators[i] = { status: "ok", ratio: source.ratio, points: source.points, problems: [], inherited: true };
      }
    }
    return scoreUnit({ row, aggregate: aggregate[u], cellOf, indicators }, profile, shape, tableProblems);
  });

  // 4. Ranks, among non-aggregate units, per level when the profile says so.
  if (profile.ranking) {
    const byScope = new Map<string, number[]>();
    scored.forEach((u, i) => {
      if (u.aggregate || u.total === null) return;
      const scope = profile.ranking!.scope === "level" ? (u.level ?? "") : "";
      const ids = byScope.get(scope);
      if (ids) ids.push(i);
      else byScope.set(scope, [i]);
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

/**
 * Builds each unit's `indicators` record: { "1.1": { ratio, points }, … } with the indicators the
 * unit has. Adding 21 keys one by one to `{}` turns it into a slow dictionary object and was the
 * engine's costliest line; an object made by a constructor that always adds the same keys in the
 * same order stays a fast object, about three times cheaper. One constructor per set of present
 * indicators (a bit mask; tables have one or two); the records behave as plain objects (own
 * enumerable keys, JSON, Object.entries). Beyond 31 indicators the plain way is used.
 */
function recordBuilder(ids: readonly string[]): (present: number, outcomes: readonly Outcome[]) => Record<string, IndicatorResult> {
  type Build = new (outcomes: readonly Outcome[]) => Record<string, IndicatorResult>;
  const builders = new Map<number, Build>();
  const plain = (present: number, outcomes: readonly Outcome[]) => {
    const record: Record<string, IndicatorResult> = {};
    outcomes.forEach((o, i) => {
      const status = statusOf(o);
      if (status !== "absent" && status !== "not-applicable") record[ids[i]] = "status" in o ? { ratio: o.ratio, points: o.points } : o;
    });
    return record;
  };
  if (ids.length > 31) return plain;
  return (present, outcomes) => {
    let Builder = builders.get(present);
    if (!Builder) {
      const at = ids.map((_, i) => i).filter((i) => (present & (1 << i)) !== 0);
      const keys = at.map((i) => ids[i]);
      Builder = class IndicatorRecord {
        [id: string]: IndicatorResult;
        constructor(outcomes: readonly Outcome[]) {
          for (let k = 0; k < keys.length; k++) {
            const o = outcomes[at[k]];
            this[keys[k]] = "status" in o ? { ratio: o.ratio, points: o.points } : o;
          }
        }
      };
      builders.set(present, Builder);
    }
    return new Builder(outcomes);
  };
}

/**
 * One expression for all patterns (two tests per row instead of ten), unless a pattern uses a
 * numbered backreference, which joining would renumber.
 */
function aggregateMatcher(patterns: readonly string[]): ((name: string) => boolean) | null {
  if (patterns.length === 0) return null;
  if (patterns.some((p) => /\\[1-9]/.test(p))) {
    const list = patterns.map((p) => new RegExp(p, "i"));
    return (name) => list.some((re) => re.test(name));
  }
  const joined = new RegExp(patterns.map((p) => `(?:${p})`).join("|"), "i");
  return (name) => joined.test(name);
}

function isAggregate(row: UnitRow, matches: ((name: string) => boolean) | null): boolean {
  if (row.aggregate) return true;
  if (!matches) return false;
  const name = row.name.normalize("NFC").trim().toLowerCase();
  return matches(name) || (row.key !== "" && matches(row.key));
}

function has(row: UnitRow, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(row.values, field);
}

const groupWhat = (g: GroupSpec) => `nhóm “${g.label}”`;

function scoreUnit(w: UnitWork, profile: Profile, shape: ProfileShape, tableProblems: Map<string, Problem>): ScoredUnit {
  const { row, cellOf } = w;
  const specs = profile.indicators;
  const problems: Problem[] = [];
  const { decimals, mode } = profile.rounding;
  const push = (field: string | undefined, code: string, severity: Problem["severity"], message: string) =>
    problems.push({ cell: field ? cellOf(field) : undefined, field, code, severity, message });

  let present = 0;
  for (let i = 0; i < specs.length; i++) {
    const o = w.indicators[i];
    const status = statusOf(o);
    const own = problemsOf(o);
    if (own.length > 0) problems.push(...own);
    if (status !== "absent" && status !== "not-applicable") present |= 1 << i;
  }
  const indicators = shape.records(present, w.indicators);

  // A given group score (or the printed total), checked against its maximum.
  const readScore = (field: string, max: number, what: () => string): Part => {
    const v = row.values[field];
    // One lookup for the usual number; hasOwnProperty only to tell absent from a blank or odd value.
    if ((v === undefined || (typeof v !== "number" && v !== null)) && !has(row, field)) return ABSENT;
    if (v === null || v === undefined) return MISSING;
    if (v < 0) {
      push(field, "out-of-range", "error", `Điểm âm (${formatNumber(v)}) ở ${what()}`);
      return { status: "invalid", value: null };
    }
    if (v > max + EPSILON) {
      push(field, "above-max", "error", `${formatNumber(v)} vượt quá điểm tối đa ${formatNumber(max)} của ${what()}`);
      return { status: "invalid", value: null };
    }
    return { status: "ok", value: v };
  };
  const naMax = row.level === null ? null : shape.naMaxByLevel.get(row.level);

  // Groups.
  const groups: Record<string, number | null> = {};
  const groupParts = new Map<string, Part>();
  const points: number[] = [];

  for (const g of shape.plainGroups) {
    const given = readScore(g.id, g.max - (naMax?.get(g.id) ?? 0), () => groupWhat(g));
    const members = shape.members.get(g.id);
    let applicable = 0;
    let absent = 0;
    let allScored = true;
    points.length = 0;
    if (members) {
      for (const i of members) {
        const o = w.indicators[i];
        const status = statusOf(o);
        if (status === "not-applicable") continue;
        applicable += 1;
        if (status === "absent") absent += 1;
        if (o.points === null) allScored = false;
        else points.push(o.points);
      }
    }
    let part: Part;
    if (applicable === absent) {
      part = given;
      if (given.status === "missing") push(g.id, "missing", "error", `Thiếu điểm ${groupWhat(g)} (ô trống): không tính là 0`);
    } else {
      if (absent > 0) {
        for (const i of members!) {
          if (statusOf(w.indicators[i]) !== "absent") continue;
          push(
            `${specs[i].id}.points`,
            "missing",
            "error",
            `Thiếu ${describeIndicator(specs[i])} trong bảng nên không tính được điểm ${groupWhat(g)}`,
          );
        }
      }
      if (allScored) {
        const value = round(sumDecimal(points), decimals, mode);
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
        part = MISSING;
      }
    }
    groupParts.set(g.id, part);
  }

  for (const g of shape.combinedGroups) {
    const max = g.max - g.combines.reduce((s, id) => s + (naMax?.get(id) ?? 0), 0);
    const given = readScore(g.id, max, () => groupWhat(g));
    const memberParts = g.combines.map((id) => groupParts.get(id) ?? ABSENT);
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
      part = MISSING;
    }
    groupParts.set(g.id, part);
  }

  for (const g of profile.groups) {
    const part = groupParts.get(g.id)!;
    if (part.status !== "absent") groups[g.id] = part.value;
  }

  // Total: what the basis adds up, or the printed total.
  const totalMax = profile.total?.max ?? Infinity;
  const printed = profile.total ? readScore("total", totalMax, () => `“${profile.total!.label}”`) : ABSENT;
  let computed: number | null = null;
  if (profile.basis === "indicators" || profile.basis === "groups") {
    // A component wholly absent from the table means no computed total (not a problem: any subset may be given).
    const components = totalComponents(profile, shape, groupParts, w.indicators);
    if (components !== null) computed = round(sumDecimal(components), decimals, mode);
  }
  let total: number | null = null;
  if (profile.basis === "total") {
    const message = `Bảng không có cột “${profile.total?.label ?? "Tổng điểm"}”`;
    if (printed.status === "absent" && !tableProblems.has(message)) tableProblems.set(message, { code: "missing", severity: "error", message });
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
    if (percent !== null) band = bandInOrder(shape.bandsHighFirst, percent);
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
  const previousValue = row.values.previous;
  const previous = typeof previousValue === "number" && has(row, "previous") ? previousValue : null;
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
  if (!w.aggregate && profile.flags.length > 0) unit.flags = flagsFor(unit, row, profile);
  return unit;
}

/**
 * The values the total adds up, or null when one of them is not available: every plain group,
 * except that a combined group (DVTT) stands in for its members when the table gives it and
 * none of them; plus scored indicators outside groups. Null also when there is nothing to add.
 */
function totalComponents(
  profile: Profile,
  shape: ProfileShape,
  groupParts: Map<string, Part>,
  outcomes: readonly Outcome[],
): number[] | null {
  const values: number[] = [];
  let replaced: Set<string> | null = null;
  for (const g of shape.combinedGroups) {
    const membersAbsent = g.combines.every((id) => (groupParts.get(id)?.status ?? "absent") === "absent");
    const part = groupParts.get(g.id)!;
    if (membersAbsent && part.status !== "absent") {
      replaced ??= new Set<string>();
      for (const id of g.combines) replaced.add(id);
      if (part.status !== "ok") return null;
      values.push(part.value!);
    }
  }
  for (const g of profile.groups) {
    if (g.combines.length > 0 || replaced?.has(g.id)) continue;
    const part = groupParts.get(g.id)!;
    if (part.status !== "ok") return null;
    values.push(part.value!);
  }
  for (const i of shape.ungrouped) {
    const o = outcomes[i];
    const status = statusOf(o);
    if (status === "not-applicable") continue;
    if (status !== "ok") return null;
    values.push(o.points!);
  }
  return values.length > 0 ? values : null;
}

/** The first band whose lower bound the percent reaches; the last band takes anything lower. */
export function bandFor(bands: readonly Band[], percent: number): Band {
  return bandInOrder([...bands].sort((a, b) => b.min - a.min), percent);
}

/** bandFor on bands already sorted by lower bound, highest first. */
function bandInOrder(sorted: readonly Band[], percent: number): Band {
  for (const b of sorted) if (percent >= b.min - EPSILON) return b;
  return sorted[sorted.length - 1];
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
