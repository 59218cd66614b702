/**
 * Aggregate rows ("TOÀN HUYỆN", "Tổng cộng", "Cộng") named in a method as words, never as
 * regular expressions: a received workbook's method must not carry code, and a pattern like
 * "^c[oộ]ng\b" also swallowed "Công an tỉnh". Names are compared word by word, ignoring case
 * and punctuation; with their diacritics ("Tổng cộng" is not "Tổng công ty"), except a name
 * typed without any ("TONG CONG"), compared with the names folded. A "whole" name must be the
 * unit's whole name, a "start" name its first words.
 *
 * A name can only match when its first word, folded, is the first word of some aggregate name;
 * that word alone is folded first, so the thousands of unit names ("Xã …", "Phường …") are
 * turned down without folding and toning each whole name.
 */
import { cleanText, foldText } from "./text";

export type AggregateMatch = "whole" | "start";

export interface AggregateRowName {
  name: string;
  match: AggregateMatch;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Lower-case words with their diacritics, single spaces ("Tổng cộng:" → "tổng cộng"). */
export function tonedWords(text: string): string {
  return cleanText(text).toLowerCase().replace(NOT_LETTER_OR_DIGIT, " ").trim();
}

/** Folded words ("Tổng cộng:" → "tong cong"), equal to the reader's plainFolded. */
export function foldedWords(text: string): string {
  return foldText(text).replace(NOT_LETTER_OR_DIGIT, " ").trim();
}

/** The first run of letters and digits (with their combining marks): the first word once folded. */
const FIRST_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/u;

/** foldedWords(text)'s first word, computed from the first word alone. */
export function firstFoldedWord(text: string): string {
  const word = FIRST_WORD.exec(text);
  return word ? foldedWords(word[0]).split(" ")[0] : "";
}

export interface AggregateMatcher {
  matches(name: string): boolean;
}

interface WordLists {
  whole: Set<string>;
  /** Names matched at the start, each with a trailing space ("toàn huyện "). */
  starts: string[];
}

function matchesWords(words: string, lists: WordLists): boolean {
  if (lists.whole.has(words)) return true;
  for (const s of lists.starts) if (words.startsWith(s)) return true;
  return false;
}

const CACHE = new WeakMap<readonly AggregateRowName[], AggregateMatcher>();

export function aggregateMatcher(rows: readonly AggregateRowName[]): AggregateMatcher {
  const cached = CACHE.get(rows);
  if (cached) return cached;
  const toned: WordLists = { whole: new Set(), starts: [] };
  const folded: WordLists = { whole: new Set(), starts: [] };
  const firstWords = new Set<string>();
  for (const r of rows) {
    firstWords.add(foldedWords(r.name).split(" ")[0]);
    for (const [lists, words] of [
      [toned, tonedWords(r.name)],
      [folded, foldedWords(r.name)],
    ] as const) {
      if (words === "") continue;
      lists.whole.add(words);
      if (r.match === "start") lists.starts.push(`${words} `);
    }
  }
  const matcher: AggregateMatcher = {
    matches(name) {
      if (!firstWords.has(firstFoldedWord(name))) return false;
      const plain = foldedWords(name);
      const withTones = tonedWords(name);
      return withTones === plain ? matchesWords(plain, folded) : matchesWords(withTones, toned);
    },
  };
  CACHE.set(rows, matcher);
  return matcher;
}
