/**
 * A column the run adds looks like the table's last column (the fake host records each copied
 * look as the cells' style token), its header spans the two header rows, and undo takes the
 * look and the merge away with the values.
 */
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter } from "../../src/adapters/office";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { mappingOf, planUndo, stateAfterUndo, stateAfterWrite } from "../../src/plan";
import { PHU_TAN_SHEET, phuTanGrid } from "./phu-tan-grid";
import { visibleCells } from "./helpers";

/** Phú Tân's appendix with a look on its last column M: a group header, a sub-header, bordered body cells. */
function styledAppendix(units?: number) {
  const grid = phuTanGrid(units);
  const excel = new FakeExcel(FakeWorkbookModel.fromGrid({ ...grid, underlines: grid.underlines?.map((r) => r.map(() => false)) }));
  const sheet = excel.model.sheet(PHU_TAN_SHEET)!;
  sheet.update(1, 10, { style: "group-header" });
  sheet.update(2, 12, { style: "sub-header" });
  for (let r = 3; r < grid.values.length; r++) sheet.update(r, 12, { style: r === 3 ? "total-row" : "body", underline: r === 5 });
  return { excel, rows: grid.values.length };
}

async function scoreAndWrite(excel: FakeExcel) {
  const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const { grid, state } = await adapter.read();
  const run = runScoring(grid, { profiles: BUILTIN_PROFILES, state });
  await adapter.apply(run.plan, stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) }));
  return { adapter, run, copies: run.plan.styles?.copies.length ?? 0 };
}

describe("an added column takes its left neighbour's look (Office adapter)", () => {
  test("header and data cells copy column M's look; the header spans both header rows; undo clears it", async () => {
    const { excel, rows } = styledAppendix();
    const original = visibleCells(excel);
    const { adapter, run } = await scoreAndWrite(excel);
    const added = run.plan.columns.filter((c) => c.added);
    expect(added.map((c) => c.letter)).toEqual(["N"]);
    const sheet = excel.model.sheet(PHU_TAN_SHEET)!;
    const n = 13;
    // M's header cell in row 2 is merged across K:M: the sub-header below gives the look.
    expect([sheet.cell(1, n).style, sheet.cell(2, n).style]).toEqual(["sub-header", "sub-header"]);
    expect(sheet.merges).toContainEqual({ top: 1, left: n, bottom: 2, right: n });
    expect(sheet.cell(3, n).style).toBe("total-row");
    for (let r = 4; r < rows; r++) expect([r, sheet.cell(r, n).style]).toEqual([r, "body"]);
    // The neighbour's underline (row 6) is a flag of its own, not copied; the tool's format is on top.
    expect(sheet.cell(5, n).underline).toBe(false);
    expect(sheet.cell(4, n).numberFormat).toBe("0");
    expect(sheet.cell(rows, n).style).toBeUndefined();

    const { grid, state } = await adapter.read();
    expect(state!.lastRun!.styled!.merges).toEqual(["N2:N3"]);
    await adapter.apply(planUndo(state!, grid), stateAfterUndo(state!));
    expect(visibleCells(excel)).toEqual(original);
    expect(sheet.merges.some((m) => m.left === n)).toBe(false);
  });

  test("a rerun keeps the look (nothing re-copied) and undo after it still clears it", async () => {
    const { excel } = styledAppendix();
    const original = visibleCells(excel);
    await scoreAndWrite(excel);
    const written = visibleCells(excel);
    const { adapter, run } = await scoreAndWrite(excel);
    expect(run.plan.styles).toBeUndefined();
    expect(visibleCells(excel)).toEqual(written);
    const { grid, state } = await adapter.read();
    await adapter.apply(planUndo(state!, grid), stateAfterUndo(state!));
    expect(visibleCells(excel)).toEqual(original);
  });

  test("the copies do not grow with the rows", async () => {
    const small = await scoreAndWrite(styledAppendix().excel);
    const large = await scoreAndWrite(styledAppendix(1000).excel);
    expect(small.copies).toBeGreaterThan(0);
    expect(large.copies).toBe(small.copies);
  });
});
