/**
 * "Tồn tại, hạn chế" for a table of group scores (the portal's six group columns, no
 * indicators): per group, the units without a number and the units below the group's threshold.
 * Nothing is said about indicators the table does not have, and missing is never counted as low.
 */
import type { GroupSpec, Profile } from "../model/profile";
import type { ScoredUnit, UnitRow } from "../model/units";
import { formatViCount, formatViNumber, formatViScore, type ListNamer } from "./format";
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

/** Each group's low, missing and unreadable units, in one pass over the units (each unit's groups read together). */
function groupFindings(units: ScoredUnit[], groups: GroupSpec[], profile: Profile, lowPercent: number): GroupFinding[] {
  const checks = groups.map((group) => {
    const rule = profile.flags.find((f) => f.field === group.id && f.op === "below");
    const limit = (group.max * lowPercent) / 100;
    const lowRule = rule
      ? `dưới ${formatViNumber(rule.threshold)} điểm`
      : `dưới ${formatViNumber(lowPercent)}% số điểm tối đa, tức dưới ${formatViNumber(limit)} điểm`;
    const isLow = (u: ScoredUnit, v: number) => (rule ? u.flags.some((f) => f.field === group.id) : v < limit);
    const found: GroupFinding = { low: [], missing: [], unreadable: [], lowRule };
    return { id: group.id, isLow, found };
  });
  for (const u of units) {
    for (const { id, isLow, found } of checks) {
      if (!Object.prototype.hasOwnProperty.call(u.groups, id)) continue;
      const v = u.groups[id];
      // Missing is never low: a blank group is "chưa có số liệu", or unreadable in a unit with a broken cell.
      if (v === null || v === undefined) (u.notRated === undefined ? found.missing : found.unreadable).push(u);
      else if (isLow(u, v)) found.low.push(u);
    }
  }
  return checks.map((c) => c.found);
}

function groupSentence(f: GroupFinding, group: GroupSpec, decimals: number, namer: ListNamer): string | null {
  const score = (u: ScoredUnit) => u.groups[group.id] as number;
  const withScore = (u: ScoredUnit) => `${u.name} (${formatViScore(score(u), decimals)})`;
  const name = (u: ScoredUnit) => u.name;
  const parts: string[] = [];
  if (f.missing.length > 0) parts.push(`${formatViCount(f.missing.length)} đơn vị chưa có số liệu${namer.list(f.missing, name)}`);
  if (f.unreadable.length > 0) parts.push(`${formatViCount(f.unreadable.length)} đơn vị có ô không đọc được${namer.list(f.unreadable, name)}`);
  // Named lowest first; a list only counted is not sorted.
  const low = f.low.length <= namer.limit ? [...f.low].sort((a, b) => score(a) - score(b)) : f.low;
  if (f.low.length > 0) parts.push(`${formatViCount(f.low.length)} đơn vị có điểm thấp (${f.lowRule})${namer.list(low, withScore)}`);
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return `${text.charAt(0).toLocaleUpperCase("vi-VN")}${text.slice(1)}.`;
}

/** Per group in the profile's order: its low and missing units; then the note that there are no indicators. */
export function groupParagraphs(units: ScoredUnit[], groups: GroupSpec[], profile: Profile, lowPercent: number, namer: ListNamer): NarrativeParagraph[] {
  const p: NarrativeParagraph[] = [];
  const found = groupFindings(units, groups, profile, lowPercent);
  for (const [i, group] of groups.entries()) {
    const sentence = groupSentence(found[i], group, profile.rounding.decimals, namer);
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
