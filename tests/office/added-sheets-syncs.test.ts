/**
 * Recording the sheets "Lập phụ lục" adds, and checking them at "Hoàn tác", on the fake host:
 * counted syncs (never timed). The stored state is read without the table's cells, and every
 * added sheet in one batch, so a national list and many sheets cost the same few requests.
 */
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter, type WorkbookAdapter } from "../../src/adapters/office";
import { estimateBytes } from "../../src/adapters/office/batch";
import { runScoring } from "../../src/pipeline";
import { mappingOf, stateAfterWrite } from "../../src/plan";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { recordAddedSheets, removeAddedSheets } from "../../src/taskpane/added-sheets";
import { benchTable, SHEET } from "../../bench/tables";
import type { CellValue } from "../../src/model/grid";

/** An appendix-like sheet: a title, a header and `rows` rows that differ by sheet and row. */
function appendix(k: number, rows: number): CellValue[][] {
  return [[`Phụ lục ${k}`, null, null], ["STT", "Đơn vị", "Điểm"], ...Array.from({ length: rows }, (_, i) => [i + 1, `Xã ${k}-${i}`, (i * 7 + k) % 100])];
}

/** A workbook with the indicator table written (state stored), and `added` appendix sheets. */
async function written(rows: number, added: number): Promise<{ excel: FakeExcel; adapter: WorkbookAdapter; names: string[]; tableBytes: number }> {
  const table = benchTable("indicator", rows);
  const excel = new FakeExcel(FakeWorkbookModel.create([{ name: SHEET, values: table.values, merges: table.merges }]));
  const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const snapshot = await adapter.read();
  const run = runScoring(snapshot.grid, { profiles: BUILTIN_PROFILES, state: snapshot.state });
  await adapter.apply(run.plan, stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) }), { overwriteConflicts: true });
  const names = Array.from({ length: added }, (_, k) => `Phụ lục ${k + 1}`);
  names.forEach((name, k) => excel.model.addSheetFrom({ name, values: appendix(k, 200), origin: { row: k % 3, col: k % 2 } }));
  return { excel, adapter, names, tableBytes: estimateBytes(table.values) };
}

/** Syncs and response bytes of one call. */
async function counted<T>(excel: FakeExcel, call: () => Promise<T>): Promise<{ result: T; syncs: number; bytes: number }> {
  excel.resetStats();
  const result = await call();
  return { result, syncs: excel.stats.syncs, bytes: excel.stats.responseBytes.reduce((a, b) => a + b, 0) };
}

/** The adapter as one without the batched reads (older seam, test stubs): one read() per sheet. */
function oneByOne(adapter: WorkbookAdapter): WorkbookAdapter {
  return { read: adapter.read, apply: adapter.apply, selectCell: adapter.selectCell, removeSheets: adapter.removeSheets };
}

describe("added sheets on the fake host", () => {
  test("recording 1 or 8 added sheets takes the same syncs, and never reads the scored table's cells", async () => {
    const one = await written(3_838, 1);
    const eight = await written(3_838, 8);
    const a = await counted(one.excel, () => recordAddedSheets(one.adapter, SHEET, one.names));
    const b = await counted(eight.excel, () => recordAddedSheets(eight.adapter, SHEET, eight.names));
    expect(a.result).toEqual({ text: expect.stringMatching(/“Hoàn tác” sẽ xóa trang này/), leftToUser: false });
    expect(b.result.text).toMatch(/“Hoàn tác” sẽ xóa các trang này/);
    expect(b.syncs).toBe(a.syncs);
    // State (1) + sheets' used ranges (1) + their values (1) + the state write (2).
    expect(b.syncs).toBeLessThanOrEqual(5);
    // The one-by-one way reads the table and each sheet: more syncs, and the table's bytes.
    const old = await written(3_838, 8);
    const c = await counted(old.excel, () => recordAddedSheets(oneByOne(old.adapter), SHEET, old.names));
    expect(c.syncs).toBeGreaterThan(b.syncs);
    expect(c.bytes).toBeGreaterThan(old.tableBytes);
    expect(b.bytes).toBeLessThan(eight.tableBytes / 4);
  }, 120_000);

  test("fingerprints are those of the one-by-one reads: undo of either removes the same sheets and keeps an edited one", async () => {
    const batched = await written(300, 4);
    const single = await written(300, 4);
    await recordAddedSheets(batched.adapter, SHEET, batched.names);
    await recordAddedSheets(oneByOne(single.adapter), SHEET, single.names);
    const stored = async (adapter: WorkbookAdapter) => (await adapter.read({ sheet: SHEET })).state!.lastRun!.sheets!;
    const recorded = await stored(batched.adapter);
    expect(recorded.map((s) => s.name)).toEqual(batched.names);
    expect(recorded).toEqual(await stored(single.adapter));

    // Checked at undo by the other way each time: one edited, one gone, the rest as made.
    for (const [excel, adapter] of [
      [batched.excel, oneByOne(batched.adapter)],
      [single.excel, single.adapter],
    ] as const) {
      excel.model.userEdit("Phụ lục 2", "B40", "Ghi chú của tôi");
      excel.model.sheets.splice(excel.model.sheets.findIndex((s) => s.name === "Phụ lục 4"), 1);
      const said = await removeAddedSheets(adapter, recorded);
      expect(said.text).toBe('Đã xóa các trang "Phụ lục 1", "Phụ lục 3" lập sau lần ghi đó. Giữ trang "Phụ lục 2" vì đã được sửa sau khi lập; nếu không cần, hãy tự xóa.');
      // The kept sheet is the clerk's to delete: the pane shows it as a warning.
      expect(said.leftToUser).toBe(true);
      expect(excel.model.sheets.map((s) => s.name)).toContain("Phụ lục 2");
      expect(excel.model.sheet("Phụ lục 1")).toBeNull();
    }
  }, 120_000);

  test("checking N recorded sheets at undo reads them in a constant number of syncs", async () => {
    const syncsFor = async (n: number) => {
      const { excel, adapter, names } = await written(300, n);
      await recordAddedSheets(adapter, SHEET, names);
      const recorded = (await adapter.read({ sheet: SHEET })).state!.lastRun!.sheets!;
      excel.model.userEdit(names[0], "B10", "sửa");
      const { syncs } = await counted(excel, () => removeAddedSheets(adapter, recorded));
      return syncs;
    };
    expect(await syncsFor(8)).toBe(await syncsFor(2));
  }, 120_000);
});
