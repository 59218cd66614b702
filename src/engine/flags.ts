/** Flags (METHOD.md §5): the profile's threshold rules that fire on a unit (never on an aggregate row). */
import { parseIndicatorField } from "../model/fields";
import type { Profile } from "../model/profile";
import type { Flag, ScoredUnit, UnitRow } from "../model/units";
import type { ProfileShape } from "./compile";
import { EPSILON } from "./indicator";
import { orNull } from "./records";
import { inRecord, type UnitIndicators } from "./unit-indicators";

/** Shared by every unit without flags; frozen, so a push fails loudly. */
export const NO_FLAGS = Object.freeze([]) as unknown as Flag[];

export function flagsFor(unit: ScoredUnit, row: UnitRow, profile: Profile, shape: ProfileShape, indicators: UnitIndicators): Flag[] {
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
  const indicator = parseIndicatorField(field);
  if (indicator) {
    // The unit's indicators (as its record has them: the last entry of an id wins), read from
    // the arrays so that a lazy record is not built for a flag.
    const at = shape.indicatorAt.get(indicator.id);
    let i = -1;
    if (at !== undefined) for (let k = at.length - 1; k >= 0 && i < 0; k--) if (inRecord(indicators.status[at[k]])) i = at[k];
    if (i >= 0 && indicator.part === "ratio") return orNull(indicators.ratio[i]);
    if (i >= 0 && indicator.part === "points") return orNull(indicators.points[i]);
  }
  const v = row.values[field];
  return typeof v === "number" ? v : null;
}
