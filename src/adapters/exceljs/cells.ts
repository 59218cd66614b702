/** Reading exceljs cells as the Grid sees them: shown value, underline, formula. */
import ExcelJS from "exceljs";
import type { CellValue } from "../../model/grid";

/** The value a cell shows, as a Grid value: formulas give their cached result, rich text its text. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return null;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      if (typeof r === "object") return "error" in r ? String(r.error) : null;
      return r;
    }
    if ("text" in v && "hyperlink" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(v);
}

export function isUnderlined(cell: ExcelJS.Cell): boolean {
  return fontUnderlined(cell.font);
}

export function fontUnderlined(font: Partial<ExcelJS.Font> | undefined): boolean {
  const u = font?.underline;
  return u !== undefined && u !== false && u !== "none";
}

export function hasFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}
