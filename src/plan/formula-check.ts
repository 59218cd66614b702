/**
 * Which formulas the tool may write back. The tool computes no formula; it only puts back a
 * user's formula it replaced (an undo snapshot). A snapshot comes from a received workbook's
 * state, so it is untrusted: only formulas of ordinary worksheet functions over this workbook's
 * cells are restored; anything that reaches outside (WEBSERVICE, HYPERLINK, external workbooks,
 * DDE, CALL/REGISTER) or that this check does not know is refused.
 */
import type { CellValue } from "../model/grid";
import type { CellSnapshot } from "../model/plan";

/** Excel's limit of characters in a formula. */
export const MAX_FORMULA_TEXT = 8_192;

/** Ordinary worksheet functions: arithmetic, logic, lookup and text over the workbook's own cells. */
const ALLOWED_FUNCTIONS = new Set(
  (
    "SUM SUMIF SUMIFS SUMPRODUCT SUMSQ PRODUCT AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS IF IFS IFERROR IFNA SWITCH CHOOSE " +
    "ROUND ROUNDUP ROUNDDOWN MROUND INT TRUNC CEILING CEILING.MATH FLOOR FLOOR.MATH ABS SIGN MOD POWER SQRT QUOTIENT " +
    "RANK RANK.EQ RANK.AVG PERCENTRANK PERCENTRANK.INC PERCENTILE PERCENTILE.INC QUARTILE MEDIAN MODE STDEV STDEV.S STDEV.P VAR VAR.S VAR.P " +
    "COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS MIN MAX MINA MAXA MINIFS MAXIFS LARGE SMALL SUBTOTAL AGGREGATE " +
    "AND OR NOT XOR TRUE FALSE NA ISNUMBER ISTEXT ISBLANK ISERROR ISERR ISNA ISLOGICAL ISNONTEXT ISEVEN ISODD N T " +
    "VLOOKUP HLOOKUP LOOKUP XLOOKUP INDEX MATCH XMATCH ROW ROWS COLUMN COLUMNS " +
    "LEN TRIM CLEAN TEXT VALUE FIXED LEFT RIGHT MID UPPER LOWER PROPER CONCATENATE CONCAT TEXTJOIN SUBSTITUTE REPLACE FIND SEARCH EXACT REPT " +
    "DATE YEAR MONTH DAY DAYS DATEDIF EDATE EOMONTH WEEKDAY"
  ).split(" "),
);

/** Prefixes Excel stores before functions newer than Excel 2007 (`_xlfn.RANK.EQ`). */
const FUTURE_PREFIX = /^_(xlfn|xlws)\./i;

/** A string that is formula text (what a formula cell's snapshot holds: "=SUM(B5:C5)"). */
export function isFormulaText(value: CellValue | undefined): value is string {
  return typeof value === "string" && value.startsWith("=");
}

const CELL = /^\$?[A-Z]{1,3}\$?[0-9]{1,7}$/i;
const COLUMN = /^\$?[A-Z]{1,3}$/i;
const ROW = /^\$?[0-9]{1,7}$/;
const NUMBER = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)(E[+-]?[0-9]+)?$/i;
const WORD_CHAR = /[\p{L}\p{N}_$.]/u;
const ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]);
/** Characters no sheet name has: a quoted "sheet" holding one is an external or odd reference. */
const NOT_IN_SHEET_NAME = /[[\]:*?/\\|]/;

/**
 * Whether `text` ("=…") is a formula the tool may write back: cell and range references within
 * the workbook (on any of its sheets), numbers, strings, operators and ALLOWED_FUNCTIONS only.
 */
export function isRestorableFormula(text: string): boolean {
  if (!text.startsWith("=") || text.length > MAX_FORMULA_TEXT) return false;
  const s = text.slice(1);
  let i = 0;
  let depth = 0;
  // After a sheet name ("Data!" or "'Phụ lục 1'!") only a reference may follow.
  let afterSheet = false;
  while (i < s.length) {
    const ch = s[i];
    if (afterSheet && !WORD_CHAR.test(ch)) return false;
    if (ch === '"') {
      // A string literal; "" is a quote inside it.
      let j = i + 1;
      for (;;) {
        if (j >= s.length) return false;
        if (s[j] === '"') {
          if (s[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
    } else if (ch === "'") {
      // A quoted sheet name, followed by "!".
      let j = i + 1;
      for (;;) {
        if (j >= s.length) return false;
        if (s[j] === "'") {
          if (s[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      const name = s.slice(i + 1, j);
      if (name === "" || NOT_IN_SHEET_NAME.test(name) || s[j + 1] !== "!") return false;
      i = j + 2;
      afterSheet = true;
      continue;
    } else if (ch === "#") {
      const error = [...ERRORS].find((e) => s.slice(i, i + e.length).toUpperCase() === e);
      if (!error) return false;
      i += error.length;
    } else if ("+-*/^&=<>%,;():! \t\r\n".includes(ch)) {
      // "!" only after a sheet name, which the word branch consumes with it.
      if (ch === "!") return false;
      if (ch === "(") depth++;
      if (ch === ")" && --depth < 0) return false;
      i++;
    } else if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < s.length && WORD_CHAR.test(s[j])) j++;
      // An exponent's sign belongs to the number ("1E+5").
      if (/^[0-9.]+E$/i.test(s.slice(i, j)) && (s[j] === "+" || s[j] === "-")) {
        j++;
        while (j < s.length && /[0-9]/.test(s[j])) j++;
      }
      const word = s.slice(i, j);
      if (afterSheet) {
        if (!(CELL.test(word) || partOfRange(s, i, j, word))) return false;
        afterSheet = false;
      } else if (s[j] === "(") {
        const name = word.replace(FUTURE_PREFIX, "").toUpperCase();
        if (!ALLOWED_FUNCTIONS.has(name)) return false;
      } else if (s[j] === "!") {
        // An unquoted sheet name: letters, digits, underscores and dots only.
        if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(word)) return false;
        j++;
        afterSheet = true;
      } else if (!(CELL.test(word) || NUMBER.test(word) || /^(TRUE|FALSE)$/i.test(word) || partOfRange(s, i, j, word))) {
        return false;
      }
      i = j;
    } else {
      // "[" (another workbook), "|" (DDE), "{" (arrays), "@" and anything else unknown.
      return false;
    }
  }
  return depth === 0 && !afterSheet;
}

/** A whole column or row on one side of ":" ("A:A", "3:5"). */
function partOfRange(s: string, start: number, end: number, word: string): boolean {
  if (!COLUMN.test(word) && !ROW.test(word)) return false;
  return s[start - 1] === ":" || s[end] === ":";
}

/**
 * Snapshots whose formula undo could not write back (see isRestorableFormula): a run that
 * replaced them would leave a state its own undo refuses, so the write is refused instead.
 */
export function unrestorableFormulas(previous: CellSnapshot[]): CellSnapshot[] {
  return previous.filter((s) => isFormulaText(s.value) && !isRestorableFormula(s.value));
}
