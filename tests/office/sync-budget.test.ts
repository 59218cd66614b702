/**
 * Issue #19's sync budgets on the fake host, counted (never timed): the national indicator
 * table (3,838 rows × 66 columns) reads and writes in at most 3 syncs, and at 20,000 rows the
 * write stays at 2 (the check of every target cell, then the write) with every request and
 * response under Excel on the web's 5 MB cap (the fake refuses larger ones, as Excel does).
 */
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter } from "../../src/adapters/office";
import { runScoring } from "../../src/pipeline";
import { mappingOf, stateAfterWrite } from "../../src/plan";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { benchTable, SHEET } from "../../bench/tables";

const CAP = 5 * 1024 * 1024;

async function readAndWrite(rows: number): Promise<{ read: number; write: number; largest: number }> {
  const table = benchTable("indicator", rows);
  const excel = new FakeExcel(FakeWorkbookModel.create([{ name: SHEET, values: table.values, merges: table.merges }]));
  const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const snapshot = await adapter.read();
  const read = excel.stats.syncs;
  const run = runScoring(snapshot.grid, { profiles: BUILTIN_PROFILES, state: snapshot.state });
  expect(run.plan.blocks.length).toBeGreaterThan(0);
  const report = await adapter.apply(run.plan, stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) }), { overwriteConflicts: true });
  expect(report.syncs).toBe(excel.stats.syncs - read);
  return { read, write: report.syncs, largest: Math.max(...excel.stats.requestBytes, ...excel.stats.responseBytes) };
}

describe("Office syncs at real sizes (fake host)", () => {
  test("3,838 rows of the indicator table: read 1 + write 2", async () => {
    const counts = await readAndWrite(3_838);
    expect(counts).toMatchObject({ read: 1, write: 2 });
    expect(counts.largest).toBeLessThan(CAP);
  }, 120_000);

  test("20,000 rows of the indicator table: the write is still 2 syncs, each under 5 MB", async () => {
    const counts = await readAndWrite(20_000);
    // The read needs 2 (its values alone are over 5 MB); the write's check answers in one.
    expect(counts).toMatchObject({ read: 2, write: 2 });
    expect(counts.largest).toBeLessThan(CAP);
  }, 300_000);
});
