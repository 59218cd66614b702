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
function canonicalWord(word: string): string {
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

// The reader canonicalises each unit's name twice in a row (aggregate check, then the unit's
// key): remembering the last answer saves about 20 ms per 10,000 rows, 10–15% of reading time.
let lastCanonicalInput: string | null = null;
let lastCanonicalOutput = "";

/** Lower case, NFC, canonical tone placement, Tỉ → Tỷ, kì → kỳ; punctuation kept. */
export function canonicalText(text: string): string {
  if (text === lastCanonicalInput) return lastCanonicalOutput;
  const out = canonicalTextUncached(text);
  lastCanonicalInput = text;
  lastCanonicalOutput = out;
  return out;
}

function canonicalTextUncached(text: string): string {
  const lower = cleanText(text).toLowerCase();
  return lower
    .split(/(\s+)/)
    .map((w) => (/\s/.test(w) ? w : canonicalWord(w)))
    .join("")
    .replace(/(^|[^\p{L}])t(ỉ|i)(?=\s+l(ệ|e)\b)/gu, (_m, pre: string, vowel: string) => `${pre}t${vowel === "ỉ" ? "ỷ" : "y"}`)
    .replace(/(^|[^\p{L}])tỉ(?=$|[^\p{L}])/gu, "$1tỷ")
    .replace(/(^|[^\p{L}])kì(?=$|[^\p{L}])/gu, "$1kỳ");
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

/** Pull maxima, units and footnote markers out of a header; returns the rest of the text. */
function extractEvidence(text: string): { rest: string; evidence: HeaderEvidence } {
  const evidence: HeaderEvidence = { maxPoints: null, percent: false, percentTarget: null, footnote: false };
  let rest = text;
  rest = rest.replace(/\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ|diem|d)\s*\)/giu, (_m, n: string) => {
    evidence.maxPoints = parseLooseNumber(n);
    return " ";
  });
  rest = rest.replace(/\(\s*tối\s*đa\s*(\d+(?:[.,]\d+)?)\s*(?:điểm)?\s*\)/giu, (_m, n: string) => {
    evidence.maxPoints = parseLooseNumber(n);
    return " ";
  });
  rest = rest.replace(/\(\s*(\d+(?:[.,]\d+)?)\s*%\s*\)/g, (_m, n: string) => {
    evidence.percent = true;
    evidence.percentTarget = parseLooseNumber(n);
    return " ";
  });
  rest = rest.replace(/\(\s*%\s*\)|%/g, () => {
    evidence.percent = true;
    return " ";
  });
  rest = rest.replace(/\(\s*điểm\s*\)/giu, " ");
  rest = rest.replace(/\(\s*\*+\s*\)|\*+/g, () => {
    evidence.footnote = true;
    return " ";
  });
  return { rest, evidence };
}

function splitWords(text: string): string[] {
  return canonicalText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

function toHeaderWord(toned: string): HeaderWord {
  // "01" and "1" are the same number in a header ("Tuần 01").
  const folded = foldText(toned).replace(/^0+(?=\d)/, "");
  return { toned: /^\d+$/.test(folded) ? folded : toned, folded };
}

/**
 * Normalise a header for matching: NFC, case, canonical tones, Tỷ/Tỉ, punctuation dropped,
 * abbreviations expanded, and the maxima/units it carries returned as evidence.
 */
export function normalizeHeader(text: string): NormalizedHeader {
  const original = cleanText(String(text ?? ""));
  const { rest, evidence } = extractEvidence(original);
  // CamelCase identifiers from exports ("DiemCongKhaiMinhBach") split into words.
  const spaced = rest.replace(/([a-z])([A-Z])/g, "$1 $2");
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
      words.push(toHeaderWord(w));
    }
  }
  const key = words.map((w) => w.folded).join(" ");
  if (/^(ty le|ti le)\b/.test(key)) evidence.percent = true;
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

/**
 * A unit's name reduced for matching across periods and for duplicate checks: NFC, case,
 * tone placement, doubled spaces, "UBND"/"xã"/"phường"/"thị trấn"/"đặc khu" prefixes, and a
 * trailing " - tỉnh X". The original text is kept elsewhere for output.
 */
export function normalizeUnitName(name: string): string {
  let s = canonicalText(String(name ?? ""))
    .replace(/[.,;:]+$/g, "")
    .trim();
  s = s.replace(/\s+-\s+(tỉnh|thành phố)\s+.+$/u, "");
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of CANONICAL_UNIT_PREFIXES) {
      if (s === p) continue;
      if (s.startsWith(p + " ")) {
        s = s.slice(p.length + 1).trim();
        changed = true;
      }
    }
  }
  return s.replace(/\s+/g, " ");
}

/** Classic Levenshtein distance, bounded (returns limit + 1 as soon as it is exceeded). */
export function editDistance(a: string, b: string, limit = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
