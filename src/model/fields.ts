/**
 * Field ids: the one vocabulary shared by the table reader, the engine, the write plan, the
 * CLI's --mapping file and its JSON output.
 *
 *  - indicators: "<id>.numerator", "<id>.denominator", "<id>.ratio" (percent 0–100), "<id>.points"
 *  - groups: "CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH", "DVTT" (or a profile's own group ids)
 *  - unit columns: "stt", "name", "code", "level"
 *  - values: "total" (printed total), "previous" (last period's total)
 *  - outputs the tool writes (and may find already present): "converted", "rating", "rank", "change"
 */

export type FieldId = string;

export const UNIT_FIELDS = ["stt", "name", "code", "level"] as const;
export const VALUE_FIELDS = ["total", "previous"] as const;
export const OUTPUT_FIELDS = ["total", "converted", "rating", "rank", "change"] as const;
export type OutputField = (typeof OUTPUT_FIELDS)[number];

export const INDICATOR_PARTS = ["numerator", "denominator", "ratio", "points"] as const;
export type IndicatorPart = (typeof INDICATOR_PARTS)[number];

/** The national groups (METHOD.md §2); DVTT is the decision's combined online group (CLGQ + TTTT). */
export const NATIONAL_GROUPS = ["CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH", "DVTT"] as const;

export function indicatorField(id: string, part: IndicatorPart): FieldId {
  return `${id}.${part}`;
}

/** "2.1.denominator" → { id: "2.1", part: "denominator" }; null for non-indicator fields. */
export function parseIndicatorField(field: FieldId): { id: string; part: IndicatorPart } | null {
  const dot = field.lastIndexOf(".");
  if (dot <= 0) return null;
  const part = field.slice(dot + 1) as IndicatorPart;
  if (!(INDICATOR_PARTS as readonly string[]).includes(part)) return null;
  return { id: field.slice(0, dot), part };
}

/** How a column's text is parsed into a number (METHOD.md §7). */
export type ValueKind = "score" | "ratio" | "count" | "change" | "rank" | "text";

/** The parsing kind a field implies. */
export function kindOfField(field: FieldId): ValueKind {
  const ind = parseIndicatorField(field);
  if (ind) {
    if (ind.part === "ratio") return "ratio";
    if (ind.part === "points") return "score";
    return "count";
  }
  switch (field) {
    case "name":
    case "code":
    case "level":
    case "rating":
      return "text";
    case "stt":
    case "rank":
      return "rank";
    case "change":
      return "change";
    default:
      return "score"; // groups, total, previous, converted
  }
}

/** Unit levels (METHOD.md §3 "Levels"). */
export const LEVELS = ["province", "department", "district", "commune"] as const;
export type Level = (typeof LEVELS)[number];

/** Vietnamese labels for levels, as the UI and the report show them. */
export const LEVEL_LABELS: Record<Level, string> = {
  province: "Cấp tỉnh",
  department: "Sở, ban, ngành",
  district: "Cấp huyện",
  commune: "Cấp xã",
};
