/**
 * A plan that changes nothing is not a write: cellsChanged counts what a plan would really
 * change (value, number format, underline), so the pane and the CLI make no new undo point for
 * a write of what the cells already hold.
 */
import { cellsChanged, nothingToWriteText, planWrite, stateAfterWrite } from "../../src/plan";
import { a1 } from "../../src/model/grid";
import { blockCells } from "../../src/plan/ranges";
import { applyToGrid, weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";

const scored = (units = weeklyUnits()) => ({ profileId: "tuan-thu", units, problems: [] });

describe("cellsChanged", () => {
  test("a first write changes cells; the same write again, over its own result, changes none", () => {
    const g = weeklyGrid();
    const profile = weeklyProfile();
    const first = planWrite({ grid: g, read: weeklyRead(g), profile, scored: scored() });
    expect(cellsChanged(first)).toBeGreaterThan(0);
    const after = applyToGrid(g, first);
    const state = stateAfterWrite(first, { profile, mapping: {} });
    const again = planWrite({ grid: after, read: weeklyRead(after), profile, scored: scored(), state });
    expect(again.blocks.length).toBeGreaterThan(0);
    expect(cellsChanged(again)).toBe(0);
    expect(nothingToWriteText(again)).toBe(`Không có ô nào cần ghi trên trang ${again.sheet}: các ô đã có đúng kết quả này.`);
  });

  test("one value, one number format or one underline that differs is a change", () => {
    const g = weeklyGrid();
    const profile = weeklyProfile();
    const first = planWrite({ grid: g, read: weeklyRead(g), profile, scored: scored() });
    const after = applyToGrid(g, first);
    const state = stateAfterWrite(first, { profile, mapping: {} });
    const again = planWrite({ grid: after, read: weeklyRead(after), profile, scored: scored(), state });
    const snapshots = again.assumed ?? again.previous;
    // A score cell: the plan sets its number format.
    const cell = blockCells(again.blocks).find((c) => c.numberFormat !== null)!;
    const address = a1(cell.row, cell.col);
    expect(snapshots.find((s) => s.address === address)).toMatchObject({ numberFormat: cell.numberFormat, underline: false });
    const withSnapshot = (change: object) => ({ ...again, assumed: snapshots.map((s) => (s.address === address ? { ...s, ...change } : s)) });
    expect(cellsChanged(withSnapshot({ value: "khác" }))).toBe(1);
    expect(cellsChanged(withSnapshot({ numberFormat: "@" }))).toBe(1);
    // A format the read did not bring is not known to be the same.
    expect(cellsChanged(withSnapshot({ numberFormat: null }))).toBe(1);
    expect(cellsChanged({ ...again, underline: { set: [address], clear: [] } })).toBe(1);
  });

  test("a plan with nothing to write says so", () => {
    const empty = { sheet: "Bảng", columns: [], blocks: [], underline: { set: [], clear: [] }, previous: [], conflicts: [] };
    expect(cellsChanged(empty)).toBe(0);
    expect(nothingToWriteText(empty)).toBe("Không có ô nào cần ghi trên trang Bảng: chưa có kết quả nào để ghi.");
  });
});
