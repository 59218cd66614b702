/**
 * A1 addresses as Excel writes them: "D7", "D7:F9", "Sheet1!D7", "'Phụ lục 1'!A1:B2" and
 * comma-separated lists of those (RangeAreas). Pure: no Node or DOM imports, so the fake can be
 * bundled for the browser playground.
 */
import { parseRangeA1, quoteSheet, rangeA1, type CellRange } from "../src/model/grid";

export interface SheetArea {
  /** Sheet named in the address, or null when the address is sheet-less. */
  sheet: string | null;
  range: CellRange;
}

/** Split "a, 'x,y'!B2, c" on commas outside quotes. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** Parse one area, with or without a sheet prefix; throws like Excel's InvalidArgument. */
export function parseArea(text: string): SheetArea {
  const bang = text.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = text;
  if (bang >= 0) {
    const rawSheet = text.slice(0, bang);
    ref = text.slice(bang + 1);
    sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  }
  const range = parseRangeA1(ref.replace(/\$/g, ""));
  if (!range || range.left < 0 || range.top < 0) throw new FakeExcelError("InvalidArgument", `Địa chỉ không hợp lệ: "${text}"`);
  return { sheet, range };
}

export function parseAreas(address: string): SheetArea[] {
  return splitAreas(address).map(parseArea);
}

/** "Sheet1!D7:F9", the form Range.address takes. */
export function qualifiedAddress(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${rangeA1(range)}`;
}

/** An error shaped like OfficeExtension.Error: a code and a message. */
export class FakeExcelError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}
