/**
 * The user's own choices that every host offers alike — the CLI (`--level`, `--xep-hang`), the
 * mapping file and the task pane: levels set for the table, a section or a row, and the ranking
 * scope and tie rule. Kept in the workbook state so a rerun, anywhere, gives the same ranks.
 */
import { LEVELS, type Level } from "./fields";
import type { RankScope, TieRule } from "./profile";

/** The user's own levels: for the whole table, a section (numeral or heading), a row or a unit. */
export interface LevelOverrides {
  table?: Level;
  /** Key: a section's numeral ("II") or heading text ("Huyện"). */
  sections?: Record<string, Level>;
  /** Key: a 1-based sheet row number ("12") or a unit's name. */
  rows?: Record<string, Level>;
}

/** Ranking scope and/or tie rule chosen by the user; the method's own fill in the rest. */
export interface RankingChoice {
  scope?: RankScope;
  tie?: TieRule;
}

/** What the user chose, as the state keeps it (each part absent when the user chose nothing). */
export interface UserChoices {
  levels?: LevelOverrides;
  ranking?: RankingChoice;
}

/**
 * Each level as the CLI spells it (`--level xa`) and as the pane offers it ("Cả bảng là …"):
 * one list, so both hosts offer the same choices.
 */
export const LEVEL_CHOICES: readonly { level: Level; cli: string; words: string }[] = [
  { level: "province", cli: "tinh", words: "UBND tỉnh, thành phố trực thuộc trung ương" },
  { level: "department", cli: "so", words: "sở, ban, ngành" },
  { level: "district", cli: "huyen", words: "huyện, thị xã, thành phố thuộc tỉnh" },
  { level: "commune", cli: "xa", words: "xã, phường, đặc khu" },
];

/** Ranking scopes in words, as the pane offers them. */
export const SCOPE_WORDS: Record<RankScope, string> = {
  level: "Riêng từng cấp (sở, ban, ngành riêng; xã, phường riêng)",
  all: "Chung cả bảng",
};

/** Tie rules in words, with their pattern. */
export const TIE_WORDS: Record<TieRule, string> = {
  competition: "điểm bằng nhau cùng hạng, bỏ hạng kế tiếp (1, 2, 2, 4)",
  dense: "điểm bằng nhau cùng hạng, không bỏ hạng (1, 2, 2, 3)",
  "table-order": "điểm bằng nhau xếp liền nhau theo thứ tự trong bảng (1, 2, 3, 4)",
  sequential: "điểm bằng nhau xếp liền nhau theo tên đơn vị (1, 2, 3, 4)",
};

/** The ranking in words: "xếp hạng riêng từng cấp; điểm bằng nhau cùng hạng, …". */
export function rankingWords(ranking: { scope: RankScope; tie: TieRule } | null | undefined): string {
  if (!ranking) return "không xếp hạng";
  const scope = ranking.scope === "level" ? "xếp hạng riêng từng cấp" : "xếp hạng chung cả bảng";
  return `${scope}; ${TIE_WORDS[ranking.tie]}`;
}

/** Whether anything is chosen at all. */
export function hasLevels(levels: LevelOverrides | undefined): levels is LevelOverrides {
  return Boolean(levels && (levels.table || Object.keys(levels.sections ?? {}).length > 0 || Object.keys(levels.rows ?? {}).length > 0));
}

export const isLevel = (x: unknown): x is Level => typeof x === "string" && (LEVELS as readonly string[]).includes(x);
