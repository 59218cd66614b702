/**
 * Text normalisation for matching headers and unit names: Unicode form, case, tone placement
 * (hóa/hoá), Tỷ/Tỉ, diacritic folding, punctuation, abbreviations, and maxima in headers.
 */

/** Tone marks (combining, NFD). Vowel-quality marks (â, ă, ê, ô, ơ, ư) are kept apart from these. */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
const QUALITY_MARKS = new Set(["\u0302", "\u0306", "\u031B"]);
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

import { cleanText, foldText } from "../model/text";

export { cleanText, foldText };

/**
 * One word with its tone mark moved to a fixed place, so "hóa" and "hoá" (old and new
 * placement) compare equal while "tiến" and "tiền" do not. The placement is deterministic,
 * not necessarily the orthographic rule: the key is for comparing, not for display.
 */
export function canonicalWord(word: string): string {
  // Names and headers repeat the same few words ("ubnd", "xã", "đơn", "vị") across thousands of
  // rows: remember the answer (a 10,000-row table otherwise spends half its reading time here).
  let known = canonicalWords.get(word);
  if (known === undefined) {
    known = canonicalWordUncached(word);
    if (canonicalWords.size >= CANONICAL_WORDS_MAX) canonicalWords.clear();
    canonicalWords.set(word, known);
  }
  return known;
}

const CANONICAL_WORDS_MAX = 50_000;
const canonicalWords = new Map<string, string>();

function canonicalWordUncached(word: string): string {
  const decomposed = word.normalize("NFD");
  let tone = "";
  const letters: string[] = []; // each base letter with its quality marks
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      tone = ch;
    } else if (QUALITY_MARKS.has(ch) && letters.length > 0) {
      letters[letters.length - 1] += ch;
    } else if (/[\u0300-\u036f]/.test(ch)) {
      // other combining marks: dropped
    } else {
      letters.push(ch);
    }
  }
  if (!tone) return letters.join("").normalize("NFC");
  const lower = letters.map((l) => l.toLowerCase());
  const vowelAt = lower.map((l, i) => {
    if (!VOWELS.has(l[0])) return false;
    // "qu" and "gi" before a vowel are consonants.
    if (i === 1 && l === "u" && lower[0] === "q") return false;
    if (i === 1 && l === "i" && lower[0] === "g" && lower.length > 2 && VOWELS.has(lower[2][0])) return false;
    return true;
  });
  let target = -1;
  for (let i = 0; i < letters.length; i++) if (vowelAt[i] && letters[i].length > 1) target = i;
  if (target < 0) {
    let end = -1;
    for (let i = letters.length - 1; i >= 0; i--) {
      if (vowelAt[i]) {
        end = i;
        break;
      }
    }
    let start = end;
    while (start > 0 && vowelAt[start - 1]) start--;
    if (end >= 0) {
      const open = end === letters.length - 1;
      const size = end - start + 1;
      target = !open ? end : size >= 3 ? start + 1 : start;
    }
  }
  if (target < 0) return letters.join("").normalize("NFC");
  letters[target] += tone;
  return letters.join("").normalize("NFC");
}

// Expressions used per unit name are constants: a literal in a function body is a new RegExp
// object on every call. The global ones are only used with replace (which ignores lastIndex).
const TI_BEFORE_LE = /(^|[^\p{L}])t(ỉ|i)(?=\s+l(ệ|e)\b)/gu;
const TI_WORD = /(^|[^\p{L}])tỉ(?=$|[^\p{L}])/gu;
const KI_WORD = /(^|[^\p{L}])kì(?=$|[^\p{L}])/gu;
/** What the three spellings above need: most names have none of it, and then nothing is copied. */
const TI_OR_KI = /t[ỉi]|kì/;

/** Lower case, NFC, canonical tone placement, Tỉ → Tỷ, kì → kỳ; punctuation kept. */
export function canonicalText(text: string): string {
  const words = canonicalWordsOf(cleanText(text).toLowerCase());
  if (!TI_OR_KI.test(words)) return words;
  return words
    .replace(TI_BEFORE_LE, (_m, pre: string, vowel: string) => `${pre}t${vowel === "ỉ" ? "ỷ" : "y"}`)
    .replace(TI_WORD, "$1tỷ")
    .replace(KI_WORD, "$1kỳ");
}

/** Whether a UTF-16 code unit is white space as `\s` means it (the tests check all 65,536). */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Every word (run without white space) in its canonical form, the spaces kept. Done by hand
 * rather than split/map/join: that made four arrays and a copy per name, and a 10,000-row
 * table has as many names. A word of ASCII characters is its own canonical form (nothing to
 * decompose or move), so only the others are looked up, and an unchanged text is returned as is.
 */
export function canonicalWordsOf(text: string): string {
  let out = ""; // text[0, copied) with its changed words replaced
  let copied = 0;
  let start = -1; // where the current word starts; -1 between words
  let ascii = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (!isSpaceCode(code)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code > 0x7f) ascii = false;
      continue;
    }
    if (start >= 0 && !ascii) {
      const word = text.slice(start, i);
      const canonical = canonicalWord(word);
      if (canonical !== word) {
        out += text.slice(copied, start) + canonical;
        copied = i;
      }
    }
    start = -1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** A header word in two forms: with tones (canonical) and folded. */
export interface HeaderWord {
  toned: string;
  folded: string;
}

/** What a header says besides its words: maxima and units ("(30 điểm)", "(%)", "(80%)"). */
export interface HeaderEvidence {
  /** "(30 điểm)" → 30. */
  maxPoints: number | null;
  /** "(%)" or "(80%)" or "Tỷ lệ ...": the column holds percentages. */
  percent: boolean;
  /** "(80%)" → 80: a target or a weight in percent, shown on the header. */
  percentTarget: number | null;
  /** "(*)", "(**)": a footnote marker was present. */
  footnote: boolean;
}

export interface NormalizedHeader {
  /** The original text, cleaned (NFC, spaces). */
  original: string;
  /** Folded words joined by one space, abbreviations expanded: the matching key. */
  key: string;
  words: HeaderWord[];
  evidence: HeaderEvidence;
}

/** Abbreviations in headers, expanded before matching (peers-and-exports.md §4). */
const ABBREVIATIONS: Record<string, string> = {
  tthc: "thủ tục hành chính",
  dvc: "dịch vụ công",
  dvctt: "dịch vụ công trực tuyến",
  dvcqg: "dịch vụ công quốc gia",
  dvtt: "dịch vụ trực tuyến",
  tttt: "thanh toán trực tuyến",
  pakn: "phản ánh kiến nghị",
  kq: "kết quả",
  hs: "hồ sơ",
  đt: "điện tử",
  tphs: "thành phần hồ sơ",
  csdl: "cơ sở dữ liệu",
  bcci: "bưu chính công ích",
  ubnd: "ủy ban nhân dân",
  gq: "giải quyết",
};

/** "TT" inside a longer header means "trực tuyến" ("DỊCH VỤ CÔNG TT"); alone it is the row number. */
const TT_EXPANSION = "trực tuyến";

function parseLooseNumber(text: string): number | null {
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

// Header expressions as constants (used with replace only): every alias of every profile is
// normalised when the profile is first used, several hundred texts per process.
const MAX_POINTS = /\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ|diem|d)\s*\)/giu;
const AT_MOST_POINTS = /\(\s*tối\s*đa\s*(\d+(?:[.,]\d+)?)\s*(?:điểm)?\s*\)/giu;
const PERCENT_TARGET = /\(\s*(\d+(?:[.,]\d+)?)\s*%\s*\)/g;
const PERCENT_SIGN = /\(\s*%\s*\)|%/g;
const POINTS_UNIT = /\(\s*điểm\s*\)/giu;
const FOOTNOTE_MARK = /\(\s*\*+\s*\)|\*+/g;
const NOT_LETTERS_DIGITS = /[^\p{L}\p{N}]+/gu;
const LEADING_ZEROS = /^0+(?=\d)/;
const ALL_DIGITS = /^\d+$/;
const CAMEL_CASE = /([a-z])([A-Z])/g;
const RATIO_HEADER = /^(ty le|ti le)\b/;

/** Pull maxima, units and footnote markers out of a header; returns the rest of the text. */
function extractEvidence(text: string): { rest: string; evidence: HeaderEvidence } {
  const evidence: HeaderEvidence = { maxPoints: null, percent: false, percentTarget: null, footnote: false };
  let rest = text;
  rest = rest.replace(MAX_POINTS, (_m, n: string) => {
    evidence.maxPoints = parseLooseNumber(n);
    return " ";
  });
  rest = rest.replace(AT_MOST_POINTS, (_m, n: string) => {
    evidence.maxPoints = parseLooseNumber(n);
    return " ";
  });
  rest = rest.replace(PERCENT_TARGET, (_m, n: string) => {
    evidence.percent = true;
    evidence.percentTarget = parseLooseNumber(n);
    return " ";
  });
  rest = rest.replace(PERCENT_SIGN, () => {
    evidence.percent = true;
    return " ";
  });
  rest = rest.replace(POINTS_UNIT, " ");
  rest = rest.replace(FOOTNOTE_MARK, () => {
    evidence.footnote = true;
    return " ";
  });
  return { rest, evidence };
}

function splitWords(text: string): string[] {
  return canonicalText(text)
    .replace(NOT_LETTERS_DIGITS, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

/** A header word; `folded` is foldText(toned) when the caller has it already. */
function toHeaderWord(toned: string, foldedText = foldText(toned)): HeaderWord {
  // "01" and "1" are the same number in a header ("Tuần 01").
  const folded = foldedText.replace(LEADING_ZEROS, "");
  return { toned: ALL_DIGITS.test(folded) ? folded : toned, folded };
}

/**
 * Normalise a header for matching: NFC, case, canonical tones, Tỷ/Tỉ, punctuation dropped,
 * abbreviations expanded, and the maxima/units it carries returned as evidence.
 */
export function normalizeHeader(text: string): NormalizedHeader {
  const original = cleanText(String(text ?? ""));
  const { rest, evidence } = extractEvidence(original);
  // CamelCase identifiers from exports ("DiemCongKhaiMinhBach") split into words.
  const spaced = rest.replace(CAMEL_CASE, "$1 $2");
  const raw = splitWords(spaced);
  const words: HeaderWord[] = [];
  for (const w of raw) {
    const folded = foldText(w);
    const expansion = ABBREVIATIONS[w] ?? ABBREVIATIONS[folded];
    if (expansion) {
      for (const e of splitWords(expansion)) words.push(toHeaderWord(e));
    } else if (folded === "tt" && raw.length > 1) {
      for (const e of splitWords(TT_EXPANSION)) words.push(toHeaderWord(e));
    } else {
      words.push(toHeaderWord(w, folded));
    }
  }
  const key = words.map((w) => w.folded).join(" ");
  if (RATIO_HEADER.test(key)) evidence.percent = true;
  return { original, key, words, evidence };
}

/** Unit-type prefixes stripped from names ("UBND xã Long Phước" → "long phước"). */
const UNIT_PREFIXES = [
  "ủy ban nhân dân",
  "ubnd",
  "thị trấn",
  "đặc khu",
  "phường",
  "xã",
];

const CANONICAL_UNIT_PREFIXES = UNIT_PREFIXES.map((x) => canonicalText(x));
const SPACED_UNIT_PREFIXES = CANONICAL_UNIT_PREFIXES.map((x) => `${x} `);
const TRAILING_PUNCTUATION = /[.,;:]+$/g;
const PROVINCE_SUFFIX = /\s+-\s+(tỉnh|thành phố)\s+.+$/u;

/**
 * A unit's name reduced for matching across periods and for duplicate checks: NFC, case,
 * tone placement, doubled spaces, "UBND"/"xã"/"phường"/"thị trấn"/"đặc khu" prefixes, and a
 * trailing " - tỉnh X". The original text is kept elsewhere for output.
 */
export function normalizeUnitName(name: string): string {
  let s = canonicalText(String(name ?? ""))
    .replace(TRAILING_PUNCTUATION, "")
    .trim();
  s = s.replace(PROVINCE_SUFFIX, "");
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < CANONICAL_UNIT_PREFIXES.length; i++) {
      const p = CANONICAL_UNIT_PREFIXES[i];
      if (s === p) continue;
      if (s.startsWith(SPACED_UNIT_PREFIXES[i])) {
        s = s.slice(p.length + 1).trim();
        changed = true;
      }
    }
  }
  return tidySpaces(s);
}

/** Runs of two or more white-space characters, or a lone one other than " ". */
const UNTIDY_SPACES = /\s{2,}|[^\S ]/g;

/**
 * White-space runs as one plain space, like `replace(/\s+/g, " ")` but matching only what
 * changes, so a tidy text (most names) is returned as is instead of copied.
 */
export function tidySpaces(text: string): string {
  return text.replace(UNTIDY_SPACES, " ");
}

/** Classic Levenshtein distance, bounded (returns limit + 1 as soon as it is exceeded). */
export function editDistance(a: string, b: string, limit = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length];
}
