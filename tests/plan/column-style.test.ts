import { planColumnStyles } from "../../src/plan/column-style";
import { parseStoredState } from "../../src/plan/state-schema";
import { planUndo } from "../../src/plan";
import type { Grid } from "../../src/model/grid";

const grid = (merges: Grid["merges"]): Grid => ({ sheet: "S", origin: { row: 0, col: 0 }, values: [[null]], merges });

describe("planColumnStyles", () => {
  test("indicator table: the header's look comes from the sub-header, the header spans both rows, data in one band", () => {
    // B1:D1 merged ("Chỉ số 1" over Tử số / Mẫu số / Tỷ lệ); the table's last column is D.
    const styles = planColumnStyles({ grid: grid([{ top: 0, left: 1, bottom: 0, right: 3 }]), headerTop: 0, headerBottom: 1, dataBottom: 401, neighbour: 3, added: [{ col: 4, headerRow: 0 }, { col: 5, headerRow: 0 }] });
    expect(styles).toEqual({
      copies: [
        { source: "D2", target: "E1" },
        { source: "D2", target: "E2" },
        { source: "D3:D402", target: "E3:E402" },
        { source: "D2", target: "F1" },
        { source: "D2", target: "F2" },
        { source: "D3:D402", target: "F3:F402" },
      ],
      plainUnderline: ["E3:E402", "F3:F402"],
      merges: ["E1:E2", "F1:F2"],
    });
  });

  test("one header row: no merge; a section row merged across the table is left out of the data bands", () => {
    const styles = planColumnStyles({ grid: grid([{ top: 5, left: 0, bottom: 5, right: 3 }]), headerTop: 0, headerBottom: 0, dataBottom: 9, neighbour: 3, added: [{ col: 4, headerRow: 0 }] });
    expect(styles).toEqual({
      copies: [
        { source: "D1", target: "E1" },
        { source: "D2:D5", target: "E2:E5" },
        { source: "D7:D10", target: "E7:E10" },
      ],
      plainUnderline: ["E2:E5", "E7:E10"],
      merges: [],
    });
  });

  test("nothing added: no styles", () => {
    expect(planColumnStyles({ grid: grid([]), headerTop: 0, headerBottom: 0, dataBottom: 9, neighbour: 3, added: [] })).toBeNull();
  });
});

describe("the state's record of styled cells is validated", () => {
  const state = (styled: unknown) => ({ version: 1, profile: {}, mapping: {}, lastRun: { sheet: "S", at: "x", segments: [], styled } });
  test("ranges on the sheet pass; anything else is refused", () => {
    expect(parseStoredState(state({ ranges: ["N3:N22", "N1"], merges: ["N1:N2"] })).ok).toBe(true);
    for (const bad of [{ ranges: ["=A1"], merges: [] }, { ranges: ["A1:B2:C3"], merges: [] }, { ranges: ["XFE1"], merges: [] }, { ranges: [], merges: [], extra: 1 }]) {
      expect([bad, parseStoredState(state(bad)).ok]).toEqual([bad, false]);
    }
  });
});

describe("undo of added columns' look", () => {
  test("clears only styled ranges inside the columns and rows the run wrote", () => {
    const written = ["N5", "N7", "N8", "N25"].map((address) => ({ address, value: 1, underline: false }));
    const previous = written.map(({ address }) => ({ address, value: null, numberFormat: "General", underline: false }));
    const styled = { ranges: ["N5", "N6", "N7:N25", "A1:A30", "M7:M25", "N7:N26", "N1:P9"], merges: ["N5:N6", "A1:A2"] };
    const plan = planUndo({ version: 1, profile: {}, mapping: {}, lastRun: { sheet: "S", at: "x", written, previous, styled } });
    expect(plan.unstyle).toEqual({ ranges: ["N5", "N6", "N7:N25"], merges: ["N5:N6"] });
  });
});
