/**
 * The message for the office's chat group (Zalo): plain text that reads well pasted as it is —
 * no emoji, no markup — with the period and cut-off date, the units under 50 % and between 50 %
 * and 70 % of the maximum, and the largest drops and rises. Lists name at most 3 agencies and
 * 10 communes and count the rest. Only text: nothing is sent anywhere.
 */
import type { Profile } from "../model/profile";
import type { ScoredUnit, ScoreResult } from "../model/units";
import { byChange } from "./compare";
import { formatViChange, formatViCount, formatViNumber } from "./format";
import { ratingWord } from "./narrative";
import type { Comparison } from "./types";

export interface MessageOptions {
  /** "THÁNG 5 (Tuần 01)", "Tháng 9 năm 2023". */
  period?: string;
  /** "Ngày 06/5/2024". */
  cutoffDate?: string;
  /** The comparison with the last period; without it, the table's own change column. */
  comparison?: Comparison | null;
  /** Agencies (sở, ban, ngành; cấp huyện) named per list; default 3. */
  maxAgencies?: number;
  /** Communes named per list; default 10. */
  maxCommunes?: number;
  /** The smallest change worth a line; default 0.5 points. */
  minChange?: number;
}

/** The score the message judges by (the converted one when the rating is on it) and its maximum. */
function scoreOf(profile: Profile): { value: (u: ScoredUnit) => number | null; max: number | null } {
  if (profile.rating?.on === "converted" && profile.scale) return { value: (u) => u.converted, max: profile.scale.max };
  return { value: (u) => u.total, max: profile.total?.max ?? null };
}

const isAgency = (u: ScoredUnit) => u.level !== null && u.level !== "commune";

/** "A (48,2), B (45) và 3 xã khác": agencies and communes each named up to their limit, the rest counted. */
export function nameList(items: { unit: ScoredUnit; note: string }[], maxAgencies: number, maxCommunes: number): string {
  const text = (list: typeof items, max: number, other: string) => {
    const named = list.slice(0, max).map((x) => (x.note ? `${x.unit.name} (${x.note})` : x.unit.name));
    const more = list.length - named.length;
    return `${named.join(", ")}${more > 0 ? ` và ${formatViNumber(more)} ${other} khác` : ""}`;
  };
  const agencies = items.filter((x) => isAgency(x.unit));
  const communes = items.filter((x) => !isAgency(x.unit));
  if (agencies.length === 0) return text(communes, maxCommunes, "đơn vị");
  if (communes.length === 0) return text(agencies, maxAgencies, "cơ quan");
  return `cơ quan: ${text(agencies, maxAgencies, "cơ quan")}; xã, phường: ${text(communes, maxCommunes, "xã, phường")}`;
}

function headLines(profile: Profile, options: MessageOptions): string[] {
  const lines = [`KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP${options.period ? ` - ${options.period.toLocaleUpperCase("vi-VN")}` : ""}`];
  if (options.cutoffDate) lines.push(`Số liệu chốt: ${options.cutoffDate}.`);
  lines.push(`Phương pháp: ${profile.name}.`);
  return lines;
}

/** The rating counts and the aggregate rows ("TOÀN HUYỆN: 86,59/100 điểm, xếp loại tốt"). */
function summaryLines(units: ScoredUnit[], aggregates: ScoredUnit[], profile: Profile): string[] {
  const lines: string[] = [];
  const scored = units.filter((u) => u.total !== null);
  const bands = profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [];
  const counts = bands.map((b) => ({ b, n: units.filter((u) => u.ratingKey === b.key).length })).filter((x) => x.n > 0);
  const rated = counts.map((x) => `${formatViCount(x.n)} ${ratingWord(x.b.key, x.b.label)}`).join(", ");
  lines.push(`- Chấm điểm ${formatViNumber(scored.length)}/${formatViNumber(units.length)} đơn vị${rated ? `: ${rated}` : ""}.`);
  for (const a of aggregates) {
    if (a.total === null) continue;
    const max = profile.total ? `/${formatViNumber(profile.total.max)}` : "";
    lines.push(`- ${a.name}: ${formatViNumber(a.total)}${max} điểm${a.rating ? `, xếp loại ${ratingWord(a.ratingKey, a.rating)}` : ""}.`);
  }
  return lines;
}

/** Units under 50 % and from 50 % to under 70 % of the maximum, lowest first. */
function shortfallLines(units: ScoredUnit[], profile: Profile, limits: [number, number]): string[] {
  const { value, max } = scoreOf(profile);
  if (!max) return [];
  const lines: string[] = [];
  const withScore = units.filter((u) => value(u) !== null).sort((a, b) => (value(a) as number) - (value(b) as number));
  const band = (lo: number, hi: number) => withScore.filter((u) => (value(u) as number) >= (max * lo) / 100 && (value(u) as number) < (max * hi) / 100);
  const list = (us: ScoredUnit[]) => nameList(us.map((u) => ({ unit: u, note: formatViNumber(value(u) as number) })), limits[0], limits[1]);
  const under50 = band(-Infinity, 50);
  const under70 = band(50, 70);
  if (under50.length > 0) lines.push(`- Dưới 50% số điểm tối đa (${formatViCount(under50.length)} đơn vị): ${list(under50)}.`);
  if (under70.length > 0) lines.push(`- Từ 50% đến dưới 70% số điểm tối đa (${formatViCount(under70.length)} đơn vị): ${list(under70)}.`);
  if (under50.length === 0 && under70.length === 0 && withScore.length > 0) lines.push("- Không có đơn vị nào dưới 70% số điểm tối đa.");
  return lines;
}

/** The largest drops and rises of at least `min` points, against the comparison or the table's own change column. */
function changeLines(units: ScoredUnit[], options: MessageOptions, limits: [number, number]): string[] {
  const min = options.minChange ?? 0.5;
  const changes = options.comparison
    ? byChange(options.comparison).map((m) => ({ unit: m.current, change: m.totalChange as number }))
    : units.filter((u) => u.change !== null).map((u) => ({ unit: u, change: u.change as number }));
  const drops = changes.filter((c) => c.change <= -min).sort((a, b) => a.change - b.change);
  const rises = changes.filter((c) => c.change >= min).sort((a, b) => b.change - a.change);
  const list = (cs: typeof changes) => nameList(cs.map((c) => ({ unit: c.unit, note: formatViChange(c.change) })), limits[0], limits[1]);
  const lines: string[] = [];
  if (drops.length > 0) lines.push(`- Giảm điểm nhiều (từ ${formatViNumber(min)} điểm trở lên): ${list(drops)}.`);
  if (rises.length > 0) lines.push(`- Tăng điểm nhiều (từ ${formatViNumber(min)} điểm trở lên): ${list(rises)}.`);
  return lines;
}

/** Units flagged by the profile's rules, for a table that is not scored (Bến Cầu's overdue dossiers). */
function flagLines(units: ScoredUnit[], profile: Profile, limits: [number, number]): string[] {
  return profile.flags.flatMap((rule) => {
    const hit = units.filter((u) => u.flags.some((f) => f.field === rule.field));
    if (hit.length === 0) return [];
    const id = rule.field.replace(/\.(numerator|denominator|ratio|points)$/, "");
    const label = profile.indicators.find((i) => i.id === id)?.label.replace(/\s*\(%\)\s*$/, "") ?? rule.field;
    const notes = hit.map((u) => ({ unit: u, note: formatViNumber(u.flags.find((f) => f.field === rule.field)?.value ?? 0) }));
    return [`- ${label} ${rule.op === "above" ? "trên" : "dưới"} ${formatViNumber(rule.threshold)} (${formatViCount(hit.length)} đơn vị): ${nameList(notes, limits[0], limits[1])}.`];
  });
}

/** The chat-group message, one line per fact. */
export function buildGroupMessage(scored: ScoreResult, profile: Profile, options: MessageOptions = {}): string {
  const units = scored.units.filter((u) => !u.aggregate);
  const aggregates = scored.units.filter((u) => u.aggregate);
  const limits: [number, number] = [options.maxAgencies ?? 3, options.maxCommunes ?? 10];
  const scores = profile.basis !== "none" || units.some((u) => u.total !== null);
  const body = scores
    ? [...summaryLines(units, aggregates, profile), ...shortfallLines(units, profile, limits), ...changeLines(units, options, limits)]
    : [`- Bảng có số liệu của ${formatViCount(units.length)} đơn vị (không chấm điểm).`, ...flagLines(units, profile, limits)];
  return [...headLines(profile, options), ...body].join("\n");
}
