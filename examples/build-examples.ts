/**
 * Builds the example workbooks from the published reports in /work/shared/domain/seeds, as
 * staff would have them before scoring (outputs empty, no underlines). The text comes from the
 * one transcription of the seeds, tests/fixtures/seeds. Run: npx ts-node examples/build-examples.ts
 */
import * as path from "node:path";
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import {
  BEN_CAU_HEADER_ROWS,
  BEN_CAU_TABLE,
  BEN_CAU_TITLE,
  DIEN_BIEN_HEADER_ROWS,
  DIEN_BIEN_TABLE,
  DIEN_BIEN_TITLE,
  GROUP_IDS,
  PHU_TAN_COMPONENTS,
  PHU_TAN_HEADER_ROWS,
  PHU_TAN_TABLE,
  PHU_TAN_TITLE,
  PRINTED_GROUP_SCORES,
  dataCells,
  dienBienRows,
  foldSpaces,
  headerCells,
  headerMerges,
  phuTanRows,
  publishedNumber,
} from "../tests/fixtures/seeds";

const OUT = __dirname;
const FONT: Partial<ExcelJS.Font> = { name: "Times New Roman", size: 12 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const FIXED_DATE = new Date("2024-05-06T00:00:00Z");

type Cell = string | number | null;


function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chiso766 (ví dụ)";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function title(ws: ExcelJS.Worksheet, row: number, text: string, lastCol: number, bold = true): void {
  ws.getCell(row, 1).value = text;
  ws.getCell(row, 1).font = bold ? BOLD : { ...FONT, italic: true };
  ws.getCell(row, 1).alignment = { horizontal: "center", wrapText: true };
  ws.mergeCells(row, 1, row, lastCol);
}

/** Header rows: cells, then merges given as [top, left, bottom, right] (1-based). */
function headers(ws: ExcelJS.Worksheet, firstRow: number, rows: Cell[][], merges: [number, number, number, number][]): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(firstRow + i, j + 1);
      if (v !== null) cell.value = v;
      cell.font = BOLD;
      cell.border = THIN;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }),
  );
  for (const m of merges) ws.mergeCells(...m);
}

/** A seed table's header rows from `firstRow`: its text (line breaks folded to spaces) and merges. */
function seedHeaders(ws: ExcelJS.Worksheet, firstRow: number, table: string, headerRows: number): void {
  const rows = headerCells(table, headerRows).map((row) => row.map((c) => (c.text === "" ? null : foldSpaces(c.text))));
  const merges = headerMerges(table, headerRows).map((m): [number, number, number, number] => [firstRow + m.top, m.left + 1, firstRow + m.bottom, m.right + 1]);
  headers(ws, firstRow, rows, merges);
}

function dataRows(ws: ExcelJS.Worksheet, firstRow: number, rows: Cell[][], width: number, boldRows: number[] = []): void {
  rows.forEach((r, i) => {
    for (let j = 0; j < width; j++) {
      const cell = ws.getCell(firstRow + i, j + 1);
      const v = r[j] ?? null;
      if (v !== null) cell.value = v;
      cell.font = boldRows.includes(i) ? BOLD : FONT;
      cell.border = THIN;
    }
  });
}


async function phuTan(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Phụ lục 1");
  title(ws, 1, PHU_TAN_TITLE[0], 13);
  title(ws, 2, PHU_TAN_TITLE[1], 13);
  title(ws, 3, PHU_TAN_TITLE[2], 13, false);
  seedHeaders(ws, 5, PHU_TAN_TABLE, PHU_TAN_HEADER_ROWS);
  // Before scoring: XẾP LOẠI (D) and ĐIỂM (TĂNG/GIẢM) (F) are empty.
  const rows: Cell[][] = phuTanRows().map((r) => [r.stt, r.name, r.total, null, r.previous, null, ...PHU_TAN_COMPONENTS.map((id) => r[id])]);
  dataRows(ws, 7, rows, 13, [0]);
  ws.getColumn(2).width = 22;
  for (let c = 3; c <= 13; c++) ws.getColumn(c).width = 12;

  // A second sheet the tool must leave exactly as it is: text, a formula, a merge, styles.
  const notes = wb.addWorksheet("Ghi chú");
  notes.getCell("A1").value = "Nguồn số liệu";
  notes.getCell("A1").font = BOLD;
  notes.mergeCells("A1:C1");
  notes.getCell("A2").value = "Báo cáo số 865/BC-VP ngày 06/5/2024 của Văn phòng HĐND và UBND huyện Phú Tân (Phụ lục 1)";
  notes.getCell("A3").value = "Số đơn vị cấp xã";
  notes.getCell("B3").value = { formula: "COUNTA('Phụ lục 1'!B8:B25)", result: 18 };
  notes.getCell("A4").value = "Điểm toàn huyện";
  notes.getCell("B4").value = { formula: "'Phụ lục 1'!C7", result: 86.59 };
  notes.getCell("B4").numFmt = "0.00";
  notes.getCell("A5").value = "Ví dụ này do examples/build-examples.ts tạo; cột XẾP LOẠI và ĐIỂM (TĂNG/GIẢM) để trống để công cụ điền.";
  notes.getCell("A5").font = { ...FONT, italic: true, color: { argb: "FF555555" } };
  await wb.xlsx.writeFile(path.join(OUT, "phu-tan-2024-05-tuan-01.xlsx"));
}


async function dienBien(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Phụ lục");
  title(ws, 1, DIEN_BIEN_TITLE[1], 13);
  ws.getRow(1).height = 48;
  // The unsigned report leaves the number and the day blank; the example keeps room for them.
  title(ws, 2, DIEN_BIEN_TITLE[2].replace("số /", "số     /").replace("ngày tháng", "ngày     tháng"), 13, false);
  seedHeaders(ws, 4, DIEN_BIEN_TABLE, DIEN_BIEN_HEADER_ROWS);
  // Before scoring: Điểm được (K), Tổng điểm quy đổi (L) and Xếp loại (M) are empty.
  dataRows(ws, 7, dienBienRows().map((r) => [r.stt, r.name, ...r.points, null, null, null]), 13);
  ws.getColumn(2).width = 28;
  await wb.xlsx.writeFile(path.join(OUT, "dien-bien-2023-09.xlsx"));
}

/**
 * Bến Cầu (Tây Ninh), February 2023 (seeds/ben-cau-tay-ninh-2023-02.txt). Cells that the source
 * writes with a comma, as "0.00" or with a leading zero are kept as text, as a table pasted
 * from the web page arrives; the malformed code 000.25.331H53 is kept as published.
 */
function pastedCell(text: string): Cell {
  if (text === "") return null;
  return /^(0|[1-9]\d*)$/.test(text) ? Number(text) : text;
}

async function benCau(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Phụ lục");
  title(ws, 1, BEN_CAU_TITLE[0], 9);
  title(ws, 2, BEN_CAU_TITLE[1], 9);
  seedHeaders(ws, 4, BEN_CAU_TABLE, BEN_CAU_HEADER_ROWS);
  const rows = dataCells(BEN_CAU_TABLE, BEN_CAU_HEADER_ROWS).map((r) => r.map((c) => pastedCell(c.text)));
  dataRows(ws, 6, rows, 9, [rows.length - 1]);
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 16;
  await wb.xlsx.writeFile(path.join(OUT, "ben-cau-2023-02.xlsx"));
}

/**
 * A portal-style group-score table (qd766-nhom layout). SAMPLE: the rows put together group
 * scores published for three different units and periods (Mỹ Thanh commune 5/2024, Hòa Bình
 * province 4/2023, Bến Cầu district 2/2023); they are not one official table. Bến Cầu's
 * "Tiến độ giải quyết" is printed "16/,6" in the source and is kept so, as text.
 * Tổng điểm is left empty for the tool; the printed totals are on the "Nguồn" sheet.
 */
const GROUP_HEADERS = ["STT", "Tên đơn vị", "Công khai minh bạch", "Tiến độ giải quyết", "Dịch vụ công trực tuyến", "Thanh toán trực tuyến", "Mức độ hài lòng", "Số hóa hồ sơ", "Tổng điểm"];
const GROUP_UNITS = [
  { name: "UBND xã Mỹ Thanh", printed: PRINTED_GROUP_SCORES.myThanh, source: "Báo cáo UBND xã Mỹ Thanh (Bắc Kạn), tháng 05/2024" },
  { name: "Tỉnh Hòa Bình", printed: PRINTED_GROUP_SCORES.hoaBinh, source: "Công văn 3220/VPUBND-NVK ngày 25/4/2023, tháng 4/2023" },
  { name: "Huyện Bến Cầu", printed: PRINTED_GROUP_SCORES.benCau, source: "Công bố kết quả tháng 02/2023, UBND huyện Bến Cầu (Tây Ninh)" },
];
/** As printed in the sources (Vietnamese decimal comma). */
const GROUP_ROWS_TEXT: string[][] = GROUP_UNITS.map((u, i) => [String(i + 1), u.name, ...GROUP_IDS.map((id) => u.printed.groups[id]), ""]);
/** In the workbook, numbers are numbers (as the portal exports them); the malformed cell stays text. */
const GROUP_ROWS: Cell[][] = GROUP_ROWS_TEXT.map((r) =>
  r.map((v, j) => (v === "" ? null : j !== 1 && /^\d+(,\d+)?$/.test(v) ? Number(v.replace(",", ".")) : v)),
);
const GROUP_SOURCES: [string, string, number][] = GROUP_UNITS.map((u) => [u.name, u.source, publishedNumber(u.printed.total)]);

async function portalGroups(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Điểm nhóm");
  title(ws, 1, "ĐIỂM CÁC NHÓM CHỈ SỐ THEO QUYẾT ĐỊNH 766/QĐ-TTg — BẢNG MẪU (ghép từ các báo cáo công bố, khác kỳ, khác cấp)", 9);
  headers(ws, 3, [GROUP_HEADERS], []);
  dataRows(ws, 4, GROUP_ROWS, 9);
  ws.getColumn(2).width = 22;
  const src = wb.addWorksheet("Nguồn");
  src.addRow(["Đơn vị", "Nguồn", "Tổng điểm công bố"]).font = BOLD;
  for (const r of GROUP_SOURCES) src.addRow(r);
  await wb.xlsx.writeFile(path.join(OUT, "qd766-nhom-mau.xlsx"));

  // The same sample as a CSV saved on a Vietnamese-locale PC: ";" between fields, "," decimals.
  const lines = [GROUP_HEADERS.join(";"), ...GROUP_ROWS_TEXT.map((r) => r.join(";"))];
  await fs.writeFile(path.join(OUT, "qd766-nhom-mau.csv"), `\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

async function main(): Promise<void> {
  await phuTan();
  await dienBien();
  await benCau();
  await portalGroups();
  console.log(`Đã tạo các ví dụ trong ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
