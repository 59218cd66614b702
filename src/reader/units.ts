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

const PATTERN_CACHE = new WeakMap<Profile, RegExp[]>();

function profilePatterns(profile: Profile): RegExp[] {
  const cached = PATTERN_CACHE.get(profile);
  if (cached) return cached;
  const out: RegExp[] = [];
  for (const p of profile.aggregatePatterns) {
    try {
      out.push(new RegExp(p, "iu"));
    } catch {
      // A broken pattern in a user's profile must not stop the reader; the profile editor reports it.
    }
  }
  PATTERN_CACHE.set(profile, out);
  return out;
}

/** Whether a name is an aggregate row ("TOÀN HUYỆN", "Tỷ lệ chung của huyện", "Tổng cộng"). */
export function isAggregateName(name: string, profile: Profile | null): boolean {
  const folded = foldText(name).replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
  if (BUILTIN_AGGREGATES.some((re) => re.test(folded))) return true;
  if (!profile) return false;
  const canonical = canonicalText(name);
  return profilePatterns(profile).some((re) => re.test(canonical) || re.test(folded) || re.test(name.normalize("NFC").trim()));
}

/** Level from a unit's name: "Sở ..." → department, "UBND xã ..." → commune. */
export function levelFromName(name: string): Level | null {
  let s = foldText(name).replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
  s = s.replace(/^(uy ban nhan dan|ubnd)\s+/, "");
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
  const s = foldText(text).replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
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
