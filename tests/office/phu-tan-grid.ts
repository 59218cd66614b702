/**
 * Phú Tân (An Giang), Tháng 5 – Tuần 01, Phụ lục 1: transcribed from
 * /work/shared/domain/seeds/phu-tan-an-giang-2024-05-tuan-01.txt as a sheet would hold it
 * (title row, two merged header rows, the TOÀN HUYỆN row, 18 units). <u>…</u> marks the cells the
 * published appendix underlines.
 */
import type { CellRange, CellValue, Grid } from "../../src/model/grid";

const TITLE = "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG THỰC HIỆN TTHC, CUNG CẤP DỊCH VỤ CÔNG - THÁNG 5 (Tuần 01)";

const HEADER_1 = ["STT", "ĐƠN VỊ", "ĐIỂM TỔNG HỢP", "", "", "", "CÔNG KHAI, MINH BẠCH (%)", "TIẾN ĐỘ GIẢI QUYẾT (%)", "DỊCH VỤ CÔNG TT", "", "SỐ HÓA HỒ SƠ (80%)", "", ""];
const HEADER_2 = ["", "", "THÁNG 5 -TUẦN 01", "XẾP LOẠI", "THÁNG 4", "ĐIỂM (TĂNG/GIẢM)", "", "", "DVCTT", "THANH TOÁN TT", "SỐ HÓA HỒ SƠ", "TÁI SỬ DỤNG (%)", "CHỨNG THỰC ĐT"];

// Copied row by row from the seed (tab-separated).
const ROWS = `	TOÀN HUYỆN	86.59	TỐT	80.53	6.06	100	98.88	74.6	49.95	72.3	0	0
1	PHÚ HÙNG	89.21	TỐT	77.38	11.83	100	100	100	98.41	82.1	0	0
2	PHÚ BÌNH	89.12	TỐT	88.97	0.15	100	100	100	100	82.1	0	0
3	TÂN HÒA	89.04	TỐT	89.06	-0.02	100	100	85.3	100	81.2	0	0
4	PHÚ THÀNH	89.04	TỐT	88.75	0.29	100	100	100	100	81.3	0	0
5	PHÚ HIỆP	88.82	TỐT	86.78	2.04	100	100	97.7	100	81.6	0	0
6	HIỆP XƯƠNG	88.72	TỐT	83.66	5.06	100	100	100	84.62	81.7	0	0
7	PHÚ MỸ	88.62	TỐT	81.75	6.87	100	98.97	97.9	93.75	81.9	0	0
8	PHÚ XUÂN	88.42	TỐT	89.15	-0.73	100	100	93.8	100	81.9	0	0
9	PHÚ THỌ	86.01	TỐT	80.21	5.8	100	100	<u>39</u>	77.42	82.2	0	0
10	TÂN TRUNG	84.24	TỐT	81.16	3.08	81.8	94.74	100	84.21	81.2	0	0
11	PHÚ THẠNH	83.96	TỐT	80.26	3.7	76.2	100	100	100	82	0	0
12	PHÚ AN	82.18	TỐT	77.84	4.34	83.7	100	93.4	92.98	82.1	0	0
13	CHỢ VÀM	81.78	TỐT	80.76	1.02	<u>60</u>	100	100	100	82	0	0
14	PHÚ LÂM	81.09	TỐT	81.09	0	100	100	94.7	100	81.5	0	0
15	LONG HÒA	80.79	TỐT	81.78	-0.99	<u>60.7</u>	100	88.2	91.3	80.3	0	0
16	HÒA LẠC	75.17	KHÁ	81.99	-6.82	<u>35.9</u>	100	92.9	100	81.8	0	0
17	BÌNH THẠNH ĐÔNG	74.81	KHÁ	79.56	-4.75	<u>34.9</u>	100	100	100	82	0	0
18	PHÚ LONG	<u>55.87</u>	<u>TB</u>	82.29	-26.42	<u>29.4</u>	<u>41.67</u>	100	100	82	0	0`;

function parseCell(text: string): { value: CellValue; underline: boolean } {
  const m = /^<u>(.*)<\/u>$/.exec(text);
  const raw = m ? m[1] : text;
  const value: CellValue = raw === "" ? null : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  return { value, underline: m !== null };
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
  return ROWS.split("\n")
    .slice(1)
    .map((line) => line.split("\t").map(parseCell));
}

/**
 * The appendix as a Grid; with `units` > 18 the unit rows repeat with numbered names (for size
 * tests), keeping the seed's values, formats and underlines.
 */
export function phuTanGrid(units = 18): Grid {
  const lines = ROWS.split("\n").map((line) => line.split("\t").map(parseCell));
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
  const values: CellValue[][] = [text(title), text(HEADER_1), text(HEADER_2), ...body.map((r) => r.map((c) => c.value))];
  const underlines = values.map((row, i) => (i < 3 ? row.map(() => false) : body[i - 3].map((c) => c.underline)));
  const numberFormats = values.map((row, i) => row.map((_, j) => (i >= 3 && j >= 2 && j !== 3 ? "0.00" : "General")));
  return { sheet: PHU_TAN_SHEET, origin: { row: 0, col: 0 }, values, numberFormats, underlines, merges: PHU_TAN_MERGES.map((m) => ({ ...m })) };
}
