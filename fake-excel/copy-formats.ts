/**
 * The fake's Range.copyFrom(…, "Formats"), Range.clear("Formats") and Range.unmerge(): a cell's
 * look beyond its number format and underline (font, fill, borders, alignment) is one opaque
 * `style` token, so a test can see which cells took which look.
 */
import type { CellRange } from "../src/model/grid";
import { FakeExcelError, parseArea } from "./address";
import type { FakeSheet } from "./model";

interface Context {
  enqueue(op: { what: string; bytes: number; run: () => number }): void;
}
type Resolve = () => { sheet: FakeSheet; range: CellRange } | null;

const target = (resolve: Resolve) => {
  const t = resolve();
  if (!t) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
  return t;
};

/** Like Excel's paste of formats: the source repeats over the destination when it is smaller. */
export function queueCopyFormats(context: Context, resolve: Resolve, source: string): void {
  context.enqueue({
    what: "copyFrom formats",
    bytes: 60 + source.length,
    run: () => {
      const { sheet, range } = target(resolve);
      const from = parseArea(source).range;
      const height = from.bottom - from.top + 1;
      const width = from.right - from.left + 1;
      const looks: { style?: string; numberFormat: string; underline: boolean }[][] = [];
      for (let i = 0; i < height; i++) {
        looks.push([]);
        for (let j = 0; j < width; j++) {
          const { style, numberFormat, underline } = sheet.cell(from.top + i, from.left + j);
          looks[i].push({ style, numberFormat, underline });
        }
      }
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) sheet.update(r, c, looks[(r - range.top) % height][(c - range.left) % width]);
      }
      return 0;
    },
  });
}

export function queueClearFormats(context: Context, resolve: Resolve): void {
  context.enqueue({
    what: "clear formats",
    bytes: 50,
    run: () => {
      const { sheet, range } = target(resolve);
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) sheet.update(r, c, { style: undefined, numberFormat: "General", underline: false });
      }
      return 0;
    },
  });
}

export function queueUnmerge(context: Context, resolve: Resolve): void {
  context.enqueue({
    what: "unmerge",
    bytes: 40,
    run: () => {
      const { sheet, range } = target(resolve);
      sheet.merges = sheet.merges.filter((m) => !(m.left <= range.right && range.left <= m.right && m.top <= range.bottom && range.top <= m.bottom));
      return 0;
    },
  });
}
