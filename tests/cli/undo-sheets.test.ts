/**
 * Undo removes the sheets the run it undoes added (appendix, notes, score cards), and only
 * those; one the user edited since is kept unless --overwrite, like an edited cell.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readState } from "../../src/adapters/exceljs";
import { cli, EXAMPLES, load, tmpDir } from "./helpers";
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter } from "../../src/adapters/office";
import { removeAddedSheets } from "../../src/taskpane/added-sheets";
import { sheetFromWorksheet } from "../../playground/src/xlsx";

jest.setTimeout(60000);

const PHU_TAN = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");
let dir: string;
let scored: string;
let added: string[];
beforeAll(async () => {
  dir = await tmpDir();
  scored = path.join(dir, "bao-cao.xlsx");
  const r = await cli("score", PHU_TAN, "--out", scored, "--report", "--phieu-diem");
  expect(r.code).toBe(0);
  const wb = await load(scored);
  added = wb.worksheets.map((w) => w.name).filter((n) => !["Phụ lục 1", "Ghi chú", "chiso766_state"].includes(n));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("the run records the sheets it added; undo removes exactly those", async () => {
  expect(added).toEqual(expect.arrayContaining(["Phụ lục xếp loại", "Nhận xét xếp loại"]));
  expect(added.length).toBeGreaterThanOrEqual(3);
  const state = readState(await load(scored)).state!;
  expect(state.lastRun!.sheets!.map((s) => s.name).sort()).toEqual([...added].sort());
  const undone = path.join(dir, "hoan-tac.xlsx");
  const r = await cli("undo", scored, "--out", undone);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`Đã xóa các trang ${added.map((n) => `"${n}"`).join(", ")} do lần chấm đó thêm vào.`);
  const back = await load(undone);
  const original = await load(PHU_TAN);
  expect(back.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), "chiso766_state"]);
});

test("a sheet the user edited since the run stops undo (exit 3, nothing written); --overwrite removes it too", async () => {
  const wb = await load(scored);
  wb.getWorksheet("Nhận xét xếp loại")!.getCell("A1").value = "Ghi chú của tôi";
  const edited = path.join(dir, "da-sua.xlsx");
  await wb.xlsx.writeFile(edited);
  const out = path.join(dir, "da-sua-hoan-tac.xlsx");
  const refused = await cli("undo", edited, "--out", out);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain(`trang "Nhận xét xếp loại" do lần chấm thêm vào đã bị sửa sau lần chấm: không xóa.`);
  await expect(fs.access(out)).rejects.toThrow();
  const forced = await cli("undo", edited, "--out", out, "--overwrite");
  expect(forced.code).toBe(0);
  expect((await load(out)).getWorksheet("Nhận xét xếp loại")).toBeUndefined();
});

test("a sheet the run did not add stays, even one named like the tool's", async () => {
  const wb = await load(scored);
  wb.addWorksheet("Phụ lục xếp loại (cũ)").getCell("A1").value = "của người dùng";
  const withOwn = path.join(dir, "co-trang-rieng.xlsx");
  await wb.xlsx.writeFile(withOwn);
  const out = path.join(dir, "co-trang-rieng-hoan-tac.xlsx");
  expect((await cli("undo", withOwn, "--out", out)).code).toBe(0);
  expect((await load(out)).getWorksheet("Phụ lục xếp loại (cũ)")!.getCell("A1").value).toBe("của người dùng");
});

/** The CLI's output as the pane sees it in Excel: the playground's reading of the .xlsx, behind the Office adapter. */
async function openedInPane(file: string) {
  const wb = await load(file);
  const sheets: ReturnType<typeof sheetFromWorksheet>[] = [];
  wb.eachSheet((ws) => sheets.push(sheetFromWorksheet(ws)));
  const excel = new FakeExcel(FakeWorkbookModel.create(sheets));
  return { excel, adapter: createOfficeAdapter({ run: excel.run, mergedAreas: true }), state: readState(wb).state! };
}

test("the pane's Hoàn tác on the CLI's output sees the sheets the run added as it left them, and removes them", async () => {
  const { excel, adapter, state } = await openedInPane(scored);
  const said = await removeAddedSheets(adapter, state.lastRun!.sheets!);
  expect(said).toEqual({ text: `Đã xóa các trang ${state.lastRun!.sheets!.map((s) => `"${s.name}"`).join(", ")} lập sau lần ghi đó.`, leftToUser: false });
  for (const name of added) expect(excel.model.sheet(name)).toBeNull();
});

test("… and keeps one edited since, in the pane as in the CLI", async () => {
  const { excel, adapter, state } = await openedInPane(scored);
  excel.model.userEdit("Nhận xét xếp loại", "A1", "Ghi chú của tôi");
  const said = await removeAddedSheets(adapter, state.lastRun!.sheets!);
  expect(said.text).toContain(`Giữ trang "Nhận xét xếp loại" vì đã được sửa sau khi lập`);
  expect(said.leftToUser).toBe(true);
  expect(excel.model.sheet("Nhận xét xếp loại")).not.toBeNull();
  expect(excel.model.sheet("Phụ lục xếp loại")).toBeNull();
});
