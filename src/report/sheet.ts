/**
 * What every report sheet is built with: a cell/style/merge collector and a text-fit estimate,
 * so headers get the width and height their words need in Times New Roman 13 (column widths
 * are in Excel's character units, the width of a digit of the workbook's default font).
 */
import type { CellRange, CellValue } from "../model/grid";
import type { AppendixStyle, SheetPlan } from "./types";

export const APPENDIX_FONT = { name: "Times New Roman", size: 13 } as const;

/** Points per line of Times New Roman 13 with some leading. */
export const LINE_HEIGHT = 18;

/**
 * Width of a text in character units (a 7-pixel digit of the workbook's Calibri 11), per glyph
 * class of Times New Roman 13 at 96 dpi: capitals ≈ 0.68 em, lower case ≈ 0.47 em, digits
 * 0.5 em, a space 0.25 em. An estimate on the wide side: spare room prints fine, a clipped
 * header does not.
 */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text.normalize("NFC")) w += GLYPH_WIDTHS[glyphClass(ch.codePointAt(0) as number, ch)][bold ? 1 : 0];
  return w;
}

/** Glyph classes, and their widths [regular, bold]: a space, a capital, a lower-case letter, a digit, anything else. */
type Glyph = 0 | 1 | 2 | 3 | 4;
const [SPACE, UPPER, LOWER, DIGIT, OTHER]: Glyph[] = [0, 1, 2, 3, 4];
const GLYPH_WIDTHS: readonly (readonly [number, number])[] = [
  [0.62, 0.62],
  [1.65, 1.8],
  [1.15, 1.22],
  [1.24, 1.24],
  [0.8, 0.8],
];

/** Classes of the non-ASCII characters met so far (Vietnamese letters recur in every name). */
const knownClasses = new Map<number, Glyph>();

/** The glyph class of a code point (`ch` is its text); ASCII without regular expressions. */
function glyphClass(code: number, ch: string): Glyph {
  if (code < 128) {
    if (code === 32) return SPACE;
    if (code >= 65 && code <= 90) return UPPER;
    if (code >= 97 && code <= 122) return LOWER;
    return code >= 48 && code <= 57 ? DIGIT : OTHER;
  }
  let known = knownClasses.get(code);
  if (known === undefined) {
    known = /\p{Lu}/u.test(ch) ? UPPER : /\p{Ll}/u.test(ch) ? LOWER : OTHER;
    if (knownClasses.size < 10_000) knownClasses.set(code, known);
  }
  return known;
}

/** Widest single word: a column narrower than this clips it (Excel never breaks inside a word). */
export function longestWord(text: string, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, bold)));
}

/** What /\s/ matches (white space between words), for a code point and its text. */
function isSpace(code: number, ch: string): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code <= 0xffff && /\s/.test(ch);
}

/**
 * Lines a text wraps to in `width` character units, word by word (each "\n" starts a line).
 * One scan of the text, no word strings: it runs for every line of every page (score cards
 * of thousands of units). Normalising the whole text equals normalising each word, as no
 * white space composes with its neighbours.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(2, width - 1.5); // cell padding
  const weight = bold ? 1 : 0;
  let lines = 1;
  let used = 0;
  let word = 0; // width of the word being read; 0 between words (every glyph is wider than 0)
  const endWord = () => {
    if (used > 0 && used + 0.62 + word > room) {
      lines += Math.max(1, Math.ceil(word / room));
      used = word % room;
    } else {
      used += (used > 0 ? 0.62 : 0) + word;
    }
    word = 0;
  };
  const t = text.normalize("NFC");
  for (let i = 0; i < t.length; i++) {
    const code = t.codePointAt(i) as number;
    const ch = code < 128 ? "" : String.fromCodePoint(code);
    if (code > 0xffff) i++; // the low half of a surrogate pair
    if (code === 10) {
      if (word > 0) endWord();
      lines++;
      used = 0;
    } else if (isSpace(code, ch)) {
      if (word > 0) endWord();
    } else {
      word += GLYPH_WIDTHS[glyphClass(code, ch)][weight];
    }
  }
  if (word > 0) endWord();
  return lines;
}

/** Collects cells, formats, styles, merges and heights of one sheet, in sheet coordinates. */
export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly numberFormats: (string | null)[][] = [];
  readonly styles: AppendixStyle[] = [];
  readonly merges: CellRange[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];

  constructor(readonly lastCol: number) {}

  set(row: number, col: number, value: CellValue, numFmt: string | null = null): void {
    while (this.values.length <= row) {
      this.values.push([]);
      this.numberFormats.push([]);
    }
    this.values[row][col] = value;
    this.numberFormats[row][col] = numFmt;
  }

  style(style: AppendixStyle): void {
    this.styles.push(style);
  }

  fullWidth(row: number): CellRange {
    return { top: row, bottom: row, left: 0, right: this.lastCol };
  }

  height(row: number, height: number): void {
    this.rowHeights.push({ row, height });
  }

  /** A line of text merged across the sheet, wrapped, its height fitted to `widthChars`. */
  textLine(row: number, text: string, widthChars: number, style: Omit<AppendixStyle, "range">): void {
    this.set(row, 0, text);
    this.merges.push(this.fullWidth(row));
    this.style({ range: this.fullWidth(row), wrap: true, ...style });
    const lines = wrappedLines(text, widthChars, style.bold ?? false);
    if (lines > 1 || style.size) this.height(row, lines * LINE_HEIGHT * ((style.size ?? APPENDIX_FONT.size) / APPENDIX_FONT.size));
  }

  /** The collected sheet with its name, widths and print set-up. */
  build(sheetName: string, columnWidths: number[], print: SheetPlan["print"], frozenRows: number, lastRow: number): SheetPlan {
    return {
      sheetName,
      font: { ...APPENDIX_FONT },
      values: this.values,
      numberFormats: this.numberFormats,
      styles: this.styles,
      merges: this.merges,
      columnWidths,
      rowHeights: this.rowHeights,
      print,
      frozenRows,
      lastRow,
      lastCol: this.lastCol,
    };
  }
}

/** Margins in inches that print well on A4 (the seeds' appendices). */
export const A4_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;
