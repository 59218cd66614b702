/**
 * The words of the method sheet: section titles, column headers, and the Vietnamese names of
 * every choice a method makes, both ways. The sheet never shows the schema's codes ("target",
 * "competition"); reading accepts the words (with or without tones) and, leniently, the codes.
 */
import { LEVEL_LABELS, LEVELS, type Level } from "../../model/fields";
import { TIE_RULES, type TieRule } from "../../model/profile";

/** The sheet's name in every workbook (≤ 31 characters, no characters Excel forbids). */
export const METHOD_SHEET_TITLE = "PHƯƠNG PHÁP CHẤM ĐIỂM";

/** One choice: the schema's value and how the sheet writes it (first) or may write it. */
export interface Choice<T> {
  value: T;
  words: string[];
}

export const BASIS_CHOICES: Choice<string>[] = [
  { value: "indicators", words: ["Từ điểm các chỉ số", "Chỉ số"] },
  { value: "groups", words: ["Từ điểm các nhóm", "Nhóm"] },
  { value: "total", words: ["Từ tổng điểm có sẵn trong bảng", "Tổng điểm có sẵn"] },
  { value: "none", words: ["Không chấm điểm, chỉ kiểm tra số liệu", "Không chấm điểm"] },
];

export const ROUNDING_CHOICES: Choice<string>[] = [
  { value: "half-up", words: ["Từ 5 trở lên làm tròn lên", "Làm tròn lên"] },
  { value: "half-even", words: ["Làm tròn về số chẵn", "Về số chẵn"] },
];

/** null: the method does not rate. */
export const RATING_ON_CHOICES: Choice<string | null>[] = [
  { value: "total", words: ["Tổng điểm"] },
  { value: "converted", words: ["Điểm quy đổi"] },
  { value: null, words: ["Không xếp loại"] },
];

/** null: the method does not rank. */
export const RANK_SCOPE_CHOICES: Choice<string | null>[] = [
  { value: "level", words: ["Riêng từng cấp", "Từng cấp"] },
  { value: "all", words: ["Chung cả bảng", "Cả bảng"] },
  { value: null, words: ["Không xếp hạng"] },
];

export const TIE_CHOICES: Choice<TieRule>[] = [
  { value: "competition", words: ["Đồng hạng, bỏ qua hạng kế tiếp (1, 2, 2, 4)", "Đồng hạng, bỏ qua hạng kế tiếp"] },
  { value: "dense", words: ["Đồng hạng, không bỏ hạng (1, 2, 2, 3)", "Đồng hạng, không bỏ hạng"] },
  { value: "sequential", words: ["Xếp liền theo tên đơn vị (1, 2, 3, 4)", "Xếp liền theo tên đơn vị"] },
  { value: "table-order", words: ["Xếp liền theo thứ tự trong bảng (1, 2, 3, 4)", "Xếp liền theo thứ tự trong bảng"] },
];
// Every tie rule has its words (a new rule in the schema must be named here).
TIE_RULES.forEach((t) => {
  if (!TIE_CHOICES.some((c) => c.value === t)) throw new Error(`tie rule ${t} has no words`);
});

export const YES_NO_CHOICES: Choice<boolean>[] = [
  { value: true, words: ["Có"] },
  { value: false, words: ["Không"] },
];

export const RULE_CHOICES: Choice<string>[] = [
  { value: "linear", words: ["Tỷ lệ nhân điểm tối đa", "Theo tỷ lệ"] },
  { value: "target", words: ["Đạt chỉ tiêu thì đủ điểm", "Theo chỉ tiêu"] },
];

export const ZERO_DENOMINATOR_CHOICES: Choice<string>[] = [
  { value: "zero", words: ["Được 0 điểm", "0 điểm"] },
  { value: "full", words: ["Được đủ điểm", "Đủ điểm", "Được điểm tối đa"] },
  { value: "missing", words: ["Để trống (thiếu số liệu)", "Để trống", "Thiếu số liệu"] },
];

export const POINTS_FROM_CHOICES: Choice<string>[] = [
  { value: "ratio", words: ["Tỷ lệ đã làm tròn", "Tỷ lệ làm tròn"] },
  { value: "fraction", words: ["Tử số chia mẫu số, chưa làm tròn", "Chưa làm tròn"] },
];

export const OP_CHOICES: Choice<string>[] = [
  { value: "below", words: ["Dưới", "Nhỏ hơn"] },
  { value: "above", words: ["Trên", "Lớn hơn"] },
];

export const MATCH_CHOICES: Choice<string>[] = [
  { value: "start", words: ["Đầu tên", "Tên bắt đầu bằng"] },
  { value: "whole", words: ["Cả tên", "Đúng cả tên"] },
];

export const LEVEL_CHOICES: Choice<Level>[] = LEVELS.map((l) => ({ value: l, words: [LEVEL_LABELS[l], l === "department" ? "Sở, ngành" : LEVEL_LABELS[l].replace(/^Cấp /, "")] }));

/** Output columns the write plan fills: names as the sheet writes them. */
export const OUTPUT_CHOICES: Choice<string>[] = [
  { value: "groups", words: ["Điểm nhóm"] },
  { value: "total", words: ["Tổng điểm"] },
  { value: "converted", words: ["Điểm quy đổi"] },
  { value: "rating", words: ["Xếp loại"] },
  { value: "rank", words: ["Xếp hạng"] },
  { value: "change", words: ["Tăng/giảm"] },
];

/** Columns of the data table that are not indicators or groups, by field id. */
const FIELD_WORDS: Record<string, string> = {
  stt: "STT",
  name: "Tên đơn vị",
  code: "Mã định danh",
  level: "Cấp",
  total: "Tổng điểm",
  previous: "Kỳ trước",
  converted: "Điểm quy đổi",
  rating: "Xếp loại",
  rank: "Xếp hạng",
  change: "Tăng/giảm",
};

const PART_WORDS: Record<string, string> = { numerator: "tử số", denominator: "mẫu số", ratio: "tỷ lệ (%)", points: "điểm" };

const GROUP_PREFIX = "Nhóm ";
const INDICATOR_PREFIX = "Chỉ số ";
const PART_SEPARATOR = " — ";

/**
 * How the sheet names a field: "Tổng điểm", "Nhóm CKMB", "Chỉ số 2.1 — tỷ lệ (%)", or the
 * field id itself when it is none of these.
 */
export function fieldWords(field: string, groupIds: ReadonlySet<string>, indicatorIds: ReadonlySet<string>): string {
  if (FIELD_WORDS[field] !== undefined) return FIELD_WORDS[field];
  if (groupIds.has(field)) return `${GROUP_PREFIX}${field}`;
  const m = /^(.+)\.(numerator|denominator|ratio|points)$/.exec(field);
  if (m && indicatorIds.has(m[1])) return `${INDICATOR_PREFIX}${m[1]}${PART_SEPARATOR}${PART_WORDS[m[2]]}`;
  return field;
}

/** What a "Cột" cell names: a field, a group, or an indicator (the latter for header spellings). */
export type FieldTarget = { kind: "field"; field: string } | { kind: "group"; id: string } | { kind: "indicator"; id: string; part?: string };

/** The inverse of fieldWords (and "Chỉ số 1.1" for an indicator itself). */
export function fieldTarget(text: string, fold: (s: string) => string): FieldTarget {
  const t = text.trim();
  for (const [field, words] of Object.entries(FIELD_WORDS)) if (fold(words) === fold(t) || field === t) return { kind: "field", field };
  const group = new RegExp(`^${fold(GROUP_PREFIX).trim()}\\s+`).exec(fold(t));
  if (group) return { kind: "group", id: t.slice(group[0].length).trim() };
  const indicator = new RegExp(`^${fold(INDICATOR_PREFIX).trim()}\\s+`).exec(fold(t));
  if (indicator) {
    const rest = t.slice(indicator[0].length).trim();
    const parts = /^(.+?)\s+[—–-]\s+(.+)$/.exec(rest);
    if (parts) {
      const part = Object.entries(PART_WORDS).find(([, w]) => fold(w).replace(/[()%]/g, "").trim() === fold(parts[2]).replace(/[()%]/g, "").trim());
      if (part) return { kind: "indicator", id: parts[1].trim(), part: part[0] };
    }
    return { kind: "indicator", id: rest };
  }
  return { kind: "field", field: t };
}

/** The field id a FieldTarget stands for in a flag or a column ("2.1.ratio", "CKMB", "total"). */
export function targetField(target: FieldTarget): string {
  if (target.kind === "group") return target.id;
  if (target.kind === "indicator") return target.part ? `${target.id}.${target.part}` : target.id;
  return target.field;
}

/** "Chỉ số 1.1", "Nhóm CKMB": how the header-spelling table names an indicator or group. */
export function itemWords(kind: "group" | "indicator", id: string): string {
  return `${kind === "group" ? GROUP_PREFIX : INDICATOR_PREFIX}${id}`;
}

/** Separator of lists inside one cell ("Sở, ban, ngành; Cấp xã"): commas belong to the names. */
export const LIST_SEPARATOR = "; ";
