/**
 * One unit scored to a plain object (METHOD.md §3–§6): indicators, those inherited from the
 * province row, groups, total, converted total, rating, change and flags, with the unit's
 * problems in that order. The rank is set afterwards, over all units.
 */
import { inputErrorText, type InputError, type Problem, type IndicatorResult, type ScoredUnit, type UnitRow } from "../model/units";
import { flagsFor } from "./flags";
import { groupsRecord, reporter, scoreGroups } from "./groups";
import { scoreIndicator } from "./indicator";
import { ratingOf } from "./rating";
import { changeOf, convertedOf, printedValue, totalOf } from "./totals";
import type { CompiledProfile, IndicatorOutcome } from "./types";

/** Every indicator of a row, in profile order. */
export function scoreIndicators(row: UnitRow, c: CompiledProfile): IndicatorOutcome[] {
  return c.indicators.map((ind) => scoreIndicator(row, ind, c));
}

/**
 * Departments and communes take province-level indicators (those with inheritedBy) from the
 * province row where their own are absent or missing; the province's own problems stay on its row.
 */
export function inheritFromProvince(row: UnitRow, own: IndicatorOutcome[], province: readonly IndicatorOutcome[], c: CompiledProfile): IndicatorOutcome[] {
  const level = row.level;
  if (level === null) return own;
  return own.map((o, i) => {
    const from = province[i];
    const inherits = c.indicators[i].spec.inheritedBy.includes(level);
    if (!inherits || (o.status !== "absent" && o.status !== "missing")) return o;
    if (from.status === "absent" || from.status === "not-applicable" || from.points === null) return o;
    return { status: "ok", ratio: from.ratio, points: from.points, problems: [] };
  });
}

/** The `indicators` record: every indicator the table has something of (not absent, not inapplicable), in profile order. */
function indicatorsRecord(c: CompiledProfile, indicators: readonly IndicatorOutcome[]): Record<string, IndicatorResult> {
  const record: Record<string, IndicatorResult> = {};
  indicators.forEach((o, i) => {
    if (o.status !== "absent" && o.status !== "not-applicable") record[c.indicators[i].spec.id] = { ratio: o.ratio, points: o.points };
  });
  return record;
}

/** The scored unit (rank still null) and a problem of the whole table, if the unit found one. */
export function scoreUnit(row: UnitRow, aggregate: boolean, indicators: readonly IndicatorOutcome[], c: CompiledProfile): { unit: ScoredUnit; tableProblem: Problem | null } {
  const groupProblems: Problem[] = [];
  const { parts, covered } = scoreGroups(row, indicators, c, reporter(row, c, groupProblems));
  // A blank indicator a printed group score stands in for is not missing; its other problems stay.
  const problems: Problem[] = indicators.flatMap((o, i) => (covered.has(i) ? o.problems.filter((p) => p.code !== "missing") : o.problems));
  problems.push(...groupProblems);
  const report = reporter(row, c, problems);
  const { total, tableProblem } = totalOf(row, c, parts, indicators, report);
  const converted = convertedOf(row, total, c, report);
  const notRated = firstInputError(row, problems, c);
  const band = notRated === undefined ? ratingOf(row, total, converted, c, report) : null;
  const previous = printedValue(row, "previous");
  const change = changeOf(row, total, previous, c, report);
  const unit: ScoredUnit = {
    row: row.row,
    name: row.name,
    key: row.key,
    code: row.code,
    level: row.level,
    aggregate,
    indicators: indicatorsRecord(c, indicators),
    groups: groupsRecord(c, parts),
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
  if (notRated !== undefined) {
    unit.notRated = notRated;
    const message = notRatedMessage(notRated, row, c);
    const follows = notRated.cell !== null ? { follows: { cell: notRated.cell, effect: `${row.name}: ${lowerFirst(notRatedWhat(row, c))}` } } : {};
    problems.push({ cell: c.cellOf(row, "name"), code: "not-rated", severity: "error", message, ...follows });
  }
  if (!aggregate && c.profile.flags.length > 0) unit.flags = flagsFor(unit, row, c.profile);
  return { unit, tableProblem };
}

/** The engine's problems that say an input cell is unusable (a blank is missing, not one of these). */
const INPUT_ERRORS = new Set(["out-of-range", "above-max"]);

/**
 * The unit's first unusable input cell (the reader's, then the engine's) and how many more it
 * has; undefined when every cell is usable or the method neither rates nor ranks.
 */
function firstInputError(row: UnitRow, problems: readonly Problem[], c: CompiledProfile): InputError | undefined {
  if (!c.profile.rating && !c.profile.ranking) return undefined;
  const bad: { cell: string | null; why: string }[] = Object.entries(row.invalid ?? {}).map(([field, why]) => ({ cell: c.cellOf(row, field) ?? null, why }));
  for (const p of problems) if (p.severity === "error" && INPUT_ERRORS.has(p.code)) bad.push({ cell: p.cell ?? null, why: p.message });
  return bad.length > 0 ? { ...bad[0], others: bad.length - 1 } : undefined;
}

/** "Chưa xếp loại, xếp hạng vì ô 'Phụ lục 1'!D6 có lỗi: …", saying only what the method does. */
function notRatedMessage(error: InputError, row: UnitRow, c: CompiledProfile): string {
  return `${notRatedWhat(row, c)} vì ${inputErrorText(error)}`;
}

function notRatedWhat(row: UnitRow, c: CompiledProfile): string {
  const { rating, ranking } = c.profile;
  return rating && ranking && !row.aggregate ? "Chưa xếp loại, xếp hạng" : rating ? "Chưa xếp loại" : "Chưa xếp hạng";
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
