/**
 * The profile compiled once per score() call rather than once per unit: a 100k-unit table would
 * otherwise filter the indicator list a million times. Per indicator a Step, per profile a
 * ProfileShape; both know which fields the table may hold, so that absent fields are not looked up.
 */
import { aggregateMatcher } from "../model/aggregate-rows";
import type { Band, GroupSpec, IndicatorSpec, Profile } from "../model/profile";
import type { UnitRow } from "../model/units";
import type { Part } from "./groups";
import { fieldsOf, type IndicatorFields } from "./indicator";
import { fixedShapeBuilder, indicatorRecordBuilder, type FixedShapeBuilder, type IndicatorRecordBuilder } from "./records";
import { bandOfHundredths } from "./rating";
import { round } from "./round";

/**
 * Which fields rows may hold: a set when known (the caller's hint, checked on the first row),
 * null when unknown (every field the profile can use is then looked up in every row).
 */
export type FieldPresence = ReadonlySet<string> | null;

export function fieldPresence(units: readonly UnitRow[], hint: readonly string[] | undefined): FieldPresence {
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
 * One indicator compiled: field names, maximum in hundredths, rule and zero-denominator result
 * as plain numbers, so the unit loop does no string building and no profile lookups.
 */
export interface Step {
  spec: IndicatorSpec;
  fields: IndicatorFields;
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

export function compileStep(spec: IndicatorSpec, profile: Profile, presence: FieldPresence): Step {
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

/** A group of the profile, with what the unit loop needs about it precomputed. */
export interface GroupEntry {
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

/** Group results of one unit live in `parts` (by position in profile.groups), reused from unit to unit. */
export interface ProfileShape {
  plainGroups: GroupEntry[];
  combinedGroups: GroupEntry[];
  /** Scored indicators outside any group (they add to the total). */
  ungrouped: number[];
  /** Maximum of each group (by position) for a level, less the points that do not apply there. */
  groupMaxFor: (level: string | null) => readonly number[];
  bandsHighFirst: Band[];
  /** The band of a total in whole hundredths, when the rating is on the total (rating.ts); else null. */
  bandOfHundredths: ((k: number) => Band) | null;
  /** A unit's indicator record from its columns. */
  records: IndicatorRecordBuilder;
  /** Position in profile.indicators by id (flags on "<id>.ratio" / "<id>.points"). */
  indicatorAt: ReadonlyMap<string, readonly number[]>;
  /** Whether rows may hold these fields (else not looked up). */
  totalPresent: boolean;
  previousPresent: boolean;
  changePresent: boolean;
  convertedPresent: boolean;
  /** The unit's groups record (`some`: a value per group, undefined for a group left out). */
  groupRecords: FixedShapeBuilder<number | null>;
  /** Whether a name is one of the method's aggregate rows. */
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
const groupRecordBuilders = new Map<string, FixedShapeBuilder<number | null>>();

function cached<T>(cache: Map<string, T>, ids: readonly string[], make: (ids: readonly string[]) => T): T {
  const key = ids.join("\u0000");
  let value = cache.get(key);
  if (value === undefined) {
    value = make(ids);
    cache.set(key, value);
  }
  return value;
}

/** Appends to the list at key, starting it when there is none. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const groupWhat = (g: GroupSpec) => `nhóm “${g.label}”`;

export function shapeOf(profile: Profile, presence: FieldPresence): ProfileShape {
  const members = new Map<string, number[]>();
  const naMaxByLevel = new Map<string, Map<string, number>>();
  const ungrouped: number[] = [];
  profile.indicators.forEach((spec, i) => {
    if (!spec.group) {
      if (spec.max > 0) ungrouped.push(i);
      return;
    }
    if (profile.basis === "indicators" && spec.max > 0) addTo(members, spec.group, i);
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
  profile.indicators.forEach((spec, i) => addTo(indicatorAt, spec.id, i));
  const maxima = (naMax: Map<string, number> | undefined): number[] =>
    profile.groups.map((g) =>
      g.combines.length === 0 ? g.max - (naMax?.get(g.id) ?? 0) : g.max - g.combines.reduce((s, id) => s + (naMax?.get(id) ?? 0), 0),
    );
  const plainMaxima = maxima(undefined);
  const maximaByLevel = new Map<string, number[]>();
  for (const [level, naMax] of naMaxByLevel) maximaByLevel.set(level, maxima(naMax));
  const shape: ProfileShape = {
    plainGroups: entries.filter((g) => g.spec.combines.length === 0),
    combinedGroups: entries.filter((g) => g.spec.combines.length > 0),
    ungrouped,
    groupMaxFor: (level) => (level === null ? plainMaxima : (maximaByLevel.get(level) ?? plainMaxima)),
    bandsHighFirst: profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [],
    bandOfHundredths: null,
    aggregate: profile.aggregateRows.length > 0 ? aggregateMatcher(profile.aggregateRows).matches : null,
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
  shape.bandOfHundredths = bandOfHundredths(profile, shape);
  return shape;
}

/**
 * One expression for all patterns (two tests per row instead of ten), unless a pattern uses a
 * numbered backreference, which joining would renumber.
 */
export function isAggregate(row: UnitRow, matches: ProfileShape["aggregate"]): boolean {
  if (row.aggregate) return true;
  if (!matches) return false;
  return matches(row.name) || (row.key !== "" && matches(row.key));
}
