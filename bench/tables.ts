/**
 * The two tables users score, at real sizes (400 rows: a province; 3,838: the national list of
 * 3,321 communes and 517 agencies), as cell values with their merged header cells:
 * - "indicator": qd766, 21 indicators × Tử số / Mẫu số / Tỷ lệ (%) under a merged indicator
 *   header (3 + 63 = 66 columns), the portal's detailed export;
 * - "group": qd766-nhom, the six group scores, the printed total and a blank Xếp loại column
 *   (10 columns), the portal's summary table.
 * Counts come from bench/units.ts (seeded), so every run scores the same numbers.
 */
import ExcelJS from "exceljs";
import { LEVEL_LABELS } from "../src/model/fields";
import type { CellValue } from "../src/model/grid";
import { getProfile } from "../src/profiles";
import { QD766_INDICATORS, syntheticUnits } from "./units";
import { randomInt, seededRandom } from "./rng";

export const TABLE_KINDS = ["indicator", "group"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];
export const REAL_SIZES = [400, 3_838];
export const SHEET = "Bảng 766";

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Table {
  kind: TableKind;
  rows: number;
  values: CellValue[][];
  /** 0-based, inclusive. */
  merges: Merge[];
}

/** Half-up to 2 decimals of a percentage, as the portal prints it. */
function percent(numerator: number, denominator: number): number {
  return Math.round((numerator * 10000) / denominator) / 100;
}

function indicatorTable(rows: number): Table {
  const header: CellValue[] = ["STT", "Tên đơn vị", "Cấp"];
  const sub: CellValue[] = [null, null, null];
  const merges: Merge[] = [0, 1, 2].map((c) => ({ top: 0, left: c, bottom: 1, right: c }));
  QD766_INDICATORS.forEach(({ id }, i) => {
    header.push(`Chỉ số ${id}`, null, null);
    sub.push("Tử số", "Mẫu số", "Tỷ lệ (%)");
    merges.push({ top: 0, left: 3 + 3 * i, bottom: 0, right: 5 + 3 * i });
  });
  const values: CellValue[][] = [header, sub];
  syntheticUnits(rows).forEach((unit, r) => {
    const row: CellValue[] = [r + 1, unit.name, unit.level ? LEVEL_LABELS[unit.level] : null];
    for (const { id } of QD766_INDICATORS) {
      const n = unit.values[`${id}.numerator`] ?? null;
      const d = unit.values[`${id}.denominator`] ?? null;
      row.push(n, d, n !== null && d ? percent(n, d) : null);
    }
    values.push(row);
  });
  return { kind: "indicator", rows, values, merges };
}

function groupTable(rows: number): Table {
  const groups = (getProfile("qd766-nhom")?.groups ?? []).filter((g) => g.id !== "DVTT");
  const values: CellValue[][] = [["STT", "Tên đơn vị", ...groups.map((g) => g.label), "Tổng điểm", "Xếp loại"]];
  const random = seededRandom(766 + rows);
  for (let r = 0; r < rows; r++) {
    // Points in hundredths, skewed towards good results as on the portal.
    const points = groups.map((g) => randomInt(random, Math.floor(g.max * 40), g.max * 100) / 100);
    const total = Math.round(points.reduce((s, p) => s + p * 100, 0)) / 100;
    values.push([r + 1, `${r % 7 === 0 ? "Sở" : "UBND xã"} Đơn vị ${r + 1}`, ...points, total, null]);
  }
  return { kind: "group", rows, values, merges: [] };
}

export function benchTable(kind: TableKind, rows: number): Table {
  return kind === "indicator" ? indicatorTable(rows) : groupTable(rows);
}

/** The table as an .xlsx file, written with exceljs (what the CLI bench reads). */
export async function writeTableWorkbook(file: string, table: Table): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  for (const row of table.values) ws.addRow(row);
  for (const m of table.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  await wb.xlsx.writeFile(file);
}
