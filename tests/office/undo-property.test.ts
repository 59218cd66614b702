/**
 * Undo restores exactly what was there just before the write — values, formulas, number formats
 * and underlines, including what the user typed after the read — whatever the user does in
 * between: random edit sequences (edit, read, edit, write, edit, undo) on the fake host, through
 * the real adapter, pipeline and plan, with the pane's rules (a changed sheet means read again;
 * the overwrite question answered yes or no at random).
 */
import fc from "fast-check";
import { FakeExcel, FakeWorkbookModel, type FakeCell } from "../../fake-excel";
import { createOfficeAdapter, SheetChangedError } from "../../src/adapters/office/adapter";
import { a1, parseA1 } from "../../src/model/grid";
import { mappingOf, planUndo, stateAfterUndo, stateAfterWrite } from "../../src/plan";
import { runScoring, whyNoTable } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { PHU_TAN_SHEET, phuTanGrid } from "./phu-tan-grid";

type Edit = { row: number; col: number; change: Partial<FakeCell> };

const edit: fc.Arbitrary<Edit> = fc.record({
  // The data rows and the columns the tool writes (D, F and the ones it adds right of M).
  row: fc.integer({ min: 3, max: 10 }),
  col: fc.constantFrom(2, 3, 5, 12, 13, 14, 15),
  change: fc.oneof(
    fc.record({ value: fc.oneof(fc.constantFrom("Khá", "TỐT", "", "ghi chú"), fc.integer({ min: -5, max: 120 }), fc.double({ min: 0, max: 100, noNaN: true })) }),
    fc.record({ numberFormat: fc.constantFrom("0.0", "@", "General", "0%") }),
    fc.record({ underline: fc.boolean() }),
    fc.constant({ value: 7, formula: "=3+4" }),
  ),
});

/**
 * What the user sees of a cell: the formula if any (the fake does not calculate), else the value.
 * Numbers to 9 decimals: the write-time check treats values closer than 1e-9 as the same (Excel's
 * float noise), so a "change" from 0 to 5e-324 is not one.
 */
function seen(cell: FakeCell | undefined): unknown {
  if (!cell) return { shown: "", numberFormat: "General", underline: false };
  const value = typeof cell.value === "number" ? Math.round(cell.value * 1e9) / 1e9 + 0 : cell.value;
  return { shown: cell.formula ?? value, numberFormat: cell.numberFormat, underline: cell.underline };
}

function applyEdits(excel: FakeExcel, edits: Edit[]): void {
  const sheet = excel.model.sheet(PHU_TAN_SHEET)!;
  for (const e of edits) sheet.update(e.row, e.col, "formula" in e.change ? e.change : { ...e.change, ...(e.change.value !== undefined ? { formula: undefined } : {}) });
}

function sheetCells(excel: FakeExcel): Map<string, FakeCell> {
  const out = new Map<string, FakeCell>();
  for (const [k, cell] of excel.model.sheet(PHU_TAN_SHEET)!.cells) out.set(k, { ...cell });
  return out;
}

test("undo restores exactly the sheet as it was just before the write, around any edits", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { maxLength: 4 }), fc.array(edit, { maxLength: 4 }), fc.array(edit, { maxLength: 4 }), fc.boolean(), async (beforeRead, afterRead, afterWrite, agree) => {
      const excel = new FakeExcel(FakeWorkbookModel.fromGrid(phuTanGrid(8)));
      const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
      applyEdits(excel, beforeRead);
      let snap = await adapter.read();
      let run = runScoring(snap.grid, { profiles: BUILTIN_PROFILES, state: snap.state });
      applyEdits(excel, afterRead);

      // The write, as the pane does it: a changed sheet (or formulas found) means read again.
      let justBefore: Map<string, FakeCell> | null = null;
      for (let attempt = 0; attempt < 3 && justBefore === null; attempt++) {
        if (whyNoTable(run, snap.grid.sheet)) return;
        if (run.plan.conflicts.length > 0 && !agree) return; // the user said "Hủy": nothing to undo
        const state = stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) });
        const candidate = sheetCells(excel);
        try {
          await adapter.apply(run.plan, state, { overwriteConflicts: true });
          justBefore = candidate;
        } catch (e) {
          if (!(e instanceof SheetChangedError)) throw e;
          // Nothing was written.
          expect(sheetCells(excel)).toEqual(candidate);
          snap = await adapter.read();
          snap = { ...snap, grid: { ...snap.grid, formulas: e.formulas } };
          run = runScoring(snap.grid, { profiles: BUILTIN_PROFILES, state: snap.state });
        }
      }
      expect(justBefore).not.toBeNull();
      const written = new Set(run.plan.previous.map((s) => s.address));
      applyEdits(excel, afterWrite);
      const edited = sheetCells(excel);

      // Undo, as the pane does it: formulas found in the cells to restore mean plan again knowing them.
      let formulas: Record<string, string> = {};
      for (let attempt = 0; attempt < 2; attempt++) {
        const after = await adapter.read();
        const undo = planUndo(after.state!, { ...after.grid, formulas });
        try {
          await adapter.apply(undo, stateAfterUndo(after.state!), { overwriteConflicts: true });
          break;
        } catch (e) {
          if (!(e instanceof SheetChangedError) || attempt > 0) throw e;
          expect(e.changed).toEqual([]);
          formulas = e.formulas;
        }
      }
      const now = sheetCells(excel);
      const keys = new Set([...justBefore!.keys(), ...now.keys(), ...edited.keys()]);
      for (const k of keys) {
        const [row, col] = k.split(",").map(Number);
        const address = a1(row, col);
        // A cell the run touched is back as it was just before the write; any other keeps the user's edit.
        const expected = written.has(address) ? justBefore!.get(k) : edited.get(k);
        expect([address, seen(now.get(k))]).toEqual([address, seen(expected)]);
      }
      expect(parseA1("A1")).not.toBeNull();
    }),
    { numRuns: 40 },
  );
}, 120_000);
