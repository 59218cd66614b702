/**
 * The appendix's columns: STT and name, the profile's indicators under their groups, and the
 * summary (total, converted total, rating, rank, last period, change), each with the label the
 * source table gave it when there is one ("THÁNG 5 -TUẦN 01", not "Tổng điểm").
 */
import { roundHalfUp } from "../engine/round";
import type { FieldId } from "../model/fields";
import type { CellValue } from "../model/grid";
import type { IndicatorSpec, Profile } from "../model/profile";
import type { ScoredUnit, UnitRow } from "../model/units";
import { formatViNumber } from "./format";
import type { AppendixRow, Comparison, ComparisonRow } from "./types";

/** Label of the super-header over indicator points, as Điện Biên's appendix writes it. */
const POINTS_SUPER_HEADER = "Điểm các chỉ số";

/**
 * How a column prints its numbers: a fixed count of decimals ("71,51", "7,30"), only the
 * decimals each value needs ("100", "9,8", "98,88" — as the seeds print indicators), or text.
 */
export type Decimals = number | "as-needed" | null;

/** A column before it is placed: label, format and how a unit fills it. */
export interface ColumnDef {
  field: FieldId;
  label: string;
  decimals: Decimals;
  width: number;
  value: (unit: ScoredUnit, row: AppendixRow) => CellValue;
  /** Fields whose flags underline this column (defaults to [field]). */
  flagFields?: FieldId[];
  /** Points the column carries towards the total (0 or absent: none), printed as "(18 điểm)". */
  max?: number;
}

/** Columns under one merged header (label null: no merged header, each column stands alone). */
export interface ColumnBlock {
  label: string | null;
  /** A second header level above the block ("Điểm các chỉ số"). */
  superLabel: string | null;
  columns: ColumnDef[];
}

export interface ColumnOptions {
  previous?: Comparison;
  previousLabel?: string;
  totalLabel?: string;
  /** The source table's own header of a field (its bottom header cell), kept as the column's label. */
  sourceLabels?: Partial<Record<FieldId, string>>;
  sourceRows?: UnitRow[];
}

/** Excel number format for `decimals` places: "0", "0.0", "0.00". */
export function fixedFormat(decimals: number): string {
  return decimals <= 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

/** The fewest decimals (at most 2) that show the value as rounded: 100 → 0, 9.8 → 1, 98.88 → 2. */
export function decimalsNeeded(value: number, max = 2): number {
  const full = roundHalfUp(value, max);
  for (let d = 0; d < max; d++) if (roundHalfUp(value, d) === full) return d;
  return max;
}

/** A data cell's number format; null for text and blanks. */
export function cellFormat(value: CellValue, decimals: Decimals): string | null {
  if (typeof value !== "number" || decimals === null) return null;
  return fixedFormat(decimals === "as-needed" ? decimalsNeeded(value) : decimals);
}

export function withMax(label: string, max: number): string {
  if (max <= 0 || /điểm\s*\)?\s*$/i.test(label) || /\(\s*\d/.test(label)) return label;
  return `${label} (${formatViNumber(max)} điểm)`;
}

/**
 * A header that is a system's column code, not words a clerk reads: "TEN_COQUAN", "DiemSoHoa",
 * or the method's own id of the field ("CKMB" over the group CKMB). Acronyms staff type
 * themselves ("DVCTT", "STT") stay.
 */
export function isCodeLabel(label: string, field: FieldId = ""): boolean {
  const t = label.trim();
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(t)) return false;
  const id = field.split(".")[0];
  return t.includes("_") || /[a-z][A-Z]/.test(t) || (t === id && id !== id.toLowerCase());
}

/** The source's labels a clerk can read; codes fall back to the method's Vietnamese names. */
export function readableLabels(labels: Partial<Record<FieldId, string>> | undefined): Partial<Record<FieldId, string>> {
  return Object.fromEntries(Object.entries(labels ?? {}).filter(([field, v]) => v !== undefined && !isCodeLabel(v, field)));
}

export function isUpperCase(text: string): boolean {
  return text === text.toLocaleUpperCase("vi-VN") && text !== text.toLocaleLowerCase("vi-VN");
}

/** "Nhóm cung cấp DVTT – Chỉ số 1" under the header "Nhóm cung cấp DVTT" → "Chỉ số 1". */
function withoutPrefix(label: string, prefix: string | null): string {
  if (!prefix) return label;
  const lower = label.toLocaleLowerCase("vi-VN");
  const p = prefix.toLocaleLowerCase("vi-VN");
  if (!lower.startsWith(p)) return label;
  const rest = label.slice(prefix.length).replace(/^[\s–—\-›>:,]+/, "");
  return rest || label;
}

/**
 * A display group for an indicator outside any group, from an alias written as "Group › Leaf"
 * whose leaf is the indicator's own header (Phú Tân: "DỊCH VỤ CÔNG TT › DVCTT"). Profiles
 * carry these spellings for the reader; the appendix reuses them to print the same headers.
 */
function aliasGroup(ind: IndicatorSpec): { group: string; leaf: string } | null {
  for (const alias of ind.aliases) {
    const parts = alias.split("›").map((x) => x.trim());
    if (parts.length === 2 && parts[0] && parts[1]) return { group: parts[0], leaf: parts[1] };
  }
  return null;
}

function indicatorColumn(ind: IndicatorSpec, rowsByRow: Map<number, UnitRow>, header: string | null = null): ColumnDef {
  if (ind.max > 0) {
    const field = `${ind.id}.points`;
    return {
      field,
      label: withMax(withoutPrefix(ind.label, header), ind.max),
      decimals: "as-needed",
      width: 11,
      max: ind.max,
      value: (u) => u.indicators[ind.id]?.points ?? null,
      flagFields: [field, `${ind.id}.ratio`],
    };
  }
  // Shown, not scored (Phú Tân's component percentages, Bến Cầu's counts): the value read is what the report prints.
  const ratio = `${ind.id}.ratio`;
  const count = `${ind.id}.numerator`;
  const isCount = [...rowsByRow.values()].some((r) => r.values[count] !== undefined && r.values[ratio] === undefined);
  const field = isCount ? count : ratio;
  return {
    field,
    label: withoutPrefix(ind.label, header),
    decimals: "as-needed",
    width: 12,
    value: (u) => (isCount ? (rowsByRow.get(u.row)?.values[count] ?? null) : (u.indicators[ind.id]?.ratio ?? rowsByRow.get(u.row)?.values[ratio] ?? null)),
    flagFields: [ratio, `${ind.id}.points`, count],
  };
}

function groupColumn(id: string, label: string, max: number): ColumnDef {
  return { field: id, label: withMax(label, max), decimals: "as-needed", width: 11, max, value: (u) => u.groups[id] ?? null };
}

/** Indicators outside any group, under the group their "Group › Leaf" alias names (Phú Tân). */
function ungroupedBlocks(profile: Profile, used: Set<string>, blocks: ColumnBlock[], rowsByRow: Map<number, UnitRow>): void {
  const groupIds = new Set(profile.groups.map((g) => g.id));
  for (const ind of profile.indicators) {
    if (used.has(ind.id) || (ind.group && groupIds.has(ind.group))) continue;
    const shown = ind.max === 0 ? aliasGroup(ind) : null;
    const last = blocks[blocks.length - 1];
    if (shown && last && last.label === shown.group && last.superLabel === null) {
      last.columns.push(indicatorColumn({ ...ind, label: shown.leaf }, rowsByRow));
    } else if (shown) {
      blocks.push({ label: shown.group, superLabel: null, columns: [indicatorColumn({ ...ind, label: shown.leaf }, rowsByRow)] });
    } else {
      blocks.push({ label: null, superLabel: null, columns: [indicatorColumn(ind, rowsByRow)] });
    }
  }
}

/** Whether any unit has a score (or a shown value) in the group, itself or through its indicators. */
function groupHasData(profile: Profile, groupId: string, units: ScoredUnit[], rowsByRow: Map<number, UnitRow>): boolean {
  const inds = profile.indicators.filter((i) => i.group === groupId);
  return units.some(
    (u) =>
      (u.groups[groupId] ?? null) !== null ||
      inds.some((i) => (u.indicators[i.id]?.points ?? u.indicators[i.id]?.ratio ?? rowsByRow.get(u.row)?.values[`${i.id}.ratio`] ?? null) !== null),
  );
}

/**
 * For each combined group (DVTT = CLGQ + TTTT): whether the table shows it in place of its parts.
 * The parts are shown whenever any of them has data (or nothing has data yet), so every group
 * counting in the total appears once, as parts or as the whole.
 */
function combinedInPlace(profile: Profile, units: ScoredUnit[], rowsByRow: Map<number, UnitRow>): Map<string, string> {
  const groupIds = new Set(profile.groups.map((g) => g.id));
  const standIn = new Map<string, string>(); // part id → combined group id shown instead
  for (const group of profile.groups) {
    if (group.combines.length === 0 || !group.combines.every((c) => groupIds.has(c))) continue;
    const partsHaveData = group.combines.some((c) => groupHasData(profile, c, units, rowsByRow));
    if (!partsHaveData && groupHasData(profile, group.id, units, rowsByRow)) for (const c of group.combines) standIn.set(c, group.id);
  }
  return standIn;
}

/** Columns of the profile's indicators and groups, in the profile's order. */
export function scoreBlocks(profile: Profile, detail: "indicators" | "groups", rowsByRow: Map<number, UnitRow>, units: ScoredUnit[] = []): ColumnBlock[] {
  const blocks: ColumnBlock[] = [];
  const used = new Set<string>();
  const groupIds = new Set(profile.groups.map((g) => g.id));
  const standIn = combinedInPlace(profile, units, rowsByRow);
  const shownCombined = new Set<string>();
  for (const group of profile.groups) {
    const inds = profile.indicators.filter((i) => i.group === group.id);
    inds.forEach((i) => used.add(i.id));
    // A combined group prints where its first part would, and only when it stands in for them.
    if (group.combines.length > 0 && group.combines.every((c) => groupIds.has(c))) continue;
    const whole = standIn.get(group.id);
    if (whole !== undefined) {
      const spec = profile.groups.find((g) => g.id === whole);
      if (spec && !shownCombined.has(whole)) blocks.push({ label: null, superLabel: null, columns: [groupColumn(spec.id, spec.label, spec.max)] });
      shownCombined.add(whole);
    } else if (detail === "indicators" && inds.length >= 2) {
      const points = inds.some((i) => i.max > 0);
      blocks.push({
        label: group.label,
        superLabel: points ? POINTS_SUPER_HEADER : null,
        columns: inds.map((i) => indicatorColumn(i, rowsByRow, group.label)),
      });
    } else if (detail === "indicators" && inds.length === 1) {
      // One indicator is its group: one column, headed by the group (Điện Biên's "Tiến độ…").
      const c = indicatorColumn({ ...inds[0], label: group.label }, rowsByRow);
      blocks.push({ label: null, superLabel: null, columns: [{ ...c, max: group.max, flagFields: [...(c.flagFields ?? []), group.id] }] });
    } else {
      blocks.push({ label: null, superLabel: null, columns: [groupColumn(group.id, group.label, group.max)] });
    }
  }
  if (detail === "indicators") ungroupedBlocks(profile, used, blocks, rowsByRow);
  return blocks;
}

function previousMatch(previous: Comparison | undefined): Map<ScoredUnit, ComparisonRow> {
  const byUnit = new Map<ScoredUnit, ComparisonRow>();
  for (const m of previous?.matched ?? []) byUnit.set(m.current, m);
  return byUnit;
}

/** Last period's total and the change: from the comparison when there is one, else the table's own columns. */
function previousColumns(profile: Profile, options: ColumnOptions): ColumnDef[] {
  const matches = previousMatch(options.previous);
  const comparing = options.previous !== undefined;
  const label =
    options.previousLabel ??
    options.previous?.previousPeriod ??
    (comparing ? undefined : options.sourceLabels?.previous) ??
    profile.columns.find((c) => c.field === "previous")?.label ??
    "Kỳ trước";
  // Last period's total prints as this period's does; a change always with the method's decimals ("7,00" beside "4,78").
  const decimals = profile.rounding.decimals;
  const cols: ColumnDef[] = [
    { field: "previous", label, decimals: totalDecimals(profile), width: 11, value: (u) => (comparing ? (matches.get(u)?.previous.total ?? null) : u.previous) },
    {
      field: "change",
      label: (comparing ? undefined : options.sourceLabels?.change) ?? "Điểm (tăng/giảm)",
      decimals,
      width: 11,
      value: (u) => (comparing ? (matches.get(u)?.totalChange ?? null) : u.change),
    },
  ];
  if (comparing) {
    cols.push({ field: "previousRank", label: "Hạng kỳ trước", decimals: 0, width: 9, value: (u) => (u.aggregate ? null : (matches.get(u)?.previous.rank ?? null)) });
  }
  return cols;
}

/** A computed total prints its rounding ("47,30"); a total read from the portal prints as it came. */
function totalDecimals(profile: Profile): Decimals {
  return profile.basis === "total" ? "as-needed" : profile.rounding.decimals;
}

export function summaryColumns(profile: Profile, units: ScoredUnit[], options: ColumnOptions, showRank: boolean): ColumnDef[] {
  const cols: ColumnDef[] = [];
  const source = options.sourceLabels ?? {};
  if (profile.total !== null || units.some((u) => u.total !== null)) {
    const max = profile.total?.max ?? 0;
    const label = options.totalLabel ?? source.total ?? withMax(profile.total?.label ?? "Tổng điểm", profile.basis === "total" ? 0 : max);
    cols.push({ field: "total", label, decimals: totalDecimals(profile), width: 11, value: (u) => u.total });
  }
  if (profile.scale) {
    const scale = profile.scale;
    cols.push({ field: "converted", label: source.converted ?? scale.label, decimals: scale.decimals, width: 12, value: (u) => u.converted });
  }
  if (profile.rating) cols.push({ field: "rating", label: source.rating ?? "Xếp loại", decimals: null, width: 11, value: (u) => u.rating });
  if (showRank) cols.push({ field: "rank", label: "Xếp hạng", decimals: 0, width: 9, value: (u) => u.rank });
  // Only with data: a profile able to compute changes says nothing about this period having a previous one.
  if (options.previous !== undefined || units.some((u) => u.previous !== null)) cols.push(...previousColumns(profile, options));
  return cols;
}
