/**
 * The engine's own shapes, shared by its modules (a leaf: imports only the model). A profile is
 * compiled once per score() call into a CompiledProfile, which the unit steps only read.
 */
import type { Level } from "../model/fields";
import type { Band, GroupSpec, IndicatorSpec, Profile } from "../model/profile";
import type { Problem, UnitRow } from "../model/units";

export type IndicatorStatus =
  /** No field of the indicator is in the table. */
  | "absent"
  /** In the table, but blank (or the zero-denominator policy says missing). */
  | "missing"
  /** In the table, but the value is unusable (an error problem says why). */
  | "invalid"
  /** Does not apply at the unit's level (commune 3.1). */
  | "not-applicable"
  | "ok";

/** One indicator of one unit. */
export interface IndicatorOutcome {
  status: IndicatorStatus;
  ratio: number | null;
  points: number | null;
  problems: Problem[];
}

/** An indicator with its field names and message wording worked out once. */
export interface CompiledIndicator {
  spec: IndicatorSpec;
  numerator: string;
  denominator: string;
  ratio: string;
  points: string;
  /** “chỉ số 2.1 “…”” for messages. */
  what: string;
  scored: boolean;
}

export interface CompiledGroup {
  spec: GroupSpec;
  /** Position in profile.groups. */
  at: number;
  /** “nhóm “…”” for messages. */
  what: string;
  /** Positions (in profile.indicators) of its scored members; empty unless the basis is "indicators". */
  members: number[];
  /** A combined group: positions (in profile.groups) of the groups it adds up; −1 for an unknown id. */
  combines: number[];
}

/** A group score or the total: its value and whether the table gives it. */
export interface Part {
  status: "absent" | "missing" | "invalid" | "ok";
  value: number | null;
}

export interface CompiledProfile {
  profile: Profile;
  indicators: CompiledIndicator[];
  plainGroups: CompiledGroup[];
  combinedGroups: CompiledGroup[];
  /** Scored indicators outside any group (they add to the total). */
  ungrouped: number[];
  /** Maximum of each group (by position) at a level, less the points that do not apply there. */
  groupMax: (level: Level | null) => readonly number[];
  bandsHighFirst: Band[];
  isAggregate: (row: UnitRow) => boolean;
  /** Names a unit's field cell, or its row when the field has none (and the sheet is known). */
  cellOf: (row: UnitRow, field: string | undefined) => string | undefined;
}
