/**
 * "Tồn tại, hạn chế" for a table of group scores (the portal's six group columns, no
 * indicators): per group, the units without a number and the units below the group's threshold.
 * Nothing is said about indicators the table does not have, and missing is never counted as low.
 */
import type { GroupSpec, Profile } from "../model/profile";
import type { ScoredUnit, UnitRow } from "../model/units";
import { formatViCount, formatViNumber, formatViScore, namedList } from "./format";
import type { NarrativeParagraph } from "./types";

/**
 * Without a flag rule of the method, a group score is "thấp" below 70% of its maximum: the rule
 * the published appendices underline component values by (METHOD.md §6, Phú Tân).
 */
export const DEFAULT_GROUP_LOW_PERCENT = 70;

export const GROUP_ONLY_NOTE = "Bảng chỉ có điểm nhóm, không có số liệu chỉ số thành phần, nên chưa nêu được đơn vị chưa thực hiện từng chỉ số.";

/** The groups the table itself has: read from its columns, or, without the rows read, not a sum of other groups present. */
export function groupsInTable(units: ScoredUnit[], profile: Profile, rows: Map<number, UnitRow>): GroupSpec[] {
  const read = (g: GroupSpec) => units.some((u) => rows.get(u.row)?.values[g.id] !== undefined);
  const scored = (g: GroupSpec) => units.some((u) => Object.prototype.hasOwnProperty.call(u.groups, g.id));
  if (rows.size > 0) return profile.groups.filter(read);
  const present = profile.groups.filter(scored);
  const ids = new Set(present.map((g) => g.id));
  return present.filter((g) => g.combines.length === 0 || !g.combines.every((c) => ids.has(c)));
}

interface GroupFinding {
  low: ScoredUnit[];
  missing: ScoredUnit[];
  /** Blank or unreadable in a unit that has an unusable input cell. */
  unreadable: ScoredUnit[];
  lowRule: string;
}

function groupFinding(units: ScoredUnit[], group: GroupSpec, profile: Profile, lowPercent: number): GroupFinding {
  const value = (u: ScoredUnit) => u.groups[group.id] ?? null;
  const known = units.filter((u) => value(u) !== null);
  const blank = units.filter((u) => Object.prototype.hasOwnProperty.call(u.groups, group.id) && value(u) === null);
  const rule = profile.flags.find((f) => f.field === group.id && f.op === "below");
  const low = rule
    ? known.filter((u) => u.flags.some((f) => f.field === group.id))
    : known.filter((u) => (value(u) as number) < (group.max * lowPercent) / 100);
  const lowRule = rule
    ? `dưới ${formatViNumber(rule.threshold)} điểm`
    : `dưới ${formatViNumber(lowPercent)}% số điểm tối đa, tức dưới ${formatViNumber((group.max * lowPercent) / 100)} điểm`;
  return {
    low: [...low].sort((a, b) => (value(a) as number) - (value(b) as number)),
    missing: blank.filter((u) => u.notRated === undefined),
    unreadable: blank.filter((u) => u.notRated !== undefined),
    lowRule,
  };
}

function groupSentence(f: GroupFinding, group: GroupSpec, decimals: number, limit: number): string | null {
  const withScore = (u: ScoredUnit) => `${u.name} (${formatViScore(u.groups[group.id] as number, decimals)})`;
  const parts: string[] = [];
  if (f.missing.length > 0) parts.push(`${formatViCount(f.missing.length)} đơn vị chưa có số liệu${namedList(f.missing.map((u) => u.name), limit)}`);
  if (f.unreadable.length > 0) parts.push(`${formatViCount(f.unreadable.length)} đơn vị có ô không đọc được${namedList(f.unreadable.map((u) => u.name), limit)}`);
  if (f.low.length > 0) parts.push(`${formatViCount(f.low.length)} đơn vị có điểm thấp (${f.lowRule})${namedList(f.low.map(withScore), limit)}`);
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return `${text.charAt(0).toLocaleUpperCase("vi-VN")}${text.slice(1)}.`;
}

/** Per group in the profile's order: its low and missing units; then the note that there are no indicators. */
export function groupParagraphs(units: ScoredUnit[], groups: GroupSpec[], profile: Profile, lowPercent: number, limit = Infinity): NarrativeParagraph[] {
  const p: NarrativeParagraph[] = [];
  for (const group of groups) {
    const sentence = groupSentence(groupFinding(units, group, profile, lowPercent), group, profile.rounding.decimals, limit);
    if (sentence) p.push({ kind: "bullet", text: `${group.label} (${formatViNumber(group.max)} điểm): ${sentence}` });
  }
  if (p.length === 0) {
    const rules = groups.some((g) => profile.flags.some((f) => f.field === g.id && f.op === "below"))
      ? "dưới ngưỡng của phương pháp"
      : `dưới ${formatViNumber(lowPercent)}% số điểm tối đa của nhóm`;
    p.push({ kind: "text", text: `Không có đơn vị nào thiếu điểm nhóm hoặc có điểm nhóm ${rules}.` });
  }
  p.push({ kind: "text", text: GROUP_ONLY_NOTE });
  return p;
}
