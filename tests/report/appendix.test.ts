/* The Office lint rules mistake exceljs reads (cell.value, cell.font) for Office.js proxies. */
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read */
import ExcelJS from "exceljs";
import { applyAppendixPlan } from "../../src/adapters/exceljs/appendix";
import { planAppendix } from "../../src/report/appendix";
import type { AppendixPlan } from "../../src/report/types";
import { DIEN_BIEN_ROWS, dienBienProfile, dienBienResult } from "./fixtures/dien-bien";
import { PHU_TAN_ROWS, PHU_TAN_UNDERLINED, phuTanProfile, phuTanResult } from "./fixtures/phu-tan";

/** A fixed permutation, so that sorting is actually exercised. */
function shuffled(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i * 7 + 3) % n);
}

async function roundTrip(plan: AppendixPlan, wb = new ExcelJS.Workbook()): Promise<ExcelJS.Worksheet> {
  if (!wb.getWorksheet("Sheet1")) wb.addWorksheet("Sheet1").getCell("A1").value = "dữ liệu gốc";
  const written = applyAppendixPlan(wb, plan);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  const ws = back.getWorksheet(written.name);
  if (!ws) throw new Error("appendix sheet missing");
  return ws;
}

function colOf(plan: AppendixPlan, field: string): number {
  const c = plan.columns.find((x) => x.field === field);
  if (!c) throw new Error(`no column ${field}`);
  return c.col + 1;
}

const isUnderlined = (cell: ExcelJS.Cell) => cell.font?.underline === true || cell.font?.underline === "single";

/** Checks every appendix shares: font, bold centred wrapped headers, borders, print setup, numbers. */
function checkCommonFormatting(ws: ExcelJS.Worksheet, plan: AppendixPlan) {
  const { headerTop, headerBottom, dataTop, dataBottom, lastCol } = plan.layout;
  for (let r = headerTop; r <= dataBottom; r++) {
    for (let c = 0; c <= lastCol; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      expect(cell.font?.name).toBe("Times New Roman");
      expect(cell.font?.size).toBe(13);
      expect(cell.border?.top?.style).toBe("thin");
      expect(cell.border?.bottom?.style).toBe("thin");
      expect(cell.border?.left?.style).toBe("thin");
      expect(cell.border?.right?.style).toBe("thin");
      if (r <= headerBottom) {
        expect(cell.font?.bold).toBe(true);
        expect(cell.alignment?.horizontal).toBe("center");
        expect(cell.alignment?.wrapText).toBe(true);
      }
    }
  }
  const ps = ws.pageSetup;
  expect(ps.orientation).toBe("landscape");
  expect(ps.paperSize).toBe(9);
  expect(ps.fitToPage).toBe(true);
  expect(ps.fitToWidth).toBe(1);
  expect(ps.fitToHeight).toBe(0);
  expect(ps.printTitlesRow).toBe(`${headerTop + 1}:${headerBottom + 1}`);
  // Numbers are numbers with a number format, never text.
  const totalCol = colOf(plan, "total");
  for (let r = dataTop; r <= dataBottom; r++) {
    const cell = ws.getCell(r + 1, totalCol);
    expect(typeof cell.value).toBe("number");
    expect(cell.numFmt).toBe("0.00");
  }
}

describe("appendix: Điện Biên Phủ, tháng 9/2023", () => {
  const plan = planAppendix(dienBienResult(shuffled(12)), dienBienProfile, {
    title: [
      "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP",
      "TRONG GIẢI QUYẾT TTHC, DVC THEO THỜI GIAN THỰC TRÊN MÔI TRƯỜNG ĐIỆN TỬ CỦA UBND THÀNH PHỐ ĐIỆN BIÊN PHỦ",
    ],
    period: "THÁNG 9 NĂM 2023",
    cutoffDate: "Ngày 05/10/2023",
  });
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await roundTrip(plan);
  });

  test("no previous-period columns when the period has no previous totals (as the seed's table)", () => {
    expect(plan.columns.map((c) => c.field)).not.toEqual(expect.arrayContaining(["previous"]));
    expect(plan.columns.map((c) => c.field)).not.toEqual(expect.arrayContaining(["change"]));
  });

  test("title block: title lines, period and cut-off date, bold and merged across the table", () => {
    expect(ws.getCell(1, 1).value).toMatch(/^KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI/);
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(1, plan.layout.lastCol + 1).isMerged).toBe(true);
    expect(ws.getCell(3, 1).value).toBe("THÁNG 9 NĂM 2023");
    expect(ws.getCell(4, 1).value).toBe("(Thời gian chốt số liệu: Ngày 05/10/2023)");
  });

  test("header block has the seed's three levels of merged headers", () => {
    const { headerTop, headerBottom } = plan.layout;
    expect(headerBottom - headerTop).toBe(2);
    const top = ws.getRow(headerTop + 1);
    expect(top.getCell(1).value).toBe("STT");
    expect(top.getCell(2).value).toBe("Tên đơn vị");
    expect(top.getCell(3).value).toBe("Tiến độ, KQ giải quyết (30 điểm)");
    expect(top.getCell(4).value).toBe("Điểm các chỉ số");
    expect(top.getCell(11).value).toBe("Điểm được (80 điểm)");
    expect(top.getCell(12).value).toBe("Tổng điểm quy đổi");
    expect(top.getCell(13).value).toBe("Xếp loại");
    // STT, Tên đơn vị and the single columns span all three header rows.
    expect(ws.getCell(headerBottom + 1, 1).master.address).toBe("A" + (headerTop + 1));
    expect(ws.getCell(headerBottom + 1, 3).master.address).toBe("C" + (headerTop + 1));
    // "Điểm các chỉ số" spans the seven indicator columns D:J.
    expect(ws.getCell(headerTop + 1, 10).master.address).toBe("D" + (headerTop + 1));
    expect(ws.getCell(headerTop + 1, 11).master.address).toBe("K" + (headerTop + 1));
    const groupRow = ws.getRow(headerTop + 2);
    expect(groupRow.getCell(4).value).toBe("Nhóm cung cấp DVTT");
    expect(ws.getCell(headerTop + 2, 5).master.address).toBe("D" + (headerTop + 2));
    expect(groupRow.getCell(6).value).toBe("Nhóm số hoá hồ sơ");
    expect(groupRow.getCell(8).value).toBe("Nhóm mức độ hài lòng");
    expect(ws.getCell(headerTop + 2, 10).master.address).toBe("H" + (headerTop + 2));
    const leaves = [4, 5, 6, 7, 8, 9, 10].map((c) => ws.getCell(headerBottom + 1, c).value);
    expect(leaves).toEqual([
      "Chỉ số 1 (10 điểm)",
      "Chỉ số 2 (10 điểm)",
      "Chỉ số 1 (5 điểm)",
      "Chỉ số 2 (10 điểm)",
      "Chỉ số 1 (5 điểm)",
      "Chỉ số 2 (5 điểm)",
      "Chỉ số 3 (5 điểm)",
    ]);
  });

  test("rows in rank order with STT 1…12 and the seed's values", () => {
    const { dataTop } = plan.layout;
    const names = DIEN_BIEN_ROWS.map((r) => r[0]);
    for (let i = 0; i < 12; i++) {
      const row = ws.getRow(dataTop + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(names[i]);
      expect(row.getCell(colOf(plan, "total")).value).toBe(DIEN_BIEN_ROWS[i][9]);
      expect(row.getCell(colOf(plan, "converted")).value).toBe(DIEN_BIEN_ROWS[i][10]);
      expect(row.getCell(colOf(plan, "rating")).value).toBe(DIEN_BIEN_ROWS[i][11] === "TB" ? "Trung bình" : DIEN_BIEN_ROWS[i][11]);
      expect(row.getCell(colOf(plan, "dvtt2.points")).value).toBe(DIEN_BIEN_ROWS[i][3]);
    }
    // No ties: STT is the rank, so no separate rank column.
    expect(plan.columns.some((c) => c.field === "rank")).toBe(false);
  });

  test("common formatting, print setup and numeric cells", () => checkCommonFormatting(ws, plan));

  test("footnote states the bands on the converted scale and the tie rule", () => {
    const notes: string[] = [];
    ws.eachRow((row, r) => {
      if (r > plan.layout.footnoteTop) notes.push(String(row.getCell(1).value ?? ""));
    });
    const text = notes.join("\n");
    expect(text).toContain("Tốt: từ 80% đến dưới 90%");
    expect(text).toContain("Trung bình: từ 50% đến dưới 70%");
    expect(text).toContain("Tổng điểm quy đổi so với 10 điểm");
    expect(text).toContain("(1, 2, 2, 4)");
  });

  test("rating table counts 3 Tốt, 5 Khá, 4 TB, on the notes sheet", () => {
    const t = plan.notes?.ratingTable;
    expect(t).toBeTruthy();
    if (!t || !plan.notes) return;
    const notes = ws.workbook.getWorksheet(plan.notes.sheetName);
    expect(notes).toBeDefined();
    if (!notes) return;
    expect(notes.pageSetup.printTitlesRow).toBeUndefined();
    const counts: Record<string, unknown> = {};
    for (let r = t.top + 1; r <= t.bottom; r++) counts[String(notes.getCell(r + 1, t.left + 1).value)] = notes.getCell(r + 1, t.left + 2).value;
    expect(counts).toEqual({ "Xuất sắc": 0, "Tốt": 3, "Khá": 5, "Trung bình": 4, "Yếu": 0 });
  });
});

describe("appendix: Phú Tân, tháng 5 – tuần 01/2024", () => {
  const plan = planAppendix(phuTanResult(shuffled(19)), phuTanProfile, {
    title: "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG THỰC HIỆN TTHC, CUNG CẤP DỊCH VỤ CÔNG - THÁNG 5 (Tuần 01)",
    cutoffDate: "Ngày 06/5/2024",
    totalLabel: "Tháng 5 - Tuần 01",
    previousLabel: "Tháng 4",
  });
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await roundTrip(plan);
  });

  test("two header rows: ĐIỂM TỔNG HỢP over total, rating, last month, change; upper-case like the seed", () => {
    const { headerTop, headerBottom } = plan.layout;
    expect(headerBottom - headerTop).toBe(1);
    const top = ws.getRow(headerTop + 1);
    const sub = ws.getRow(headerBottom + 1);
    expect(top.getCell(2).value).toBe("ĐƠN VỊ");
    expect(top.getCell(3).value).toBe("ĐIỂM TỔNG HỢP");
    const summary = plan.columns.filter((c) => ["total", "rating", "rank", "previous", "change"].includes(c.field));
    expect(summary.map((c) => sub.getCell(c.col + 1).value)).toEqual(["THÁNG 5 - TUẦN 01", "XẾP LOẠI", "XẾP HẠNG", "THÁNG 4", "ĐIỂM (TĂNG/GIẢM)"]);
    expect(ws.getCell(headerTop + 1, summary[summary.length - 1].col + 1).master.address).toBe("C" + (headerTop + 1));
    expect(top.getCell(colOf(plan, "ck.ratio")).value).toBe("CÔNG KHAI, MINH BẠCH (%)");
    expect(top.getCell(colOf(plan, "dvctt.ratio")).value).toBe("DỊCH VỤ CÔNG TT");
    expect(sub.getCell(colOf(plan, "tttt.ratio")).value).toBe("THANH TOÁN TT");
    expect(top.getCell(colOf(plan, "sohoa.ratio")).value).toBe("SỐ HÓA HỒ SƠ (80%)");
  });

  test("TOÀN HUYỆN first without STT, then units by total; tied units share a rank", () => {
    const { dataTop, dataBottom } = plan.layout;
    expect(dataBottom - dataTop + 1).toBe(19);
    const names = PHU_TAN_ROWS.map((r) => r[0]);
    for (let i = 0; i < 19; i++) {
      const row = ws.getRow(dataTop + 1 + i);
      expect(row.getCell(2).value).toBe(names[i]);
      expect(row.getCell(1).value).toBe(i === 0 ? null : i);
      expect(row.getCell(colOf(plan, "change")).value).toBe(PHU_TAN_ROWS[i][4]);
    }
    expect(ws.getCell(dataTop + 1, 2).font?.bold).toBe(true);
    const rankCol = colOf(plan, "rank");
    expect(ws.getCell(dataTop + 4, rankCol).value).toBe(3);
    expect(ws.getCell(dataTop + 5, rankCol).value).toBe(3);
    expect(ws.getCell(dataTop + 6, rankCol).value).toBe(5);
  });

  test("the change column prints the method's 2 decimals in every row (5,80 and 0,15, never 5,8)", () => {
    const { dataTop, dataBottom } = plan.layout;
    const col = colOf(plan, "change");
    const formats = new Set<string>();
    for (let r = dataTop; r <= dataBottom; r++) formats.add(ws.getCell(r + 1, col).numFmt);
    expect(PHU_TAN_ROWS.some((row) => (String(row[4]).split(".")[1] ?? "").length < 2)).toBe(true);
    expect([...formats]).toEqual(["0.00"]);
  });

  test("underlined cells are exactly the seed's", () => {
    const { dataTop, dataBottom, lastCol } = plan.layout;
    const found: Record<string, string[]> = {};
    for (let r = dataTop; r <= dataBottom; r++) {
      for (let c = 0; c <= lastCol; c++) {
        if (isUnderlined(ws.getCell(r + 1, c + 1))) {
          const name = String(ws.getCell(r + 1, 2).value);
          (found[name] ??= []).push(plan.columns[c].field);
        }
      }
    }
    expect(found).toEqual(PHU_TAN_UNDERLINED);
  });

  test("common formatting, print setup and numeric cells", () => checkCommonFormatting(ws, plan));

  test("rerun replaces the appendix the tool wrote, but never a user's own sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    applyAppendixPlan(wb, plan);
    applyAppendixPlan(wb, plan);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", "Phụ lục xếp loại", "Nhận xét xếp loại"]);
    const own = new ExcelJS.Workbook();
    own.addWorksheet("Phụ lục xếp loại").getCell("A1").value = "của người dùng";
    const ws2 = applyAppendixPlan(own, plan);
    expect(ws2.name).toBe("Phụ lục xếp loại (2)");
    expect(own.getWorksheet("Phụ lục xếp loại")?.getCell("A1").value).toBe("của người dùng");
  });
});
