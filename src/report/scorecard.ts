/**
 * "Phiếu điểm": one printable A4 page per unit, for the unit to act on — its groups against
 * their maxima, its indicators below threshold, its change and rank against the last period,
 * and five priorities (the largest drops first, then the largest shortfalls against the
 * maximum). One sheet, a page break before each unit. Pure: adapters apply the SheetPlan.
 */
import type { IndicatorSpec, Profile } from "../model/profile";
import type { ScoredUnit, ScoreResult } from "../model/units";
import { fixedFormat } from "./appendix-columns";
import { ratingName } from "./charts";
import { formatViChange, formatViNumber } from "./format";
import { A4_MARGINS, SheetBuilder } from "./sheet";
import type { Comparison, SheetPlan } from "./types";

export const SCORECARD_SHEET = "Phiếu điểm";
/** Character units that print on portrait A4 at 100 % (no fit-to-page scaling here). */
const WIDTHS = [36, 10, 10, 11];
const PRIORITIES = 5;

export interface ScorecardOptions {
  period?: string;
  cutoffDate?: string;
  comparison?: Comparison | null;
  sheetName?: string;
}

/** One indicator's standing: what it scores, its maximum (100 for a percentage), and its change. */
interface Standing {
  ind: IndicatorSpec;
  value: number;
  max: number;
  unit: string;
  drop: number | null;
}

function standings(unit: ScoredUnit, previous: ScoredUnit | undefined, profile: Profile): Standing[] {
  const out: Standing[] = [];
  for (const ind of profile.indicators) {
    const r = unit.indicators[ind.id];
    const scored = ind.max > 0;
    const value = scored ? r?.points : r?.ratio;
    if (value === null || value === undefined) continue;
    const before = previous?.indicators[ind.id];
    const prev = scored ? before?.points : before?.ratio;
    out.push({ ind, value, max: scored ? ind.max : 100, unit: scored ? "điểm" : "%", drop: prev === null || prev === undefined ? null : prev - value });
  }
  return out;
}

/** The largest drops against the last period first, then the largest shortfalls against the maximum. */
export function priorities(unit: ScoredUnit, previous: ScoredUnit | undefined, profile: Profile, count = PRIORITIES): string[] {
  const list = standings(unit, previous, profile);
  const label = (s: Standing) => {
    const group = profile.groups.find((g) => g.id === s.ind.group);
    // "Công khai, minh bạch (%)" reads "Công khai, minh bạch" in a sentence that says "%".
    const own = s.ind.label.replace(/\s*\(%\)\s*$/u, "");
    return group && !own.startsWith(group.label) ? `${own} (${group.label})` : own;
  };
  const now = (s: Standing) => `${formatViNumber(s.value)}/${formatViNumber(s.max)}${s.unit === "%" ? "%" : " điểm"}`;
  const drops = list.filter((s) => s.drop !== null && s.drop > 0.005).sort((a, b) => (b.drop as number) - (a.drop as number));
  const shortfalls = list.filter((s) => !drops.includes(s) && s.max - s.value > 0.005).sort((a, b) => b.max - b.value - (a.max - a.value));
  // Only the first `count` are written: the rest are never formatted (a page per unit, thousands of units).
  return [
    ...drops.slice(0, count).map((s) => `${label(s)}: giảm ${formatViNumber(s.drop as number)}${s.unit === "%" ? "%" : " điểm"} so với kỳ trước (nay ${now(s)}).`),
    ...shortfalls.slice(0, Math.max(0, count - drops.length)).map((s) => `${label(s)}: còn thiếu ${formatViNumber(s.max - s.value)}${s.unit === "%" ? "%" : " điểm"} so với tối đa (nay ${now(s)}).`),
  ];
}

/** "Hạng 3/18 (kỳ trước: hạng 5); tổng điểm +2,04 so với kỳ trước." */
function standingLine(unit: ScoredUnit, ranked: number, previous: ScoredUnit | undefined): string {
  const parts: string[] = [];
  if (unit.rank !== null) parts.push(`Xếp hạng: ${unit.rank}/${ranked}${previous?.rank ? ` (kỳ trước: hạng ${previous.rank})` : ""}`);
  const change = previous && previous.total !== null && unit.total !== null ? unit.total - previous.total : unit.change;
  if (change !== null) parts.push(`so với kỳ trước: ${formatViChange(change)} điểm`);
  return parts.length > 0 ? `${parts.join("; ")}.` : "Chưa có xếp hạng, chưa có số liệu kỳ trước.";
}

/** Groups (or, with none, scored indicators) against their maxima: name, points, maximum, percent. */
function scoreTable(b: SheetBuilder, unit: ScoredUnit, profile: Profile, top: number): number {
  const rows = profile.groups.length > 0
    ? profile.groups.filter((g) => g.max > 0).map((g) => ({ label: g.label, value: unit.groups[g.id] ?? null, max: g.max }))
    : profile.indicators.filter((i) => i.max > 0).map((i) => ({ label: i.label, value: unit.indicators[i.id]?.points ?? null, max: i.max }));
  if (profile.total && unit.total !== null) rows.push({ label: profile.total.label, value: unit.total, max: profile.total.max });
  if (rows.length === 0) return top;
  let row = top;
  ["Nhóm chỉ số", "Điểm", "Tối đa", "Tỷ lệ (%)"].forEach((h, c) => b.set(row, c, h));
  b.style({ range: { top: row, bottom: row, left: 0, right: 3 }, bold: true, horizontal: "center", wrap: true });
  row++;
  for (const r of rows) {
    b.set(row, 0, r.label);
    b.set(row, 1, r.value, fixedFormat(2));
    b.set(row, 2, r.max, fixedFormat(0));
    b.set(row, 3, r.value === null ? null : Math.round((r.value / r.max) * 1000) / 10, fixedFormat(1));
    if (r.value !== null && r.value < r.max * 0.5) b.style({ range: { top: row, bottom: row, left: 1, right: 1 }, underline: true });
    row++;
  }
  b.style({ range: { top, bottom: row - 1, left: 0, right: 3 }, border: true, vertical: "middle" });
  b.style({ range: { top: top + 1, bottom: row - 1, left: 0, right: 0 }, wrap: true });
  b.style({ range: { top: top + 1, bottom: row - 1, left: 1, right: 3 }, horizontal: "center" });
  return row;
}

function flagLines(unit: ScoredUnit, profile: Profile): string[] {
  return unit.flags.map((f) => {
    const id = f.field.replace(/\.(numerator|denominator|ratio|points)$/, "");
    const label = f.field === "total" ? (profile.total?.label ?? "Tổng điểm") : (profile.indicators.find((i) => i.id === id)?.label ?? profile.groups.find((g) => g.id === f.field)?.label ?? f.field);
    return `${label}: ${formatViNumber(f.value)} (${f.op === "below" ? "dưới" : "trên"} ngưỡng ${formatViNumber(f.threshold)}).`;
  });
}

/** One unit's page from `top`; returns the row after it. */
function unitPage(b: SheetBuilder, unit: ScoredUnit, ranked: number, previous: ScoredUnit | undefined, profile: Profile, options: ScorecardOptions, top: number): number {
  const chars = WIDTHS.reduce((n, w) => n + w, 0);
  let row = top;
  const line = (text: string, style: Parameters<SheetBuilder["textLine"]>[3] = { horizontal: "left", vertical: "top" }) => b.textLine(row++, text, chars, style);
  line("PHIẾU ĐIỂM BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP", { bold: true, horizontal: "center", vertical: "middle" });
  line(unit.name, { bold: true, horizontal: "center", vertical: "middle", size: 14 });
  const when = [options.period, options.cutoffDate ? `số liệu chốt ${options.cutoffDate}` : null].filter(Boolean).join(" – ");
  if (when) line(when, { italic: true, horizontal: "center", vertical: "middle" });
  row++;
  const total = unit.total === null ? "chưa đủ số liệu" : `${formatViNumber(unit.total)}${profile.total ? `/${formatViNumber(profile.total.max)}` : ""} điểm`;
  if (profile.total || unit.total !== null) line(`Tổng điểm: ${total}${unit.rating ? `; xếp loại: ${ratingName(unit.ratingKey, unit.rating)}` : ""}.`, { bold: true, horizontal: "left", vertical: "top" });
  line(standingLine(unit, ranked, previous));
  row++;
  row = scoreTable(b, unit, profile, row) + 1;
  line("Chỉ số dưới ngưỡng", { bold: true, horizontal: "left", vertical: "top" });
  const flags = flagLines(unit, profile);
  for (const f of flags.length > 0 ? flags : ["Không có chỉ số nào dưới ngưỡng."]) line(`- ${f}`);
  row++;
  line("Năm việc cần ưu tiên", { bold: true, horizontal: "left", vertical: "top" });
  const todo = priorities(unit, previous, profile);
  (todo.length > 0 ? todo : ["Các chỉ số đều đạt tối đa."]).forEach((t, i) => line(`${i + 1}. ${t}`));
  return row;
}

/** How many units a unit is ranked among ("Xếp hạng: 3/18"): all ranked units, or those of its level when ranking is per level. Counted once, not per page. */
function rankedPeers(units: ScoredUnit[], profile: Profile): (unit: ScoredUnit) => number {
  const perLevel = new Map<ScoredUnit["level"], number>();
  let all = 0;
  for (const u of units) {
    if (u.rank === null) continue;
    all++;
    perLevel.set(u.level, (perLevel.get(u.level) ?? 0) + 1);
  }
  return profile.ranking?.scope === "level" ? (unit) => perLevel.get(unit.level) ?? 0 : () => all;
}

/** The scorecard sheet: a page per unit (aggregate rows excluded), in rank order. */
export function planScorecards(scored: ScoreResult, profile: Profile, options: ScorecardOptions = {}): SheetPlan {
  const units = scored.units.filter((u) => !u.aggregate).sort((a, c) => (a.rank ?? Infinity) - (c.rank ?? Infinity) || a.row - c.row);
  const previousOf = new Map((options.comparison?.matched ?? []).map((m) => [m.current, m.previous]));
  const b = new SheetBuilder(WIDTHS.length - 1);
  const breaks: number[] = [];
  const peers = rankedPeers(units, profile);
  let row = 0;
  for (const unit of units) {
    if (row > 0) breaks.push(row);
    row = unitPage(b, unit, peers(unit), previousOf.get(unit), profile, options, row);
  }
  const sheet = b.build(
    options.sheetName ?? SCORECARD_SHEET,
    WIDTHS,
    // No fit-to-page scaling: Excel ignores manual page breaks under it; the columns fit portrait A4 as they are.
    { orientation: "portrait", paperSize: "A4", fitToWidth: 0, fitToHeight: 0, repeatRows: null, margins: { ...A4_MARGINS, left: 0.7, right: 0.6 } },
    0,
    Math.max(0, row - 1),
  );
  return { ...sheet, pageBreaks: breaks };
}
