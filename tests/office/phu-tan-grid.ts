/**
 * Phú Tân (An Giang), Tháng 5 – Tuần 01, Phụ lục 1 (seeds/phu-tan-an-giang-2024-05-tuan-01.txt)
 * as a sheet would hold it: title row, two merged header rows, the TOÀN HUYỆN row, 18 units,
 * underlined cells as published. The text comes from the one transcription, tests/fixtures/seeds.
 */
import type { CellRange, CellValue, Grid } from "../../src/model/grid";
import { excelNumber, type TsvCell } from "../fixtures/grids/tsv";
import { PHU_TAN_HEADER_ROWS, PHU_TAN_TABLE, PHU_TAN_TITLE, dataCells, headerCells } from "../fixtures/seeds";

// The title as one merged row (the seed prints it over two lines), then the seed's table.
const TITLE = PHU_TAN_TITLE.slice(0, 2).join(" ");
const HEADERS: TsvCell[][] = headerCells(PHU_TAN_TABLE, PHU_TAN_HEADER_ROWS);

/** A printed cell as Excel holds it: dot-decimal numbers as numbers. */
function sheetCell(cell: TsvCell): { value: CellValue; underline: boolean } {
  return { value: excelNumber(cell.text), underline: cell.underlined };
}

export const PHU_TAN_SHEET = "Phụ lục 1";
export const PHU_TAN_MERGES: CellRange[] = [
  { top: 0, left: 0, bottom: 0, right: 12 }, // title
  { top: 1, left: 0, bottom: 2, right: 0 }, // STT
  { top: 1, left: 1, bottom: 2, right: 1 }, // ĐƠN VỊ
  { top: 1, left: 2, bottom: 1, right: 5 }, // ĐIỂM TỔNG HỢP
  { top: 1, left: 6, bottom: 2, right: 6 },
  { top: 1, left: 7, bottom: 2, right: 7 },
  { top: 1, left: 8, bottom: 1, right: 9 }, // DỊCH VỤ CÔNG TT
  { top: 1, left: 10, bottom: 1, right: 12 }, // SỐ HÓA HỒ SƠ
];

/** Unit rows of the seed (without the TOÀN HUYỆN row), as parsed cells. */
export function phuTanUnitRows(): { value: CellValue; underline: boolean }[][] {
  return dataCells(PHU_TAN_TABLE, PHU_TAN_HEADER_ROWS)
    .slice(1)
    .map((row) => row.map(sheetCell));
}

/**
 * The appendix as a Grid; with `units` > 18 the unit rows repeat with numbered names (for size
 * tests), keeping the seed's values, formats and underlines.
 */
export function phuTanGrid(units = 18): Grid {
  const lines = dataCells(PHU_TAN_TABLE, PHU_TAN_HEADER_ROWS).map((row) => row.map(sheetCell));
  const [aggregate, ...unitRows] = lines;
  const body: { value: CellValue; underline: boolean }[][] = [aggregate];
  for (let i = 0; i < units; i++) {
    const src = unitRows[i % unitRows.length];
    const round = Math.floor(i / unitRows.length);
    body.push(
      src.map((c, j) => (j === 0 ? { value: i + 1, underline: false } : j === 1 && round > 0 ? { value: `${String(c.value)} ${round + 1}`, underline: false } : c)),
    );
  }
  const title = [TITLE, ...Array<string>(12).fill("")];
  const text = (row: string[]) => row.map((v) => (v === "" ? null : v));
  const headers = HEADERS.map((row) => text(row.map((c) => c.text)));
  const values: CellValue[][] = [text(title), ...headers, ...body.map((r) => r.map((c) => c.value))];
  const underlines = values.map((row, i) => (i < 3 ? row.map(() => false) : body[i - 3].map((c) => c.underline)));
  const numberFormats = values.map((row, i) => row.map((_, j) => (i >= 3 && j >= 2 && j !== 3 ? "0.00" : "General")));
  return { sheet: PHU_TAN_SHEET, origin: { row: 0, col: 0 }, values, numberFormats, underlines, merges: PHU_TAN_MERGES.map((m) => ({ ...m })) };
}
