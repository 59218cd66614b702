/** Flags (METHOD.md §6): the profile's threshold rules that fire on a unit (never on an aggregate row). */
import { parseIndicatorField } from "../model/fields";
import type { Profile } from "../model/profile";
import type { Flag, ScoredUnit, UnitRow } from "../model/units";
import { EPSILON } from "./indicator";

export function flagsFor(unit: ScoredUnit, row: UnitRow, profile: Profile): Flag[] {
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
  if (Object.prototype.hasOwnProperty.call(unit.groups, field)) return unit.groups[field];
  const indicator = parseIndicatorField(field);
  const result = indicator && Object.prototype.hasOwnProperty.call(unit.indicators, indicator.id) ? unit.indicators[indicator.id] : undefined;
  if (result && indicator?.part === "ratio") return result.ratio;
  if (result && indicator?.part === "points") return result.points;
  const v = row.values[field];
  return typeof v === "number" ? v : null;
}
