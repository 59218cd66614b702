/**
 * The add-in's whole round trip on the fake Excel, with the real pipeline: read the Phú Tân
 * appendix, score it, write, rerun (nothing changes), undo (the sheet is back exactly).
 */
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter, FORMAT_ROWS } from "../../src/adapters/office";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { mappingOf, planUndo, stateAfterUndo, stateAfterWrite } from "../../src/plan";
import { PHU_TAN_SHEET, phuTanGrid } from "./phu-tan-grid";
import { visibleCells } from "./helpers";

async function scoreAndWrite(adapter: ReturnType<typeof createOfficeAdapter>) {
  const { grid, state } = await adapter.read();
  const run = runScoring(grid, { profiles: BUILTIN_PROFILES, state });
  const next = stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) });
  await adapter.apply(run.plan, next, { overwriteConflicts: false });
  return run;
}

/** Strip the published underlines, so the test sees the ones the tool sets. */
function bareAppendix() {
  const grid = phuTanGrid();
  return { ...grid, underlines: grid.underlines?.map((r) => r.map(() => false)) };
}

describe("Phú Tân round trip through the Office adapter", () => {
  test("scores, writes, reruns without change, and undoes exactly", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(bareAppendix()));
    const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
    const original = visibleCells(excel);

    const first = await scoreAndWrite(adapter);
    expect(first.profile.id).toBe("an-giang-tuan");
    expect(first.plan.blocks.length).toBeGreaterThan(0);
    const sheet = excel.model.sheet(PHU_TAN_SHEET)!;
    // PHÚ LONG (row 22): its total and rating are underlined as in the published appendix.
    expect(sheet.cell(21, 2).underline).toBe(true);
    expect(sheet.cell(21, 3).underline).toBe(true);
    expect(sheet.cell(21, 4).underline).toBe(false);
    // Every cell the appendix underlines is underlined after the run, and no other.
    const published = phuTanGrid().underlines!;
    for (let r = 3; r < published.length; r++) for (let c = 0; c < 13; c++) expect([r, c, sheet.cell(r, c).underline]).toEqual([r, c, published[r][c]]);

    const written = visibleCells(excel);
    const second = await scoreAndWrite(adapter);
    expect(second.plan.conflicts).toEqual([]);
    expect(visibleCells(excel)).toEqual(written);

    const { grid, state } = await adapter.read();
    const undo = planUndo(state!, grid);
    await adapter.apply(undo, stateAfterUndo(state!));
    expect(visibleCells(excel)).toEqual(original);
  });
});

describe("a table larger than the formats the read brings (Grid.partialFormats)", () => {
  test("undo still restores the number formats of written cells far below the sampled rows", async () => {
    const source = bareAppendix3000();
    // Formats the tool will overwrite, far below the rows whose formats the read brings.
    const custom = new Map<number, string>();
    for (let r = 2500; r < 2510; r++) custom.set(r, r % 2 === 0 ? "@" : "0.000");
    // Column F: TĂNG/GIẢM, written with the tool's own format. Its printed values agree with the
    // tool's and would be left as they are: blank, so that the tool writes every one.
    source.values = source.values.map((row, r) => (r >= 3 ? row.map((v, c) => (c === 5 ? null : v)) : row));
    source.numberFormats = source.numberFormats!.map((row, r) => (custom.has(r) ? row.map((f, c) => (c === 5 ? custom.get(r)! : f)) : row));
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(source));
    const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
    const original = visibleCells(excel);

    const { grid } = await adapter.read();
    expect(grid.partialFormats).toEqual({ fromRow: FORMAT_ROWS, columns: [] });
    expect(grid.numberFormats![2500][5]).toBeNull();

    const first = await scoreAndWrite(adapter);
    expect(first.plan.previous.some((s) => s.numberFormat === null)).toBe(true);
    const sheet = excel.model.sheet(PHU_TAN_SHEET)!;
    expect(sheet.cell(2500, 5).numberFormat).toBe("+0.00;-0.00;0.00");

    // The same plan once more: the cells no longer hold what it was made from, so it refuses
    // (its snapshots would record the tool's own formats) and writes nothing.
    const written = excel.model.snapshot();
    const again = stateAfterWrite(first.plan, { profile: first.profile, mapping: mappingOf(first.read.mapping) });
    await expect(adapter.apply(first.plan, again)).rejects.toThrow(/đã thay đổi sau lần đọc bảng \(ô Phụ lục 1!.*\): chưa ghi gì/);
    expect(excel.model.snapshot()).toEqual(written);

    const { grid: after, state } = await adapter.read();
    const stored = state!.lastRun!.previous.find((s) => s.address === "F2501");
    expect(stored?.numberFormat).toBe("@");
    expect(state!.lastRun!.previous.every((s) => s.numberFormat !== null)).toBe(true);
    await adapter.apply(planUndo(state!, after), stateAfterUndo(state!));
    expect(visibleCells(excel)).toEqual(original);
  }, 60_000);
});

function bareAppendix3000() {
  const grid = phuTanGrid(3000);
  return { ...grid, underlines: grid.underlines?.map((r) => r.map(() => false)) };
}
