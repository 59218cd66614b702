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
  for (const ch of text.normalize("NFC")) {
    if (ch === " ") w += 0.62;
    else if (/\p{Lu}/u.test(ch)) w += bold ? 1.8 : 1.65;
    else if (/\p{Ll}/u.test(ch)) w += bold ? 1.22 : 1.15;
    else if (/\d/.test(ch)) w += 1.24;
    else w += 0.8;
  }
  return w;
}

/** Widest single word: a column narrower than this clips it (Excel never breaks inside a word). */
export function longestWord(text: string, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, bold)));
}

/** Lines a text wraps to in `width` character units, word by word (each "\n" starts a line). */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(2, width - 1.5); // cell padding
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word, bold);
      if (used > 0 && used + 0.62 + w > room) {
        lines += Math.max(1, Math.ceil(w / room));
        used = w % room;
      } else {
        used += (used > 0 ? 0.62 : 0) + w;
      }
    }
  }
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
