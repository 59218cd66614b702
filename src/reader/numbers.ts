/**
 * Numbers as Vietnamese tables write them, parsed by column kind (METHOD.md §7,
 * peers-and-exports.md §5). Missing ("", "-", "N/A", "x") stays apart from 0.
 */
import Decimal from "decimal.js";
import type { ValueKind } from "../model/fields";
import type { CellValue } from "../model/grid";
import { cleanText, foldText } from "./normalize";

export interface ParsedNumber {
  /** The number, or null when the cell is missing or unusable (then error says why). */
  value: number | null;
  /** Vietnamese reason, without the cell prefix: `"16/,6" không phải là số`. */
  error?: string;
  /** Why the value is unusable, as a stable code (set exactly when `error` is). */
  errorCode?: ParseErrorCode;
  /** "17,5/18" → 18: the maximum written beside the value, as evidence and for checks. */
  max?: number;
  /** The text had a "%" or the cell a percent number format. */
  percent?: boolean;
  /** A written mark that means "no data" ("N/A", "-", "KPS"): the value is null, missing. */
  mark?: string;
}

/**
 * Cells that mean "no data" (folded). "KPS" / "không phát sinh" (nothing arose) is missing too:
 * which zero-denominator rule would apply depends on the indicator, so a 0 is the user's to enter.
 */
const MISSING_TOKENS = new Set(["", "-", "--", "---", "–", "—", ".", "..", "...", "n/a", "na", "x", "chua co", "khong co", "khong", "?", "kps", "khong phat sinh"]);

/** Excel error values as Office.js and exceljs hand them over. */
const EXCEL_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Whether a number format shows the value as a percentage ("0.00%", not "0.00\"%\""). */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  // Asked once per cell, for a handful of distinct formats: "General" needs no regex at all.
  if (!format.includes("%")) return false;
  const unquoted = format.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return unquoted.includes("%");
}

/** Stable codes of parse errors: the reader's problems carry them (never decided from the message). */
export type ParseErrorCode = "not-a-number" | "ambiguous-number" | "out-of-range" | "excel-error";

function failure(errorCode: ParseErrorCode, error: string, extra: { max?: number } = {}): ParsedNumber {
  return { value: null, error, errorCode, ...extra };
}

function quote(raw: string): string {
  return `"${raw}"`;
}

function notANumber(raw: string): ParsedNumber {
  return failure("not-a-number", `${quote(raw)} không phải là số`);
}

/**
 * Parse the digits part of a number with either separator convention.
 * Returns null when the text is not a number at all; "ambiguous" for "921.747" in a column
 * whose values are never thousands (scores, ratios).
 */
function parseDigits(body: string, kind: ValueKind): number | "ambiguous" | null {
  const s = body.replace(/ (?=\d{3}(\D|$))/g, ""); // "1 234" → "1234" (spaces as thousands)
  if (/^\d+$/.test(s)) return Number(s);
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const thousandsOnly = kind === "count" || kind === "rank";
  if (dots > 0 && commas > 0) {
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    const decimalSep = lastDot > lastComma ? "." : ",";
    const groupSep = decimalSep === "." ? "," : ".";
    const [intPart, fracPart, extra] = s.split(decimalSep);
    if (extra !== undefined || !/^\d+$/.test(fracPart ?? "")) return null;
    const groups = intPart.split(groupSep);
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    return Number(`${groups.join("")}.${fracPart}`);
  }
  const sep = dots > 0 ? "." : commas > 0 ? "," : null;
  if (!sep) return null;
  const parts = s.split(sep);
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  const grouped = /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => p.length === 3);
  if (parts.length > 2) {
    // "1.234.567": thousands in any kind; a score or ratio that large is out of range anyway.
    if (!grouped) return null;
    return thousandsOnly ? Number(parts.join("")) : "ambiguous";
  }
  const [intPart, fracPart] = parts;
  if (thousandsOnly) {
    // Counts are whole numbers: "921.747" and "1,600" group thousands; "0.00" is a zero.
    if (grouped && intPart !== "0") return Number(intPart + fracPart);
    return Number(`${intPart}.${fracPart}`);
  }
  if (sep === "." && grouped && intPart !== "0") return "ambiguous";
  return Number(`${intPart}.${fracPart}`);
}

/** Strip "Tỷ lệ:", "Số lượng:", "Điểm số:" labels and trailing unit words ("hồ sơ", "điểm"). */
function stripLabels(text: string): string {
  let s = text;
  const label = /^[\p{L}\s()]+:\s*/u.exec(s);
  if (label) s = s.slice(label[0].length);
  s = s.replace(/^(đạt|khoảng)\s+/iu, "");
  s = s.replace(/\s*(điểm|hồ sơ|tthc|thủ tục|đơn vị|lượt|ngày|phút|giờ|đ)\.?$/iu, "");
  return s.trim();
}

/**
 * What parseNumber gives for a number the workbook already typed when that is simply the
 * number (finite, in range for the kind, not shown as a percent); undefined otherwise, and then
 * parseNumber says why. The table reader asks this first: a typed count needs only range
 * checks, not a string and a result object per cell.
 */
export function typedNumber(value: number, kind: ValueKind, numberFormat?: string | null): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (numberFormat && numberFormat !== "General" && isPercentFormat(numberFormat)) return undefined;
  const n = value === 0 ? 0 : value; // -0 reads as 0, as in checkRange
  switch (kind) {
    case "ratio":
      return n >= 0 && n <= 100.005 ? n : undefined;
    case "score":
      return n >= 0 ? n : undefined;
    case "count":
      return n >= 0 && Number.isInteger(n) ? n : undefined;
    case "rank":
      return n >= 1 && Number.isInteger(n) ? n : undefined;
    case "change":
      return n;
    default:
      return undefined;
  }
}

/**
 * Parse one cell as a number of the given kind.
 * - score / change: "86.59", "82,1", "17,5/18" (max 18 returned), "▲ 1.20", "−0,5"
 * - ratio: percent units 0–100; "85,5%"; 0.855 with a percent number format → 85.5
 * - count / rank: whole numbers; "921.747" → 921747; "01" → 1
 * - blank, "-", "–", "N/A", "x" → missing (null, no error); anything else → error
 * Never throws and never returns NaN or Infinity.
 */
export function parseNumber(value: CellValue, kind: ValueKind, numberFormat?: string | null): ParsedNumber {
  try {
    return parseNumberUnsafe(value, kind, numberFormat);
  } catch {
    return notANumber(String(value));
  }
}

function parseNumberUnsafe(value: CellValue, kind: ValueKind, numberFormat?: string | null): ParsedNumber {
  if (value === null || value === undefined) return { value: null };
  if (kind === "text") return { value: null };
  if (typeof value === "boolean") return notANumber(value ? "TRUE" : "FALSE");
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return notANumber(String(value));
    const percent = isPercentFormat(numberFormat);
    // Excel stores 85.5% as 0.855; what the user sees (85.5) is what the column means.
    const n = percent ? new Decimal(value).times(100).toNumber() : value;
    return checkRange(n, kind, String(value), { percent });
  }
  const raw = String(value);
  let s = cleanText(raw);
  if (MISSING_TOKENS.has(foldText(s).replace(/\s+/g, " "))) return s === "" ? { value: null } : { value: null, mark: s };
  if (EXCEL_ERRORS.test(s)) return failure("excel-error", `${quote(s)} là lỗi công thức của Excel`);
  const written = s;
  s = stripLabels(s);
  if (MISSING_TOKENS.has(foldText(s))) return { value: null, mark: written };

  // Sign: Unicode minus and dashes, arrows for a change column.
  let sign = 1;
  s = s.replace(/^[▲↑]\s*/u, "+");
  s = s.replace(/^[▼↓]\s*/u, "-");
  const signMatch = /^([+\-\u2212\u2013\u2014])\s*/u.exec(s);
  if (signMatch) {
    if (signMatch[1] !== "+") sign = -1;
    s = s.slice(signMatch[0].length);
  }

  let percent = false;
  if (/%$/.test(s)) {
    percent = true;
    s = s.replace(/\s*%$/, "");
  }

  // "17,5/18": a score with its maximum.
  const fraction = /^([\d.,]+)\s*\/\s*([\d.,]+)$/.exec(s);
  if (fraction) {
    const num = parseDigits(fraction[1], "score");
    const den = parseDigits(fraction[2], "score");
    if (typeof num !== "number" || typeof den !== "number") return notANumber(raw.trim());
    if (kind === "ratio") {
      // "3/5" in a ratio column is a count over a count: the ratio in percent.
      if (den === 0) return failure("not-a-number", `${quote(raw.trim())}: mẫu số bằng 0`);
      const pct = new Decimal(num).div(den).times(100).toNumber();
      return checkRange(sign * pct, kind, raw.trim(), { percent: true });
    }
    const result = checkRange(sign * num, kind, raw.trim(), {});
    if (result.value !== null && num > den) {
      return failure("out-of-range", `${quote(raw.trim())}: điểm lớn hơn điểm tối đa ghi kèm (${formatPlain(den)})`, { max: den });
    }
    return { ...result, max: den };
  }

  if (!/^[\d][\d., ]*$/.test(s)) return notANumber(raw.trim());
  const parsed = parseDigits(s, kind);
  if (parsed === null) return notANumber(raw.trim());
  if (parsed === "ambiguous") {
    return failure(
      "ambiguous-number",
      `${quote(raw.trim())} không rõ là số thập phân hay số có dấu chấm phân cách hàng nghìn (cột ${KIND_LABELS[kind]} không có giá trị như vậy)`,
    );
  }
  return checkRange(sign * parsed, kind, raw.trim(), { percent });
}

const KIND_LABELS: Record<ValueKind, string> = {
  score: "điểm",
  ratio: "tỷ lệ",
  count: "số lượng",
  change: "tăng/giảm",
  rank: "thứ hạng",
  text: "chữ",
};

function formatPlain(n: number): string {
  return String(n).replace(".", ",");
}

function checkRange(n: number, kind: ValueKind, raw: string, extra: { percent?: boolean }): ParsedNumber {
  if (!Number.isFinite(n)) return notANumber(raw);
  const base: ParsedNumber = extra.percent ? { value: n, percent: true } : { value: n };
  const value = Object.is(n, -0) ? 0 : n;
  base.value = value;
  switch (kind) {
    case "ratio":
      if (value < 0) return failure("out-of-range", `${quote(raw)}: tỷ lệ không thể âm`);
      // A hair above 100 comes from float noise in the source; more is a wrong value.
      if (value > 100.005) return failure("out-of-range", `${quote(raw)}: tỷ lệ lớn hơn 100%`);
      return base;
    case "score":
      if (value < 0) return failure("out-of-range", `${quote(raw)}: điểm không thể âm`);
      return base;
    case "count":
      if (value < 0) return failure("out-of-range", `${quote(raw)}: số lượng không thể âm`);
      if (!Number.isInteger(value)) return failure("out-of-range", `${quote(raw)}: số lượng phải là số nguyên`);
      return base;
    case "rank":
      if (value < 1 || !Number.isInteger(value)) return failure("out-of-range", `${quote(raw)}: thứ hạng phải là số nguyên dương`);
      return base;
    default:
      return base;
  }
}
