/**
 * The appendix sheet ("Phụ lục") as a plan: the source's title block, a header block with the
 * profile's group headers (merged group cells over sub-columns, labelled as the source labelled
 * them), one row per unit in rank order, the underlines of the flags and a footnote. The rating
 * counts and the narrative go on a sheet of their own (see planNotes), so that no repeated table
 * header prints over them. Pure: adapters apply the plan.
 */
import type { FieldId } from "../model/fields";
import { LEVEL_LABELS, LEVELS } from "../model/fields";
import type { CellRange } from "../model/grid";
import { DEFAULT_APPENDIX_SHEET } from "../model/plan";
import type { Profile } from "../model/profile";
import { foldText } from "../model/text";
import type { ScoredUnit, ScoreResult, UnitRow } from "../model/units";
import {
  cellFormat,
  fixedFormat,
  isUpperCase,
  readableLabels,
  scoreBlocks,
  summaryColumns,
  withMax,
  type ColumnBlock,
  type ColumnDef,
} from "./appendix-columns";
import { appendixFootnotes } from "./footnotes";
import { planNotes } from "./notes";
import { A4_MARGINS, LINE_HEIGHT, longestWord, SheetBuilder, wrappedLines } from "./sheet";
import type { AppendixColumn, AppendixPlan, AppendixRow, Comparison, HeaderSpan, Narrative } from "./types";

export { DEFAULT_APPENDIX_SHEET };
export { APPENDIX_FONT } from "./sheet";
export { ratingFootnote, tieFootnote } from "./footnotes";
export { DEFAULT_APPENDIX_TITLE } from "./title";

/** Label of the summary block when the total is read rather than computed (Phú Tân). */
const SUMMARY_HEADER = "Điểm tổng hợp";

export interface AppendixOptions {
  /** Title lines (bold, centred), e.g. "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI …"; a string may hold "\n". */
  title: string | string[];
  /** Period line ("Tháng 9 năm 2023", "Tháng 5 (Tuần 01)"). */
  period?: string;
  /** Cut-off date as text ("Ngày 06/5/2024"), printed as "(Thời gian chốt số liệu: …)". */
  cutoffDate?: string;
  /** Lines printed in italics under the title as the source has them ("(Kèm theo Báo cáo số …)"). */
  referenceLines?: string[];
  sheetName?: string;
  /** Name of the sheet with the rating counts and the narrative. */
  notesSheetName?: string;
  /** The comparison with the last period: adds its total, the change and its rank. */
  previous?: Comparison;
  /** Header of the previous-total column ("Tháng 4"); default "Kỳ trước". */
  previousLabel?: string;
  /** Header of the total column ("Tháng 5 - Tuần 01"); default the source's, else the profile's total label. */
  totalLabel?: string;
  /** The source table's bottom header cell per field ("THÁNG 5 -TUẦN 01" for the total): kept as labels. */
  sourceLabels?: Partial<Record<FieldId, string>>;
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
  /** Printed on the notes sheet, under the rating counts. */
  narrative?: Narrative;
}

const LEVEL_ORDER = new Map<string, number>(LEVELS.map((l, i) => [l, i]));

/** Rank order: total descending, then rank, then sheet row; units with an input error, then missing totals, last. */
function byRankOrder(a: ScoredUnit, b: ScoredUnit): number {
  const errorA = a.notRated !== undefined;
  if (errorA !== (b.notRated !== undefined)) return errorA ? 1 : -1;
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

/** The table's own sections ("A. KHỐI CƠ QUAN CHUYÊN MÔN", "KHỐI PHƯỜNG"…) in its order, when every unit sits under one. */
function tableSections(ranked: ScoredUnit[], rowsByRow: Map<number, UnitRow>): Section[] | null {
  const bySection = new Map<string, ScoredUnit[]>();
  for (const u of ranked) {
    const heading = rowsByRow.get(u.row)?.section;
    if (heading === undefined) return null;
    const list = bySection.get(heading);
    if (list) list.push(u);
    else bySection.set(heading, [u]);
  }
  if (bySection.size < 2) return null;
  return [...bySection].map(([label, list]) => ({ label, units: list.sort(byRankOrder) }));
}

/** The table's sections, else units split by level when the profile ranks levels separately and several levels are present. */
function sections(units: ScoredUnit[], profile: Profile, rowsByRow: Map<number, UnitRow>): Section[] {
  const ranked = units.filter((u) => !u.aggregate);
  const own = tableSections(ranked, rowsByRow);
  if (own) return own;
  const levels = new Set(ranked.map((u) => u.level));
  if (profile.ranking?.scope !== "level" || levels.size < 2) return [{ label: null, units: [...ranked].sort(byRankOrder) }];
  const ordered = [...levels].sort((a, b) => (LEVEL_ORDER.get(a ?? "") ?? 99) - (LEVEL_ORDER.get(b ?? "") ?? 99));
  const roman = ["I", "II", "III", "IV", "V"];
  return ordered.map((level, i) => ({
    label: `${roman[i] ?? i + 1}. ${level ? LEVEL_LABELS[level] : "Đơn vị khác"}`,
    units: ranked.filter((u) => u.level === level).sort(byRankOrder),
  }));
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

/** The columns chosen for a table, in sheet order, with their blocks and widths. */
interface Frame {
  blocks: ColumnBlock[];
  defs: ColumnDef[];
  widths: number[];
  caps: (s: string) => string;
  nameIdx: number;
  showCode: boolean;
  sections: Section[];
}

/** Score columns some unit has a value in: a totals-only table prints no empty group columns. */
function withData(blocks: ColumnBlock[], units: ScoredUnit[]): ColumnBlock[] {
  if (units.length === 0) return blocks;
  return blocks
    .map((b) => ({ ...b, columns: b.columns.filter((c) => units.some((u, i) => (c.value(u, { row: i, unit: u, stt: null }) ?? null) !== null)) }))
    .filter((b) => b.columns.length > 0);
}

function chooseColumns(scored: ScoreResult, profile: Profile, given: AppendixOptions): Frame {
  const units = scored.units;
  const options: AppendixOptions = { ...given, sourceLabels: readableLabels(given.sourceLabels) };
  const rowsByRow = new Map<number, UnitRow>((options.sourceRows ?? []).map((r) => [r.row, r]));
  const scoredIndicators = profile.indicators.filter((i) => i.max > 0).length;
  const detail = options.detail ?? (scoredIndicators > 0 && scoredIndicators <= 12 ? "indicators" : profile.indicators.length <= 12 ? "indicators" : "groups");
  const upper = options.upperCaseHeaders ?? (profile.rating?.bands.every((b) => isUpperCase(b.label)) ?? false);
  const secs = sections(units, profile, rowsByRow);
  const showRank = options.showRank ?? (hasTies(units) || secs.length > 1);

  // STT and name, then either summary-first (total read from the portal) or scores-first with
  // the summary at the end (total computed from the printed parts).
  const nameCol: ColumnDef = { field: "name", label: options.sourceLabels?.name ?? (upper ? "Đơn vị" : "Tên đơn vị"), decimals: null, width: 32, value: (u) => u.name };
  const lead: ColumnBlock[] = [
    { label: null, superLabel: null, columns: [{ field: "stt", label: "STT", decimals: 0, width: 6, value: (_u, r) => r.stt }] },
    { label: null, superLabel: null, columns: [nameCol] },
  ];
  const showCode = units.some((u) => u.code);
  if (showCode) lead.push({ label: null, superLabel: null, columns: [{ field: "code", label: "Mã định danh", decimals: null, width: 16, value: (u) => u.code }] });
  const summary = summaryColumns(profile, units, options, showRank);
  const sourceLabel = (c: ColumnDef) => {
    const own = options.sourceLabels?.[c.field];
    return own === undefined ? c.label : withMax(own, c.max ?? 0);
  };
  const scores = withData(scoreBlocks(profile, detail, rowsByRow, units), units).map((b) => ({ ...b, columns: b.columns.map((c) => ({ ...c, label: sourceLabel(c) })) }));
  const blocks = (
    profile.basis === "total"
      ? [...lead, { label: SUMMARY_HEADER, superLabel: null, columns: summary }, ...scores]
      : [...lead, ...scores, ...summary.map((c) => ({ label: null, superLabel: null, columns: [c] }))]
  ).filter((b) => b.columns.length > 0);
  const caps = (s: string) => (upper ? s.toLocaleUpperCase("vi-VN") : s);
  const defs = blocks.flatMap((b) => b.columns);
  // Wide enough for the longest word of the column's own header (bold), so no header is clipped.
  const widths = defs.map((c) => (c.field === "name" ? c.width : Math.max(c.width, Math.ceil(longestWord(caps(c.label), true) + 2))));
  return { blocks, defs, widths, caps, nameIdx: defs.indexOf(nameCol), showCode, sections: secs };
}

/** Title lines, period, reference lines and cut-off date; returns the first row after a blank line. */
function writeTitle(b: SheetBuilder, options: AppendixOptions, chars: number): number {
  let row = 0;
  const titleLines = (Array.isArray(options.title) ? options.title : [options.title]).flatMap((t) => t.split("\n")).filter((t) => t.trim());
  // A period the title already names ("… THÁNG 9 NĂM 2023") is not printed a second time.
  const period = options.period && !titleLines.some((l) => foldText(l).includes(foldText(options.period ?? ""))) ? [options.period] : [];
  for (const line of [...titleLines, ...period]) {
    b.textLine(row++, line, chars, { bold: true, horizontal: "center", vertical: "middle" });
  }
  const references = options.referenceLines ?? [];
  for (const line of references) b.textLine(row++, line, chars, { italic: true, horizontal: "center", vertical: "middle" });
  // A source line that already gives the date ("(Số liệu trích xuất … ngày 05/11/2025)") is not repeated.
  const cutoff = options.cutoffDate;
  if (cutoff && !references.some((l) => l.includes(cutoff))) b.textLine(row++, `(Thời gian chốt số liệu: ${cutoff})`, chars, { italic: true, horizontal: "center", vertical: "middle" });
  return row + 1;
}

/** Header block: depth 1 (flat), 2 (merged group cells) or 3 (a super-header above groups). */
function writeHeader(b: SheetBuilder, frame: Frame, headerTop: number): { headers: HeaderSpan[]; headerBottom: number } {
  const { blocks, caps } = frame;
  const depth = 1 + (blocks.some((x) => x.label !== null) ? 1 : 0) + (blocks.some((x) => x.superLabel !== null) ? 1 : 0);
  const headerBottom = headerTop + depth - 1;
  const headers: HeaderSpan[] = [];
  const addSpan = (label: string, top: number, bottom: number, left: number, right: number) => {
    headers.push({ label: caps(label), row: top, left, right, bottom });
    b.set(top, left, caps(label));
    if (bottom > top || right > left) b.merges.push({ top, bottom, left, right });
  };
  let col = 0;
  blocks.forEach((block, i) => {
    const left = col;
    const right = col + block.columns.length - 1;
    // Consecutive blocks sharing a super label sit under one merged cell.
    if (block.superLabel !== null && blocks[i - 1]?.superLabel !== block.superLabel) {
      let span = right;
      for (let j = i + 1; j < blocks.length && blocks[j].superLabel === block.superLabel; j++) span += blocks[j].columns.length;
      addSpan(block.superLabel, headerTop, headerTop, left, span);
    }
    const blockTop = block.superLabel !== null ? headerTop + 1 : headerTop;
    if (block.label !== null) {
      addSpan(block.label, blockTop, headerBottom - 1, left, right);
      block.columns.forEach((c, k) => addSpan(c.label, headerBottom, headerBottom, left + k, left + k));
    } else {
      block.columns.forEach((c, k) => addSpan(c.label, blockTop, headerBottom, left + k, left + k));
    }
    col = right + 1;
  });
  b.style({ range: { top: headerTop, bottom: headerBottom, left: 0, right: b.lastCol }, bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true });
  fitHeaderHeights(b, frame, headers, headerTop, headerBottom);
  return { headers, headerBottom };
}

/** Each header row as tall as its most wrapped label needs (a label spanning rows shares them). */
function fitHeaderHeights(b: SheetBuilder, frame: Frame, headers: HeaderSpan[], top: number, bottom: number): void {
  const need = new Array<number>(bottom - top + 1).fill(1);
  for (const h of headers) {
    const width = frame.widths.slice(h.left, h.right + 1).reduce((n, w) => n + w, 0);
    const rows = h.bottom - h.row + 1;
    const perRow = wrappedLines(h.label, width, true) / rows;
    for (let r = h.row; r <= h.bottom; r++) need[r - top] = Math.max(need[r - top], perRow);
  }
  need.forEach((lines, i) => b.height(top + i, Math.ceil(lines) * LINE_HEIGHT + 6));
}

function flaggedColumns(unit: ScoredUnit, defs: ColumnDef[]): number[] {
  const out: number[] = [];
  defs.forEach((c, k) => {
    const fields = c.flagFields ?? [c.field];
    if (unit.flags.some((f) => (f.underline.length > 0 ? f.underline : [f.field]).some((x) => fields.includes(x)))) out.push(k);
  });
  return out;
}

/** Data rows: aggregates first (or last), then each section's units in rank order. */
function writeRows(b: SheetBuilder, frame: Frame, units: ScoredUnit[], position: "first" | "last", dataTop: number): { rows: AppendixRow[]; next: number } {
  const { defs } = frame;
  const rows: AppendixRow[] = [];
  let row = dataTop;
  // Every row as tall as its wrapped name: a row left at the default height prints a long name over the next row.
  const fitNameHeight = (at: number, text: string, bold: boolean) => {
    b.height(at, wrappedLines(text, frame.widths[frame.nameIdx], bold) * LINE_HEIGHT + 4);
  };
  const writeUnit = (unit: ScoredUnit, stt: number | null) => {
    const r: AppendixRow = { row, unit, stt };
    rows.push(r);
    defs.forEach((c, k) => {
      const value = c.value(unit, r);
      b.set(row, k, value, cellFormat(value, c.decimals));
    });
    b.style({ range: { top: row, bottom: row, left: 0, right: b.lastCol }, vertical: "middle" });
    fitNameHeight(row, unit.name, unit.aggregate);
    if (unit.aggregate) b.style({ range: { top: row, bottom: row, left: 0, right: b.lastCol }, bold: true });
    else for (const k of flaggedColumns(unit, defs)) b.style({ range: { top: row, bottom: row, left: k, right: k }, underline: true });
    row++;
  };
  const aggregates = units.filter((u) => u.aggregate);
  if (position === "first") aggregates.forEach((u) => writeUnit(u, null));
  for (const sec of frame.sections) {
    if (sec.label) {
      b.set(row, frame.nameIdx, sec.label);
      fitNameHeight(row, sec.label, true);
      b.style({ range: { top: row, bottom: row, left: 0, right: b.lastCol }, bold: true });
      row++;
    }
    sec.units.forEach((u, i) => writeUnit(u, i + 1));
  }
  if (position === "last") aggregates.forEach((u) => writeUnit(u, null));
  if (row === dataTop) row++; // an empty table still has one (blank) bordered row
  const dataRange: CellRange = { top: dataTop, bottom: row - 1, left: 0, right: b.lastCol };
  b.style({ range: dataRange, border: true, horizontal: "center" });
  b.style({ range: { ...dataRange, left: frame.nameIdx, right: frame.nameIdx }, horizontal: "left", wrap: true });
  if (frame.showCode) b.style({ range: { ...dataRange, left: frame.nameIdx + 1, right: frame.nameIdx + 1 }, horizontal: "left" });
  return { rows, next: row };
}

/** "Ghi chú:" and one merged, wrapped line per note; returns the row after the last. */
function writeFootnote(b: SheetBuilder, notes: string[], top: number, chars: number): number {
  if (notes.length === 0) return top;
  let row = top;
  b.set(row, 0, "Ghi chú:");
  b.style({ range: b.fullWidth(row), bold: true, italic: true });
  row++;
  for (const note of notes) b.textLine(row++, `- ${note}`, chars, { italic: true, horizontal: "left", vertical: "top" });
  return row;
}

export function planAppendix(scored: ScoreResult, profile: Profile, options: AppendixOptions): AppendixPlan {
  const frame = chooseColumns(scored, profile, options);
  const { defs, caps } = frame;
  const columns: AppendixColumn[] = defs.map((c, col) => ({
    field: c.field,
    col,
    label: caps(c.label),
    numFmt: typeof c.decimals === "number" ? fixedFormat(c.decimals) : null,
    width: frame.widths[col],
  }));
  const b = new SheetBuilder(defs.length - 1);
  const chars = frame.widths.reduce((n, w) => n + w, 0);

  const headerTop = writeTitle(b, options, chars);
  const { headers, headerBottom } = writeHeader(b, frame, headerTop);
  const dataTop = headerBottom + 1;
  const { rows, next } = writeRows(b, frame, scored.units, options.aggregatePosition ?? "first", dataTop);
  const dataBottom = Math.max(dataTop, next - 1);

  const footnoteTop = next + 1;
  const labelOf = (field: FieldId) => {
    const c = columns.find((x) => x.field === field || defs[x.col].flagFields?.includes(field));
    return c ? c.label.replace(/\s*\([^)]*\)\s*$/, "") : field === "total" ? "Tổng điểm" : field;
  };
  const end = writeFootnote(b, appendixFootnotes(profile, scored.units, labelOf), footnoteTop, chars);
  const lastRow = Math.max(end - 1, dataBottom);

  const sheet = b.build(
    options.sheetName ?? DEFAULT_APPENDIX_SHEET,
    frame.widths,
    { orientation: "landscape", paperSize: "A4", fitToWidth: 1, fitToHeight: 0, repeatRows: { top: headerTop, bottom: headerBottom }, margins: { ...A4_MARGINS } },
    headerBottom + 1,
    lastRow,
  );
  return {
    ...sheet,
    printArea: { top: 0, left: 0, bottom: lastRow, right: b.lastCol },
    columns,
    headers,
    layout: { titleTop: 0, headerTop, headerBottom, dataTop, dataBottom, footnoteTop, lastRow, lastCol: b.lastCol },
    rows,
    notes: planNotes(scored, profile, { narrative: options.narrative, sheetName: options.notesSheetName, period: options.period, cutoffDate: options.cutoffDate }),
  };
}
