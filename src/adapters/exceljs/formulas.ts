/**
 * Formulas in files: a formula is the user's content, like a typed value. The grid gets every
 * formula's text (so the plan asks before replacing one, and undo knows what to put back), and a
 * value "=…" the plan writes back (an undo snapshot of a formula cell) becomes a formula again.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../model/grid";

/** The formula of a formula cell as Excel shows it ("=SUM(D8:G8)"), else null. A shared formula gives its own text. */
export function formulaText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (typeof v !== "object" || v === null || !("formula" in v || "sharedFormula" in v)) return null;
  const f = cell.formula;
  return typeof f === "string" && f !== "" ? `=${f}` : null;
}

/**
 * What to store in a cell for a plan's value: "=…" is a formula (as Excel takes it when typed or
 * written through Office.js), unless the cell is formatted as text.
 */
export function storedValue(value: CellValue, numberFormat: string | undefined): ExcelJS.CellValue {
  if (typeof value === "string" && value.length > 1 && value.startsWith("=") && numberFormat !== "@") return { formula: value.slice(1) } as ExcelJS.CellFormulaValue;
  return value;
}

/**
 * Every shared formula of the sheet as a formula of its own: replacing a shared formula's first
 * cell (its master) would otherwise leave the cells that share it without a formula, and exceljs
 * refuses to save such a sheet.
 */
export function unshareFormulas(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v !== "object" || v === null || !("formula" in v || "sharedFormula" in v)) return;
      const model = cell.model as { sharedFormula?: string; shareType?: string };
      if (model.sharedFormula === undefined && model.shareType !== "shared") return;
      const formula = cell.formula;
      if (typeof formula !== "string") return;
      cell.value = { formula, result: (v as ExcelJS.CellFormulaValue).result } as ExcelJS.CellFormulaValue;
    }),
  );
}
