/** The method sheet through the Office.js adapter (fake Excel): one sync to write, one to read, the same method back. */
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createMethodSheetAdapter } from "../../src/adapters/office/method-sheet";
import { METHOD_SHEET } from "../../src/model/profile";
import { getProfile } from "../../src/profiles";
import { methodToSheet, sheetToMethod } from "../../src/profiles/sheet";
import { readSheetMethod, writeSheetMethod } from "../../src/taskpane/method-sheet";
import type { Grid } from "../../src/model/grid";
import { PHU_TAN_SHEET, phuTanGrid } from "./phu-tan-grid";

/** The sheet reader as the pane's scoring worker runs it. */
const read = async (grid: Grid) => sheetToMethod(grid);

function workbook() {
  const excel = new FakeExcel(FakeWorkbookModel.fromGrid(phuTanGrid()));
  return { excel, adapter: createMethodSheetAdapter(excel.run) };
}

test("no method sheet: read says so in one sync", async () => {
  const { excel, adapter } = workbook();
  expect(await adapter.readMethodSheet()).toBeNull();
  expect(excel.stats.syncs).toBe(1);
});

test.each(["qd766", "an-giang-tuan", "dien-bien-2023"])("%s written in one sync and read back in one is the same method", async (id) => {
  const { excel, adapter } = workbook();
  const profile = getProfile(id)!;
  await adapter.writeMethodSheet(methodToSheet(profile), { replace: false });
  expect(excel.stats.syncs).toBe(1);
  expect(excel.model.sheets.map((s) => s.name)).toEqual([PHU_TAN_SHEET, METHOD_SHEET]);
  expect(excel.model.activeSheet).toBe(METHOD_SHEET);
  // Text cells are text: an indicator id stays "1.1", a label stays a label.
  const sheet = excel.model.sheet(METHOD_SHEET)!;
  expect(sheet.cell(0, 0).value).toBe("PHƯƠNG PHÁP CHẤM ĐIỂM");
  excel.resetStats();
  const grid = await adapter.readMethodSheet();
  expect(excel.stats.syncs).toBe(1);
  const reading = sheetToMethod(grid!);
  expect(reading.problems).toBeUndefined();
  expect(reading.profile).toEqual(profile);
});

test("the pane's write leaves an identical sheet alone, asks before replacing an edited one, and reads mistakes at their cells", async () => {
  const { excel, adapter } = workbook();
  const qd766 = getProfile("qd766")!;
  expect(await writeSheetMethod(adapter, read, qd766, false)).toBe("written");
  expect(await writeSheetMethod(adapter, read, qd766, false)).toBe("same");
  // The user edits a band: the sheet is theirs now.
  const sheet = excel.model.sheet(METHOD_SHEET)!;
  let row = 0;
  while (sheet.cell(row, 1).value !== "Khá") row++;
  sheet.update(row, 0, { value: "mười" });
  const broken = await readSheetMethod(adapter, read);
  expect(broken.profile).toBeNull();
  expect(broken.problems.map((p) => `${p.cell}: ${p.message}`)).toEqual([`'${METHOD_SHEET}'!A${row + 1}: "mười" không phải là số`]);
  expect(await writeSheetMethod(adapter, read, getProfile("dien-bien-2023")!, false)).toBe("ask");
  expect(sheet.cell(row, 0).value).toBe("mười");
  expect(await writeSheetMethod(adapter, read, getProfile("dien-bien-2023")!, true)).toBe("written");
  expect((await readSheetMethod(adapter, read)).profile?.id).toBe("dien-bien-2023");
});
