/** The method sheet on the command line: profiles sheet writes it, score reads it, mistakes name their cells. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { readState } from "../../src/adapters/exceljs";
import { cli, EXAMPLES, exists, load, tmpDir } from "./helpers";

jest.setTimeout(60000);

const DIEN_BIEN = path.join(EXAMPLES, "dien-bien-2023-09.xlsx");
const SHEET = "Phương pháp chấm điểm";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The row (1-based) whose cell in column `col` (1-based) holds `text`. */
function rowOf(ws: ExcelJS.Worksheet, col: number, text: string, after = 0): number {
  for (let r = after + 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`no ${text}`);
}

async function withMethodSheet(name: string): Promise<string> {
  const file = path.join(dir, name);
  const r = await cli("profiles", "sheet", "dien-bien-2023", "--vao", DIEN_BIEN, "--out", file);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`Đã ghi trang "${SHEET}" (phương pháp "Điện Biên 2023`);
  return file;
}

test("profiles sheet adds the method to a copy of the table's workbook; the table is left as it was", async () => {
  const file = await withMethodSheet("them.xlsx");
  const wb = await load(file);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual([...(await load(DIEN_BIEN)).worksheets.map((ws) => ws.name), SHEET]);
  const ws = wb.getWorksheet(SHEET)!;
  expect(ws.state).toBe("visible");
  expect(ws.getCell(rowOf(ws, 1, "Tên phương pháp"), 2).value).toBe("Điện Biên 2023 — 8 chỉ số, 80 điểm, quy đổi thang 10");
  expect(ws.pageSetup.orientation).toBe("landscape");
  // Running it again on a workbook that has the sheet would lose the user's edits: refused.
  const again = await cli("profiles", "sheet", "qd766", "--vao", file, "--out", path.join(dir, "lan-hai.xlsx"));
  expect(again.code).toBe(2);
  expect(again.stderr).toContain(`đã có trang "${SHEET}"`);
  expect(await exists(path.join(dir, "lan-hai.xlsx"))).toBe(false);
});

test("score uses the sheet as the method and says so; an edited band changes the ratings", async () => {
  const file = await withMethodSheet("sua.xlsx");
  const wb = await load(file);
  const ws = wb.getWorksheet(SHEET)!;
  const tot = rowOf(ws, 2, "Tốt");
  ws.getCell(tot, 1).value = "85,5"; // from 85.5 % of the converted maximum instead of 80 %
  ws.getCell(tot, 2).value = "Rất tốt";
  ws.getCell(rowOf(ws, 1, "Phiên bản"), 2).value = "2023.2";
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, "sua-kq.xlsx");
  const r = await cli("score", file, "--out", out);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`phiên bản 2023.2`);
  expect(r.stdout).toContain(`Theo trang "${SHEET}" trong tệp`);
  // Him Lam 8,95 / 10 is "Rất tốt"; Nam Thanh 8,53 (Tốt from 80 %) is now "Khá".
  expect(r.stdout).toMatch(/UBND phường Him Lam +71,60 +8,95 +Rất tốt/);
  expect(r.stdout).toMatch(/UBND phường Nam Thanh +68,20 +8,53 +Khá/);
  const scored = await load(out);
  expect(readState(scored).state?.profile).toMatchObject({ version: "2023.2" });
  expect(scored.getWorksheet(SHEET)).toBeDefined();

  // --profile wins over the sheet.
  const chosen = await cli("score", file, "--profile", "dien-bien-2023", "--out", path.join(dir, "theo-tham-so.xlsx"));
  expect(chosen.code).toBe(0);
  expect(chosen.stdout).toContain("Theo tham số --profile.");
  expect(chosen.stdout).toContain("phiên bản 2023,");
});

test("a broken sheet stops score with exit 2, each mistake at its cell, nothing written", async () => {
  const file = await withMethodSheet("hong.xlsx");
  const wb = await load(file);
  const ws = wb.getWorksheet(SHEET)!;
  const ind = rowOf(ws, 1, "dvtt2", rowOf(ws, 1, "Mã chỉ số"));
  ws.getCell(ind, 4).value = "mười";
  const band = rowOf(ws, 2, "Khá");
  ws.getCell(band, 1).value = 170;
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, "hong-kq.xlsx");
  const r = await cli("score", file, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(`'${SHEET}'!D${ind}: "mười" không phải là số`);
  expect(r.stderr).toContain(`'${SHEET}'!A${band}: phải là số từ 0 đến 100`);
  expect(r.stderr).toContain("Không ghi tệp nào.");
  expect(await exists(out)).toBe(false);

  const check = await cli("profiles", "check", file);
  expect(check.code).toBe(2);
  expect(check.stderr).toContain(`'${SHEET}'!D${ind}: "mười" không phải là số`);
});

test("a method workbook on its own: profiles sheet ID, then score --profile FILE.xlsx", async () => {
  const method = path.join(dir, "phuong-phap.xlsx");
  const r = await cli("profiles", "sheet", "dien-bien-2023", "--out", method);
  expect(r.code).toBe(0);
  expect((await load(method)).worksheets.map((ws) => ws.name)).toEqual([SHEET]);
  const scored = await cli("score", DIEN_BIEN, "--profile", method, "--out", path.join(dir, "rieng-kq.xlsx"));
  expect(scored.stderr).toBe("");
  expect(scored.code).toBe(0);
  expect(scored.stdout).toContain("Phương pháp chấm điểm: dien-bien-2023");
  // A second run would replace the user's edited method: refused without --ghi-de-tep.
  const again = await cli("profiles", "sheet", "qd766", "--out", method);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain("không ghi đè");
});
