/**
 * Shows a cell value the way Excel shows it with its number format — the subset of the format
 * language that report tables use: General, "@", fixed decimals ("0", "0.00"), thousands
 * ("#,##0.00"), percent ("0.00%"), quoted or escaped literals, sections ("0.00;-0.00;0"),
 * colour and condition brackets (ignored) and plain dates. No installed library renders
 * Excel number formats (exceljs keeps the format string only), hence this small renderer.
 * Decimal separator: "." (Excel in an en-US locale, as the portal writes numbers).
 */
import Decimal from "decimal.js";
import type { CellValue } from "../../src/model/grid";

/** Half-up at the displayed decimals, on the value Excel keeps (15 significant digits). */
function fixed(value: number, decimals: number): string {
  return new Decimal(value.toPrecision(15)).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** Excel's General: up to 11 significant characters' worth of digits, trailing zeros dropped. */
function general(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) return value.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  return String(Number(value.toPrecision(10)));
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Splits on ";" outside quotes and brackets. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Replaces the numeric placeholder run of one section with the formatted number. */
function applySection(section: string, value: number): string {
  // Literals are kept; brackets ([Red], [>=100]) and padding (_x, *x) are dropped.
  let pattern = "";
  const literals: string[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literals.push(section.slice(i + 1, end < 0 ? undefined : end));
      pattern += `\uE000${literals.length - 1}\uE000`;
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      literals.push(section[i + 1] ?? "");
      pattern += `\uE000${literals.length - 1}\uE000`;
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === "_" || ch === "*") {
      if (ch === "_") pattern += " ";
      i++;
    } else pattern += ch;
  }
  const percent = (pattern.match(/%/g) ?? []).length;
  let scaled = value * Math.pow(100, percent);
  const placeholder = /[0#?][0#?,]*(\.[0#?]*)?/.exec(pattern);
  let body: string;
  if (!placeholder) {
    body = pattern;
  } else {
    const spec = placeholder[0];
    // Trailing commas after the digits scale by 1,000 each ("0.0,," → millions).
    const trailingCommas = /,+$/.exec(spec.split(".")[0])?.[0].length ?? 0;
    scaled = scaled / Math.pow(1000, trailingCommas);
    const decimals = placeholder[1] ? placeholder[1].length - 1 : 0;
    const minInt = (spec.split(".")[0].match(/0/g) ?? []).length;
    let text = fixed(Math.abs(scaled), decimals);
    const [intDigits, fracPart] = text.split(".");
    let intPart = intDigits;
    if (intPart === "0" && minInt === 0) intPart = "";
    intPart = intPart.padStart(minInt, "0");
    if (spec.split(".")[0].replace(/,+$/, "").includes(",")) intPart = groupThousands(intPart);
    text = fracPart !== undefined ? `${intPart}.${fracPart}` : intPart;
    body = pattern.slice(0, placeholder.index) + text + pattern.slice(placeholder.index + spec.length);
  }
  return body.replace(/\uE000(\d+)\uE000/g, (_m, n: string) => literals[Number(n)]);
}

const datePattern = /(^|[^"\\])[dmyhs]/i;

function excelSerialToIso(serial: number): string {
  // 25569 = days from 1899-12-30 (Excel's epoch, after its 1900 leap-year bug) to 1970-01-01.
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The text Excel would show for a value with a number format. */
export function formatCell(value: CellValue, numberFormat: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const parts = numberFormat ? sections(numberFormat) : [];
    // A fourth section formats text ("@" stands for the text itself).
    if (parts.length >= 4) return applyText(parts[3], value);
    return value;
  }
  const format = (numberFormat ?? "General").trim();
  if (format === "" || /^general$/i.test(format) || format === "@") return general(value);
  const parts = sections(format);
  if (datePattern.test(parts[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "")) && !/[0#?]/.test(parts[0])) {
    return excelSerialToIso(value);
  }
  if (value < 0 && parts.length >= 2) return applySection(parts[1], -value);
  if (value === 0 && parts.length >= 3) return applySection(parts[2], 0);
  const text = applySection(parts[0], value);
  // With one section Excel prefixes the minus sign itself (even when rounding shows "-0.00").
  return value < 0 ? `-${text}` : text;
}

function applyText(section: string, value: string): string {
  return section.replace(/"([^"]*)"/g, "$1").replace(/@/g, value);
}

/** Numbers and booleans are right-aligned in Excel's General alignment, text left. */
export function alignmentOf(value: CellValue): "left" | "right" | "center" {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean") return "center";
  return "left";
}
