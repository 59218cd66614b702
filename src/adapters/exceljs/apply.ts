/** Applying a write plan to an exceljs workbook (values, number formats, underlines, restored formulas). */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   exceljs cells are plain objects; these rules mistake getCell() for the Office.js proxy API. */
import ExcelJS from "exceljs";
import { a1, parseRangeA1 } from "../../model/grid";
import type { WritePlan } from "../../model/plan";
import { sameValue } from "../../plan/cells";
import { isFormulaText } from "../../plan/formula-check";
import { rangeCells } from "../../plan/ranges";
import { cellValueOf, hasFormula, isUnderlined } from "./cells";
import { WorkbookError } from "./errors";

function setUnderline(cell: ExcelJS.Cell, on: boolean): void {
  const font = { ...(cell.font ?? {}) } as Partial<ExcelJS.Font>;
  if (on) {
    // Keep a double or accounting underline the user already chose.
    if (isUnderlined(cell)) return;
    font.underline = true;
  } else {
    if (!isUnderlined(cell)) return;
    delete font.underline;
  }
  // A fresh style object: exceljs may share one style object between cells.
  cell.style = { ...cell.style, font };
}

/**
 * Apply a plan to the worksheet it names. Two cautions beyond the plan: a merged cell other
 * than its top-left is never written (exceljs would write through to the top-left), and a
 * formula whose result already equals the planned value keeps its formula. The plan's
 * `formulas` (a user's formula put back by undo) are written as formulas; every other text is
 * text (exceljs never reads a string as a formula).
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new WorkbookError(`Không có trang tính "${plan.sheet}" để ghi kết quả.`);
  const formulaCells = new Set(plan.formulas ?? []);
  const styleWithFormat = sharedStyles();
  unshareReplacedFormulas(ws, plan, formulaCells);
  applyColumnStyles(ws, plan);
  for (const block of plan.blocks) {
    block.values.forEach((vr, i) => {
      // One row lookup per block row; row.getCell(col) is ws.getCell(row, col) without the
      // address object exceljs builds per call.
      const row = ws.getRow(block.row + i + 1);
      vr.forEach((value, j) => {
        const cell = row.getCell(block.col + j + 1);
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (formulaCells.size > 0 && isFormulaText(value) && formulaCells.has(a1(block.row + i, block.col + j))) {
          if (`=${cell.formula ?? ""}` !== value) cell.value = { formula: value.slice(1) } as ExcelJS.CellFormulaValue;
          // exceljs stores no result: Excel computes the restored formulas when it opens the file.
          wb.calcProperties.fullCalcOnLoad = true;
        } else if (!(hasFormula(cell) && sameValue(cellValueOf(cell), value))) cell.value = value;
        const format = block.numberFormats[i]?.[j] ?? null;
        if (format !== null && cell.numFmt !== format) cell.style = styleWithFormat(cell, format);
      });
    });
  }
  for (const c of rangeCells(plan.underline.set, parseRangeA1)) setUnderline(ws.getCell(c.row + 1, c.col + 1), true);
  for (const c of rangeCells(plan.underline.clear, parseRangeA1)) setUnderline(ws.getCell(c.row + 1, c.col + 1), false);
}

/**
 * Added columns take their neighbour's look cell by cell (font, fill, borders, alignment; not
 * its number format, which the plan sets, nor a data row's underline, which is a flag); undo
 * clears that look and the merges. Before the values and formats, which go on top.
 */
function applyColumnStyles(ws: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const merged of plan.unstyle?.merges ?? []) ws.unMergeCells(merged);
  for (const c of rangeCells(plan.unstyle?.ranges ?? [], parseRangeA1)) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (Object.keys(cell.style ?? {}).length > 0) cell.style = {};
  }
  const styles = plan.styles;
  if (!styles) return;
  const plain = new Set(rangeCells(styles.plainUnderline, parseRangeA1).map((c) => a1(c.row, c.col)));
  // One derived style per (source style, plain underline): exceljs renders each distinct object.
  const derived = new Map<unknown, Partial<ExcelJS.Style>[]>();
  const lookOf = (source: Partial<ExcelJS.Style>, noUnderline: boolean): Partial<ExcelJS.Style> => {
    const pair = derived.get(source) ?? [];
    derived.set(source, pair);
    const k = noUnderline ? 1 : 0;
    if (!pair[k]) {
      const { numFmt: _numFmt, ...look } = source;
      if (noUnderline && look.font?.underline) look.font = { ...look.font, underline: undefined };
      pair[k] = look;
    }
    return pair[k];
  };
  for (const { source, target } of styles.copies) {
    const from = parseRangeA1(source);
    const to = parseRangeA1(target);
    if (!from || !to) continue;
    for (let row = to.top; row <= to.bottom; row++) {
      const sourceRow = from.top === from.bottom ? from.top : from.top + (row - to.top);
      const look = ws.getCell(sourceRow + 1, from.left + 1).style ?? {};
      const cell = ws.getCell(row + 1, to.left + 1);
      const numFmt = cell.numFmt;
      const style = lookOf(look, plain.has(a1(row, to.left)));
      cell.style = numFmt ? { ...style, numFmt } : style;
    }
  }
  for (const merged of styles.merges) ws.mergeCells(merged);
}

/**
 * One style object per (style, format), shared by the cells that end up alike: on save exceljs
 * renders every distinct style object to XML, and a fresh object per cell made saving 10,000
 * rows about a second slower. Shared objects are never changed in place (setUnderline and
 * applyPlan assign new ones).
 */
function sharedStyles(): (cell: ExcelJS.Cell, format: string) => Partial<ExcelJS.Style> {
  const formatted = new Map<unknown, Map<string, Partial<ExcelJS.Style>>>();
  const EMPTY = {};
  return (cell, format) => {
    const base = cell.style ?? {};
    const key = Object.keys(base).length === 0 ? EMPTY : base;
    let byFormat = formatted.get(key);
    if (!byFormat) formatted.set(key, (byFormat = new Map()));
    let style = byFormat.get(format);
    if (!style) byFormat.set(format, (style = { ...base, numFmt: format }));
    return style;
  };
}

/**
 * A shared formula is stored once, in its first cell; the other cells of the group refer to
 * it, and exceljs cannot save them once that cell holds something else. Before the plan
 * replaces such a first cell, every cell of its group gets its own formula (the same text).
 */
function unshareReplacedFormulas(ws: ExcelJS.Worksheet, plan: WritePlan, formulaCells: Set<string>): void {
  const masters = new Set<string>();
  for (const block of plan.blocks) {
    block.values.forEach((vr, i) => {
      vr.forEach((value, j) => {
        const cell = ws.findCell(block.row + i + 1, block.col + j + 1);
        const v = cell?.value as { shareType?: string } | null | undefined;
        if (!cell || v?.shareType !== "shared") return;
        const kept = formulaCells.has(cell.address) ? `=${cell.formula}` === value : sameValue(cellValueOf(cell), value);
        if (!kept) masters.add(cell.address);
      });
    });
  }
  if (masters.size === 0) return;
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      const v = cell.value as Partial<ExcelJS.CellSharedFormulaValue> | null;
      if (v && typeof v === "object" && typeof v.sharedFormula === "string" && masters.has(v.sharedFormula)) {
        cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
      }
    });
  });
}
