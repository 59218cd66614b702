/**
 * Matching header columns to a profile's fields: aliases normalised once, compared word by
 * word (exact, diacritic-only difference, small typos, containment), with the header's maxima,
 * units and parent headers as evidence. Every candidate carries a score and a Vietnamese reason.
 */
import { indicatorField, kindOfField, type FieldId, type IndicatorPart, type ValueKind } from "../model/fields";
import type { GroupSpec, IndicatorSpec, Profile } from "../model/profile";
import { editDistance, normalizeHeader, type HeaderWord, type NormalizedHeader } from "./normalize";
import { formatNumber } from "../model/text";
import { targetsOf, type Alias, type Target } from "./targets";
import { STRONG_MATCH } from "../model/table";

/** At or above: used without comment. Between WEAK and STRONG: used, with a warning. */
export const STRONG = STRONG_MATCH;
export const WEAK = 0.6;
/** Two fields closer than this for one column are ambiguous. */
export const AMBIGUITY_GAP = 0.03;

/**
 * Every weight of the header matching, in one place. A column's score starts from how its best
 * alias phrase matches (exact 1, then tone, typo, containment), is adjusted by the evidence
 * around the header (maximum, "%", parent group), and is then compared with STRONG and WEAK.
 * The values order the kinds of match: a tone-only difference stays above STRONG, a typo or a
 * containment lands between WEAK and STRONG unless it covers most of the header, and evidence
 * against a field pushes it below WEAK.
 */
export const MATCH_WEIGHTS = {
  /** Same words but for tone marks (hóa/hoá): 0.96 less 0.03 per word that differs, at least 0.88. */
  tone: { base: 0.96, perWord: 0.03, floor: 0.88 },
  /** Same number of words, some within a small edit: 0.92 less 0.06 per such word, at least 0.7. */
  typo: { base: 0.92, perWord: 0.06, floor: 0.7 },
  /** Edits a word may differ by to count as a typo: 2 from 7 letters, 1 from 3, none below. */
  typoEdits: { twoFrom: 7, oneFrom: 3 },
  /** The alias is inside a longer header: 0.6, plus up to 0.3 for the share of the header it covers. */
  contains: { base: 0.6, share: 0.3 },
  /** The header is inside a longer alias: 0.55, plus up to 0.3 for the share of the alias it covers. */
  within: { base: 0.55, share: 0.3 },
  /** Containment where the numbers in the two phrases differ ("Chỉ số 1" in "Chỉ số 2"): halved. */
  otherDigits: 0.5,
  /** A one-phrase alias matching the whole header path joined (not the leaf alone): slightly less sure. */
  joinedPath: 0.95,
  /** A "Group › Indicator" alias whose leaf matches a header without parent rows. */
  missingAncestors: 0.75,
  /** An alias's parent segment must match a parent header at least this well. */
  ancestor: 0.8,
  /** Candidates below WEAK × this are dropped before and after the evidence. */
  keepBelowWeak: 0.8,
  /** The header's "(30 điểm)" equals the field's maximum: a bonus; another maximum: a penalty. */
  maxAgrees: 0.05,
  maxDiffers: 0.6,
  /** A "(%)" header for a field holding points. */
  percentForPoints: 0.7,
  /** Under the indicator's own group header: a bonus; under another group's header: a penalty. */
  inOwnGroup: 0.05,
  inOtherGroup: 0.5,
} as const;

const W = MATCH_WEIGHTS;

export interface Candidate {
  field: FieldId;
  targetId: string;
  label: string;
  score: number;
  reason: string;
  max: number | null;
}

/** Header path of one column: the texts of its header rows, top to bottom. */
export type HeaderPath = NormalizedHeader[];

export { fieldMax, targetsOf, type Alias, type Target } from "./targets";

const DIGITS = /^\d+$/;

function isDigits(w: string): boolean {
  return DIGITS.test(w);
}

function wordsClose(a: HeaderWord, b: HeaderWord): "same" | "tone" | "typo" | null {
  if (a.toned === b.toned) return "same";
  if (a.folded === b.folded) return "tone";
  if (isDigits(a.folded) || isDigits(b.folded)) return null;
  const len = Math.min(a.folded.length, b.folded.length);
  const limit = len >= W.typoEdits.twoFrom ? 2 : len >= W.typoEdits.oneFrom ? 1 : 0;
  if (limit === 0) return null;
  return editDistance(a.folded, b.folded, limit) <= limit ? "typo" : null;
}

const DIGITS_CACHE = new WeakMap<HeaderWord[], string>();

/** The numbers among a phrase's words, kept per word list (aliases and headers are compared many times). */
function digitsOf(words: HeaderWord[]): string {
  let digits = DIGITS_CACHE.get(words);
  if (digits === undefined) {
    digits = words
      .filter((w) => isDigits(w.folded))
      .map((w) => w.folded)
      .join(" ");
    DIGITS_CACHE.set(words, digits);
  }
  return digits;
}

/** Is `small` a subsequence of `big` (exact folded words)? */
function isSubsequence(small: HeaderWord[], big: HeaderWord[]): boolean {
  let i = 0;
  for (let j = 0; j < big.length; j++) if (i < small.length && big[j].folded === small[i].folded) i++;
  return i === small.length;
}

export interface PhraseMatch {
  score: number;
  how: "exact" | "tone" | "typo" | "contains" | "within" | "none";
}

// The two most common answers, shared (callers only read them): a table's header is compared
// with every alias of every profile, and most comparisons find nothing.
const NO_MATCH: PhraseMatch = Object.freeze({ score: 0, how: "none" });
const EXACT_MATCH: PhraseMatch = Object.freeze({ score: 1, how: "exact" });

/** Enough words to stand for a phrase inside a longer one. */
function meaningful(words: HeaderWord[]): boolean {
  return words.length >= 2 || (words[0]?.folded.length ?? 0) >= 4;
}

/** How well one alias phrase matches one header phrase, 0–1. */
export function phraseScore(alias: NormalizedHeader, header: NormalizedHeader): PhraseMatch {
  const A = alias.words;
  const H = header.words;
  if (A.length === 0 || H.length === 0) return NO_MATCH;
  if (alias.key === header.key) {
    let toneDiffs = 0;
    for (let i = 0; i < A.length; i++) if (A[i].toned !== H[i]?.toned) toneDiffs++;
    return toneDiffs === 0 ? EXACT_MATCH : { score: Math.max(W.tone.floor, W.tone.base - W.tone.perWord * toneDiffs), how: "tone" };
  }
  if (A.length === H.length) {
    let typos = 0;
    let ok = true;
    for (let i = 0; i < A.length; i++) {
      const c = wordsClose(A[i], H[i]);
      if (c === null) {
        ok = false;
        break;
      }
      if (c !== "same") typos++;
    }
    if (ok && typos > 0 && typos <= Math.max(1, Math.floor(A.length / 2))) {
      return { score: Math.max(W.typo.floor, W.typo.base - W.typo.perWord * typos), how: "typo" };
    }
  }
  const digitPenalty = digitsOf(A) === digitsOf(H) ? 1 : W.otherDigits;
  if (A.length < H.length && meaningful(A) && isSubsequence(A, H)) {
    return { score: (W.contains.base + W.contains.share * (A.length / H.length)) * digitPenalty, how: "contains" };
  }
  if (H.length < A.length && meaningful(H) && isSubsequence(H, A)) {
    return { score: (W.within.base + W.within.share * (H.length / A.length)) * digitPenalty, how: "within" };
  }
  return NO_MATCH;
}

function joinPath(path: HeaderPath): NormalizedHeader {
  const words = path.flatMap((p) => p.words);
  return {
    original: path.map((p) => p.original).join(" › "),
    key: words.map((w) => w.folded).join(" "),
    words,
    evidence: path[path.length - 1].evidence,
  };
}

/**
 * Best alias score of a target against a column's header path; `joined` is the path as one
 * phrase (joinPath), built once per column rather than once per alias.
 */
function aliasScore(alias: Alias, path: HeaderPath, joined: NormalizedHeader | null): PhraseMatch {
  const segs = alias.segments;
  if (segs.length === 0 || path.length === 0) return NO_MATCH;
  const leaf = path[path.length - 1];
  if (segs.length === 1) {
    const direct = phraseScore(segs[0], leaf);
    if (joined !== null) {
      const whole = phraseScore(segs[0], joined);
      if (whole.score * W.joinedPath > direct.score) return { score: whole.score * W.joinedPath, how: whole.how };
    }
    return direct;
  }
  const last = phraseScore(segs[segs.length - 1], leaf);
  if (last.score < WEAK) return NO_MATCH;
  const ancestors = path.slice(0, -1);
  if (ancestors.length === 0) return { score: last.score * W.missingAncestors, how: last.how };
  // Earlier segments must match ancestors, nearest first, in order.
  let ai = ancestors.length - 1;
  let total = 0;
  for (let si = segs.length - 2; si >= 0; si--) {
    let found = -1;
    let foundScore = 0;
    for (let j = ai; j >= 0; j--) {
      const s = phraseScore(segs[si], ancestors[j]).score;
      if (s >= W.ancestor) {
        found = j;
        foundScore = s;
        break;
      }
    }
    if (found < 0) return NO_MATCH;
    total += foundScore;
    ai = found - 1;
  }
  const mean = total / (segs.length - 1);
  return { score: Math.min(last.score, mean), how: last.how };
}

const PART_WORDS: { re: RegExp; part: IndicatorPart }[] = [
  { re: /^(tu so|so dat|dat)$/, part: "numerator" },
  { re: /^(mau so|tong so|phai)$/, part: "denominator" },
  { re: /^(ty le|ti le|ty le dat)$/, part: "ratio" },
  { re: /^(diem|diem so|so diem|diem dat|diem danh gia)$/, part: "points" },
];

const RATIO_WORDS = /^(ty le|ti le)\b/;
const COUNT_WORDS = /^(so luong|tong so|so (ho so|thu tuc|don vi|luot|tai khoan|phan anh))\b/;

/** Which part of an indicator a column holds, from its header words and evidence. */
export function indicatorPart(path: HeaderPath, indicator: IndicatorSpec, profile: Profile): IndicatorPart {
  const leaf = path[path.length - 1];
  for (const p of PART_WORDS) if (p.re.test(leaf.key)) return p.part;
  if (leaf.key === "" && leaf.evidence.percent) return "ratio";
  if (path.some((p) => p.evidence.maxPoints !== null)) return "points";
  if (leaf.evidence.percent || RATIO_WORDS.test(leaf.key)) return "ratio";
  if (COUNT_WORDS.test(leaf.key)) return "numerator";
  if (indicator.max > 0 && profile.basis === "indicators") return "points";
  return "ratio";
}

function percentText(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Max evidence of a column: the leaf's, else the nearest ancestor's. */
function headerMax(path: HeaderPath): number | null {
  for (let i = path.length - 1; i >= 0; i--) if (path[i].evidence.maxPoints !== null) return path[i].evidence.maxPoints;
  return null;
}

const GROUP_ALIAS_CACHE = new WeakMap<GroupSpec, NormalizedHeader[]>();

/**
 * A group's label and aliases, normalised once per group object: every indicator of every
 * column checks its group against the column's parent headers, and normalising them each time
 * was most of the header matching's cost.
 */
function groupAliasesOf(group: GroupSpec): NormalizedHeader[] {
  let list = GROUP_ALIAS_CACHE.get(group);
  if (!list) GROUP_ALIAS_CACHE.set(group, (list = [group.label, ...group.aliases].map((g) => normalizeHeader(g))));
  return list;
}

/** Cheap filter before comparing phrases: a word in common, or a word within one typo of one. */
function sharesWord(t: Target, pathWords: readonly string[]): boolean {
  for (const w of pathWords) if (t.words.has(w)) return true;
  for (const w of pathWords) {
    if (w.length < 4) continue;
    for (const tw of t.wordList) {
      if (tw.length < 4 || Math.abs(tw.length - w.length) > 1) continue;
      // One edit leaves the first or the last letter in place.
      if (tw[0] !== w[0] && tw[tw.length - 1] !== w[w.length - 1]) continue;
      if (editDistance(w, tw, 1) <= 1) return true;
    }
  }
  return false;
}

/** The target's best alias for the column, with its text. */
function bestAlias(t: Target, path: HeaderPath, joined: NormalizedHeader | null): { match: PhraseMatch; alias: string } {
  let match = NO_MATCH;
  let alias = "";
  for (const a of t.aliases) {
    const m = aliasScore(a, path, joined);
    if (m.score > match.score) {
      match = m;
      alias = a.text;
    }
  }
  return { match, alias };
}

/**
 * The evidence around the header for one field: its maximum "(30 điểm)", a "(%)" over points,
 * its group's header above it (or another group's). Returns the adjusted score and the notes.
 */
function weighEvidence(path: HeaderPath, t: Target, kind: ValueKind, score: number, profile: Profile): { score: number; notes: string[] } {
  const notes: string[] = [];
  const hMax = headerMax(path);
  const targetMax = kind === "score" ? t.max : null;
  if (hMax !== null && targetMax !== null && targetMax > 0) {
    if (Math.abs(hMax - targetMax) < 1e-9) {
      score = Math.min(1, score + W.maxAgrees);
      notes.push(`điểm tối đa ${formatNumber(hMax)} khớp`);
    } else {
      score *= W.maxDiffers;
      notes.push(`tiêu đề ghi tối đa ${formatNumber(hMax)}, trường này tối đa ${formatNumber(targetMax)}`);
    }
  }
  if (path[path.length - 1].evidence.percent && kind === "score" && !t.unit) {
    score *= W.percentForPoints;
    notes.push("tiêu đề ghi (%) nhưng trường này là điểm");
  }
  if (t.group && path.length > 1) {
    const ancestors = path.slice(0, -1);
    const under = (g: GroupSpec) => ancestors.some((a) => groupAliasesOf(g).some((x) => phraseScore(x, a).score >= STRONG));
    if (under(t.group)) {
      score = Math.min(1, score + W.inOwnGroup);
    } else {
      const otherGroup = profile.groups.find((g) => g.id !== t.group?.id && under(g));
      if (otherGroup) {
        score *= W.inOtherGroup;
        notes.push(`nằm dưới nhóm "${otherGroup.label}"`);
      }
    }
  }
  return { score, notes };
}

function howText(how: PhraseMatch["how"], alias: string): string {
  switch (how) {
    case "exact":
      return "khớp tên cột";
    case "tone":
      return `gần giống "${alias}" (khác dấu)`;
    case "typo":
      return `gần giống "${alias}"`;
    case "contains":
      return `tiêu đề chứa "${alias}"`;
    default:
      return `tiêu đề là một phần của "${alias}"`;
  }
}

/**
 * Candidates for one column, best first. Ties between fields are left for the caller to
 * report; nothing below WEAK is returned.
 */
export function candidatesFor(path: HeaderPath, profile: Profile): Candidate[] {
  if (path.length === 0) return [];
  const pathWords = [...new Set(path.flatMap((p) => p.words.map((w) => w.folded)))];
  if (pathWords.length === 0) return [];
  const joined = path.length > 1 ? joinPath(path) : null;
  // "Hồ sơ giải quyết đúng hạn › Tử số": the indicator is named above, the leaf names its part.
  const leafKey = path[path.length - 1].key;
  const named = path.length > 1 && PART_WORDS.some((p) => p.re.test(leafKey)) ? path.slice(0, -1) : null;
  const namedJoined = named && named.length > 1 ? joinPath(named) : null;
  const out: Candidate[] = [];
  for (const t of targetsOf(profile)) {
    if (!sharesWord(t, pathWords)) continue;
    let { match, alias } = bestAlias(t, path, joined);
    if (t.indicator && named) {
      const above = bestAlias(t, named, namedJoined);
      if (above.match.score > match.score) ({ match, alias } = above);
    }
    if (match.score < WEAK * W.keepBelowWeak) continue;
    const field = t.indicator ? indicatorField(t.indicator.id, indicatorPart(path, t.indicator, profile)) : (t.field as string);
    const { score, notes } = weighEvidence(path, t, kindOfField(field), match.score, profile);
    if (score < WEAK * W.keepBelowWeak) continue;
    out.push({
      field,
      targetId: t.id,
      label: t.label,
      score,
      reason: [howText(match.how, alias), ...notes].join("; ") + ` (độ tin cậy ${percentText(score)})`,
      max: t.indicator ? (field.endsWith(".points") ? t.max : null) : t.max,
    });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
