/**
 * Builds the example workbooks from the published reports in /work/shared/domain/seeds, as
 * staff would have them before scoring (outputs empty, no underlines). Values are transcribed
 * exactly from the seed text. Run: npx ts-node examples/build-examples.ts
 */
import * as path from "node:path";
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";

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

/** Phú Tân (An Giang), weekly appendix, Tháng 5 – Tuần 01 (seeds/phu-tan-an-giang-2024-05-tuan-01.txt). */
const PHU_TAN: [string | null, string, number, number, number, number, number, number, number, number, number][] = [
  [null, "TOÀN HUYỆN", 86.59, 80.53, 100, 98.88, 74.6, 49.95, 72.3, 0, 0],
  ["1", "PHÚ HÙNG", 89.21, 77.38, 100, 100, 100, 98.41, 82.1, 0, 0],
  ["2", "PHÚ BÌNH", 89.12, 88.97, 100, 100, 100, 100, 82.1, 0, 0],
  ["3", "TÂN HÒA", 89.04, 89.06, 100, 100, 85.3, 100, 81.2, 0, 0],
  ["4", "PHÚ THÀNH", 89.04, 88.75, 100, 100, 100, 100, 81.3, 0, 0],
  ["5", "PHÚ HIỆP", 88.82, 86.78, 100, 100, 97.7, 100, 81.6, 0, 0],
  ["6", "HIỆP XƯƠNG", 88.72, 83.66, 100, 100, 100, 84.62, 81.7, 0, 0],
  ["7", "PHÚ MỸ", 88.62, 81.75, 100, 98.97, 97.9, 93.75, 81.9, 0, 0],
  ["8", "PHÚ XUÂN", 88.42, 89.15, 100, 100, 93.8, 100, 81.9, 0, 0],
  ["9", "PHÚ THỌ", 86.01, 80.21, 100, 100, 39, 77.42, 82.2, 0, 0],
  ["10", "TÂN TRUNG", 84.24, 81.16, 81.8, 94.74, 100, 84.21, 81.2, 0, 0],
  ["11", "PHÚ THẠNH", 83.96, 80.26, 76.2, 100, 100, 100, 82, 0, 0],
  ["12", "PHÚ AN", 82.18, 77.84, 83.7, 100, 93.4, 92.98, 82.1, 0, 0],
  ["13", "CHỢ VÀM", 81.78, 80.76, 60, 100, 100, 100, 82, 0, 0],
  ["14", "PHÚ LÂM", 81.09, 81.09, 100, 100, 94.7, 100, 81.5, 0, 0],
  ["15", "LONG HÒA", 80.79, 81.78, 60.7, 100, 88.2, 91.3, 80.3, 0, 0],
  ["16", "HÒA LẠC", 75.17, 81.99, 35.9, 100, 92.9, 100, 81.8, 0, 0],
  ["17", "BÌNH THẠNH ĐÔNG", 74.81, 79.56, 34.9, 100, 100, 100, 82, 0, 0],
  ["18", "PHÚ LONG", 55.87, 82.29, 29.4, 41.67, 100, 100, 82, 0, 0],
];

async function phuTan(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Phụ lục 1");
  title(ws, 1, "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG THỰC HIỆN TTHC,", 13);
  title(ws, 2, "CUNG CẤP DỊCH VỤ CÔNG - THÁNG 5 (Tuần 01)", 13);
  title(ws, 3, "(Thời gian chốt số liệu: Ngày 06/5/2024)", 13, false);
  headers(
    ws,
    5,
    [
      ["STT", "ĐƠN VỊ", "ĐIỂM TỔNG HỢP", null, null, null, "CÔNG KHAI, MINH BẠCH (%)", "TIỀN ĐỘ GIẢI QUYẾT (%)", "DỊCH VỤ CÔNG TT", null, "SỐ HÓA HỒ SƠ (80%)", null, null],
      [null, null, "THÁNG 5 -TUẦN 01", "XẾP LOẠI", "THÁNG 4", "ĐIỂM (TĂNG/GIẢM)", null, null, "DVCTT", "THANH TOÁN TT", "SỐ HÓA HỒ SƠ", "TÁI SỬ DỤNG (%)", "CHỨNG THỰC ĐT"],
    ],
    [
      [5, 1, 6, 1],
      [5, 2, 6, 2],
      [5, 3, 5, 6],
      [5, 7, 6, 7],
      [5, 8, 6, 8],
      [5, 9, 5, 10],
      [5, 11, 5, 13],
    ],
  );
  // Before scoring: XẾP LOẠI (D) and ĐIỂM (TĂNG/GIẢM) (F) are empty.
  const rows: Cell[][] = PHU_TAN.map(([stt, name, total, april, ...components]) => [stt === null ? null : Number(stt), name, total, null, april, null, ...components]);
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

/** Điện Biên Phủ, appendix of September 2023 (seeds/dien-bien-phu-2023-09.txt): 8 indicator scores. */
const DIEN_BIEN: [string, number, number, number, number, number, number, number, number][] = [
  ["UBND phường Him Lam", 30, 9.8, 2.7, 4.3, 10, 5, 5, 4.8],
  ["UBND phường Nam Thanh", 30, 10, 1.0, 2.2, 10, 5, 5, 5],
  ["UBND phường Mường Thanh", 30, 7.8, 0.3, 5.0, 10, 5, 5, 5],
  ["UBND phường Tân Thanh", 30, 10, 0, 0, 8.9, 5, 5, 5],
  ["UBND xã Nà Tấu", 30, 8.8, 0, 0.7, 8.7, 5, 5, 4.7],
  ["UBND phường Thanh Trường", 30, 7.5, 0.4, 3.0, 6.2, 5, 5, 4.8],
  ["UBND xã Nà Nhạn", 30, 0.6, 0.1, 4.8, 8.0, 5, 5, 5],
  ["UBND xã Thanh Minh", 30, 4.2, 0, 4.9, 3.1, 5, 5, 5],
  ["UBND phường Noong Bua", 30, 3.7, 0, 4.9, 0.9, 5, 5, 5],
  ["UBND xã Mường Phăng", 30, 3.5, 0, 0.5, 2.4, 5, 5, 5],
  ["UBND xã Pá Khoang", 30, 1.3, 0, 4.3, 0.2, 5, 5, 5],
  ["UBND phường Thanh Bình", 28.8, 2.6, 0, 0, 0.9, 5, 5, 5],
];

async function dienBien(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Phụ lục");
  title(ws, 1, "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG GIẢI QUYẾT TTHC, DVC THEO THỜI GIAN THỰC TRÊN MÔI TRƯỜNG ĐIỆN TỬ CỦA UBND THÀNH PHỐ ĐIỆN BIÊN PHỦ THÁNG 9 NĂM 2023", 13);
  ws.getRow(1).height = 48;
  title(ws, 2, "(Kèm theo Báo cáo số     /BC-UBND, ngày     tháng 10 năm 2023 của UBND thành phố Điện Biên Phủ)", 13, false);
  headers(
    ws,
    4,
    [
      ["STT", "Tên đơn vị", "Tiên độ, KQ giải quyết (30 điểm)", "Điểm các chỉ số", null, null, null, null, null, null, "Điểm được", "Tổng điểm quy đổi", "Xếp loại"],
      [null, null, null, "Nhóm cung cấp DVTT", null, "Nhóm số hoá hồ sơ", null, "Nhóm mức độ hài lòng", null, null, null, null, null],
      [null, null, null, "Chỉ số 1 (10 điểm)", "Chỉ số 2 (10 điểm)", "Chỉ số 1 (5 điểm)", "Chỉ số 2 (10 điểm)", "Chỉ số 1 (5 điểm)", "Chỉ số 2 (5 điểm)", "Chỉ số 3 (5 điểm)", null, null, null],
    ],
    [
      [4, 1, 6, 1],
      [4, 2, 6, 2],
      [4, 3, 6, 3],
      [4, 4, 4, 10],
      [5, 4, 5, 5],
      [5, 6, 5, 7],
      [5, 8, 5, 10],
      [4, 11, 6, 11],
      [4, 12, 6, 12],
      [4, 13, 6, 13],
    ],
  );
  // Before scoring: Điểm được (K), Tổng điểm quy đổi (L) and Xếp loại (M) are empty.
  dataRows(ws, 7, DIEN_BIEN.map((r, i) => [i + 1, ...r, null, null, null]), 13);
  ws.getColumn(2).width = 28;
  await wb.xlsx.writeFile(path.join(OUT, "dien-bien-2023-09.xlsx"));
}

/**
 * Bến Cầu (Tây Ninh), February 2023 (seeds/ben-cau-tay-ninh-2023-02.txt). Cells that the source
 * writes with a comma, as "0.00" or with a leading zero are kept as text, as a table pasted
 * from the web page arrives; the malformed code 000.25.331H53 is kept as published.
 */
const BEN_CAU: Cell[][] = [
  [1, "Các cơ quan chuyên môn huyện", "000.00.31.H53", 0, 93, "94,3", "2,2", "49,8", 6],
  [2, "UBND Thị trấn Bến Cầu", "000.20.31.H53", 0, "97,3", 100, "0.00", 28, 0],
  [3, "UBND xã An Thạnh", "000.21.31.H53", 0, 100, 100, "0.00", "38,6", 52],
  [4, "UBND xã Lợi Thuận", "000.27.31.H53", 0, "95,2", 100, "0.00", 37, 0],
  [5, "UBND xã Tiên Thuận", "000.28.31.H53", 0, 100, 100, "0.00", "56,7", 100],
  [6, "UBND xã Long Thuận", "000.26.31.H53", "01", "68,9", 100, "0.00", "32,9", 5],
  [7, "UBND xã Long Khánh", "000.24.31.H53", 0, "98,2", 100, "0.00", "37,8", 59],
  [8, "UBND xã Long Giang", "000.23.31.H53", 0, "97,6", 100, "0.00", 55, 141],
  [9, "UBND xã  Long Phước", "000.25.331H53", "01", "79,2", 100, "0.00", "59,5", 53],
  [10, "UBND xã  Long Chữ", "000.22.31.H53", 0, "95,1", 100, "0.00", "39,5", 67],
  [11, "Tỷ lệ chung của huyện", null, "02", 93, "94,3", "2,2", "87,44", 483],
];

async function benCau(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Phụ lục");
  title(ws, 1, "MỘT SỐ TIÊU CHÍ THÀNH PHẦN TRONG BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP", 9);
  title(ws, 2, "CỦA CÁC CƠ QUAN CHUYÊN MÔN HUYỆN/UBND CẤP XÃ TRONG THÁNG 02/2023", 9);
  headers(
    ws,
    4,
    [
      ["STT", "Tên đơn vị", "Mã định danh", "Tổng số hồ sơ xử lý quá hạn (*)", "Tỷ lệ hồ sơ nộp trực tuyến (%)", "Mức độ hài lòng (%)", "Kết quả số hóa hồ sơ (**)", null, "Số lượng hồ sơ cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính"],
      [null, null, null, null, null, null, "Tỷ lệ hồ sơ cấp kết quả điện tử (%)", "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC (%)", null],
    ],
    [
      [4, 1, 5, 1],
      [4, 2, 5, 2],
      [4, 3, 5, 3],
      [4, 4, 5, 4],
      [4, 5, 5, 5],
      [4, 6, 5, 6],
      [4, 7, 4, 8],
      [4, 9, 5, 9],
    ],
  );
  dataRows(ws, 6, BEN_CAU, 9, [10]);
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
/** As printed in the sources (Vietnamese decimal comma). */
const GROUP_ROWS_TEXT: string[][] = [
  ["1", "UBND xã Mỹ Thanh", "18", "15", "7,5", "7,2", "18", "18", ""],
  ["2", "Tỉnh Hòa Bình", "2,2", "17,7", "8,0", "9,5", "11,3", "10,0", ""],
  ["3", "Huyện Bến Cầu", "0", "16/,6", "6,8", "2,1", "17", "11", ""],
];
/** In the workbook, numbers are numbers (as the portal exports them); the malformed cell stays text. */
const GROUP_ROWS: Cell[][] = GROUP_ROWS_TEXT.map((r) =>
  r.map((v, j) => (v === "" ? null : j !== 1 && /^\d+(,\d+)?$/.test(v) ? Number(v.replace(",", ".")) : v)),
);
const GROUP_SOURCES: [string, string, number][] = [
  ["UBND xã Mỹ Thanh", "Báo cáo UBND xã Mỹ Thanh (Bắc Kạn), tháng 05/2024", 82.1],
  ["Tỉnh Hòa Bình", "Công văn 3220/VPUBND-NVK ngày 25/4/2023, tháng 4/2023", 58.83],
  ["Huyện Bến Cầu", "Công bố kết quả tháng 02/2023, UBND huyện Bến Cầu (Tây Ninh)", 53.39],
];

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
