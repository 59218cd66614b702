/**
 * A write as Office.js work items (batch.ts packs them into requests under the 5 MB cap): the
 * state's chunks, values, number formats, underlines and the added columns' styles.
 */
import { STATE_SHEET, type WritePlan, type WriteBlock } from "../../model/plan";
import { a1, rangeA1 } from "../../model/grid";
import { STATE_CHUNK_SIZE } from "../../plan/state";
import { isFormulaText } from "../../plan/formula-check";
import { chunkAddresses, estimateBytes, excelValue, REQUEST_BUDGET_BYTES, splitBlock, type QueuedWork } from "./batch";
import type { XlRequestContext } from "./excel-subset";

/** Upper bound of one state chunk's bytes (UTF-8, JSON-quoted): a Vietnamese character is at most 3 bytes. */
const STATE_CHUNK_BYTES = STATE_CHUNK_SIZE * 3 + 8;

/**
 * The write as a list of work items, in the order that keeps the workbook consistent if a
 * request fails: the state (with undo data, `chunks`) first, then values, then underlines.
 */
export function writeWork(plan: WritePlan, chunks: string[], stateSheetMissing: boolean, styling: boolean): QueuedWork<XlRequestContext>[] {
  const work: QueuedWork<XlRequestContext>[] = [];
  // The state in slices of cells, each its own work item: a large table's undo data (about
  // 12 MB for 100,000 rows × 9 columns) then spreads over requests under the 5 MB cap instead
  // of making one oversized request. The first slice also creates and clears the sheet.
  const slice = Math.max(1, Math.floor(REQUEST_BUDGET_BYTES / 2 / STATE_CHUNK_BYTES));
  for (let start = 0; start < chunks.length; start += slice) {
    const part = chunks.slice(start, start + slice);
    const first = start === 0;
    work.push({
      bytes: estimateBytes(part) + (first ? 8 * chunks.length : 0) + 200,
      queue: (context) => {
        const sheets = context.workbook.worksheets;
        const stateSheet = first && stateSheetMissing ? sheets.add(STATE_SHEET) : sheets.getItem(STATE_SHEET);
        if (first) {
          // Very hidden: not listed under Unhide, so nobody edits the JSON by accident.
          stateSheet.visibility = "VeryHidden";
          stateSheet.getRange().clear();
          // Text format for every chunk at once (one formatting command whatever the size).
          stateSheet.getRange(`A1:A${chunks.length}`).numberFormat = chunks.map(() => ["@"]);
        }
        stateSheet.getRange(`A${start + 1}:A${start + part.length}`).values = part.map((c) => [c]);
      },
    });
  }

  if (styling) work.push(...styleWork(plan));

  // Where the plan keeps a cell's format (null), write back the format it had: never rely on
  // how a host treats null inside a format array.
  const formatBefore = new Map(plan.previous.map((s) => [s.address, s.numberFormat]));
  const sheetName = plan.sheet;
  const formulaCells = new Set(plan.formulas ?? []);
  for (const block of plan.blocks) {
    const height = block.values.length;
    const width = block.values[0]?.length ?? 0;
    if (height === 0 || width === 0) continue;
    // Number formats one column at a time, before the values: as many formatting commands as
    // output columns at any number of rows (a block split for size would otherwise repeat them
    // per piece), and each column's formats are small (100,000 rows: under 1 MB).
    const formats = blockFormats(block, formatBefore);
    if (formats) {
      for (let j = 0; j < width; j++) {
        const column = formats.map((row) => [row[j]]);
        const address = rangeA1({ top: block.row, left: block.col + j, bottom: block.row + height - 1, right: block.col + j });
        work.push({
          bytes: estimateBytes(column) + address.length + 100,
          queue: (context) => {
            context.workbook.worksheets.getItem(sheetName).getRange(address).numberFormat = column;
          },
        });
      }
    }
    // Values by rows, split when a block would not fit one request.
    for (const piece of splitBlock({ ...block, numberFormats: [] })) {
      const rows = piece.values.length;
      if (rows === 0) continue;
      const address = rangeA1({ top: piece.row, left: piece.col, bottom: piece.row + rows - 1, right: piece.col + width - 1 });
      const values = piece.values.map((row, i) => row.map((v, j) => excelValue(v, isFormulaText(v) && formulaCells.has(a1(piece.row + i, piece.col + j)))));
      work.push({
        bytes: estimateBytes(values) + address.length + 100,
        queue: (context) => {
          context.workbook.worksheets.getItem(sheetName).getRange(address).values = values;
        },
      });
    }
  }

  const underlineWork = (addresses: string[], style: "None" | "Single") => {
    for (const chunk of chunkAddresses(addresses)) {
      work.push({
        bytes: chunk.length + 100,
        queue: (context) => {
          context.workbook.worksheets.getItem(sheetName).getRanges(chunk).format.font.underline = style;
        },
      });
    }
  };
  underlineWork(plan.underline.clear, "None");
  underlineWork(plan.underline.set, "Single");
  return work;
}

/**
 * Added columns styled like their neighbour, or (undo) their formats cleared and merges undone:
 * a few range operations per column, before the number formats, values and underlines that
 * go on top. One work item: its commands are tiny.
 */
function styleWork(plan: WritePlan): QueuedWork<XlRequestContext>[] {
  const { styles, unstyle } = plan;
  if (!styles && !unstyle) return [];
  return [
    {
      bytes: estimateBytes([styles ?? null, unstyle ?? null]) + 100 * ((styles?.copies.length ?? 0) + (unstyle?.ranges.length ?? 0) + 2),
      queue: (context) => {
        const sheet = context.workbook.worksheets.getItem(plan.sheet);
        for (const merged of unstyle?.merges ?? []) sheet.getRange(merged).unmerge();
        for (const range of unstyle?.ranges ?? []) sheet.getRange(range).clear("Formats");
        for (const { source, target } of styles?.copies ?? []) sheet.getRange(target).copyFrom(source, "Formats");
        // An underline on a data row means a flag: the neighbour's are not copied.
        for (const range of styles?.plainUnderline ?? []) sheet.getRange(range).format.font.underline = "None";
        for (const merged of styles?.merges ?? []) sheet.getRange(merged).merge(false);
      },
    },
  ];
}

/** The formats to write for a block, or null when it changes none. */
function blockFormats(block: WriteBlock, formatBefore: Map<string, string | null>): string[][] | null {
  let any = false;
  const formats = block.numberFormats.map((row, i) =>
    row.map((f, j) => {
      if (f !== null) {
        any = true;
        return f;
      }
      return formatBefore.get(a1(block.row + i, block.col + j)) ?? "General";
    }),
  );
  return any ? formats : null;
}
