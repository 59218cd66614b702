/**
 * Synthetic qd766 workbooks for the CLI bench, written with exceljs: a two-row header (indicator
 * over "Tử số" / "Mẫu số", as the portal's exports) and one row per unit with the same counts
 * as the engine bench.
 */
import ExcelJS from "exceljs";
import { LEVEL_LABELS } from "../src/model/fields";
import { QD766_INDICATORS, syntheticUnits } from "./units";

export const SHEET = "Bảng 766";

export async function writeSyntheticWorkbook(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const top: (string | null)[] = ["STT", "Tên đơn vị", "Cấp"];
  const sub: (string | null)[] = [null, null, null];
  for (const { id } of QD766_INDICATORS) {
    top.push(`Chỉ số ${id}`, null);
    sub.push("Tử số", "Mẫu số");
  }
  ws.addRow(top);
  ws.addRow(sub);
  for (let c = 1; c <= 3; c++) ws.mergeCells(1, c, 2, c);
  QD766_INDICATORS.forEach((_, i) => ws.mergeCells(1, 4 + 2 * i, 1, 5 + 2 * i));
  syntheticUnits(rows).forEach((unit, i) => {
    const row: (string | number | null)[] = [i + 1, unit.name, unit.level ? LEVEL_LABELS[unit.level] : null];
    for (const { id } of QD766_INDICATORS) row.push(unit.values[`${id}.numerator`] ?? null, unit.values[`${id}.denominator`] ?? null);
    ws.addRow(row);
  });
  await wb.xlsx.writeFile(file);
}
