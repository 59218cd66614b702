/**
 * The appendix sheet ("Phụ lục") as a plan: a title block, a header block with the profile's
 * group headers (merged group cells over sub-columns), one row per unit in rank order, the
 * underlines of the flags, a footnote with the rating bands and tie rule, the count of units
 * per rating and, optionally, the narrative. Pure: adapters apply the plan.
 */
import type { FieldId } from "../model/fields";
import { LEVEL_LABELS, LEVELS } from "../model/fields";
import type { CellRange, CellValue } from "../model/grid";
import type { Band, IndicatorSpec, Profile } from "../model/profile";
import type { ScoredUnit, ScoreResult, UnitRow } from "../model/units";
import { formatViNumber } from "./format";
import type {
  AppendixColumn,
  AppendixPlan,
  AppendixRow,
  AppendixStyle,
  Comparison,
  ComparisonRow,
  HeaderSpan,
  Narrative,
} from "./types";

import { DEFAULT_APPENDIX_SHEET } from "../model/plan";

export { DEFAULT_APPENDIX_SHEET };
export const DEFAULT_APPENDIX_TITLE =
  "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG THỰC HIỆN THỦ TỤC HÀNH CHÍNH, DỊCH VỤ CÔNG";
export const APPENDIX_FONT = { name: "Times New Roman", size: 13 } as const;

/** Two decimals, as the portal and the engine round; numbers stay numbers. */
export const SCORE_FORMAT = "0.00";
export const INTEGER_FORMAT = "0";

/** Label of the super-header over indicator points, as Điện Biên's appendix writes it. */
const POINTS_SUPER_HEADER = "Điểm các chỉ số";
/** Label of the summary block when the total is read rather than computed (Phú Tân). */
const SUMMARY_HEADER = "Điểm tổng hợp";

export interface AppendixOptions {
  /** Title lines (bold, centred), e.g. "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI …"; a string may hold "\n". */
  title: string | string[];
  /** Period line ("Tháng 9 năm 2023", "Tháng 5 (Tuần 01)"). */
  period?: string;
  /** Cut-off date as text ("Ngày 06/5/2024"), printed as "(Thời gian chốt số liệu: …)". */
  cutoffDate?: string;
  sheetName?: string;
  /** The comparison with the last period: adds its total, the change and its rank. */
  previous?: Comparison;
  /** Header of the previous-total column ("Tháng 4"); default "Kỳ trước". */
  previousLabel?: string;
  /** Header of the total column ("Tháng 5 - Tuần 01"); default the profile's total label. */
  totalLabel?: string;
  /** Where aggregate rows go; default "first" (Phú Tân's TOÀN HUYỆN row heads the table). */
  aggregatePosition?: "first" | "last";
  /** Indicator columns under their groups, or group columns only; default by profile size. */
  detail?: "indicators" | "groups";
  /** Show a "Xếp hạng" column; default only when ranks are shared (ties) or STT is not the rank. */
  showRank?: boolean;
  /** Upper-case header labels (Phú Tân style); default when the profile's rating labels are upper-case. */
  upperCaseHeaders?: boolean;
  /** The rows the engine scored, to show profile columns the engine does not carry. */
  sourceRows?: UnitRow[];
  /** Written under the appendix. */
  narrative?: Narrative;
}

/** A column before it is placed: label, format and how a unit fills it. */
interface ColumnDef {
  field: FieldId;
  label: string;
  numFmt: string | null;
  width: number;
  value: (unit: ScoredUnit, row: AppendixRow) => CellValue;
  /** Fields whose flags underline this column (defaults to [field]). */
  flagFields?: FieldId[];
}

/** Columns under one merged header (label null: no merged header, each column stands alone). */
interface ColumnBlock {
  label: string | null;
  /** A second header level above the block ("Điểm các chỉ số"). */
  superLabel: string | null;
  columns: ColumnDef[];
}

function withMax(label: string, max: number): string {
  if (max <= 0 || /điểm\s*\)?\s*$/i.test(label) || /\(\s*\d/.test(label)) return label;
  return `${label} (${formatViNumber(max)} điểm)`;
}

function isUpperCase(text: string): boolean {
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
      numFmt: SCORE_FORMAT,
      width: 11,
      value: (u) => u.indicators[ind.id]?.points ?? null,
      flagFields: [field, `${ind.id}.ratio`],
    };
  }
  // Shown, not scored (Phú Tân's component percentages): the ratio is what the report prints.
  const field = `${ind.id}.ratio`;
  return {
    field,
    label: withoutPrefix(ind.label, header),
    numFmt: SCORE_FORMAT,
    width: 12,
    value: (u) => u.indicators[ind.id]?.ratio ?? rowsByRow.get(u.row)?.values[field] ?? null,
    flagFields: [field, `${ind.id}.points`],
  };
}

function groupColumn(id: string, label: string, max: number): ColumnDef {
  return { field: id, label: withMax(label, max), numFmt: SCORE_FORMAT, width: 11, value: (u) => u.groups[id] ?? null };
}

/** Columns of the profile's indicators and groups, in the profile's order. */
function scoreBlocks(profile: Profile, detail: "indicators" | "groups", rowsByRow: Map<number, UnitRow>): ColumnBlock[] {
  const blocks: ColumnBlock[] = [];
  const used = new Set<string>();
  const combined = new Set(profile.groups.flatMap((g) => g.combines));
  const groupIds = new Set(profile.groups.map((g) => g.id));
  for (const group of profile.groups) {
    const inds = profile.indicators.filter((i) => i.group === group.id);
    inds.forEach((i) => used.add(i.id));
    // A combined group (DVTT) stands in for its parts only when they are not shown themselves.
    if (group.combines.length > 0 && group.combines.every((c) => groupIds.has(c))) continue;
    if (detail === "indicators" && inds.length >= 2) {
      const points = inds.some((i) => i.max > 0);
      blocks.push({
        label: group.label,
        superLabel: points ? POINTS_SUPER_HEADER : null,
        columns: inds.map((i) => indicatorColumn(i, rowsByRow, group.label)),
      });
    } else if (detail === "indicators" && inds.length === 1) {
      // One indicator is its group: one column, headed by the group (Điện Biên's "Tiến độ…").
      const c = indicatorColumn({ ...inds[0], label: group.label }, rowsByRow);
      blocks.push({ label: null, superLabel: null, columns: [{ ...c, flagFields: [...(c.flagFields ?? []), group.id] }] });
    } else if (!combined.has(group.id) || detail === "groups") {
      blocks.push({ label: null, superLabel: null, columns: [groupColumn(group.id, group.label, group.max)] });
    }
  }
  if (detail === "indicators") {
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
  return blocks;
}

function previousMatch(previous: Comparison | undefined): Map<ScoredUnit, ComparisonRow> {
  const byUnit = new Map<ScoredUnit, ComparisonRow>();
  for (const m of previous?.matched ?? []) byUnit.set(m.current, m);
  return byUnit;
}

function summaryColumns(
  profile: Profile,
  units: ScoredUnit[],
  options: AppendixOptions,
  showRank: boolean,
): ColumnDef[] {
  const cols: ColumnDef[] = [];
  const matches = previousMatch(options.previous);
  const hasTotal = profile.total !== null || units.some((u) => u.total !== null);
  if (hasTotal) {
    const max = profile.total?.max ?? 0;
    const label = options.totalLabel ?? withMax(profile.total?.label ?? "Tổng điểm", profile.basis === "total" ? 0 : max);
    cols.push({ field: "total", label, numFmt: SCORE_FORMAT, width: 11, value: (u) => u.total });
  }
  if (profile.scale) {
    const scale = profile.scale;
    cols.push({ field: "converted", label: scale.label, numFmt: SCORE_FORMAT, width: 12, value: (u) => u.converted });
  }
  if (profile.rating) cols.push({ field: "rating", label: "Xếp loại", numFmt: null, width: 11, value: (u) => u.rating });
  if (showRank) cols.push({ field: "rank", label: "Xếp hạng", numFmt: INTEGER_FORMAT, width: 9, value: (u) => u.rank });
  const comparing = options.previous !== undefined;
  // Only with data: a profile able to compute changes says nothing about this period having a previous one.
  if (comparing || units.some((u) => u.previous !== null)) {
    cols.push({
      field: "previous",
      label:
        options.previousLabel ??
        options.previous?.previousPeriod ??
        profile.columns.find((c) => c.field === "previous")?.label ??
        "Kỳ trước",
      numFmt: SCORE_FORMAT,
      width: 11,
      value: (u) => (comparing ? (matches.get(u)?.previous.total ?? null) : u.previous),
    });
    cols.push({
      field: "change",
      label: "Điểm (tăng/giảm)",
      numFmt: SCORE_FORMAT,
      width: 11,
      value: (u) => (comparing ? (matches.get(u)?.totalChange ?? null) : u.change),
    });
  }
  if (comparing) {
    cols.push({
      field: "previousRank",
      label: "Hạng kỳ trước",
      numFmt: INTEGER_FORMAT,
      width: 9,
      value: (u) => (u.aggregate ? null : (matches.get(u)?.previous.rank ?? null)),
    });
  }
  return cols;
}

const LEVEL_ORDER = new Map<string, number>(LEVELS.map((l, i) => [l, i]));

/** Rank order: total descending, then rank, then name; missing totals last. */
function byRankOrder(a: ScoredUnit, b: ScoredUnit): number {
  if (a.total === null || b.total === null) {
    if (a.total !== b.total) return a.total === null ? 1 : -1;
  } else if (a.total !== b.total) return b.total - a.total;
  const ra = a.rank ?? Number.MAX_SAFE_INTEGER;
  const rb = b.rank ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  return a.row - b.row;
}

interface Section {
  label: string | null;
  units: ScoredUnit[];
}

/** Units split by level when the profile ranks levels separately and several levels are present. */
function sections(units: ScoredUnit[], profile: Profile): Section[] {
  const ranked = units.filter((u) => !u.aggregate);
  const levels = new Set(ranked.map((u) => u.level));
  if (profile.ranking?.scope !== "level" || levels.size < 2) return [{ label: null, units: [...ranked].sort(byRankOrder) }];
  const ordered = [...levels].sort((a, b) => (LEVEL_ORDER.get(a ?? "") ?? 99) - (LEVEL_ORDER.get(b ?? "") ?? 99));
  const roman = ["I", "II", "III", "IV", "V"];
  return ordered.map((level, i) => ({
    label: `${roman[i] ?? i + 1}. ${level ? LEVEL_LABELS[level] : "Đơn vị khác"}`,
    units: ranked.filter((u) => u.level === level).sort(byRankOrder),
  }));
}

function bandRangeText(bands: Band[], i: number): string {
  const band = bands[i];
  if (i === 0) return `từ ${formatViNumber(band.min)}% trở lên`;
  const upper = bands[i - 1].min;
  if (i === bands.length - 1 && band.min <= 0) return `dưới ${formatViNumber(upper)}%`;
  return `từ ${formatViNumber(band.min)}% đến dưới ${formatViNumber(upper)}%`;
}

/** "Xếp loại theo tỷ lệ … : Xuất sắc từ 90% trở lên; Tốt từ 80% đến dưới 90%; …". */
export function ratingFootnote(profile: Profile): string | null {
  if (!profile.rating) return null;
  const bands = [...profile.rating.bands].sort((a, b) => b.min - a.min);
  const onConverted = profile.rating.on === "converted" && profile.scale;
  const basis = onConverted
    ? `${profile.scale?.label ?? "Tổng điểm quy đổi"} so với ${formatViNumber(profile.scale?.max ?? 0)} điểm`
    : `${profile.total?.label ?? "Tổng điểm"} so với điểm tối đa${profile.total ? ` ${formatViNumber(profile.total.max)} điểm` : ""}`;
  const parts = bands.map((b, i) => `${b.label}: ${bandRangeText(bands, i)}`);
  return `Xếp loại theo tỷ lệ ${basis}: ${parts.join("; ")}.`;
}

/** The tie rule in words, with its pattern. */
export function tieFootnote(profile: Profile): string | null {
  if (!profile.ranking) return null;
  const rule = {
    competition: "các đơn vị bằng điểm cùng hạng, hạng kế tiếp bỏ qua số hạng tương ứng (1, 2, 2, 4)",
    dense: "các đơn vị bằng điểm cùng hạng, hạng kế tiếp liền sau (1, 2, 2, 3)",
    sequential: "các đơn vị bằng điểm xếp lần lượt theo tên đơn vị (1, 2, 3, 4)",
    "table-order": "các đơn vị bằng điểm xếp lần lượt theo thứ tự trong bảng (1, 2, 3, 4)",
  }[profile.ranking.tie];
  const scope = profile.ranking.scope === "level" ? "; sở, ban, ngành và xã, phường xếp hạng riêng" : "";
  return `Xếp hạng theo tổng điểm từ cao xuống thấp: ${rule}${scope}. STT theo thứ tự xếp hạng.`;
}

function flagFootnote(profile: Profile, labelOf: (field: FieldId) => string): string | null {
  if (profile.flags.length === 0) return null;
  const parts = profile.flags.map((f) => {
    const op = f.op === "below" ? "dưới" : "trên";
    return `${labelOf(f.field)} ${op} ${formatViNumber(f.threshold)}`;
  });
  return `Số liệu gạch chân: ${parts.join("; ")}.`;
}

function hasTies(units: ScoredUnit[]): boolean {
  const seen = new Set<string>();
  for (const u of units) {
    if (u.aggregate || u.rank === null) continue;
    const key = `${u.level ?? ""}:${u.rank}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** Rough wrapped-line count of a text in a width of `chars` characters. */
function lineCount(text: string, chars: number): number {
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / Math.max(4, chars))), 0);
}

/** Points per line of Times New Roman 13 with some leading. */
const LINE_HEIGHT = 17.5;

export function planAppendix(scored: ScoreResult, profile: Profile, options: AppendixOptions): AppendixPlan {
  const sheetName = options.sheetName ?? DEFAULT_APPENDIX_SHEET;
  const units = scored.units;
  const rowsByRow = new Map<number, UnitRow>((options.sourceRows ?? []).map((r) => [r.row, r]));
  const scoredIndicators = profile.indicators.filter((i) => i.max > 0).length;
  const detail = options.detail ?? (scoredIndicators > 0 && scoredIndicators <= 12 ? "indicators" : profile.indicators.length <= 12 ? "indicators" : "groups");
  const upper = options.upperCaseHeaders ?? (profile.rating?.bands.every((b) => isUpperCase(b.label)) ?? false);
  const secs = sections(units, profile);
  const showRank = options.showRank ?? (hasTies(units) || secs.length > 1);

  // Column blocks: STT and name, then either summary-first (total read from the portal) or
  // scores-first with the summary at the end (total computed from the printed parts).
  const sttCol: ColumnDef = { field: "stt", label: "STT", numFmt: INTEGER_FORMAT, width: 6, value: (_u, r) => r.stt };
  const nameCol: ColumnDef = { field: "name", label: upper ? "Đơn vị" : "Tên đơn vị", numFmt: null, width: 32, value: (u) => u.name };
  const showCode = units.some((u) => u.code);
  const lead: ColumnBlock[] = [sttCol, nameCol].map((c) => ({ label: null, superLabel: null, columns: [c] }));
  if (showCode) lead.push({ label: null, superLabel: null, columns: [{ field: "code", label: "Mã định danh", numFmt: null, width: 16, value: (u) => u.code }] });
  const summary = summaryColumns(profile, units, options, showRank);
  const scores = scoreBlocks(profile, detail, rowsByRow);
  const blocks: ColumnBlock[] =
    profile.basis === "total"
      ? [...lead, { label: SUMMARY_HEADER, superLabel: null, columns: summary }, ...scores]
      : [...lead, ...scores, ...summary.map((c) => ({ label: null, superLabel: null, columns: [c] }))];
  const nonEmpty = blocks.filter((b) => b.columns.length > 0);

  const caps = (s: string) => (upper ? s.toLocaleUpperCase("vi-VN") : s);
  const columns: AppendixColumn[] = [];
  const defs: ColumnDef[] = [];
  for (const b of nonEmpty) for (const c of b.columns) {
    columns.push({ field: c.field, col: defs.length, label: caps(c.label), numFmt: c.numFmt, width: c.width, });
    defs.push(c);
  }
  const lastCol = defs.length - 1;
  const fullWidth = (row: number): CellRange => ({ top: row, bottom: row, left: 0, right: lastCol });

  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const styles: AppendixStyle[] = [];
  const merges: CellRange[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const set = (row: number, col: number, value: CellValue, numFmt: string | null = null) => {
    while (values.length <= row) {
      values.push([]);
      numberFormats.push([]);
    }
    values[row][col] = value;
    numberFormats[row][col] = numFmt;
  };
  const totalChars = defs.reduce((n, c) => n + c.width, 0);

  // Title block.
  let row = 0;
  const titleTop = row;
  const titleLines = (Array.isArray(options.title) ? options.title : [options.title]).flatMap((t) => t.split("\n")).filter((t) => t.trim());
  for (const line of [...titleLines, ...(options.period ? [options.period] : [])]) {
    set(row, 0, line);
    merges.push(fullWidth(row));
    styles.push({ range: fullWidth(row), bold: true, horizontal: "center", vertical: "middle", wrap: true });
    const lines = lineCount(line, totalChars * 0.9);
    if (lines > 1) rowHeights.push({ row, height: lines * LINE_HEIGHT });
    row++;
  }
  if (options.cutoffDate) {
    set(row, 0, `(Thời gian chốt số liệu: ${options.cutoffDate})`);
    merges.push(fullWidth(row));
    styles.push({ range: fullWidth(row), italic: true, horizontal: "center", vertical: "middle" });
    row++;
  }
  row++; // blank line between the title and the table

  // Header block: depth 1 (flat), 2 (merged group cells) or 3 (a super-header above groups).
  const hasGroupLabels = nonEmpty.some((b) => b.label !== null && b.columns.length > 0);
  const hasSuper = nonEmpty.some((b) => b.superLabel !== null);
  const depth = 1 + (hasGroupLabels ? 1 : 0) + (hasSuper ? 1 : 0);
  const headerTop = row;
  const headerBottom = row + depth - 1;
  const headers: HeaderSpan[] = [];
  const addSpan = (label: string, top: number, bottom: number, left: number, right: number) => {
    headers.push({ label: caps(label), row: top, left, right, bottom });
    set(top, left, caps(label));
    if (bottom > top || right > left) merges.push({ top, bottom, left, right });
  };
  let col = 0;
  for (let i = 0; i < nonEmpty.length; i++) {
    const b = nonEmpty[i];
    const left = col;
    const right = col + b.columns.length - 1;
    if (b.superLabel !== null) {
      // Consecutive blocks sharing a super label sit under one merged cell.
      const prev = nonEmpty[i - 1];
      if (!prev || prev.superLabel !== b.superLabel) {
        let span = right;
        for (let j = i + 1; j < nonEmpty.length && nonEmpty[j].superLabel === b.superLabel; j++) span += nonEmpty[j].columns.length;
        addSpan(b.superLabel, headerTop, headerTop, left, span);
      }
    }
    const blockTop = b.superLabel !== null ? headerTop + 1 : headerTop;
    if (b.label !== null) {
      addSpan(b.label, blockTop, headerBottom - 1, left, right);
      b.columns.forEach((c, k) => addSpan(c.label, headerBottom, headerBottom, left + k, left + k));
    } else {
      b.columns.forEach((c, k) => addSpan(c.label, blockTop, headerBottom, left + k, left + k));
    }
    col = right + 1;
  }
  const headerRange: CellRange = { top: headerTop, bottom: headerBottom, left: 0, right: lastCol };
  styles.push({ range: headerRange, bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true });
  for (let r = headerTop; r <= headerBottom; r++) {
    const leaves = headers.filter((h) => h.row === r);
    const lines = Math.max(1, ...leaves.map((h) => {
      const chars = defs.slice(h.left, h.right + 1).reduce((n, c) => n + c.width, 0);
      return lineCount(h.label, chars * 0.85) / (h.bottom - h.row + 1);
    }));
    rowHeights.push({ row: r, height: Math.ceil(lines) * LINE_HEIGHT + 4 });
  }
  row = headerBottom + 1;

  // Data rows.
  const dataTop = row;
  const rows: AppendixRow[] = [];
  const aggregates = units.filter((u) => u.aggregate);
  const writeUnit = (unit: ScoredUnit, stt: number | null) => {
    const r: AppendixRow = { row, unit, stt };
    rows.push(r);
    defs.forEach((c, k) => set(row, k, c.value(unit, r), c.numFmt));
    styles.push({ range: { top: row, bottom: row, left: 0, right: lastCol }, vertical: "middle" });
    if (unit.aggregate) styles.push({ range: { top: row, bottom: row, left: 0, right: lastCol }, bold: true });
    else {
      defs.forEach((c, k) => {
        const fields = c.flagFields ?? [c.field];
        const flagged = unit.flags.some((f) => (f.underline.length > 0 ? f.underline : [f.field]).some((x) => fields.includes(x)));
        if (flagged) styles.push({ range: { top: row, bottom: row, left: k, right: k }, underline: true });
      });
    }
    row++;
  };
  if ((options.aggregatePosition ?? "first") === "first") aggregates.forEach((u) => writeUnit(u, null));
  for (const sec of secs) {
    if (sec.label) {
      set(row, 1, sec.label);
      styles.push({ range: { top: row, bottom: row, left: 0, right: lastCol }, bold: true });
      row++;
    }
    sec.units.forEach((u, i) => writeUnit(u, i + 1));
  }
  if (options.aggregatePosition === "last") aggregates.forEach((u) => writeUnit(u, null));
  const dataBottom = Math.max(dataTop, row - 1);
  if (row === dataTop) row++; // an empty table still has one (blank) bordered row
  const dataRange: CellRange = { top: dataTop, bottom: dataBottom, left: 0, right: lastCol };
  styles.push({ range: dataRange, border: true, horizontal: "center" });
  const nameIdx = defs.indexOf(nameCol);
  styles.push({ range: { ...dataRange, left: nameIdx, right: nameIdx }, horizontal: "left", wrap: true });
  if (showCode) styles.push({ range: { ...dataRange, left: nameIdx + 1, right: nameIdx + 1 }, horizontal: "left" });

  // Footnote: bands, tie rule, underline rule, aggregate rows.
  row++;
  const footnoteTop = row;
  const labelOf = (field: FieldId) => {
    const c = columns.find((x) => x.field === field || defs[x.col].flagFields?.includes(field));
    return c ? c.label.replace(/\s*\([^)]*\)\s*$/, "") : field === "total" ? "Tổng điểm" : field;
  };
  const notes = [
    ratingFootnote(profile),
    tieFootnote(profile),
    flagFootnote(profile, labelOf),
    aggregates.length > 0 ? `Dòng ${aggregates.map((u) => u.name).join(", ")} là số liệu chung, không xếp hạng, không gạch chân.` : null,
  ].filter((n): n is string => n !== null);
  if (notes.length > 0) {
    set(row, 0, "Ghi chú:");
    styles.push({ range: fullWidth(row), bold: true, italic: true });
    row++;
    for (const note of notes) {
      set(row, 0, `- ${note}`);
      merges.push(fullWidth(row));
      styles.push({ range: fullWidth(row), italic: true, horizontal: "left", vertical: "top", wrap: true });
      rowHeights.push({ row, height: lineCount(note, totalChars * 0.95) * LINE_HEIGHT });
      row++;
    }
  }

  // Count of units per rating: printed, and the data of the rating chart.
  let ratingTable: AppendixPlan["layout"]["ratingTable"] = null;
  if (profile.rating) {
    row++;
    const left = Math.max(0, nameIdx);
    const top = row;
    set(row, left, "Xếp loại");
    set(row, left + 1, "Số đơn vị");
    styles.push({ range: { top: row, bottom: row, left, right: left + 1 }, bold: true, horizontal: "center" });
    row++;
    const ranked = units.filter((u) => !u.aggregate);
    const keys: string[] = [];
    for (const band of [...profile.rating.bands].sort((a, b) => b.min - a.min)) {
      keys.push(band.key);
      set(row, left, band.label);
      set(row, left + 1, ranked.filter((u) => u.ratingKey === band.key).length, INTEGER_FORMAT);
      row++;
    }
    styles.push({ range: { top, bottom: row - 1, left, right: left + 1 }, border: true });
    styles.push({ range: { top: top + 1, bottom: row - 1, left: left + 1, right: left + 1 }, horizontal: "center" });
    ratingTable = { top, bottom: row - 1, left, keys };
  }

  let narrativeTop: number | null = null;
  if (options.narrative && options.narrative.paragraphs.length > 0) {
    row++;
    narrativeTop = row;
    for (const p of options.narrative.paragraphs) {
      const text = p.kind === "bullet" ? `- ${p.text}` : p.kind === "subbullet" ? `+ ${p.text}` : p.text;
      set(row, 0, text);
      merges.push(fullWidth(row));
      styles.push({ range: fullWidth(row), horizontal: "left", vertical: "top", wrap: true, bold: p.kind === "heading" });
      rowHeights.push({ row, height: lineCount(text, totalChars * 0.95) * LINE_HEIGHT });
      row++;
    }
  }

  return {
    sheetName,
    font: { ...APPENDIX_FONT },
    values,
    numberFormats,
    styles,
    merges,
    columnWidths: defs.map((c) => c.width),
    rowHeights,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: { top: headerTop, bottom: headerBottom },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    columns,
    headers,
    layout: {
      titleTop,
      headerTop,
      headerBottom,
      dataTop,
      dataBottom,
      footnoteTop,
      ratingTable,
      narrativeTop,
      lastRow: Math.max(row - 1, dataBottom),
      lastCol,
    },
    rows,
  };
}
