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
import { EPSILON, describeIndicator, fieldsOf, scoreIndicator, type IndicatorFields, type IndicatorOutcome } from "./indicator";
import { rankValues, ranksByValue } from "./rank";
import { divideRounded, round, roundQuotient, subtractDecimal, sumDecimal, type RoundingMode } from "./round";

export { roundHalfUp, round, divideRounded, sumDecimal, subtractDecimal, type RoundingMode } from "./round";
export { rankValues, type TieRule, type Rankable } from "./rank";
export { pointsFor, describeIndicator } from "./indicator";

export interface ScoreOptions {
  /** Sheet name: lets problems without a field cell name the unit's row ("Sheet1!7:7"). */
  sheet?: string;
  /**
   * Every field any row's `values` may hold (the table's mapped columns: the reader's
   * `Object.keys(layout.columns)`). Only an optimisation of absence: fields not listed are not
   * looked up (e.g. printed ratio/points when the table has counts only). It must be a superset
   * of each row's value keys; the first row is checked and a hint it contradicts is ignored.
   * Without it, every field the profile can use is looked up in every row.
   */
  fields?: readonly string[];
  /**
   * Build every unit's `indicators` record during score(). By default a record is built on
   * first access (same keys, order and values); callers that read every record anyway may ask
   * for them up front.
   */
  eagerIndicators?: boolean;
}

/** Below this, sums of whole hundredths are exact (as in round.ts's sumDecimal). */
const SAFE_HUNDREDTHS = 2 ** 50;
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

/** Shared by every unit and outcome without problems (or flags); frozen, so a push fails loudly. */
const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];
const NO_FLAGS = Object.freeze([]) as unknown as Flag[];

/** A commune's 3.1: one shared outcome (read-only) instead of one per unit. */
const NOT_APPLICABLE: IndicatorOutcome = Object.freeze({ status: "not-applicable", ratio: null, points: null, problems: NO_PROBLEMS });
/** An indicator none of whose fields is in the table. */
const ABSENT_OUTCOME: IndicatorOutcome = Object.freeze({ status: "absent", ratio: null, points: null, problems: NO_PROBLEMS });

/**
 * Which fields rows may hold: a set when known (the caller's hint, checked on the first row),
 * null when unknown (every field the profile can use is then looked up in every row).
 */
type FieldPresence = ReadonlySet<string> | null;

function fieldPresence(units: readonly UnitRow[], hint: readonly string[] | undefined): FieldPresence {
  if (hint === undefined) return null;
  const fields = new Set(hint);
  // One row checked (a few dozen keys): a hint built from another table's layout is caught here;
  // a row deviating later is the caller's contract (the reader gives every row the same fields).
  const first = units[0];
  if (first !== undefined) for (const key in first.values) if (!fields.has(key)) return null;
  return fields;
}

const mayHave = (presence: FieldPresence, field: string): boolean => presence === null || presence.has(field);

/**
 * One indicator compiled once per call: field names, maximum in hundredths, rule and
 * zero-denominator result as plain numbers, so the unit loop does no string building and no
 * profile lookups.
 */
interface Step {
  spec: IndicatorSpec;
  fields: IndicatorFields;
  notApplicableFor: readonly string[];
  scored: boolean;
  /** Whether rows may hold a printed ratio / printed points (else they are not looked up). */
  ratioPresent: boolean;
  pointsPresent: boolean;
  /** No field of the indicator is in the table: absent without a lookup. */
  absent: boolean;
  /** 100 × max when that is a whole number, else NaN (decimal.js path). */
  maxHundredths: number;
  /** 0 for the linear rule, the target percent when whole, else NaN (decimal.js path). */
  target: number;
  /** round(max): points once the target is reached. */
  fullPoints: number;
  /** Whether a zero denominator gives a result (policy "full" or "zero"; "missing" is reported). */
  zeroScored: boolean;
  /** The ratio and points (NaN for none) of a zero denominator. */
  zeroRatio: number;
  zeroPoints: number;
}

function compileStep(spec: IndicatorSpec, profile: Profile, presence: FieldPresence): Step {
  const { decimals, mode } = profile.rounding;
  const scored = spec.max > 0;
  const maxHundredths = Math.round(spec.max * 100);
  const full = spec.zeroDenominator === "full";
  const fields = fieldsOf(spec);
  const ratioPresent = mayHave(presence, fields.ratio);
  const pointsPresent = mayHave(presence, fields.points);
  return {
    spec,
    fields,
    notApplicableFor: spec.notApplicableFor,
    scored,
    ratioPresent,
    pointsPresent,
    absent: !ratioPresent && !pointsPresent && !mayHave(presence, fields.numerator) && !mayHave(presence, fields.denominator),
    maxHundredths: maxHundredths / 100 === spec.max ? maxHundredths : NaN,
    target: spec.rule.kind === "linear" ? 0 : Number.isInteger(spec.rule.target) ? spec.rule.target : NaN,
    fullPoints: round(spec.max, decimals, mode),
    zeroScored: spec.zeroDenominator !== "missing",
    zeroRatio: full ? 100 : 0,
    zeroPoints: scored ? (full ? spec.max : 0) : NaN,
  };
}

/** An indicator's status as a small number, kept in a typed array per unit. */
const OK = 0;
const ABSENT_STATUS = 1;
const MISSING_STATUS = 2;
const INVALID_STATUS = 3;
const NOT_APPLICABLE_STATUS = 4;
const STATUS_CODE: Record<IndicatorOutcome["status"], number> = {
  ok: OK,
  absent: ABSENT_STATUS,
  missing: MISSING_STATUS,
  invalid: INVALID_STATUS,
  "not-applicable": NOT_APPLICABLE_STATUS,
};

/** Whether an indicator with this status has an entry in the unit's `indicators` record. */
const inRecord = (status: number): boolean => status !== ABSENT_STATUS && status !== NOT_APPLICABLE_STATUS;

/**
 * The indicators of one unit, by position in profile.indicators, as parallel arrays reused
 * from unit to unit: numbers in typed arrays rather than an outcome object per indicator.
 */
interface UnitIndicators {
  status: Uint8Array;
  /** Ratio and points; NaN for none (null). */
  ratio: Float64Array;
  points: Float64Array;
  /** The indicator's problems, null when none. */
  problems: (readonly Problem[] | null)[];
}

function unitIndicators(count: number): UnitIndicators {
  return {
    status: new Uint8Array(count),
    ratio: new Float64Array(count),
    points: new Float64Array(count),
    problems: new Array<readonly Problem[] | null>(count).fill(null),
  };
}

/** Stores scoreIndicator's outcome (or bare result) at position i. */
function storeOutcome(into: UnitIndicators, i: number, o: IndicatorOutcome | IndicatorResult): void {
  into.status[i] = "status" in o ? STATUS_CODE[o.status] : OK;
  into.ratio[i] = o.ratio === null ? NaN : o.ratio;
  into.points[i] = o.points === null ? NaN : o.points;
  into.problems[i] = "status" in o && o.problems.length > 0 ? o.problems : null;
}

/**
 * The common case, exactly as scoreIndicator's first branch: counts only, both usable, nothing
 * to report, integer arithmetic decides the rounding. False sends the indicator to
 * scoreIndicator (checks, problems, decimal.js), which gives the same numbers when both apply.
 */
function countsInto(values: UnitRow["values"], step: Step, decimals: number, mode: RoundingMode, into: UnitIndicators, i: number): boolean {
  const fields = step.fields;
  const n = values[fields.numerator];
  const d = values[fields.denominator];
  if (typeof n !== "number" || typeof d !== "number" || !(n >= 0 && n <= d)) return false;
  // Printed values are looked up only when the table may have them (hash lookups in big rows).
  if (step.ratioPresent && typeof values[fields.ratio] === "number") return false;
  if (step.pointsPresent && typeof values[fields.points] === "number") return false;
  let ratio: number;
  let points = NaN;
  if (d === 0) {
    if (!step.zeroScored) return false;
    ratio = step.zeroRatio;
    points = step.zeroPoints;
  } else {
    ratio = roundQuotient(n * 100, d, decimals, mode);
    if (ratio !== ratio) return false;
    if (step.scored) {
      const target = step.target;
      if (target === 0) points = roundQuotient(n * step.maxHundredths, d * 100, decimals, mode);
      else if (n * 100 >= d * target) points = step.maxHundredths === step.maxHundredths ? step.fullPoints : NaN;
      else points = roundQuotient(n * step.maxHundredths, d * target, decimals, mode);
      if (points !== points) return false;
    }
  }
  into.status[i] = OK;
  into.ratio[i] = ratio;
  into.points[i] = points;
  into.problems[i] = null;
  return true;
}

/** A group of the profile, with what the unit loop needs about it precomputed. */
interface GroupEntry {
  spec: GroupSpec;
  /** Position in profile.groups. */
  at: number;
  /** “nhóm …”, for messages. */
  what: string;
  /** Plain group: positions (in profile.indicators) of its scored members (basis "indicators"). */
  members: number[] | null;
  /** Combined group: positions (in profile.groups) of the groups it combines; −1 for an unknown id. */
  combines: number[];
  /** Whether rows may give the group's score (else it is absent without a lookup). */
  present: boolean;
}

/**
 * What score() derives from the profile once per call rather than once per unit: a 100k-unit
 * table would otherwise filter the indicator list a million times. Group results of one unit
 * live in `parts` (by position in profile.groups), reused from unit to unit.
 */
interface ProfileShape {
  plainGroups: GroupEntry[];
  combinedGroups: GroupEntry[];
  /** Scored indicators outside any group (they add to the total). */
  ungrouped: number[];
  /** Maximum of each group (by position) for a level, less the points that do not apply there. */
  groupMaxFor: (level: string | null) => readonly number[];
  bandsHighFirst: Band[];
  /** A unit's indicator record from its columns (see indicatorRecordBuilder). */
  records: IndicatorRecordBuilder;
  /** Position in profile.indicators by id (flags on "<id>.ratio" / "<id>.points"). */
  indicatorAt: ReadonlyMap<string, readonly number[]>;
  /** Whether rows may hold these fields (else not looked up). */
  totalPresent: boolean;
  previousPresent: boolean;
  changePresent: boolean;
  convertedPresent: boolean;
  /** The unit's groups record (see fixedShapeBuilder). */
  groupRecords: (values: readonly (number | null | undefined)[]) => Record<string, number | null>;
  /** Whether a (normalised) name matches any aggregate pattern. */
  aggregate: ((name: string) => boolean) | null;
  /** “Tổng điểm”, for messages. */
  totalWhat: string;
  // Scratch space of the unit being scored.
  parts: (Part | undefined)[];
  groupValues: (number | null | undefined)[];
  points: number[];
  components: number[];
  replaced: boolean[];
}

/**
 * Record builders by list of ids (profiles are few), kept across calls: records of every call
 * then share their shapes, and code reading them stays monomorphic.
 */
const recordBuilders = new Map<string, IndicatorRecordBuilder>();
const groupRecordBuilders = new Map<string, ReturnType<typeof fixedShapeBuilder<number | null>>>();

function cached<T>(cache: Map<string, T>, ids: readonly string[], make: (ids: readonly string[]) => T): T {
  const key = ids.join("\u0000");
  let value = cache.get(key);
  if (value === undefined) {
    value = make(ids);
    cache.set(key, value);
  }
  return value;
}

function shapeOf(profile: Profile, presence: FieldPresence): ProfileShape {
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
  // Like a Map from id: a later group with the same id wins.
  const positionOf = new Map<string, number>();
  profile.groups.forEach((g, at) => positionOf.set(g.id, at));
  const entries: GroupEntry[] = profile.groups.map((spec, at) => ({
    spec,
    at,
    what: groupWhat(spec),
    members: spec.combines.length === 0 ? (members.get(spec.id) ?? null) : null,
    combines: spec.combines.map((id) => positionOf.get(id) ?? -1),
    present: mayHave(presence, spec.id),
  }));
  const indicatorAt = new Map<string, number[]>();
  profile.indicators.forEach((spec, i) => {
    const list = indicatorAt.get(spec.id);
    if (list) list.push(i);
    else indicatorAt.set(spec.id, [i]);
  });
  const maxima = (naMax: Map<string, number> | undefined): number[] =>
    profile.groups.map((g) =>
      g.combines.length === 0 ? g.max - (naMax?.get(g.id) ?? 0) : g.max - g.combines.reduce((s, id) => s + (naMax?.get(id) ?? 0), 0),
    );
  const plainMaxima = maxima(undefined);
  const maximaByLevel = new Map<string, number[]>();
  for (const [level, naMax] of naMaxByLevel) maximaByLevel.set(level, maxima(naMax));
  return {
    plainGroups: entries.filter((g) => g.spec.combines.length === 0),
    combinedGroups: entries.filter((g) => g.spec.combines.length > 0),
    ungrouped,
    groupMaxFor: (level) => (level === null ? plainMaxima : (maximaByLevel.get(level) ?? plainMaxima)),
    bandsHighFirst: profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [],
    aggregate: aggregateMatcher(profile.aggregatePatterns),
    records: cached(recordBuilders, profile.indicators.map((spec) => spec.id), indicatorRecordBuilder),
    indicatorAt,
    totalPresent: mayHave(presence, "total"),
    previousPresent: mayHave(presence, "previous"),
    changePresent: mayHave(presence, "change"),
    convertedPresent: mayHave(presence, "converted"),
    groupRecords: cached(groupRecordBuilders, profile.groups.map((g) => g.id), (ids) => fixedShapeBuilder<number | null>(ids)),
    totalWhat: `“${profile.total?.label ?? ""}”`,
    parts: new Array<Part | undefined>(profile.groups.length),
    groupValues: new Array<number | null | undefined>(profile.groups.length),
    points: [],
    components: [],
    replaced: new Array<boolean>(profile.groups.length),
  };
}

export function score(units: UnitRow[], profile: Profile, options: ScoreOptions = {}): ScoreResult {
  const presence = fieldPresence(units, options.fields);
  const shape = shapeOf(profile, presence);
  const tableProblems = new Map<string, Problem>();
  const specs = profile.indicators;
  const rowOnly = options.sheet !== undefined ? quoteSheet(options.sheet) : undefined;

  const cellOfRow = (row: UnitRow) => (field: string): string | undefined =>
    row.cells?.[field] ?? (rowOnly !== undefined ? `${rowOnly}!${row.row + 1}:${row.row + 1}` : undefined);
  const steps = specs.map((spec) => compileStep(spec, profile, presence));
  const { decimals, mode } = profile.rounding;
  /** Per level: which indicators do not apply there (null when all do). */
  const notApplicableByLevel = new Map<string, boolean[] | null>();
  const notApplicableAt = (level: string): boolean[] | null => {
    let flags = notApplicableByLevel.get(level);
    if (flags === undefined) {
      flags = specs.map((spec) => spec.notApplicableFor.includes(level as never));
      if (!flags.includes(true)) flags = null;
      notApplicableByLevel.set(level, flags);
    }
    return flags;
  };
  /** The indicators of one unit; `into` is reused from unit to unit (read before the next one). */
  const indicatorsOf = (row: UnitRow, into: UnitIndicators): UnitIndicators => {
    const values = row.values;
    const notApplicable = row.level ? notApplicableAt(row.level) : null;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (notApplicable !== null && notApplicable[i]) storeOutcome(into, i, NOT_APPLICABLE);
      else if (step.absent) storeOutcome(into, i, ABSENT_OUTCOME);
      else if (!countsInto(values, step, decimals, mode, into, i)) storeOutcome(into, i, scoreIndicator(row, step.spec, profile, cellOfRow(row), step.fields));
    }
    return into;
  };

  // 1. The province row (or the first aggregate row): departments and communes take
  //    province-level indicators from it.
  const aggregate = units.map((row) => isAggregate(row, shape.aggregate));
  let provinceIndex = units.findIndex((row) => row.level === "province");
  if (provinceIndex < 0) provinceIndex = aggregate.indexOf(true);
  const province = provinceIndex >= 0 ? indicatorsOf(units[provinceIndex], unitIndicators(specs.length)) : null;
  const inheritable = specs.map((_, i) => i).filter((i) => specs[i].inheritedBy.length > 0);
  const scratch = unitIndicators(specs.length);
  const ctx: UnitContext = { row: units[0], rowOnly, problems: null };
  const columns = options.eagerIndicators ? null : new IndicatorColumns(units.length, specs.length, shape.records);
  const scored: ScoredUnit[] = new Array<ScoredUnit>(units.length);
  const lazyCall: PropertyDescriptor | null = columns === null ? null : { value: { columns, units: scored, byIdentity: null } satisfies LazyCall };

  // 2. Indicators, then groups, total, converted, rating, change, unit by unit (so that the
  //    per-indicator work of one unit is garbage before the next: 100k units would otherwise
  //    keep millions of intermediate objects alive).
  for (let u = 0; u < units.length; u++) {
    const row = units[u];
    const indicators = u === provinceIndex ? province! : indicatorsOf(row, scratch);
    const level = row.level;
    if (level && u !== provinceIndex) {
      for (const i of inheritable) {
        if (!specs[i].inheritedBy.includes(level)) continue;
        const status = indicators.status[i];
        if ((status !== ABSENT_STATUS && status !== MISSING_STATUS) || province === null) continue;
        // Only a province value with points is passed on (its own problems stay on its row).
        if (!inRecord(province.status[i]) || province.points[i] !== province.points[i]) continue;
        indicators.status[i] = OK;
        indicators.ratio[i] = province.ratio[i];
        indicators.points[i] = province.points[i];
        indicators.problems[i] = null;
      }
    }
    ctx.row = row;
    let record: Record<string, IndicatorResult> | null = null;
    if (columns === null) record = shape.records(indicators.status, indicators.ratio, indicators.points, 0);
    else columns.store(u, indicators);
    scored[u] = scoreUnit(ctx, aggregate[u], indicators, record, lazyCall, profile, shape, tableProblems);
  }

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
    const tie = profile.ranking.tie;
    for (const ids of byScope.values()) {
      if (tie !== "sequential") {
        const ranks = ranksByValue(Float64Array.from(ids, (i) => scored[i].total!), tie);
        if (ranks !== null) {
          for (let k = 0; k < ids.length; k++) scored[ids[k]].rank = ranks[k];
          continue;
        }
      }
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
 * A constructor whose objects are plain objects (prototype Object.prototype, constructor
 * Object: equal to literals under toStrictEqual, JSON, structuredClone), and that V8 gives one
 * fixed shape with room for every field it assigns.
 */
function plainConstructor<A extends unknown[], T extends object>(init: (this: T, ...args: A) => void): new (...args: A) => T {
  init.prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}

/**
 * Builds a record { [ids[i]]: values[i] } of the values that are not undefined, keys in
 * the order of ids. Adding keys one by one to `{}` gives a slow dictionary object (this was
 * the engine's costliest line for the 21 indicators); an object made by a constructor that
 * always adds the same keys in the same order is a fast, fixed-shape object. One constructor
 * per set of present ids (a bit mask; tables have one or two); the records behave as plain
 * objects (own enumerable keys, JSON, Object.entries). Beyond 31 ids the plain way is used.
 */
function fixedShapeBuilder<T>(ids: readonly string[]): (values: readonly (T | undefined)[]) => Record<string, T> {
  if (ids.length > 31) {
    return (values) => {
      const record: Record<string, T> = {};
      for (let i = 0; i < ids.length; i++) if (values[i] !== undefined) record[ids[i]] = values[i]!;
      return record;
    };
  }
  type Build = new (values: readonly (T | undefined)[]) => Record<string, T>;
  const builders = new Map<number, Build>();
  return (values) => {
    let present = 0;
    for (let i = 0; i < ids.length; i++) if (values[i] !== undefined) present |= 1 << i;
    let Builder = builders.get(present);
    if (!Builder) {
      const at = ids.map((_, i) => i).filter((i) => (present & (1 << i)) !== 0);
      const keys = at.map((i) => ids[i]);
      Builder = plainConstructor(function (this: Record<string, T>, values: readonly (T | undefined)[]) {
        for (let k = 0; k < keys.length; k++) this[keys[k]] = values[at[k]]!;
      });
      builders.set(present, Builder);
    }
    return new Builder(values);
  };
}


const orNull = (x: number): number | null => (x === x ? x : null);

/** Builds a unit's `indicators` record from indicator columns (status, ratio, points) at an offset. */
type IndicatorRecordBuilder = (status: Uint8Array, ratio: Float64Array, points: Float64Array, offset: number) => Record<string, IndicatorResult>;

/**
 * The `indicators` record: { [id]: { ratio, points } } for the indicators in the record (see
 * inRecord), keys in profile order, NaN read back as null. Fixed-shape like fixedShapeBuilder.
 */
function indicatorRecordBuilder(ids: readonly string[]): IndicatorRecordBuilder {
  const count = ids.length;
  const entry = (ratio: Float64Array, points: Float64Array, at: number): IndicatorResult => ({ ratio: orNull(ratio[at]), points: orNull(points[at]) });
  if (count > 31) {
    return (status, ratio, points, offset) => {
      const record: Record<string, IndicatorResult> = {};
      for (let i = 0; i < count; i++) if (inRecord(status[offset + i])) record[ids[i]] = entry(ratio, points, offset + i);
      return record;
    };
  }
  type Build = new (ratio: Float64Array, points: Float64Array, offset: number) => Record<string, IndicatorResult>;
  const builders = new Map<number, Build>();
  return (status, ratio, points, offset) => {
    let present = 0;
    for (let i = 0; i < count; i++) if (inRecord(status[offset + i])) present |= 1 << i;
    let Builder = builders.get(present);
    if (!Builder) {
      const at = ids.map((_, i) => i).filter((i) => (present & (1 << i)) !== 0);
      const keys = at.map((i) => ids[i]);
      Builder = plainConstructor(function (this: Record<string, IndicatorResult>, ratio: Float64Array, points: Float64Array, offset: number) {
        for (let k = 0; k < keys.length; k++) this[keys[k]] = entry(ratio, points, offset + at[k]);
      });
      builders.set(present, Builder);
    }
    return new Builder(ratio, points, offset);
  };
}

/**
 * Every unit's indicators of one call, column-wise (unit × indicator): 17 bytes per value and
 * no object until a unit's record is read. 21 `{ ratio, points }` objects per unit that outlive
 * the call were a third of score()'s time in allocation and GC at 100k units.
 */
class IndicatorColumns {
  private readonly status: Uint8Array;
  private readonly ratio: Float64Array;
  private readonly points: Float64Array;

  constructor(
    units: number,
    private readonly count: number,
    private readonly build: IndicatorRecordBuilder,
  ) {
    this.status = new Uint8Array(units * count);
    this.ratio = new Float64Array(units * count);
    this.points = new Float64Array(units * count);
  }

  store(unit: number, from: UnitIndicators): void {
    const offset = unit * this.count;
    for (let i = 0; i < this.count; i++) {
      this.status[offset + i] = from.status[i];
      this.ratio[offset + i] = from.ratio[i];
      this.points[offset + i] = from.points[i];
    }
  }

  record(unit: number): Record<string, IndicatorResult> {
    return this.build(this.status, this.ratio, this.points, unit * this.count);
  }
}

/** What a lazy unit's record is read from: its score() call's columns and units. */
interface LazyCall {
  columns: IndicatorColumns;
  units: readonly ScoredUnit[];
  /** Unit → position, built on the first unit that the binary search does not find. */
  byIdentity: Map<object, number> | null;
}

/** A lazy unit's call (non-enumerable: invisible to JSON, spread, Object.keys, toEqual). */
const LAZY_CALL = Symbol("chiso766.score.call");
type LazyUnit = ScoredUnit & { readonly [LAZY_CALL]: LazyCall };

/**
 * The unit's position in its call, without storing one on each unit: units keep the input
 * order and the reader's rows increase, so a binary search on `row` finds it; the identity
 * check sends any other order (duplicate rows, a changed row) to a map built once.
 */
function positionOf(unit: ScoredUnit, call: LazyCall): number {
  const units = call.units;
  const row = unit.row;
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = units[mid].row;
    if (at < row) lo = mid + 1;
    else if (at > row) hi = mid - 1;
    else if (units[mid] === unit) return mid;
    else break;
  }
  call.byIdentity ??= new Map(units.map((u, i) => [u, i]));
  // An object inheriting from a unit reads the unit's record.
  for (let o: object | null = unit; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const at = call.byIdentity.get(o);
    if (at !== undefined) return at;
  }
  return -1;
}

/**
 * Every lazy unit's `indicators`: an own, enumerable, configurable accessor that builds the
 * record on first read and then replaces itself with a plain data property (so reads after the
 * first, JSON, spread, structuredClone and assignment behave as if the record had been there
 * all along). One getter for all calls: units of every call share one shape (a getter per call
 * would give V8 a conflicting accessor and turn the next call's units into dictionaries).
 */
const LAZY_INDICATORS: PropertyDescriptor = {
  get(this: LazyUnit): Record<string, IndicatorResult> {
    const call = this[LAZY_CALL];
    const at = call === undefined ? -1 : positionOf(this, call);
    // Only reachable by calling the getter on a foreign object.
    if (at < 0) throw new TypeError("indicators: not a unit of a score() call");
    const record = call.columns.record(at);
    settleIndicators(this, record);
    return record;
  },
  set(this: ScoredUnit, value: Record<string, IndicatorResult>): void {
    settleIndicators(this, value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * A ScoredUnit whose `indicators` is the lazy accessor, keys in the same order as the literal
 * above. Still a plain object (prototype Object.prototype, constructor Object); a constructor
 * rather than a literal plus defineProperty so that V8 gives it room for all its fields at once
 * instead of growing its storage field by field.
 */
type LazyScoredUnitConstructor = new (
  row: UnitRow,
  aggregate: boolean,
  /** { value: the call } (reused from unit to unit). */
  call: PropertyDescriptor,
  groups: Record<string, number | null>,
  total: number | null,
  converted: number | null,
  band: Band | null,
  previous: number | null,
  change: number | null,
  problems: Problem[],
) => ScoredUnit;
const LazyScoredUnit: LazyScoredUnitConstructor = plainConstructor(function (
  this: ScoredUnit,
  row: UnitRow,
  aggregate: boolean,
  call: PropertyDescriptor,
  groups: Record<string, number | null>,
  total: number | null,
  converted: number | null,
  band: Band | null,
  previous: number | null,
  change: number | null,
  problems: Problem[],
): void {
  this.row = row.row;
  this.name = row.name;
  this.key = row.key;
  this.code = row.code;
  this.level = row.level;
  this.aggregate = aggregate;
  Object.defineProperty(this, "indicators", LAZY_INDICATORS);
  Object.defineProperty(this, LAZY_CALL, call);
  this.groups = groups;
  this.total = total;
  this.converted = converted;
  this.rating = band?.label ?? null;
  this.ratingKey = band?.key ?? null;
  this.rank = null;
  this.previous = previous;
  this.change = change;
  this.flags = NO_FLAGS;
  this.problems = problems;
});

function settleIndicators(unit: ScoredUnit, value: Record<string, IndicatorResult>): void {
  // Reflect: a frozen unit keeps its accessor (and rebuilds on each read) instead of throwing.
  Reflect.defineProperty(unit, "indicators", { value, writable: true, enumerable: true, configurable: true });
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

/**
 * The unit being scored and its problems so far; one per call, reset for each unit, so that
 * reporting a problem needs no closure per unit.
 */
interface UnitContext {
  row: UnitRow;
  /** Quoted sheet name when known: problems without a field cell name the row. */
  rowOnly: string | undefined;
  problems: Problem[] | null;
}

function cellOf(ctx: UnitContext, field: string): string | undefined {
  const row = ctx.row;
  return row.cells?.[field] ?? (ctx.rowOnly !== undefined ? `${ctx.rowOnly}!${row.row + 1}:${row.row + 1}` : undefined);
}

function report(ctx: UnitContext, field: string | undefined, code: string, severity: Problem["severity"], message: string): void {
  const problem: Problem = { cell: field ? cellOf(ctx, field) : undefined, field, code, severity, message };
  if (ctx.problems === null) ctx.problems = [problem];
  else ctx.problems.push(problem);
}

/** A given group score (or the printed total), checked against its maximum. */
function readScore(ctx: UnitContext, field: string, max: number, what: string): Part {
  const row = ctx.row;
  const v = row.values[field];
  // One lookup for the usual number; hasOwnProperty only to tell absent from a blank or odd value.
  if ((v === undefined || (typeof v !== "number" && v !== null)) && !has(row, field)) return ABSENT;
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

function scoreUnit(
  ctx: UnitContext,
  aggregate: boolean,
  indicatorsIn: UnitIndicators,
  /** The unit's indicators record when built eagerly, else null (see lazy). */
  record: Record<string, IndicatorResult> | null,
  /** Lazy record: the descriptor of the unit's hidden link to its call; null when eager. */
  lazy: PropertyDescriptor | null,
  profile: Profile,
  shape: ProfileShape,
  tableProblems: Map<string, Problem>,
): ScoredUnit {
  const row = ctx.row;
  const specs = profile.indicators;
  const { decimals, mode } = profile.rounding;

  const { status: statusAt, points: pointsAt } = indicatorsIn;
  for (let i = 0; i < specs.length; i++) {
    const own = indicatorsIn.problems[i];
    if (own === null) continue;
    if (ctx.problems === null) ctx.problems = [];
    for (const p of own) ctx.problems.push(p);
  }

  // Groups.
  const groupMax = shape.groupMaxFor(row.level);
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
    if (applicable === absent) {
      part = given;
      if (given.status === "missing") report(ctx, g.spec.id, "missing", "error", `Thiếu điểm ${g.what} (ô trống): không tính là 0`);
    } else {
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
        const value = round(sum, decimals, mode);
        part = { status: "ok", value };
        if (given.status === "ok" && Math.abs(given.value! - value) > GROUP_TOLERANCE + EPSILON) {
          report(
            ctx,
            g.spec.id,
            "group-mismatch",
            "warning",
            `Điểm ${g.what} in sẵn ${formatNumber(given.value!)} khác điểm tính từ các chỉ số ${formatNumber(value)}`,
          );
        }
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
    if (allAbsent) {
      part = given;
      if (given.status === "missing") report(ctx, g.spec.id, "missing", "error", `Thiếu điểm ${g.what} (ô trống): không tính là 0`);
    } else if (allOk) {
      points.length = 0;
      for (const at of g.combines) points.push(parts[at]!.value!);
      const value = round(sumDecimal(points), decimals, mode);
      part = { status: "ok", value };
      if (given.status === "ok" && Math.abs(given.value! - value) > GROUP_TOLERANCE + EPSILON) {
        report(
          ctx,
          g.spec.id,
          "group-mismatch",
          "warning",
          `Điểm ${g.what} in sẵn ${formatNumber(given.value!)} khác tổng các nhóm thành phần ${formatNumber(value)}`,
        );
      }
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
  const groups = shape.groupRecords(groupValues);

  // Total: what the basis adds up, or the printed total.
  const totalMax = profile.total?.max ?? Infinity;
  const printed = profile.total && shape.totalPresent ? readScore(ctx, "total", totalMax, shape.totalWhat) : ABSENT;
  let computed: number | null = null;
  if (profile.basis === "indicators" || profile.basis === "groups") {
    // A component wholly absent from the table means no computed total (not a problem: any subset may be given).
    const components = totalComponents(profile, shape, indicatorsIn);
    if (components !== null) computed = round(sumDecimal(components), decimals, mode);
  }
  let total: number | null = null;
  if (profile.basis === "total") {
    const message = `Bảng không có cột “${profile.total?.label ?? "Tổng điểm"}”`;
    if (printed.status === "absent" && !tableProblems.has(message)) tableProblems.set(message, { code: "missing", severity: "error", message });
    if (printed.status === "missing") report(ctx, "total", "missing", "error", `Thiếu “${profile.total?.label ?? "Tổng điểm"}” (ô trống): không xếp loại, xếp hạng`);
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

  // Converted total on the profile's second scale.
  let converted: number | null = null;
  if (profile.scale && profile.total && total !== null) {
    converted = divideRounded(total, profile.total.max, profile.scale.max, profile.scale.decimals, mode);
    const printedConverted = shape.convertedPresent && has(row, "converted") ? row.values.converted : null;
    if (typeof printedConverted === "number" && Math.abs(printedConverted - converted) > CONVERTED_TOLERANCE + EPSILON) {
      report(
        ctx,
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
        report(
        ctx,
          "rating",
          "rating-mismatch",
          "warning",
          `Xếp loại in sẵn “${printedRating.trim()}” khác xếp loại tính được “${band.label}”`,
        );
      }
    }
  }

  // Change against the previous period.
  const previousValue = shape.previousPresent ? row.values.previous : undefined;
  const previous = typeof previousValue === "number" && has(row, "previous") ? previousValue : null;
  let change: number | null = null;
  if (profile.change && total !== null && previous !== null) {
    change = round(subtractDecimal(total, previous), decimals, mode);
    const printedChange = shape.changePresent && has(row, "change") ? row.values.change : null;
    if (typeof printedChange === "number" && Math.abs(printedChange - change) > CHANGE_TOLERANCE + EPSILON) {
      report(
        ctx,
        "change",
        "change-mismatch",
        "warning",
        `Điểm tăng/giảm in sẵn ${formatNumber(printedChange)} khác ${formatNumber(change)} (= ${formatNumber(total)} − ${formatNumber(previous)})`,
      );
    }
  }

  const problems = ctx.problems ?? NO_PROBLEMS;
  const unit: ScoredUnit =
    lazy === null
      ? {
          row: row.row,
          name: row.name,
          key: row.key,
          code: row.code,
          level: row.level,
          aggregate,
          indicators: record!,
          groups,
          total,
          converted,
          rating: band?.label ?? null,
          ratingKey: band?.key ?? null,
          rank: null,
          previous,
          change,
          flags: NO_FLAGS,
          problems,
        }
      : new LazyScoredUnit(row, aggregate, lazy, groups, total, converted, band, previous, change, problems);
  if (!aggregate && profile.flags.length > 0) unit.flags = flagsFor(unit, row, profile, shape, indicatorsIn);
  ctx.problems = null;
  return unit;
}

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

function flagsFor(unit: ScoredUnit, row: UnitRow, profile: Profile, shape: ProfileShape, indicators: UnitIndicators): Flag[] {
  let flags: Flag[] | null = null;
  for (const rule of profile.flags) {
    const value = valueOf(rule.field, unit, row, shape, indicators);
    if (value === null) continue;
    const fires = rule.op === "below" ? value < rule.threshold - EPSILON : value > rule.threshold + EPSILON;
    if (!fires) continue;
    flags ??= [];
    flags.push({
      field: rule.field,
      value,
      threshold: rule.threshold,
      op: rule.op,
      underline: rule.underline.length > 0 ? [...rule.underline] : [rule.field],
    });
  }
  return flags ?? NO_FLAGS;
}

/** The value a flag rule looks at: computed results first, then the row's own values. */
function valueOf(field: string, unit: ScoredUnit, row: UnitRow, shape: ProfileShape, indicators: UnitIndicators): number | null {
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
    // The unit's indicators (as its record has them: the last entry of an id wins), read from
    // the arrays so that a lazy record is not built for a flag.
    const at = shape.indicatorAt.get(id);
    let i = -1;
    if (at !== undefined) for (let k = at.length - 1; k >= 0 && i < 0; k--) if (inRecord(indicators.status[at[k]])) i = at[k];
    if (i >= 0 && part === "ratio") return orNull(indicators.ratio[i]);
    if (i >= 0 && part === "points") return orNull(indicators.points[i]);
  }
  const v = row.values[field];
  return typeof v === "number" ? v : null;
}
