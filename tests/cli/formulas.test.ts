/**
 * A formula is the user's content (issue 14): `score` never replaces one without --overwrite
 * (exit 3 naming the cell and its formula), and `undo` after --overwrite puts every formula
 * back as the same formula, shared formulas included.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   exceljs cells are plain objects; these rules mistake getCell() for the Office.js proxy API. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli, exists, load, tmpDir } from "./helpers";

jest.setTimeout(60000);

const HEADERS = [
  "STT",
  "Tên đơn vị",
  "Công khai, minh bạch (18đ)",
  "Tiến độ, kết quả giải quyết (20đ)",
  "Dịch vụ công trực tuyến (12đ)",
  "Thanh toán trực tuyến (10đ)",
  "Mức độ hài lòng (18đ)",
  "Số hóa hồ sơ (22đ)",
  "Tổng điểm (100đ)",
  "Xếp loại",
];
const UNITS: [string, number[]][] = [
  ["Sở Tư pháp", [14.01, 12.29, 8.98, 9.93, 14.75, 16.3]],
  ["Sở Nội vụ", [16.71, 19.07, 5.89, 9.99, 10.18, 12.24]],
  ["Công an tỉnh", [17.93, 9.65, 7.93, 4.67, 8.81, 18.05]],
  ["Sở Y tế", [17.25, 17.91, 10.29, 4.85, 14.22, 15.9]],
  ["Sở Xây dựng", [16.5, 18, 11, 9, 16, 20]],
];
const RATING_FORMULA = (r: number) => `IF(I${r}>=90,"Xuất sắc",IF(I${r}>=80,"Tốt",IF(I${r}>=70,"Khá",IF(I${r}>=50,"Trung bình","Yếu"))))`;

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The table with SUM totals in column I (shared or one per cell, no cached result) and IF ratings in J. */
async function workbook(name: string, options: { shared?: boolean; ratings?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng");
  ws.addRow(HEADERS);
  UNITS.forEach(([unit, groups], i) => {
    const r = i + 2;
    ws.addRow([i + 1, unit, ...groups]);
    const last = UNITS.length + 1;
    if (!options.shared) ws.getCell(`I${r}`).value = { formula: `SUM(C${r}:H${r})` } as ExcelJS.CellFormulaValue;
    else if (i === 0) ws.getCell(`I${r}`).value = { formula: `SUM(C${r}:H${r})`, shareType: "shared", ref: `I2:I${last}` } as ExcelJS.CellFormulaValue;
    else ws.getCell(`I${r}`).value = { sharedFormula: "I2" } as ExcelJS.CellSharedFormulaValue;
    if (options.ratings) ws.getCell(`J${r}`).value = { formula: RATING_FORMULA(r) } as ExcelJS.CellFormulaValue;
  });
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Each cell's formula text (exceljs translates a shared formula for its cell), or its value. */
async function formulasIn(file: string, column: string): Promise<unknown[]> {
  const ws = (await load(file)).getWorksheet("Bảng")!;
  return UNITS.map((_, i) => {
    const cell = ws.getCell(`${column}${i + 2}`);
    return cell.formula ? `=${cell.formula}` : cell.value;
  });
}

test("a SUM without a cached result is not replaced silently: exit 3 names the cell and its formula", async () => {
  const input = await workbook("sum.xlsx");
  const out = path.join(dir, "sum-out.xlsx");
  const run = await cli("score", input, "--out", out);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain("'Bảng'!I2: đang có công thức =SUM(C2:H2), sẽ ghi 76,26");
  expect(run.stderr).toContain("--overwrite");
  expect(await exists(out)).toBe(false);
});

test("--overwrite replaces the formulas; undo gives back every formula exactly (SUM totals, IF ratings)", async () => {
  const input = await workbook("both.xlsx", { ratings: true });
  const out = path.join(dir, "both-out.xlsx");
  const undone = path.join(dir, "both-undo.xlsx");
  const before = { I: await formulasIn(input, "I"), J: await formulasIn(input, "J") };
  expect((await cli("score", input, "--out", out, "--overwrite")).code).toBe(0);
  expect(await formulasIn(out, "I")).toEqual([76.26, 74.08, 67.04, 80.42, 90.5]);
  const run = await cli("undo", out, "--out", undone);
  expect(run.code).toBe(0);
  expect(await formulasIn(undone, "I")).toEqual(before.I);
  expect(await formulasIn(undone, "J")).toEqual(before.J);
  expect(before.J[0]).toBe(`=${RATING_FORMULA(2)}`);
});

test("shared formulas: the file saves after --overwrite, and undo gives each cell its formula back", async () => {
  const input = await workbook("shared.xlsx", { shared: true });
  const before = await formulasIn(input, "I");
  expect(before).toEqual(UNITS.map((_, i) => `=SUM(C${i + 2}:H${i + 2})`));
  const out = path.join(dir, "shared-out.xlsx");
  const undone = path.join(dir, "shared-undo.xlsx");
  expect((await cli("score", input, "--out", out)).code).toBe(3);
  expect((await cli("score", input, "--out", out, "--overwrite")).code).toBe(0);
  expect(await formulasIn(out, "I")).toEqual([76.26, 74.08, 67.04, 80.42, 90.5]);
  expect((await cli("undo", out, "--out", undone)).code).toBe(0);
  expect(await formulasIn(undone, "I")).toEqual(before);
});

test("with --overwrite a formula already showing the planned value keeps its formula, and undo leaves it", async () => {
  const input = await workbook("kept.xlsx");
  // Cached results equal to the totals the tool computes: the formulas stay formulas.
  const wb = await load(input);
  const ws = wb.getWorksheet("Bảng")!;
  const totals = [76.26, 74.08, 67.04, 80.42, 90.5];
  totals.forEach((t, i) => (ws.getCell(`I${i + 2}`).value = { formula: `SUM(C${i + 2}:H${i + 2})`, result: t } as ExcelJS.CellFormulaValue));
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "kept-out.xlsx");
  const undone = path.join(dir, "kept-undo.xlsx");
  expect((await cli("score", input, "--out", out)).code).toBe(3);
  expect((await cli("score", input, "--out", out, "--overwrite")).code).toBe(0);
  const formulas = UNITS.map((_, i) => `=SUM(C${i + 2}:H${i + 2})`);
  expect(await formulasIn(out, "I")).toEqual(formulas);
  const run = await cli("undo", out, "--out", undone);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(await formulasIn(undone, "I")).toEqual(formulas);
});

test("a formula undo could not write back safely is not replaced, even with --overwrite", async () => {
  const input = await workbook("unsafe.xlsx");
  const wb = await load(input);
  wb.getWorksheet("Bảng")!.getCell("I3").value = { formula: 'WEBSERVICE("http://example.com/"&B3)' } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "unsafe-out.xlsx");
  const run = await cli("score", input, "--out", out, "--overwrite");
  expect(run.code).toBe(3);
  expect(run.stderr).toContain("'Bảng'!I3: =WEBSERVICE(");
  expect(await exists(out)).toBe(false);
});
