/**
 * The text a sheet the tool added (appendix, notes, score cards) is fingerprinted by, the same in
 * Excel and in the CLI: a workbook whose appendix was made in the pane and undone with
 * `chiso766 undo` (or the other way) must see the sheet as the run left it. So it holds what both
 * hosts read alike: each non-empty cell's position on the sheet and value (values only: the pane
 * reads no formulas, and the tool's own sheets hold none).
 */
import type { CellValue, Grid } from "../model/grid";

/** One line per non-empty cell, "row,col,value" (0-based, absolute), in row order. */
export function sheetFingerprintText(sheet: { origin: Grid["origin"]; values: CellValue[][] }): string {
  const lines: string[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      // Both hosts' reads give null for an empty cell; "" is the same blank.
      if (value === null || value === "" || value === undefined) return;
      lines.push(`${sheet.origin.row + r},${sheet.origin.col + c},${JSON.stringify(value)}`);
    }),
  );
  return lines.join("\n");
}
