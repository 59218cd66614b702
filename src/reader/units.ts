/**
 * Unit rows: levels from a column, the name or the section above; aggregate rows; section
 * rows; footnotes under the table; unit codes (mã định danh).
 */
import type { Level } from "../model/fields";
import type { Profile } from "../model/profile";
import { canonicalText, foldText } from "./normalize";

/** Built-in aggregate names (METHOD.md §5), on folded text; the profile may add its own. */
const BUILTIN_AGGREGATES = [
  /^toan (huyen|tinh|thanh pho|thi xa|quan|xa|phuong|thi tran|nganh)\b/,
  /^tong cong\b/,
  /^tong (so|hop)( chung)?$/,
  /^tong$/,
  /^cong$/,
  /^ty le chung\b/,
  /^(diem )?(trung binh|binh quan)( chung)?\b/,
  /^chung (toan|cua) (huyen|tinh|thanh pho|thi xa)\b/,
];

// The reader asks about each unit's name twice in a row (aggregate, then level): remembering
// the last answer spares a second fold per row.
let lastPlainInput: string | null = null;
let lastPlainOutput = "";

/** Folded text with everything but letters, digits and single spaces dropped ("UBND xã A-B" → "ubnd xa a b"). */
function plainFolded(text: string): string {
  if (text !== lastPlainInput) {
    lastPlainOutput = foldText(text).replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
    lastPlainInput = text;
  }
  return lastPlainOutput;
}

/** The built-in patterns as one expression: one test per name instead of one per pattern. */
const BUILTIN_AGGREGATE = new RegExp(BUILTIN_AGGREGATES.map((re) => `(?:${re.source})`).join("|"));

const PATTERN_CACHE = new WeakMap<Profile, RegExp[]>();

/**
 * A profile's aggregate patterns ("iu"), the broken ones left out (the profile editor reports
 * them). Joined into one alternation when that means the same: each pattern compiles on its
 * own, and none refers to a group by number or name (joined, the numbers would shift).
 */
function profilePatterns(profile: Profile): RegExp[] {
  const cached = PATTERN_CACHE.get(profile);
  if (cached) return cached;
  const valid: RegExp[] = [];
  for (const p of profile.aggregatePatterns) {
    try {
      valid.push(new RegExp(p, "iu"));
    } catch {
      // A broken pattern in a user's profile must not stop the reader.
    }
  }
  let out = valid;
  if (valid.length > 1 && valid.every((re) => !/\\[1-9k]|\(\?</.test(re.source.replace(/\(\?<[=!]/g, "")))) {
    try {
      out = [new RegExp(valid.map((re) => `(?:${re.source})`).join("|"), "iu")];
    } catch {
      out = valid;
    }
  }
  PATTERN_CACHE.set(profile, out);
  return out;
}

/** Whether a name is an aggregate row ("TOÀN HUYỆN", "Tỷ lệ chung của huyện", "Tổng cộng"). */
export function isAggregateName(name: string, profile: Profile | null): boolean {
  const folded = plainFolded(name);
  if (BUILTIN_AGGREGATE.test(folded)) return true;
  if (!profile) return false;
  const patterns = profilePatterns(profile);
  if (patterns.length === 0) return false;
  const canonical = canonicalText(name);
  const nfc = name.normalize("NFC").trim();
  return patterns.some((re) => re.test(canonical) || re.test(folded) || re.test(nfc));
}

/** Level from a unit's name: "Sở ..." → department, "UBND xã ..." → commune. */
export function levelFromName(name: string): Level | null {
  const s = plainFolded(name).replace(/^(uy ban nhan dan|ubnd)\s+/, "");
  if (/^(xa|phuong|thi tran|dac khu)\b/.test(s)) return "commune";
  if (/^(so|ban|thanh tra|van phong|cong an|phong|cac co quan chuyen mon|co quan chuyen mon|bao hiem xa hoi|chi cuc|trung tam)\b/.test(s)) {
    return "department";
  }
  if (/^(huyen|quan|thi xa|thanh pho)\b/.test(s)) return "district";
  if (/^tinh\b/.test(s)) return "province";
  return null;
}

/** Level from a level column or a section heading ("I. Sở, ban, ngành", "Cấp xã", 1/2). */
export function levelFromText(text: string): Level | null {
  const s = plainFolded(text);
  if (s === "") return null;
  if (/\b(so ban nganh|so nganh|co quan chuyen mon|department|provincial department|cap so)\b/.test(s)) return "department";
  if (/\b(cap xa|xa phuong|xa thi tran|cac xa|commune|commune unit|ubnd cap xa)\b/.test(s)) return "commune";
  if (/\b(cap huyen|cac huyen|district)\b/.test(s)) return "district";
  if (/\b(cap tinh|province)\b/.test(s)) return "province";
  if (s === "1") return "department";
  if (s === "2") return "commune";
  return levelFromName(text);
}

const ROMAN = /^(?:[IVXLC]+|[A-D])[.)]?$/;

/** Section heading rows: "I. Sở, ban, ngành", "II | UBND cấp xã". */
export function sectionText(stt: string, name: string): string | null {
  const s = stt.trim();
  if (s !== "" && ROMAN.test(s)) return name || s;
  const m = /^(?:[IVXLC]+|[A-D])[.)]\s+(.+)$/.exec(name.trim());
  if (m) return m[1];
  return null;
}

/** Footnotes and notes under a table. */
export function isFootnote(text: string): boolean {
  const s = foldText(text);
  return /^(\(\*|\*|ghi chu|chu thich|nguon|luu y|tac gia|ghi chu:|noi nhan|\(\d+\)\s)/.test(s) || s.length > 120;
}

/** Mã định danh (QĐ 20/2020/QĐ-TTg) "000.20.31.H53", or a portal agency code "H05", "H01.13". */
const CODE_PATTERNS = [/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, /^[A-Z]\d{2}(\.\d{1,3}){0,3}$/, /^[A-Z]\d{2}\.\d{2,3}\.\d{2,3}$/];

export function isValidCode(code: string): boolean {
  return CODE_PATTERNS.some((re) => re.test(code));
}
