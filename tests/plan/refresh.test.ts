/** Completing undo snapshots whose number format the read did not bring (src/plan/refresh.ts). */
import { formatsToRead, withFormats } from "../../src/plan/refresh";
import type { CellSnapshot, WorkbookState, WritePlan } from "../../src/model/plan";

const snap = (address: string, value: CellSnapshot["value"], numberFormat: string | null): CellSnapshot => ({ address, value, numberFormat, underline: false });

function planWith(previous: CellSnapshot[]): WritePlan {
  return { sheet: "Bảng", columns: [], blocks: [], underline: { set: [], clear: [] }, previous, conflicts: [] };
}

function stateWith(previous: CellSnapshot[], sheet = "Bảng"): WorkbookState {
  return { version: 1, profile: null, mapping: {}, lastRun: { sheet, at: "2026-11-22T00:00:00.000Z", written: [], previous } };
}

describe("formatsToRead / withFormats", () => {
  const previous = [snap("D3", 1, "0.00"), snap("F1500", null, null), snap("F1502", 7, null), snap("H2000", "Tốt", null), snap("H1999", null, "@")];

  test("one area per column over the rows whose format is unknown; none when all are known", () => {
    expect(formatsToRead(planWith(previous))).toEqual([
      { top: 1499, bottom: 1501, left: 5, right: 5 },
      { top: 1999, bottom: 1999, left: 7, right: 7 },
    ]);
    expect(formatsToRead(planWith([snap("A1", 1, "General")]))).toEqual([]);
  });

  test("fills unknown formats in the plan and in the state of the same sheet, and leaves known ones", () => {
    const plan = planWith(previous);
    const areas = formatsToRead(plan);
    const cells = [
      { values: [null, 5, 7], formats: ["0.000", "General", "@"] },
      { values: ["Tốt"], formats: [null] },
    ];
    const out = withFormats(plan, stateWith(previous), areas, cells);
    expect(out.changed).toEqual([]);
    expect(out.plan.previous.map((s) => s.numberFormat)).toEqual(["0.00", "0.000", "@", "General", "@"]);
    expect(out.state.lastRun!.previous.map((s) => s.numberFormat)).toEqual(["0.00", "0.000", "@", "General", "@"]);
    // The inputs are not modified.
    expect(plan.previous[1].numberFormat).toBeNull();
    // A state of another sheet is left alone.
    const other = stateWith(previous, "Khác");
    expect(withFormats(plan, other, areas, cells).state).toBe(other);
  });

  test("a cell that no longer holds its snapshot's value is reported as changed", () => {
    const plan = planWith(previous);
    const out = withFormats(plan, stateWith(previous), formatsToRead(plan), [
      { values: [null, 5, 8], formats: ["0.000", "General", "@"] },
      { values: ["Khá"], formats: ["General"] },
    ]);
    expect(out.changed).toEqual(["F1502", "H2000"]);
  });
});
