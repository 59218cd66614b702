/** The state's column-run packing (src/plan/state.ts) keeps every detail, and old states still load. */
import { stateFromChunks, stateToChunks } from "../../src/plan";
import type { WorkbookState } from "../../src/model/plan";
import { RUN_CELLS } from "./state-fixtures";

function state(lastRun: WorkbookState["lastRun"]): WorkbookState {
  return { version: 1, profile: { id: "qd766" }, mapping: { B: "name", D: "2.1.numerator" }, lastRun };
}

describe("state packing", () => {
  test("runs, gaps, non-blank snapshots, cells without snapshot and a reordered previous all round-trip", () => {
    const s = state({
      sheet: "Bảng 1",
      at: "2025-01-01T00:00:00.000Z",
      written: [
        ...RUN_CELLS,
        { address: "O5", value: 1, underline: false },
        { address: "M9", value: 3, underline: false },
        { address: "D7", value: 12, underline: true },
      ],
      previous: [
        { address: "M9", value: "cũ", numberFormat: "@", underline: true },
        { address: "L5", value: null, numberFormat: "General", underline: false },
        { address: "L6", value: null, numberFormat: null, underline: false },
        { address: "D7", value: 12, numberFormat: "0", underline: false },
      ],
    });
    const chunks = stateToChunks(s, 50);
    expect(chunks.length).toBeGreaterThan(2);
    expect(stateFromChunks(chunks)).toEqual(s);
  });

  test("runs down a column or along a row are much smaller than one entry per cell", () => {
    const written = Array.from({ length: 1000 }, (_, i) => ({ address: `L${i + 5}`, value: i / 100, underline: false }));
    const previous = written.map((w) => ({ address: w.address, value: null, numberFormat: "General", underline: false }));
    const s = state({ sheet: "S", at: "2025-01-01T00:00:00.000Z", written, previous });
    const packed = stateToChunks(s).join("");
    expect(packed.length).toBeLessThan(JSON.stringify(s).length / 5);
    expect(stateFromChunks([packed])).toEqual(s);
    // Row by row across three columns, as the write plan lists cells.
    const rowWise = written.slice(0, 300).flatMap((w, i) => ["L", "M", "N"].map((c) => ({ address: `${c}${i + 5}`, value: w.value, underline: false })));
    const s2 = state({ sheet: "S", at: "t", written: rowWise, previous: rowWise.map((w) => ({ address: w.address, value: null, numberFormat: "General", underline: false })) });
    const packed2 = stateToChunks(s2).join("");
    expect(packed2.length).toBeLessThan(JSON.stringify(s2).length / 4);
    expect(stateFromChunks([packed2])).toEqual(s2);
  });

  test("a cell listed twice in written, with previous in written order, still round-trips", () => {
    const s = state({
      sheet: "S",
      at: "t",
      written: [
        { address: "L5", value: 1, underline: false },
        { address: "L6", value: 2, underline: false },
        { address: "L5", value: 3, underline: true },
      ],
      previous: [{ address: "L5", value: "x", numberFormat: "@", underline: false }],
    });
    expect(stateFromChunks(stateToChunks(s))).toEqual(s);
  });

  test("a state written in the earlier cell-tuple packing still loads", () => {
    const old = JSON.stringify({
      version: 1,
      profile: null,
      mapping: {},
      lastRun: { sheet: "S", at: "t", cells: [["L5", 1, 0, null, "General", 0], ["L6", 2, 1]] },
    });
    expect(stateFromChunks([old])).toEqual({
      version: 1,
      profile: null,
      mapping: {},
      lastRun: {
        sheet: "S",
        at: "t",
        written: [
          { address: "L5", value: 1, underline: false },
          { address: "L6", value: 2, underline: true },
        ],
        previous: [{ address: "L5", value: null, numberFormat: "General", underline: false }],
      },
    });
  });
});
