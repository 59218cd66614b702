/**
 * Unit rows: levels from a column, the name or the section above; aggregate rows; section
 * rows; footnotes under the table; unit codes (mã định danh).
 */
import type { Level } from "../model/fields";
import { aggregateMatcher } from "../model/aggregate-rows";
import type { Profile } from "../model/profile";
import { foldText, tidySpaces } from "./normalize";

// Expressions used per row are constants: a literal in a function body is a new RegExp object
// on every call (most of this file's garbage on a 10,000-row table). The global ones are only
// used with replace, which does not depend on lastIndex.
const NOT_LETTER_DIGIT_SPACE = /[^\p{L}\p{N} ]/gu;

/** Folded text with everything but letters, digits and single spaces dropped ("UBND xã A-B" → "ubnd xa a b"). */
export function plainFolded(text: string): string {
  return plainFoldedByTable(text) ?? plainFoldedSlow(text);
}

/** plainFolded by its definition: every step on the whole text. */
export function plainFoldedSlow(text: string): string {
  return tidySpaces(foldText(text).replace(NOT_LETTER_DIGIT_SPACE, " ")).trim();
}

/** Code units below this are looked up in the table; Latin letters with diacritics end at U+1EFF. */
const TABLE_END = 0x1f00;
const SEPARATOR = 0;
const NOT_SIMPLE = -1;
const NOT_YET = -2;
/** Longer texts take the general path (the shortcut spreads the characters into one call). */
const TABLE_MAX_LENGTH = 256;

/** Each character's fold, worked out when first met (a table sees a few dozen distinct ones). */
const foldTable = new Int16Array(TABLE_END).fill(NOT_YET);
const foldedCodes: number[] = [];

/**
 * What plainFolded makes of one character on its own, asked of plainFoldedSlow between two
 * letters so the table cannot disagree with it: its one ASCII letter or digit ("ệ" → "e",
 * "Đ" → "d"), SEPARATOR (spaces, punctuation: a word break), or NOT_SIMPLE for everything
 * else (combining marks, letters that stay non-ASCII), which sends the text the general way.
 * Only ASCII and precomposed Latin letters are tried: none of them composes with, or changes
 * case by, its neighbours, so a text of them folds character by character.
 */
function foldClass(code: number): number {
  if (code > 0x24f && code < 0x1e00) return NOT_SIMPLE;
  const ch = String.fromCharCode(code);
  if (ch.normalize("NFC") !== ch) return NOT_SIMPLE;
  const folded = plainFoldedSlow(`a${ch}b`);
  if (folded === "a b") return SEPARATOR;
  if (folded.length === 3 && folded[0] === "a" && folded[2] === "b" && /[a-z0-9]/.test(folded[1])) return folded.charCodeAt(1);
  return NOT_SIMPLE;
}

/**
 * plainFolded character by character, for a text of ASCII and Vietnamese (Latin) letters; null
 * for any other text. Same answer as plainFoldedSlow (tests/reader/fast-paths.test.ts), at a
 * fraction of the cost: a 10,000-row table folds every unit name, and the general path
 * normalises and copies each one six times.
 */
function plainFoldedByTable(text: string): string | null {
  if (text.length > TABLE_MAX_LENGTH) return null;
  const codes = foldedCodes;
  codes.length = 0;
  let spaceDue = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_END) return null;
    let folded = foldTable[code];
    if (folded === NOT_YET) folded = foldTable[code] = foldClass(code);
    if (folded === NOT_SIMPLE) return null;
    if (folded === SEPARATOR) {
      spaceDue = codes.length > 0;
      continue;
    }
    if (spaceDue) {
      codes.push(0x20);
      spaceDue = false;
    }
    codes.push(folded);
  }
  return String.fromCharCode.apply(null, codes);
}

/**
 * Whether a name is an aggregate row ("TOÀN HUYỆN", "Tỷ lệ chung của huyện", "Tổng cộng"): one of
 * the method's aggregate-row names, compared as words (src/model/aggregate-rows.ts).
 */
export function isAggregateName(name: string, profile: Profile | null): boolean {
  if (!profile || profile.aggregateRows.length === 0) return false;
  return aggregateMatcher(profile.aggregateRows).matches(name);
}

const PEOPLES_COMMITTEE = /^(uy ban nhan dan|ubnd)\s+/;
const COMMUNE_NAME = /^(xa|phuong|thi tran|dac khu)\b/;
const DEPARTMENT_NAME = /^(so|ban|thanh tra|van phong|cong an|phong|cac co quan chuyen mon|co quan chuyen mon|bao hiem xa hoi|chi cuc|trung tam)\b/;
const DISTRICT_NAME = /^(huyen|quan|thi xa|thanh pho)\b/;
const PROVINCE_NAME = /^tinh\b/;

/** Level from a unit's name: "Sở ..." → department, "UBND xã ..." → commune. */
export function levelFromName(name: string): Level | null {
  const s = plainFolded(name).replace(PEOPLES_COMMITTEE, "");
  if (COMMUNE_NAME.test(s)) return "commune";
  if (DEPARTMENT_NAME.test(s)) return "department";
  if (DISTRICT_NAME.test(s)) return "district";
  if (PROVINCE_NAME.test(s)) return "province";
  return null;
}

const DEPARTMENT_TEXT = /\b(so ban nganh|so nganh|co quan chuyen mon|department|provincial department|cap so)\b/;
const COMMUNE_TEXT = /\b(cap xa|xa phuong|xa thi tran|cac xa|commune|commune unit|ubnd cap xa)\b/;
const DISTRICT_TEXT = /\b(cap huyen|cac huyen|district)\b/;
const PROVINCE_TEXT = /\b(cap tinh|province)\b/;

/** Level from a level column or a section heading ("I. Sở, ban, ngành", "Cấp xã", 1/2). */
export function levelFromText(text: string): Level | null {
  const s = plainFolded(text);
  if (s === "") return null;
  if (DEPARTMENT_TEXT.test(s)) return "department";
  if (COMMUNE_TEXT.test(s)) return "commune";
  if (DISTRICT_TEXT.test(s)) return "district";
  if (PROVINCE_TEXT.test(s)) return "province";
  if (s === "1") return "department";
  if (s === "2") return "commune";
  return levelFromName(text);
}

const ROMAN = /^(?:[IVXLC]+|[A-D])[.)]?$/;
const NUMBERED_HEADING = /^(?:[IVXLC]+|[A-D])[.)]\s+(.+)$/;

/** Section heading rows: "I. Sở, ban, ngành", "II | UBND cấp xã". */
export function sectionText(stt: string, name: string): string | null {
  const s = stt.trim();
  if (s !== "" && ROMAN.test(s)) return name || s;
  const m = NUMBERED_HEADING.exec(name.trim());
  if (m) return m[1];
  return null;
}

/** Footnotes and notes under a table. */
const FOOTNOTE_START = /^(\(\*|\*|ghi chu|chu thich|nguon|luu y|tac gia|ghi chu:|noi nhan|\(\d+\)\s)/;

export function isFootnote(text: string): boolean {
  const s = foldText(text);
  return FOOTNOTE_START.test(s) || s.length > 120;
}

/**
 * The signature block and dateline of a report ("Người lập biểu", "KT. CHỦ TỊCH", "An Giang,
 * ngày 30 tháng 9 năm 2025", "Nơi nhận:"): what ends a table for good, like a footnote.
 */
const CLOSING_START =
  /^(nguoi lap|lap bieu|nguoi ky|noi nhan|thu truong|chu tich|pho chu tich|giam doc|pho giam doc|truong phong|pho truong phong|chanh van phong|kt\.?\s|tm\.?\s|q\.\s|ky ten|xac nhan|luu[:\s]|ngay\b)/;
const DATELINE = /,\s*ngay\b.*\bthang\b/;

/** A signature block or dateline line (its titles may sit in any column, the rating column too). */
export function isSignatureText(text: string): boolean {
  const s = foldText(text);
  return CLOSING_START.test(s) || DATELINE.test(s);
}

/** A footnote, note or signature: the table has ended. */
export function isClosingText(text: string): boolean {
  return isFootnote(text) || isSignatureText(text);
}

/** Words that open a group heading written in the name column ("Khối phường", "Nhóm II", "Các đơn vị khác"). */
const GROUP_HEADING_START = /^(khoi|nhom|cac|cap|linh vuc)\b/;
const LOWER_CASE_LETTER = /\p{Ll}/u;
const ANY_LETTER = /\p{L}/u;

/**
 * Whether a name-column text with no STT and no values reads as a group heading rather than a
 * unit with no data: it opens with a grouping word, or is written in capitals ("KHỐI PHƯỜNG").
 */
export function isGroupHeadingText(text: string): boolean {
  if (GROUP_HEADING_START.test(plainFolded(text))) return true;
  return ANY_LETTER.test(text) && !LOWER_CASE_LETTER.test(text);
}

/** "II. KHỐI XÃ" → numeral "II" and heading "KHỐI XÃ"; a text without a numeral is all heading. */
export function splitNumeral(text: string): { numeral: string; heading: string } {
  const t = text.trim();
  const m = NUMBERED_HEADING.exec(t);
  if (m) return { numeral: t.slice(0, t.length - m[1].length).replace(/[.)\s]+$/, ""), heading: m[1] };
  if (ROMAN.test(t)) return { numeral: t.replace(/[.)]$/, ""), heading: "" };
  return { numeral: "", heading: t };
}

/** Mã định danh (QĐ 20/2020/QĐ-TTg) "000.20.31.H53", or a portal agency code "H05", "H01.13". */
const CODE_PATTERNS = [/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, /^[A-Z]\d{2}(\.\d{1,3}){0,3}$/, /^[A-Z]\d{2}\.\d{2,3}\.\d{2,3}$/];

export function isValidCode(code: string): boolean {
  return CODE_PATTERNS.some((re) => re.test(code));
}
