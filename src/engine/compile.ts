/**
 * A profile compiled once per score() call: field names, group members, maxima per level,
 * bands in order and the aggregate-name test, so that scoring a unit only reads them.
 */
import { aggregateMatcher } from "../model/aggregate-rows";
import { LEVELS, type Level } from "../model/fields";
import { quoteSheet } from "../model/grid";
import type { IndicatorSpec, Profile } from "../model/profile";
import type { UnitRow } from "../model/units";
import type { CompiledGroup, CompiledIndicator, CompiledProfile } from "./types";

/** "chỉ số 2.1 “Tỷ lệ …”" for national ids, "chỉ số “Nhóm cung cấp DVTT – Chỉ số 1”" otherwise. */
export function describeIndicator(spec: IndicatorSpec): string {
  return /^\d+(\.\d+)*$/.test(spec.id) ? `chỉ số ${spec.id} “${spec.label}”` : `chỉ số “${spec.label}”`;
}

function compileIndicator(spec: IndicatorSpec): CompiledIndicator {
  return {
    spec,
    numerator: `${spec.id}.numerator`,
    denominator: `${spec.id}.denominator`,
    ratio: `${spec.id}.ratio`,
    points: `${spec.id}.points`,
    what: describeIndicator(spec),
    scored: spec.max > 0,
  };
}

/** `sheet`: the sheet's name, so that problems without a field cell can name the unit's row. */
export function compileProfile(profile: Profile, sheet?: string): CompiledProfile {
  const members = new Map<string, number[]>();
  const ungrouped: number[] = [];
  profile.indicators.forEach((spec, i) => {
    if (spec.max === 0) return;
    if (!spec.group) ungrouped.push(i);
    else if (profile.basis === "indicators") members.set(spec.group, [...(members.get(spec.group) ?? []), i]);
  });
  // Like a Map from id: a later group with the same id wins.
  const positionOf = new Map(profile.groups.map((g, at) => [g.id, at]));
  const groups: CompiledGroup[] = profile.groups.map((spec, at) => ({
    spec,
    at,
    what: `nhóm “${spec.label}”`,
    members: spec.combines.length === 0 ? (members.get(spec.id) ?? []) : [],
    combines: spec.combines.map((id) => positionOf.get(id) ?? -1),
  }));
  const rowOnly = sheet !== undefined ? quoteSheet(sheet) : undefined;
  return Object.freeze({
    profile,
    indicators: profile.indicators.map(compileIndicator),
    plainGroups: groups.filter((g) => g.spec.combines.length === 0),
    combinedGroups: groups.filter((g) => g.spec.combines.length > 0),
    ungrouped,
    groupMax: groupMaxima(profile),
    bandsHighFirst: profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [],
    isAggregate: aggregateTest(profile.aggregateRows),
    cellOf: (row: UnitRow, field: string | undefined) =>
      (field !== undefined ? row.cells?.[field] : undefined) ?? (rowOnly !== undefined ? `${rowOnly}!${row.row + 1}:${row.row + 1}` : undefined),
  });
}

/** Each group's maximum at a level: its max less the points of its indicators that do not apply there (commune 3.1). */
function groupMaxima(profile: Profile): (level: Level | null) => readonly number[] {
  const notApplicable = (level: Level | null, groupId: string) =>
    level === null ? 0 : profile.indicators.filter((i) => i.group === groupId && i.notApplicableFor.includes(level)).reduce((s, i) => s + i.max, 0);
  const maxima = (level: Level | null) =>
    profile.groups.map((g) =>
      g.combines.length === 0 ? g.max - notApplicable(level, g.id) : g.max - g.combines.reduce((s, id) => s + notApplicable(level, id), 0),
    );
  const byLevel = new Map<Level | null, readonly number[]>([null, ...LEVELS].map((level) => [level, maxima(level)]));
  return (level) => byLevel.get(level) ?? maxima(level);
}

/** Whether a row is an aggregate (TOÀN HUYỆN, Tổng cộng…): marked by the reader or named by the method's aggregate rows. */
function aggregateTest(rows: Profile["aggregateRows"]): (row: UnitRow) => boolean {
  const matcher = rows.length > 0 ? aggregateMatcher(rows) : null;
  return (row) => row.aggregate || (matcher !== null && (matcher.matches(row.name) || (row.key !== "" && matcher.matches(row.key))));
}
