/**
 * A profile's fields as match targets: each with its aliases normalised once (per profile
 * object), its words for the cheap filter, its maximum and group.
 */
import { indicatorField, type FieldId } from "../model/fields";
import type { GroupSpec, IndicatorSpec, Profile } from "../model/profile";
import { normalizeHeader, type NormalizedHeader } from "./normalize";

export interface Alias {
  text: string;
  segments: NormalizedHeader[];
}

export interface Target {
  /** Field id, or the indicator id for an indicator target (part chosen per column). */
  id: string;
  label: string;
  indicator: IndicatorSpec | null;
  field: FieldId | null;
  aliases: Alias[];
  /** Every folded word of every alias: a cheap filter before comparing. */
  words: Set<string>;
  /** The same words as a list, for the typo filter (iterating a Set allocates on every step in unoptimised code). */
  wordList: string[];
  max: number | null;
  unit: boolean;
  group: GroupSpec | null;
}

const FALLBACK_UNIT_COLUMNS: { field: string; label: string; aliases: string[] }[] = [
  { field: "stt", label: "STT", aliases: ["STT", "TT", "Số TT", "Số thứ tự"] },
  { field: "name", label: "Tên đơn vị", aliases: ["Tên đơn vị", "Đơn vị", "Cơ quan", "Cơ quan, đơn vị", "Tên cơ quan", "Địa phương"] },
  { field: "code", label: "Mã định danh", aliases: ["Mã định danh", "Mã đơn vị", "Mã cơ quan"] },
  { field: "level", label: "Cấp", aliases: ["Cấp", "Cấp đơn vị", "Loại đơn vị"] },
];

const UNIT_FIELD_SET = new Set(["stt", "name", "code", "level"]);

function makeAlias(text: string): Alias {
  const segments = text
    .split(/\s*(?:›|>|»)\s*/)
    .filter((s) => s.trim().length > 0)
    .map((s) => normalizeHeader(s));
  return { text, segments };
}

function makeTarget(
  id: string,
  label: string,
  aliasTexts: string[],
  extra: Partial<Pick<Target, "indicator" | "field" | "max" | "group">>,
): Target {
  const seen = new Set<string>();
  const aliases: Alias[] = [];
  for (const t of [label, ...aliasTexts]) {
    const a = makeAlias(t);
    const k = a.segments.map((s) => s.words.map((w) => w.toned).join(" ")).join(" › ");
    if (!k || seen.has(k)) continue;
    seen.add(k);
    aliases.push(a);
  }
  const words = new Set<string>();
  for (const a of aliases) for (const s of a.segments) for (const w of s.words) words.add(w.folded);
  const field = extra.field ?? null;
  return {
    id,
    label,
    indicator: extra.indicator ?? null,
    field,
    aliases,
    words,
    wordList: [...words],
    max: extra.max ?? null,
    unit: field !== null && UNIT_FIELD_SET.has(field),
    group: extra.group ?? null,
  };
}

const TARGET_CACHE = new WeakMap<Profile, Target[]>();

/** The fields a profile reads, as match targets (cached per profile object). */
export function targetsOf(profile: Profile): Target[] {
  const cached = TARGET_CACHE.get(profile);
  if (cached) return cached;
  const targets: Target[] = [];
  const fieldsSeen = new Set<string>();
  for (const c of profile.columns) {
    if (fieldsSeen.has(c.field)) continue;
    fieldsSeen.add(c.field);
    let max = c.max ?? null;
    if (max === null && c.field === "total") max = profile.total?.max ?? null;
    if (max === null && c.field === "converted") max = profile.scale?.max ?? null;
    targets.push(makeTarget(c.field, c.label, c.aliases, { field: c.field, max }));
  }
  for (const u of FALLBACK_UNIT_COLUMNS) {
    if (fieldsSeen.has(u.field)) continue;
    fieldsSeen.add(u.field);
    targets.push(makeTarget(u.field, u.label, u.aliases, { field: u.field }));
  }
  for (const g of profile.groups) {
    if (fieldsSeen.has(g.id)) continue;
    fieldsSeen.add(g.id);
    targets.push(makeTarget(g.id, g.label, g.aliases, { field: g.id, max: g.max }));
  }
  for (const ind of profile.indicators) {
    const group = profile.groups.find((g) => g.id === ind.group) ?? null;
    targets.push(makeTarget(ind.id, ind.label, ind.aliases, { indicator: ind, max: ind.max, group }));
  }
  TARGET_CACHE.set(profile, targets);
  return targets;
}

/** Every field a profile can fill, with its maximum (for range checks). */
export function fieldMax(profile: Profile, field: FieldId): number | null {
  for (const t of targetsOf(profile)) {
    if (t.field === field) return t.max !== null && t.max > 0 ? t.max : null;
    if (t.indicator && field === indicatorField(t.indicator.id, "points")) return t.indicator.max > 0 ? t.indicator.max : null;
  }
  return null;
}
