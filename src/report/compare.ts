/**
 * Comparison with the last period: units paired by code, else by name (exact after cleaning,
 * then without the "UBND"/"xã"/"phường" prefixes), change of total and of rank, and the units
 * found on one side only. Aggregate rows pair only with aggregate rows.
 */
import { canonicalText, normalizeUnitName } from "../reader/normalize";
import type { ScoredUnit, ScoreResult } from "../model/units";
import { sameMethod, type Profile } from "../model/profile";
import { subtractRounded } from "./format";
import type { Comparison, ComparisonRow } from "./types";

export interface CompareOptions {
  /** Label of the last period, carried to the appendix header and the narrative. */
  previousPeriod?: string;
  /** The methods each period was scored under, when known: different ones make changes meaningless. */
  methods?: { current: MethodRef; previous: MethodRef };
  /** How the user knows each period (`tệp "tuan-1.xlsx"`, `trang "Tuần 1"`), for the messages. */
  names?: { current: string; previous: string };
}

/** A method as results name it. */
export type MethodRef = Pick<Profile, "id" | "name" | "version">;

/** Why two periods are not comparable, or null when they were scored by the same method and version. */
export function methodNote(methods: CompareOptions["methods"]): string | null {
  if (!methods || sameMethod(methods.current, methods.previous)) return null;
  const { current, previous } = methods;
  const named = (m: MethodRef) => `“${m.name}” (phiên bản ${m.version})`;
  return `Kỳ trước được chấm theo phương pháp ${named(previous)}, kỳ này theo ${named(current)}: điểm và hạng của hai kỳ không so sánh được với nhau, nên không nêu tăng, giảm.`;
}

/** Why two periods with no unit in common are not comparable (a wrong file, most likely), or null. */
function noCommonUnitNote(units: { matched: ComparisonRow[]; onlyCurrent: ScoredUnit[]; onlyPrevious: ScoredUnit[] }, names: CompareOptions["names"]): string | null {
  if (units.matched.length > 0 || units.onlyCurrent.length === 0 || units.onlyPrevious.length === 0) return null;
  const previous = names ? `Kỳ trước (${names.previous})` : "Kỳ trước";
  const current = names ? `kỳ này (${names.current})` : "kỳ này";
  return `${previous} và ${current} không có đơn vị nào chung (không đơn vị nào khớp mã hoặc tên): hai kỳ không so sánh được, nên không nêu tăng, giảm. Kiểm tra lại bảng kỳ trước đã chọn.`;
}

const codeKey = (code: string | null) => (code ? code.replace(/\s+/g, "").toUpperCase() : null);
const fullName = (name: string) => canonicalText(name);

/** Keys that occur exactly once, so that a pairing by them is unambiguous. */
function uniqueIndex(units: ScoredUnit[], key: (u: ScoredUnit) => string | null): Map<string, ScoredUnit> {
  const seen = new Map<string, ScoredUnit | null>();
  for (const u of units) {
    const k = key(u);
    if (!k) continue;
    seen.set(k, seen.has(k) ? null : u);
  }
  const out = new Map<string, ScoredUnit>();
  for (const [k, u] of seen) if (u) out.set(k, u);
  return out;
}

function row(current: ScoredUnit, previous: ScoredUnit, matchedBy: ComparisonRow["matchedBy"]): ComparisonRow {
  const ranked = !current.aggregate && current.rank !== null && previous.rank !== null;
  return {
    current,
    previous,
    matchedBy,
    renamed: fullName(current.name) !== fullName(previous.name),
    totalChange: current.total !== null && previous.total !== null ? subtractRounded(current.total, previous.total) : null,
    rankChange: ranked ? (previous.rank as number) - (current.rank as number) : null,
  };
}

function pair(current: ScoredUnit[], previous: ScoredUnit[]): { matched: ComparisonRow[]; onlyCurrent: ScoredUnit[]; onlyPrevious: ScoredUnit[] } {
  const matched: ComparisonRow[] = [];
  const left = new Set(current);
  const right = new Set(previous);
  const steps: [ComparisonRow["matchedBy"], (u: ScoredUnit) => string | null][] = [
    ["code", (u) => codeKey(u.code)],
    ["name", (u) => fullName(u.name)],
    ["short-name", (u) => normalizeUnitName(u.name)],
  ];
  for (const [by, key] of steps) {
    const cur = uniqueIndex([...left], key);
    const prev = uniqueIndex([...right], key);
    for (const [k, u] of cur) {
      const p = prev.get(k);
      if (!p) continue;
      matched.push(row(u, p, by));
      left.delete(u);
      right.delete(p);
    }
  }
  return { matched, onlyCurrent: [...left], onlyPrevious: [...right] };
}

export function compareResults(current: ScoreResult, previous: ScoreResult, options: CompareOptions = {}): Comparison {
  const units = pair(
    current.units.filter((u) => !u.aggregate),
    previous.units.filter((u) => !u.aggregate),
  );
  const aggregates = pair(
    current.units.filter((u) => u.aggregate),
    previous.units.filter((u) => u.aggregate),
  );
  const note = methodNote(options.methods) ?? noCommonUnitNote(units, options.names);
  const order = new Map(current.units.map((u, i) => [u, i]));
  const matched = [...units.matched, ...aggregates.matched].sort((a, b) => (order.get(a.current) ?? 0) - (order.get(b.current) ?? 0));
  return {
    matched,
    onlyCurrent: [...units.onlyCurrent, ...aggregates.onlyCurrent],
    onlyPrevious: [...units.onlyPrevious, ...aggregates.onlyPrevious],
    ...(options.previousPeriod ? { previousPeriod: options.previousPeriod } : {}),
    ...(note ? { notComparable: note } : {}),
  };
}

/** Matched units by change of total, largest rise first; aggregate rows and missing changes left out. */
export function byChange(comparison: Comparison): ComparisonRow[] {
  return comparison.matched
    .filter((m) => !m.current.aggregate && m.totalChange !== null)
    .sort((a, b) => (b.totalChange as number) - (a.totalChange as number));
}
