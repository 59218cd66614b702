/** The write-time check of every target cell (src/plan/refresh.ts). */
import { checkTargets, targetAreas } from "../../src/plan/refresh";
import type { CellSnapshot, WorkbookState, WritePlan } from "../../src/model/plan";

const snap = (address: string, value: CellSnapshot["value"], numberFormat: string | null): CellSnapshot => ({ address, value, numberFormat, underline: false });

function planWith(previous: CellSnapshot[], assumed?: CellSnapshot[]): WritePlan {
  return { sheet: "Bảng", columns: [], blocks: [], underline: { set: [], clear: [] }, previous, conflicts: [], ...(assumed ? { assumed } : {}) };
}

function stateWith(previous: CellSnapshot[], sheet = "Bảng"): WorkbookState {
  return { version: 1, profile: null, mapping: {}, lastRun: { sheet, at: "2026-11-22T00:00:00.000Z", written: [], previous } };
}

describe("targetAreas / checkTargets", () => {
  const previous = [snap("D3", 1, "0.00"), snap("F1500", null, null), snap("F1502", 7, null), snap("H2000", "Tốt", null), snap("H1999", null, "@")];
  const cellsAsRead = () => [
    { values: [1], formats: ["0.00"] },
    { values: [null, 5, 7], formats: ["0.000", "General", "@"] },
    { values: [null, "Tốt"], formats: ["@", null] },
  ];

  test("one area per column over the rows of every target cell", () => {
    expect(targetAreas(planWith(previous))).toEqual([
      { top: 2, bottom: 2, left: 3, right: 3 },
      { top: 1499, bottom: 1501, left: 5, right: 5 },
      { top: 1998, bottom: 1999, left: 7, right: 7 },
    ]);
  });

  test("fills unknown formats in the plan and in the state of the same sheet, and leaves known ones", () => {
    const plan = planWith(previous);
    const out = checkTargets(plan, stateWith(previous), targetAreas(plan), cellsAsRead());
    expect(out.changed).toEqual([]);
    expect(out.formulas).toEqual({});
    expect(out.unknownFormulas).toEqual([]);
    expect(out.plan.previous.map((s) => s.numberFormat)).toEqual(["0.00", "0.000", "@", "General", "@"]);
    expect(out.state.lastRun!.previous.map((s) => s.numberFormat)).toEqual(["0.00", "0.000", "@", "General", "@"]);
    expect(plan.previous[1].numberFormat).toBeNull();
    const other = stateWith(previous, "Khác");
    expect(checkTargets(plan, other, targetAreas(plan), cellsAsRead()).state).toBe(other);
  });

  test("a value typed since the read, or a changed format, stops the write", () => {
    const plan = planWith(previous);
    const cells = cellsAsRead();
    cells[0].formats[0] = "0.0";
    cells[1].values[2] = 8;
    cells[2].values[1] = "Khá";
    const out = checkTargets(plan, stateWith(previous), targetAreas(plan), cells);
    expect(out.changed).toEqual([
      { address: "D3", was: 1, now: 1, what: "format" },
      { address: "F1502", was: 7, now: 8, what: "value" },
      { address: "H2000", was: "Tốt", now: "Khá", what: "value" },
    ]);
  });

  test("a formula the plan did not know is reported; one it knew (as the snapshot's text) is not", () => {
    const plan = planWith([snap("E5", 15, "General"), snap("E6", "=SUM(B6:D6)", "General")]);
    const cells = [{ values: [15, 9], formats: ["General", "General"], formulas: ["=SUM(B5:D5)", "=SUM(B6:D6)"] }];
    const out = checkTargets(plan, stateWith([]), targetAreas(plan), cells);
    // Same value shown: not a change, but a formula to ask about.
    expect(out.changed).toEqual([]);
    expect(out.unknownFormulas).toEqual(["E5"]);
    expect(out.formulas).toEqual({ E5: "=SUM(B5:D5)", E6: "=SUM(B6:D6)" });
  });

  test("a rerun compares with what the plan read (`assumed`), not with the pre-tool undo snapshot", () => {
    const plan = planWith([snap("F5", null, "General")], [snap("F5", "Tốt", "General")]);
    const read = [{ values: ["Tốt"], formats: ["General"] }];
    expect(checkTargets(plan, stateWith([]), targetAreas(plan), read).changed).toEqual([]);
    const typed = [{ values: ["Khá"], formats: ["General"] }];
    expect(checkTargets(plan, stateWith([]), targetAreas(plan), typed).changed.map((c) => c.address)).toEqual(["F5"]);
  });
});
