/**
 * The plan and the state built from it are plain data; the plan's blocks from its touched cells
 * (src/plan/touched.ts) are valueBlocks' rectangles, and every packing of the state round-trips.
 */
import fc from "fast-check";
import { a1, parseA1, type CellValue } from "../../src/model/grid";
import type { CellSnapshot, WorkbookState, WritePlan } from "../../src/model/plan";
import { planWrite, stateAfterWrite, stateFromChunks, stateToChunks, valueBlocks } from "../../src/plan";
import { cellKey } from "../../src/plan/cells";
import { touchedBlocks } from "../../src/plan/ranges";
import type { TouchedCells } from "../../src/plan/touched";
import { applyToGrid, weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";
import { RUN_CELLS } from "./state-fixtures";

type LastRun = NonNullable<WorkbookState["lastRun"]>;

function planOf(grid = weeklyGrid(), state: WorkbookState | null = null, units = weeklyUnits(), profile = weeklyProfile()) {
  return planWrite({ grid, read: weeklyRead(grid), profile, scored: { profileId: "tuan-thu", units, problems: [] }, state });
}

const options = { profile: { id: "tuan-thu" }, mapping: { B: "name" as const }, at: new Date("2024-05-06T00:00:00Z") };

describe("the plan and its state are plain data", () => {
  test("the state is a pure function of the plan: a copy of the plan, or its JSON, gives the same state", () => {
    const first = planOf();
    const state = stateAfterWrite(first, options);
    expect(state.lastRun!.written.length).toBeGreaterThan(10);
    expect(stateAfterWrite({ ...first }, options)).toEqual(state);
    expect(stateAfterWrite(JSON.parse(JSON.stringify(first)), options)).toEqual(state);
    // Reading the plan's lists first changes nothing.
    void first.previous.length;
    expect(stateToChunks(stateAfterWrite(first, options))).toEqual(stateToChunks(state));
  });

  test("on a rerun, a dropped column's cells are restored, not written", () => {
    const first = planOf();
    const after = applyToGrid(weeklyGrid(), first);
    const noRank = weeklyProfile({ outputs: ["rating", "change"] });
    const restoring = planOf(after, stateAfterWrite(first, options), weeklyUnits(), noRank);
    expect(restoring.restored.length).toBeGreaterThan(0);
    const written = new Set(stateAfterWrite(restoring, options).lastRun!.written.map((w) => w.address));
    for (const address of restoring.restored) expect(written.has(address)).toBe(false);
  });

  test("the state round-trips through its chunks, and a changed list is what gets stored", () => {
    const s = stateAfterWrite(planOf(), options);
    const back = stateFromChunks(stateToChunks(s, 40))!;
    expect(back).toEqual(s);
    s.lastRun!.written[0] = { ...s.lastRun!.written[0], value: "đã sửa" };
    expect(stateFromChunks(stateToChunks(s))!.lastRun!.written[0].value).toBe("đã sửa");
  });

  test("the undo snapshots cover every touched cell once, in (row, column) order", () => {
    const p = planOf();
    const keys = p.previous.map((s) => s.address);
    expect(new Set(keys).size).toBe(keys.length);
    for (const b of p.blocks) for (let i = 0; i < b.values.length; i++) for (let j = 0; j < b.values[i].length; j++) expect(keys).toContain(a1(b.row + i, b.col + j));
    const order = p.previous.map((s) => {
      const cell = parseA1(s.address)!;
      return cellKey(cell.row, cell.col);
    });
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });
});

describe("touchedBlocks", () => {
  test("gives valueBlocks' rectangles for any set of planned cells", () => {
    const cell = fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 6 }), planned: fc.boolean(), value: fc.oneof(fc.integer(), fc.constant(null), fc.string()) });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (list) => {
        const byKey = new Map<number, (typeof list)[number]>();
        for (const c of list) byKey.set(cellKey(c.row, c.col), c);
        const keys = Float64Array.from(byKey.keys()).sort();
        const n = keys.length;
        const cells: TouchedCells = {
          keys,
          planned: new Uint8Array(n),
          values: new Array<CellValue>(n),
          before: new Array<CellValue>(n).fill(null),
          formats: new Array<string | null>(n).fill("General"),
          underlines: new Uint8Array(n),
          finalUnderlines: new Uint8Array(n),
          restored: new Uint8Array(n),
        };
        const formats = new Array<string | null>(n);
        const planned: { row: number; col: number; value: CellValue; numberFormat: string | null }[] = [];
        keys.forEach((k, i) => {
          const c = byKey.get(k)!;
          cells.planned[i] = c.planned ? 1 : 0;
          cells.values[i] = c.planned ? c.value : null;
          formats[i] = c.planned ? (c.col % 2 ? "0.00" : null) : null;
          if (c.planned) planned.push({ row: c.row, col: c.col, value: c.value, numberFormat: formats[i] });
        });
        expect(touchedBlocks(cells, formats)).toEqual(valueBlocks(planned));
      }),
    );
  });
});

describe("state packing: any last run round-trips", () => {
  const address = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 30 })).map(([c, r]) => a1(r, c));
  const value = fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)), fc.constant(null), fc.constantFrom("Tốt", "Khá", "Yếu", ""), fc.string().filter((s) => !s.startsWith("=")));
  // (A snapshot text starting with "=" is a formula: tests/plan/formula-check.test.ts covers those.)
  const snapshot = (a: string) =>
    fc.oneof(
      fc.constant<CellSnapshot>({ address: a, value: null, numberFormat: "General", underline: false }),
      fc.record({ address: fc.constant(a), value, numberFormat: fc.constantFrom("General", "0.00", "@", null), underline: fc.boolean() }),
    );
  const lastRun = fc
    .uniqueArray(address, { maxLength: 40 })
    .chain((addresses) =>
      fc.tuple(
        fc.constant(addresses),
        fc.array(fc.tuple(value, fc.boolean()), { minLength: addresses.length, maxLength: addresses.length }),
        fc.subarray(addresses).chain((subset) => fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length })),
      ),
    )
    .chain(([addresses, cells, snapped]) =>
      fc.tuple(fc.constant(addresses), fc.constant(cells), snapped.length ? fc.tuple(...snapped.map(snapshot)) : fc.constant([] as CellSnapshot[])),
    )
    .map(([addresses, cells, previous]): LastRun => ({
      sheet: "Bảng",
      at: "2025-01-01T00:00:00.000Z",
      written: addresses.map((a, i) => ({ address: a, value: cells[i][0], underline: cells[i][1] })),
      previous: [...previous],
    }));

  test("segments keep every value, underline, snapshot and both orders", () => {
    fc.assert(
      fc.property(lastRun, (run) => {
        const s: WorkbookState = { version: 1, profile: null, mapping: {}, lastRun: run };
        expect(stateFromChunks(stateToChunks(s, 97))).toEqual(s);
      }),
    );
  });

  test("a column of scores is a list of numbers, not of cell tuples", () => {
    const written = Array.from({ length: 1000 }, (_, i) => ({ address: `L${i + 5}`, value: 40 + (i % 6000) / 100, underline: i % 97 === 0 }));
    const previous = written.map((w) => ({ address: w.address, value: null, numberFormat: "General", underline: false }));
    const s: WorkbookState = { version: 1, profile: null, mapping: {}, lastRun: { sheet: "S", at: "t", written, previous } };
    const json = stateToChunks(s).join("");
    // About one number and a comma per cell.
    expect(json.length).toBeLessThan(written.reduce((n, w) => n + String(w.value).length + 1, 0) + 300);
    expect(stateFromChunks([json])).toEqual(s);
  });

  test("a state written in the second packing (runs of cell tuples) still loads", () => {
    const old = JSON.stringify({
      version: 1,
      profile: null,
      mapping: { B: "name" },
      lastRun: {
        sheet: "S",
        at: "t",
        runs: [
          ["L5", [[55.23, 0, 1], [48.1, 1, null, "0.0", 1], [null, 0]]],
          ["M5", [["Khá", 0, 1], ["Tốt", 1, 1]], "r"],
        ],
      },
    });
    expect(stateFromChunks([old])!.lastRun).toEqual({
      sheet: "S",
      at: "t",
      written: RUN_CELLS,
      previous: [
        { address: "L5", value: null, numberFormat: "General", underline: false },
        { address: "L6", value: null, numberFormat: "0.0", underline: true },
        { address: "M5", value: null, numberFormat: "General", underline: false },
        { address: "N5", value: null, numberFormat: "General", underline: false },
      ],
    });
  });
});

// Keep the type import used when the plan type changes.
export type { WritePlan };
