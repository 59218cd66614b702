/**
 * The Vietnamese narrative, written the way the seeds' reports write it: units per rating
 * ("03 đơn vị xếp loại tốt: …"), highest and lowest units, rises and falls against the last
 * period, and per indicator the units that have not started ("chưa thực hiện") or are low
 * ("tỷ lệ còn thấp"). Missing values are never counted as 0.
 */
import type { IndicatorSpec, Profile } from "../model/profile";
import type { ScoredUnit, ScoreResult, UnitRow } from "../model/units";
import { byChange } from "./compare";
import { DEFAULT_GROUP_LOW_PERCENT, groupParagraphs, groupsInTable } from "./group-findings";
import { formatViChange, formatViCount, formatViNumber, formatViScore, ListNamer, namesLimit } from "./format";
import type { Comparison, ComparisonRow, Narrative, NarrativeParagraph } from "./types";

export interface NarrativeOptions {
  /** Below this percent of an indicator's maximum, points are "còn thấp" (when no flag rule covers it). */
  lowPercent?: number;
  comparison?: Comparison;
  /** How many rises and falls to name; default 3. */
  topChanges?: number;
  /** The rows read, for indicators given as counts (Bến Cầu's "hồ sơ quá hạn"), which scored units do not carry. */
  sourceRows?: UnitRow[];
  /** For a table of group scores only: below this percent of a group's maximum (with no flag rule), its score is low. */
  groupLowPercent?: number;
  /** Longer lists of units are counted, not named; default: all named up to a province's size (format.ts namesLimit). */
  namesLimit?: number;
}

/** Rating names as a sentence writes them ("xếp loại tốt", "xếp loại trung bình"). */
const RATING_WORDS: Record<string, string> = {
  "xuat-sac": "xuất sắc",
  tot: "tốt",
  kha: "khá",
  "trung-binh": "trung bình",
  yeu: "yếu",
};

export function ratingWord(key: string | null, label: string | null): string {
  if (key && RATING_WORDS[key]) return RATING_WORDS[key];
  return (label ?? "").toLocaleLowerCase("vi-VN");
}

const DEFAULT_LOW_PERCENT = 40;

/** Units in the order of the appendix: total descending, then rank, then sheet row. */
function rankOrder(units: ScoredUnit[]): ScoredUnit[] {
  return [...units].sort((a, b) => {
    if (a.total !== b.total) {
      if (a.total === null) return 1;
      if (b.total === null) return -1;
      return b.total - a.total;
    }
    return (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row;
  });
}

/** ": A, B" after a count, or nothing when the list is too long to name (a national list). */
const listed = (units: ScoredUnit[], namer: ListNamer) => namer.list(units, (u) => u.name);

/** The units sharing the highest (or lowest) score, with it; many are counted ("40 đơn vị cùng đạt 100,00 điểm (quy đổi 10,00 điểm)"). */
function extremes(units: ScoredUnit[], profile: Profile, namer: ListNamer): string {
  if (namer.names(units.length)) return units.map((u) => `${u.name} (${scoreText(u, profile)})`).join(", ");
  const u = units[0];
  const converted = profile.scale && u.converted !== null ? ` (quy đổi ${formatViScore(u.converted, profile.scale.decimals)} điểm)` : "";
  return `${formatViCount(units.length)} đơn vị cùng đạt ${formatViScore(u.total ?? 0, profile.rounding.decimals)} điểm${converted}`;
}

function scoreText(u: ScoredUnit, profile: Profile): string {
  const parts = [`${formatViScore(u.total ?? 0, profile.rounding.decimals)} điểm`];
  if (profile.scale && u.converted !== null) parts.push(`quy đổi ${formatViScore(u.converted, profile.scale.decimals)} điểm`);
  return parts.join("; ");
}

/** The value the report judges an indicator by: points when scored, else its ratio. */
function indicatorValue(u: ScoredUnit, ind: IndicatorSpec): number | null {
  const r = u.indicators[ind.id];
  if (!r) return null;
  return ind.max > 0 ? r.points : r.ratio;
}

interface IndicatorFinding {
  notStarted: ScoredUnit[];
  low: ScoredUnit[];
  missing: ScoredUnit[];
  /** How "low" was decided, for the sentence ("dưới 70%"). */
  lowRule: string | null;
}

/**
 * Each indicator's units not started, low and without data, in one pass over the units (each
 * unit's indicators read together: a national list's units do not stay in the CPU's cache).
 */
function findings(units: ScoredUnit[], indicators: IndicatorSpec[], profile: Profile, lowPercent: number): Map<string, IndicatorFinding> {
  const checks = indicators.map((ind) => {
    const fields = [`${ind.id}.points`, `${ind.id}.ratio`];
    const rule = profile.flags.find((f) => fields.includes(f.field) && f.op === "below");
    const limit = !rule && ind.max > 0 ? (ind.max * lowPercent) / 100 : null;
    const isLow = (u: ScoredUnit, v: number) => (rule ? u.flags.some((f) => fields.includes(f.field)) : limit !== null && v < limit);
    const lowRule = rule
      ? `dưới ${formatViNumber(rule.threshold)}${rule.field.endsWith(".ratio") ? "%" : " điểm"}`
      : limit !== null
        ? `dưới ${formatViNumber(lowPercent)}% số điểm tối đa`
        : null;
    const found: IndicatorFinding = { notStarted: [], low: [], missing: [], lowRule };
    return { ind, isLow, found };
  });
  for (const u of units) {
    for (const { ind, isLow, found } of checks) {
      const r = u.indicators[ind.id];
      if (r === undefined) continue;
      const v = r ? (ind.max > 0 ? r.points : r.ratio) : null;
      if (v === 0) found.notStarted.push(u);
      else if (v === null) found.missing.push(u);
      else if (v > 0 && isLow(u, v)) found.low.push(u);
    }
  }
  return new Map(checks.map((c) => [c.ind.id, c.found]));
}

/** "07 đơn vị chưa thực hiện: …; 05 đơn vị đã thực hiện nhưng tỷ lệ còn thấp (…): …". */
function findingSentence(f: IndicatorFinding, total: number, namer: ListNamer): string | null {
  const parts: string[] = [];
  if (f.notStarted.length > 0) {
    parts.push(
      f.notStarted.length === total && total > 1
        ? `tất cả ${formatViCount(total)} đơn vị chưa thực hiện`
        : `${formatViCount(f.notStarted.length)} đơn vị chưa thực hiện${listed(f.notStarted, namer)}`,
    );
  }
  if (f.low.length > 0) {
    parts.push(`${formatViCount(f.low.length)} đơn vị đã thực hiện nhưng tỷ lệ còn thấp (${f.lowRule})${listed(f.low, namer)}`);
  }
  if (f.missing.length > 0) parts.push(`${formatViCount(f.missing.length)} đơn vị chưa có số liệu${listed(f.missing, namer)}`);
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return `${text.charAt(0).toLocaleUpperCase("vi-VN")}${text.slice(1)}.`;
}

/**
 * An indicator given as a count (no ratio, no points): the units over its threshold with their
 * counts ("02 đơn vị có số liệu trên 0: UBND xã Long Thuận (01), …"), or, with no threshold,
 * the units whose count is 0. Counts stay counts; a unit without a number is "chưa có số liệu".
 */
function countSentence(units: ScoredUnit[], ind: IndicatorSpec, profile: Profile, rows: Map<number, UnitRow>, namer: ListNamer): string | null {
  const field = `${ind.id}.numerator`;
  const valueOf = (u: ScoredUnit) => rows.get(u.row)?.values[field];
  const present = units.filter((u) => valueOf(u) !== undefined);
  if (present.length === 0) return null;
  const withCount = (u: ScoredUnit) => `${u.name} (${formatViCount(valueOf(u) as number)})`;
  const missing = present.filter((u) => valueOf(u) === null);
  const known = present.filter((u) => typeof valueOf(u) === "number");
  const rule = profile.flags.find((f) => f.field === field);
  const parts: string[] = [];
  if (rule) {
    const over = known.filter((u) => (rule.op === "above" ? (valueOf(u) as number) > rule.threshold : (valueOf(u) as number) < rule.threshold));
    const total = known.reduce((n, u) => n + (valueOf(u) as number), 0);
    parts.push(
      over.length === 0
        ? `không đơn vị nào ${rule.op === "above" ? "trên" : "dưới"} ${formatViNumber(rule.threshold)}`
        : `${formatViCount(over.length)} đơn vị ${rule.op === "above" ? "trên" : "dưới"} ${formatViNumber(rule.threshold)} (tổng ${formatViNumber(total)})${namer.list(over, withCount)}`,
    );
  } else {
    const zero = known.filter((u) => valueOf(u) === 0);
    if (zero.length > 0) parts.push(`${formatViCount(zero.length)} đơn vị bằng 0${listed(zero, namer)}`);
  }
  if (missing.length > 0) parts.push(`${formatViCount(missing.length)} đơn vị chưa có số liệu${listed(missing, namer)}`);
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return `${text.charAt(0).toLocaleUpperCase("vi-VN")}${text.slice(1)}.`;
}

/** Whether an indicator is given as a count in this table: a count read, no ratio. */
function isCount(ind: IndicatorSpec, units: ScoredUnit[], rows: Map<number, UnitRow>): boolean {
  if (ind.max > 0) return false;
  const [count, ratio] = [`${ind.id}.numerator`, `${ind.id}.ratio`];
  return units.some((u) => {
    const v = rows.get(u.row)?.values;
    return v !== undefined && v[count] !== undefined && v[ratio] === undefined && (u.indicators[ind.id]?.ratio ?? null) === null;
  });
}

/** "Nhóm cung cấp DVTT – Chỉ số 1" under "Nhóm cung cấp DVTT" → "Chỉ số 1". */
function shortLabel(label: string, groupLabel: string): string {
  if (!label.toLocaleLowerCase("vi-VN").startsWith(groupLabel.toLocaleLowerCase("vi-VN"))) return label;
  return label.slice(groupLabel.length).replace(/^[\s–—\-›>:,]+/, "") || label;
}

function changeText(m: ComparisonRow | { totalChange: number; rankChange: null; previousRank: null }, current: ScoredUnit): string {
  const parts = [`${formatViChange(m.totalChange as number)} điểm`];
  const prevRank = "previous" in m ? m.previous.rank : null;
  if (m.rankChange !== null && prevRank !== null && current.rank !== null && m.rankChange !== 0) {
    parts.push(`từ hạng ${prevRank} ${m.rankChange > 0 ? "lên" : "xuống"} hạng ${current.rank}`);
  }
  return `${current.name} (${parts.join("; ")})`;
}

function changeParagraphs(units: ScoredUnit[], comparison: Comparison | undefined, top: number, namer: ListNamer): NarrativeParagraph[] {
  const out: NarrativeParagraph[] = [];
  type Change = { unit: ScoredUnit; text: string; change: number };
  let changes: Change[];
  if (comparison) {
    changes = byChange(comparison).map((m) => ({ unit: m.current, text: changeText(m, m.current), change: m.totalChange as number }));
  } else {
    // The table's own "previous" column (Phú Tân's "THÁNG 4"): changes, no ranks.
    changes = units
      .filter((u) => u.change !== null)
      .map((u) => ({
        unit: u,
        text: changeText({ totalChange: u.change as number, rankChange: null, previousRank: null }, u),
        change: u.change as number,
      }))
      .sort((a, b) => b.change - a.change);
  }
  if (changes.length === 0 && !comparison) return out;
  const period = comparison?.previousPeriod ? ` (${comparison.previousPeriod})` : "";
  out.push({ kind: "heading", text: `So sánh với kỳ trước${period}` });
  if (comparison?.notComparable) {
    out.push({ kind: "text", text: comparison.notComparable });
    return out;
  }
  const overlap = comparison ? overlapText(comparison) : null;
  if (overlap) out.push({ kind: "text", text: overlap });
  const up = changes.filter((c) => c.change > 0);
  const down = changes.filter((c) => c.change < 0).reverse();
  const same = changes.length - up.length - down.length;
  out.push({
    kind: "text",
    text: `So với kỳ trước có ${formatViCount(up.length)} đơn vị tăng điểm, ${formatViCount(down.length)} đơn vị giảm điểm, ${formatViCount(same)} đơn vị không đổi.`,
  });
  if (up.length > 0) out.push({ kind: "bullet", text: `Tăng nhiều nhất: ${up.slice(0, top).map((c) => c.text).join(", ")}.` });
  if (down.length > 0) out.push({ kind: "bullet", text: `Giảm nhiều nhất: ${down.slice(0, top).map((c) => c.text).join(", ")}.` });
  if (comparison) {
    const newUnits = comparison.onlyCurrent.filter((u) => !u.aggregate);
    const goneUnits = comparison.onlyPrevious.filter((u) => !u.aggregate);
    const names = (list: ScoredUnit[]) => list.map((u) => u.name).join(", ");
    if (newUnits.length > 0) {
      out.push({
        kind: "bullet",
        text: namer.names(newUnits.length) ? `Đơn vị không có trong kỳ trước: ${names(newUnits)}.` : `Có ${formatViCount(newUnits.length)} đơn vị không có trong kỳ trước.`,
      });
    }
    // Units of the last period only are not in this period's appendix: they are in the last period's table.
    if (goneUnits.length > 0) {
      out.push({
        kind: "bullet",
        text:
          goneUnits.length <= namer.limit
            ? `Đơn vị có trong kỳ trước nhưng không có trong kỳ này: ${names(goneUnits)}.`
            : `Có ${formatViCount(goneUnits.length)} đơn vị có trong kỳ trước nhưng không có trong kỳ này (danh sách tại bảng kỳ trước).`,
      });
    }
  }
  return out;
}

/** "So sánh được 30/34 đơn vị …" when some units are in one period only; null when all match. */
export function overlapText(comparison: Comparison): string | null {
  const matched = comparison.matched.filter((m) => !m.current.aggregate).length;
  const onlyCurrent = comparison.onlyCurrent.filter((u) => !u.aggregate).length;
  const onlyPrevious = comparison.onlyPrevious.filter((u) => !u.aggregate).length;
  if (onlyCurrent === 0 && onlyPrevious === 0) return null;
  return `So sánh được ${formatViNumber(matched)}/${formatViNumber(matched + onlyCurrent)} đơn vị của kỳ này (khớp mã hoặc tên với ${formatViNumber(matched)}/${formatViNumber(matched + onlyPrevious)} đơn vị của kỳ trước).`;
}

function toText(paragraphs: NarrativeParagraph[]): string {
  return paragraphs
    .map((p) => (p.kind === "bullet" ? `- ${p.text}` : p.kind === "subbullet" ? `+ ${p.text}` : p.text))
    .join("\n");
}

/** Whether the profile scores at all (Bến Cầu's indicator table does not: nothing is "chấm điểm"). */
function scores(profile: Profile, units: ScoredUnit[]): boolean {
  return profile.basis !== "none" || profile.total !== null || units.some((u) => u.total !== null);
}

/** "Thực hiện chấm điểm đánh giá 12/12 đơn vị, trong đó:" and the units per rating, or, with no scoring, what the table holds. */
function resultParagraphs(units: ScoredUnit[], aggregates: ScoredUnit[], profile: Profile, namer: ListNamer): NarrativeParagraph[] {
  const p: NarrativeParagraph[] = [];
  if (!scores(profile, units)) {
    p.push({ kind: "text", text: `Bảng có số liệu của ${formatViCount(units.length)} đơn vị; phương pháp "${profile.name}" không chấm điểm, không xếp loại.` });
    return p;
  }
  // A unit with an unusable input cell is neither rated nor ranked: it is named apart, never best or worst.
  const scoredUnits = units.filter((u) => u.total !== null && u.notRated === undefined);
  p.push({ kind: "text", text: `Thực hiện chấm điểm đánh giá ${formatViNumber(scoredUnits.length)}/${formatViNumber(units.length)} đơn vị, trong đó:` });
  const bands = profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [];
  for (const band of bands) {
    const inBand = units.filter((u) => u.ratingKey === band.key);
    if (inBand.length === 0) continue;
    p.push({ kind: "bullet", text: `${formatViCount(inBand.length)} đơn vị xếp loại ${ratingWord(band.key, band.label)}${listed(inBand, namer)}.` });
  }
  const unrated = units.filter((u) => u.total === null && u.notRated === undefined);
  if (unrated.length > 0) p.push({ kind: "bullet", text: `${formatViCount(unrated.length)} đơn vị chưa đủ số liệu để chấm điểm${listed(unrated, namer)}.` });
  const withErrors = units.filter((u) => u.notRated !== undefined);
  if (withErrors.length > 0) p.push({ kind: "bullet", text: `${formatViCount(withErrors.length)} đơn vị chưa xếp loại vì số liệu có ô lỗi${listed(withErrors, namer)}.` });
  for (const a of aggregates) {
    if (a.total === null) continue;
    const rating = a.rating ? `, xếp loại ${ratingWord(a.ratingKey, a.rating)}` : "";
    p.push({ kind: "text", text: `${a.name}: ${scoreText(a, profile)}${rating}.` });
  }
  if (scoredUnits.length > 1) {
    const best = scoredUnits.filter((u) => u.total === scoredUnits[0].total);
    const last = scoredUnits[scoredUnits.length - 1];
    const worst = scoredUnits.filter((u) => u.total === last.total);
    p.push({
      kind: "text",
      text:
        `Đơn vị có điểm cao nhất: ${extremes(best, profile, namer)}; ` + `đơn vị có điểm thấp nhất: ${extremes(worst, profile, namer)}.`,
    });
  }
  const scoredIndicators = profile.indicators.filter((i) => i.max > 0);
  if (scoredIndicators.length > 1) {
    const complete = units.filter((u) => scoredIndicators.every((i) => (indicatorValue(u, i) ?? 0) > 0));
    if (complete.length > 0) p.push({ kind: "text", text: `Có ${formatViCount(complete.length)} đơn vị thực hiện đảm bảo đủ các chỉ số${listed(complete, namer)}.` });
  }
  return p;
}

/** Per indicator, by group in the profile's order, then indicators outside any group. */
function indicatorParagraphs(units: ScoredUnit[], profile: Profile, lowPercent: number, rows: Map<number, UnitRow>, namer: ListNamer): NarrativeParagraph[] {
  const p: NarrativeParagraph[] = [];
  const groupIds = new Set(profile.groups.map((g) => g.id));
  const blocks: { label: string | null; inds: IndicatorSpec[] }[] = profile.groups.map((g) => ({
    label: g.label,
    inds: profile.indicators.filter((i) => i.group === g.id),
  }));
  for (const ind of profile.indicators) if (!ind.group || !groupIds.has(ind.group)) blocks.push({ label: null, inds: [ind] });
  const counts = new Set(profile.indicators.filter((ind) => isCount(ind, units, rows)).map((ind) => ind.id));
  const found = findings(units, profile.indicators.filter((ind) => !counts.has(ind.id)), profile, lowPercent);
  for (const block of blocks) {
    const lines: { label: string; sentence: string }[] = [];
    for (const ind of block.inds) {
      const sentence = counts.has(ind.id)
        ? countSentence(units, ind, profile, rows, namer)
        : findingSentence(found.get(ind.id)!, units.length, namer);
      // "Công khai, minh bạch (%)" reads "Công khai, minh bạch" in a sentence.
      const label = (block.label ? shortLabel(ind.label, block.label) : ind.label).replace(/\s*\((%|\d+\s*(%|điểm))\)\s*$/u, "");
      if (sentence) lines.push({ label, sentence });
    }
    if (lines.length === 0) continue;
    if (block.label && block.inds.length > 1) {
      p.push({ kind: "bullet", text: `${block.label}:` });
      for (const l of lines) p.push({ kind: "subbullet", text: `${l.label}: ${l.sentence}` });
    } else {
      p.push({ kind: "bullet", text: `${block.label ?? lines[0].label}: ${lines[0].sentence}` });
    }
  }
  if (p.length === 0) p.push({ kind: "text", text: "Không có đơn vị nào chưa thực hiện hoặc có tỷ lệ thấp ở các chỉ số." });
  return p;
}

/**
 * What the table can tell about shortcomings: per indicator when it has indicators, per group when
 * it has only group scores, and otherwise that it has neither (never "no unit is low" unseen).
 */
function weaknessParagraphs(units: ScoredUnit[], profile: Profile, options: NarrativeOptions, rows: Map<number, UnitRow>, namer: ListNamer): NarrativeParagraph[] {
  const hasIndicators = profile.indicators.some((ind) => units.some((u) => u.indicators[ind.id] !== undefined) || isCount(ind, units, rows));
  if (hasIndicators) return indicatorParagraphs(units, profile, options.lowPercent ?? DEFAULT_LOW_PERCENT, rows, namer);
  const groups = groupsInTable(units, profile, rows);
  if (groups.length > 0) return groupParagraphs(units, groups, profile, options.groupLowPercent ?? DEFAULT_GROUP_LOW_PERCENT, namer);
  return [{ kind: "text", text: "Bảng không có điểm nhóm hay số liệu chỉ số thành phần, nên chưa nêu được tồn tại, hạn chế theo từng chỉ số." }];
}

export function buildNarrative(scored: ScoreResult, profile: Profile, options: NarrativeOptions = {}): Narrative {
  const units = rankOrder(scored.units.filter((u) => !u.aggregate));
  const aggregates = scored.units.filter((u) => u.aggregate);
  const rows = new Map((options.sourceRows ?? []).map((r) => [r.row, r]));
  const namer = new ListNamer(options.namesLimit ?? namesLimit(units.length), units.length);
  const p: NarrativeParagraph[] = [];
  let section = 0;
  const heading = (text: string) => p.push({ kind: "heading", text: `${++section}. ${text}` });

  heading(scores(profile, units) ? "Kết quả đánh giá, xếp loại" : "Kết quả các chỉ tiêu");
  p.push(...resultParagraphs(units, aggregates, profile, namer));
  const changes = changeParagraphs(units, options.comparison, options.topChanges ?? 3, namer);
  if (changes.length > 0) {
    heading(changes[0].text);
    p.push(...changes.slice(1));
  }
  heading("Tồn tại, hạn chế");
  p.push(...weaknessParagraphs(units, profile, options, rows, namer));
  // Before the lists, where a reader wonders why a count has no names.
  if (namer.cut) p.splice(1, 0, { kind: "text", text: namer.note() });
  return { paragraphs: p, text: toText(p) };
}
