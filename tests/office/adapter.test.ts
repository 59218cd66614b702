import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter, EXTRA_COLUMNS_FOR_TESTS } from "./adapter-exports";
import { a1, columnLetters, parseA1 } from "../../src/model/grid";
import { SheetChangedError } from "../../src/adapters/office/adapter";
import { STATE_SHEET, type WorkbookState } from "../../src/model/plan";
import { planUndo, stateAfterUndo, stateAfterWrite, blockCells } from "../../src/plan";
import { parseRangeA1, type Grid } from "../../src/model/grid";
import { fakeFor, outputPlan, visibleCells } from "./helpers";
import { PHU_TAN_MERGES, PHU_TAN_SHEET, phuTanGrid } from "./phu-tan-grid";

const stateFor = (plan: ReturnType<typeof outputPlan>): WorkbookState =>
  stateAfterWrite(plan, { profile: { id: "an-giang-tuan" }, mapping: { C: "total", D: "rating" }, at: new Date("2024-05-06T04:00:00Z") });

function trimmed(grid: Grid): Grid {
  // The adapter reads EXTRA_COLUMNS blank columns right of the table; drop them to compare.
  const width = grid.values[0].length - EXTRA_COLUMNS_FOR_TESTS;
  return {
    ...grid,
    values: grid.values.map((r) => r.slice(0, width)),
    numberFormats: grid.numberFormats?.map((r) => r.slice(0, width)),
    underlines: grid.underlines?.map((r) => r.slice(0, width)),
  };
}

describe("Office adapter: read", () => {
  test("reads values, number formats, underlines and merged areas of the Phú Tân appendix", async () => {
    const source = phuTanGrid();
    const { excel, adapter } = fakeFor(source);
    const snapshot = await adapter.read();
    // Two syncs: the published appendix underlines some cells of its score columns, so those
    // columns answer the underline probe with null (mixed) and fetch per-cell underlines.
    expect(excel.stats.syncs).toBe(2);
    expect(snapshot.syncs).toBe(2);
    expect(snapshot.state).toBeNull();
    // The table (A:M) and EXTRA_COLUMNS blank columns right of it.
    expect(snapshot.address).toBe(`'${PHU_TAN_SHEET}'!A1:${columnLetters(12 + EXTRA_COLUMNS_FOR_TESTS)}22`);
    const grid = trimmed(snapshot.grid);
    expect(grid.sheet).toBe(PHU_TAN_SHEET);
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values).toEqual(source.values);
    expect(grid.numberFormats).toEqual(source.numberFormats);
    expect(grid.underlines).toEqual(source.underlines);
    expect(grid.merges).toEqual(PHU_TAN_MERGES);
    // The blank columns read beyond the table are blank and unformatted.
    expect(snapshot.grid.values[5].slice(13)).toEqual(Array(EXTRA_COLUMNS_FOR_TESTS).fill(null));
    // PHÚ LONG's total and rating are underlined in the published appendix.
    expect(grid.underlines?.[21].slice(2, 4)).toEqual([true, true]);
  });

  test("a table without mixed underlines is read in one sync, with the state sheet and merged areas", async () => {
    const source = { ...phuTanGrid(), underlines: phuTanGrid().underlines!.map((r) => r.map(() => false)) };
    const { excel, adapter } = fakeFor(source);
    const plan = { ...outputPlan(source), underline: { set: [], clear: [] } };
    await adapter.apply(plan, stateFor(plan));
    // The write underlined nothing, so every column is still uniform.
    excel.resetStats();
    const snapshot = await adapter.read();
    expect(excel.stats.syncs).toBe(1);
    expect(snapshot.state).not.toBeNull();
    expect(snapshot.grid.merges).toEqual(PHU_TAN_MERGES);
    expect(trimmed(snapshot.grid).values).toEqual(excel.model.sheetGrid(PHU_TAN_SHEET)!.values);
  });

  test("without ExcelApi 1.13 it reads no merged areas and makes no extra sync", async () => {
    const { excel, adapter } = fakeFor(phuTanGrid(), { excelApiVersion: "1.9" });
    const snapshot = await adapter.read();
    expect(excel.stats.syncs).toBe(2); // as with merged areas: one, plus one for the mixed underline columns
    expect(snapshot.grid.merges).toBeUndefined();
    expect(trimmed(snapshot.grid).values).toEqual(phuTanGrid().values);
  });

  test("reads the selection when asked", async () => {
    const { excel, adapter } = fakeFor(phuTanGrid());
    excel.model.selection = parseRangeA1("B4:C6")!;
    const snapshot = await adapter.read({ selection: true });
    expect(snapshot.grid.origin).toEqual({ row: 3, col: 1 });
    expect(snapshot.grid.values.map((r) => r.slice(0, 2))).toEqual([
      ["TOÀN HUYỆN", 86.59],
      ["PHÚ HÙNG", 89.21],
      ["PHÚ BÌNH", 89.12],
    ]);
  });

  test("a selection of whole columns is clipped to the used range (not a million blank rows)", async () => {
    const source = phuTanGrid();
    const { excel, adapter } = fakeFor(source);
    excel.model.selection = { top: 0, left: 1, bottom: 1_048_575, right: 2 };
    const snapshot = await adapter.read({ selection: true });
    expect(snapshot.grid.origin).toEqual({ row: 0, col: 1 });
    expect(snapshot.grid.values.length).toBe(source.values.length);
    expect(snapshot.grid.values.map((r) => r[0])).toEqual(source.values.map((r) => r[1]));
    expect(snapshot.syncs).toBe(excel.stats.syncs);
    // A selection outside the data is a clear error.
    excel.model.selection = { top: 500, left: 30, bottom: 600, right: 31 };
    await expect(adapter.read({ selection: true })).rejects.toThrow("Vùng đang chọn không có dữ liệu.");
  });

  test("an empty sheet is a clear Vietnamese error", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.create([{ name: "Trống", values: [] }]));
    const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
    await expect(adapter.read()).rejects.toThrow("Trang tính Trống chưa có dữ liệu");
  });
});

describe("Office adapter: apply", () => {
  test("writes exactly the write plan, and the state in a very hidden sheet", async () => {
    const source = phuTanGrid();
    const { excel, adapter } = fakeFor(source);
    const before = visibleCells(excel);
    const plan = outputPlan(source);
    const state = stateFor(plan);
    const report = await adapter.apply(plan, state);
    // Check read, then write: column C's underlines are mixed, but as the plan expects (its
    // underlined and plain cells each probe uniform), so no per-cell underlines are read.
    expect(report.syncs).toBe(2);
    expect(excel.stats.syncs).toBe(2);
    expect(excel.model.calculationSuspensions).toBe(1);

    const sheet = excel.model.sheet(PHU_TAN_SHEET)!;
    const planned = new Map(blockCells(plan.blocks).map((c) => [`${c.row},${c.col}`, c]));
    const underlined = new Set<string>();
    const cleared = new Set<string>();
    for (const [list, into] of [
      [plan.underline.set, underlined],
      [plan.underline.clear, cleared],
    ] as const) {
      for (const a of list) {
        const r = parseRangeA1(a)!;
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) into.add(`${row},${col}`);
      }
    }
    expect(underlined.size).toBeGreaterThan(0);
    expect(cleared.size).toBeGreaterThan(0);
    // Planned cells hold the planned value and format.
    for (const [key, c] of planned) {
      const [row, col] = key.split(",").map(Number);
      const cell = sheet.cell(row, col);
      expect(cell.value).toBe(c.value ?? "");
      expect(cell.numberFormat).toBe(c.numberFormat ?? "General");
    }
    // Every other cell is as it was, apart from the planned underline changes.
    const after = visibleCells(excel);
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const rc = key.slice(key.indexOf("!") + 1);
      if (planned.has(rc)) continue;
      const expected = before[key] ? { ...before[key] } : { value: "", numberFormat: "General", underline: false };
      if (underlined.has(rc)) expected.underline = true;
      if (cleared.has(rc)) expected.underline = false;
      expect([key, after[key] ?? { value: "", numberFormat: "General", underline: false }]).toEqual([key, expected]);
    }
    for (const rc of underlined) expect(sheet.cell(...(rc.split(",").map(Number) as [number, number])).underline).toBe(true);

    const stateSheet = excel.model.sheet(STATE_SHEET)!;
    expect(stateSheet.visibility).toBe("VeryHidden");
    const reread = await adapter.read();
    expect(reread.state).toEqual(state);
  });

  test("the number of syncs is the same for 10, 1,000 and 10,000 rows, and each request stays under 5 MB", async () => {
    const syncs: number[] = [];
    for (const units of [10, 1000, 10000]) {
      const source = phuTanGrid(units);
      const excel = new FakeExcel(FakeWorkbookModel.fromGrid(source), { responseLimitBytes: Infinity });
      const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
      const plan = outputPlan(source);
      const report = await adapter.apply(plan, stateFor(plan));
      syncs.push(excel.stats.syncs);
      expect(report.requests).toBe(1);
      expect(Math.max(...excel.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
      // Values go as 2-D arrays per block: the queued commands do not grow with the rows.
      if (units === 10000) expect(excel.stats.queuedOps).toBeLessThan(200);
      expect(excel.model.sheet(PHU_TAN_SHEET)!.cell(3 + units, 14).value).toBe(units);
    }
    expect(syncs).toEqual([2, 2, 2]);
  });

  test("underline address lists longer than 8,192 characters are cut into several RangeAreas", async () => {
    const source = phuTanGrid(10000);
    const { excel, adapter } = fakeFor(source, { responseLimitBytes: Infinity });
    const plan = outputPlan(source);
    expect(plan.underline.set.join(",").length).toBeGreaterThan(8192); // the fake rejects longer strings
    await adapter.apply(plan, stateFor(plan));
    expect(excel.model.sheet(PHU_TAN_SHEET)!.cell(3 + 3 + 7 * 400, 2).underline).toBe(true);
  });

  test("undo restores every touched cell exactly, after the pane was closed (state read back from the workbook)", async () => {
    const source = phuTanGrid();
    const { excel, adapter } = fakeFor(source);
    const original = visibleCells(excel);
    // The plan's snapshots come from what the adapter read (with the blank columns beyond the table).
    const plan = outputPlan((await adapter.read()).grid, source.values[0].length);
    await adapter.apply(plan, stateFor(plan));
    expect(visibleCells(excel)).not.toEqual(original);

    // A new adapter instance: nothing kept in memory.
    const reopened = createOfficeAdapter({ run: excel.run, mergedAreas: true });
    const { grid, state } = await reopened.read();
    expect(state?.lastRun).not.toBeNull();
    const undo = planUndo(state!, grid);
    expect(undo.conflicts).toEqual([]);
    await reopened.apply(undo, stateAfterUndo(state!));
    expect(visibleCells(excel)).toEqual(original);
    const after = await reopened.read();
    expect(after.state).toEqual({ ...state, lastRun: null });
  });

  test("applying the same plan again is refused (the sheet is no longer what it was computed from) and changes nothing", async () => {
    const source = phuTanGrid();
    const { excel, adapter } = fakeFor(source);
    const plan = outputPlan(source);
    await adapter.apply(plan, stateFor(plan));
    const once = excel.model.snapshot();
    await expect(adapter.apply(plan, stateFor(plan))).rejects.toBeInstanceOf(SheetChangedError);
    expect(excel.model.snapshot()).toEqual(once);
  });

  test("the write's first request re-reads every target cell: a value, format or formula changed since the read stops it", async () => {
    const source = phuTanGrid();
    const plan = outputPlan(source);
    const target = plan.blocks[plan.blocks.length - 1];
    const { row, col } = { row: target.row, col: target.col };
    for (const change of [{ value: "gõ tay" }, { numberFormat: "0.000" }, { formula: "=1+1" }]) {
      const { excel, adapter } = fakeFor(source);
      excel.beforeSync.push((model) => model.sheet(plan.sheet)!.update(row, col, change));
      const before = excel.model.snapshot();
      const error = await adapter.apply(plan, stateFor(plan)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SheetChangedError);
      const after = excel.model.snapshot();
      // Only the user's own change: nothing half-written, no state sheet.
      expect(Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))).toEqual([`${plan.sheet}!${row},${col}`]);
      if ("formula" in change) expect((error as SheetChangedError).formulas).toEqual({ [a1(row, col)]: "=1+1" });
      else expect((error as SheetChangedError).changed.map((c) => c.address)).toEqual([a1(row, col)]);
    }
  });

  test("an underline changed since the read in a column of mixed underlines stops the write", async () => {
    const source = phuTanGrid();
    const plan = outputPlan(source);
    // Column C (index 2) holds the published appendix's underlines: some cells on, some off.
    const target = plan.previous.find((s) => s.address.startsWith("C") && s.underline)!;
    const other = plan.previous.find((s) => s.address.startsWith("C") && !s.underline)!;
    for (const [snapshot, underline] of [[target, false], [other, true]] as const) {
      const { excel, adapter } = fakeFor(source);
      const { row, col } = parseA1(snapshot.address)!;
      excel.beforeSync.push((model) => model.sheet(plan.sheet)!.update(row, col, { underline }));
      const error = await adapter.apply(plan, stateFor(plan)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SheetChangedError);
      expect((error as SheetChangedError).changed).toEqual([expect.objectContaining({ address: snapshot.address, what: "underline" })]);
      expect(excel.model.sheet(STATE_SHEET)).toBeNull();
    }
  });

  test("conflicts are refused unless the user agreed, and Excel errors reach the caller", async () => {
    const source = phuTanGrid();
    const { adapter } = fakeFor(source);
    const plan = { ...outputPlan(source), conflicts: [{ address: "N4", current: "x", planned: "Tốt" }] };
    await expect(adapter.apply(plan, stateFor(plan))).rejects.toThrow("xác nhận ghi đè");
    await expect(adapter.apply(plan, stateFor(plan), { overwriteConflicts: true })).resolves.toMatchObject({ syncs: 2 });
    const missing = { ...outputPlan(source), sheet: "Không có" };
    await expect(adapter.apply(missing, stateFor(missing))).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("Office adapter: selectCell", () => {
  test("selects the cell a problem names, on its sheet, in one sync", async () => {
    const { excel, adapter } = fakeFor(phuTanGrid());
    excel.model.addSheet("Khác");
    excel.model.activeSheet = "Khác";
    await adapter.selectCell(`'${PHU_TAN_SHEET}'!D7`);
    expect(excel.stats.syncs).toBe(1);
    expect(excel.model.activeSheet).toBe(PHU_TAN_SHEET);
    expect(excel.model.selection).toEqual(parseRangeA1("D7"));
  });
});

describe("fake workbook model", () => {
  test("sheetGrid gives back the grid it was built from", () => {
    const source = phuTanGrid();
    expect(FakeWorkbookModel.fromGrid(source).sheetGrid(PHU_TAN_SHEET)).toEqual(source);
  });

  test("reading a property before load and sync throws PropertyNotLoaded, like Excel", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(phuTanGrid()));
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(PHU_TAN_SHEET).getRange("A1:B2");
      // Reading too early on purpose: the fake must refuse, as Excel does.
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      await context.sync();
      expect(range.values[1][0]).toBe("STT");
    });
    expect(excel.stats.syncs).toBe(1);
  });
});
