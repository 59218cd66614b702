/**
 * Each example workbook (examples/*.xlsx), loaded into the fake Excel, read by the Office
 * adapter in one sync, scored, written, rerun without change and undone exactly.
 */
import * as fs from "fs";
import * as path from "path";
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter } from "../../src/adapters/office";
import { gridFromWorksheet, loadWorkbook, pickSheet } from "../../src/adapters/exceljs";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { mappingOf, planUndo, stateAfterUndo, stateAfterWrite } from "../../src/plan";
import { visibleCells } from "./helpers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const files = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")) : [];

describe.each(files)("example %s through the Office adapter", (file) => {
  test("read in one sync, write, rerun changes nothing, undo restores every cell", async () => {
    const { workbook } = await loadWorkbook(path.join(EXAMPLES, file));
    const source = gridFromWorksheet(pickSheet(workbook));
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(source));
    const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
    const original = visibleCells(excel);

    const first = await adapter.read();
    expect(excel.stats.syncs).toBe(1);
    expect(first.grid.values.slice(0, source.values.length).map((r) => r.slice(0, source.values[0].length))).toEqual(
      source.values.map((r) => r.map((v) => (v === "" ? null : v))),
    );
    const run = runScoring(first.grid, { profiles: BUILTIN_PROFILES, state: first.state });
    await adapter.apply(run.plan, stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) }), { overwriteConflicts: true });
    const written = visibleCells(excel);

    const again = await adapter.read();
    const rerun = runScoring(again.grid, { profiles: BUILTIN_PROFILES, state: again.state });
    expect(rerun.plan.conflicts).toEqual([]); // its own cells are recognised
    await adapter.apply(rerun.plan, stateAfterWrite(rerun.plan, { profile: rerun.profile, mapping: mappingOf(rerun.read.mapping) }), { overwriteConflicts: true });
    expect(visibleCells(excel)).toEqual(written);

    const last = await adapter.read();
    await adapter.apply(planUndo(last.state!, last.grid), stateAfterUndo(last.state!), { overwriteConflicts: true });
    expect(visibleCells(excel)).toEqual(original);
  });
});
