/**
 * A cell that is not the tool's and already holds the value the tool would write (a published
 * group score, rating or change that agrees) is the user's: the plan leaves it out entirely (no
 * value, no number format, no undo snapshot, not in the state), while flags still underline it.
 */
import { a1, cellAt, parseRangeA1, type Grid } from "../../src/model/grid";
import type { WorkbookState } from "../../src/model/plan";
import { cellsChanged, nothingToWriteText, planUndo, planWrite, stateAfterWrite } from "../../src/plan";
import { planEffect } from "../../src/plan/effect";
import { blockCells, rangeCells } from "../../src/plan/ranges";
import { checkTargets, targetAreas } from "../../src/plan/refresh";
import type { ScoredUnit } from "../../src/model/units";
import { applyToGrid, gridCells, weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";

const scored = (units = weeklyUnits()) => ({ profileId: "tuan-thu", units, problems: [] });
const RATING = 3;
const CHANGE = 5;
const RATING_FORMAT = "@";
const CHANGE_FORMAT = "0.0";

/** The weekly table with its ratings (D) and changes (F) already printed, agreeing with the tool's, in the user's own formats. */
function publishedGrid(): Grid {
  const g = weeklyGrid();
  const units = weeklyUnits();
  for (const u of units) {
    g.values[u.row][RATING] = u.rating!.toLowerCase() === "tb" ? "TB" : "Tốt";
    g.values[u.row][CHANGE] = u.change;
    g.numberFormats![u.row][RATING] = RATING_FORMAT;
    g.numberFormats![u.row][CHANGE] = CHANGE_FORMAT;
  }
  return g;
}

function run(grid: Grid, state: WorkbookState | null, units = weeklyUnits()) {
  const profile = weeklyProfile();
  const plan = planWrite({ grid, read: weeklyRead(grid), profile, scored: scored(units), state });
  const after = applyToGrid(grid, plan);
  return { plan, after, state: stateAfterWrite(plan, { profile: { id: "tuan-thu" }, mapping: {}, at: new Date("2024-05-06T00:00:00Z") }) };
}

const inColumn = (col: number) => (address: string) => address.replace(/\d+$/, "") === String.fromCharCode(65 + col);

describe("a published column that agrees with the tool is left as it is", () => {
  test("no value, no format, no snapshot, not in the state; the flag's underline still applies", () => {
    const g = publishedGrid();
    const { plan, after, state } = run(g, null);
    expect(plan.columns.filter((c) => c.field !== "rank").map((c) => [c.field, c.letter, c.added])).toEqual([
      ["rating", "D", false],
      ["change", "F", false],
    ]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.checks).toBeUndefined();
    const planned = blockCells(plan.blocks).map((c) => a1(c.row, c.col));
    expect(planned.filter(inColumn(RATING))).toEqual([]);
    expect(planned.filter(inColumn(CHANGE))).toEqual([]);
    // PHÚ LONG's rating is below the threshold: underlined, its value and format untouched.
    expect(rangeCells(plan.underline.set, parseRangeA1).map((c) => a1(c.row, c.col))).toContain("D8");
    expect(plan.previous.filter((s) => inColumn(CHANGE)(s.address))).toEqual([]);
    expect(plan.previous.filter((s) => inColumn(RATING)(s.address))).toEqual([{ address: "D8", value: "TB", numberFormat: RATING_FORMAT, underline: false }]);
    for (const u of weeklyUnits()) {
      expect([cellAt(after, u.row, RATING), after.numberFormats![u.row][RATING]]).toEqual([g.values[u.row][RATING], RATING_FORMAT]);
      expect([cellAt(after, u.row, CHANGE), after.numberFormats![u.row][CHANGE]]).toEqual([u.change, CHANGE_FORMAT]);
    }
    // The state claims no value of the user's: only D8's underline, with the value it already held.
    const claimed = state.lastRun!.written.filter((w) => inColumn(RATING)(w.address) || inColumn(CHANGE)(w.address));
    expect(claimed).toEqual([{ address: "D8", value: "TB", underline: true }]);
    // What the run says it changes: the new rank column only.
    const effect = planEffect(plan);
    expect(effect.columns.filter((e) => e.changed > 0).map((e) => e.column.field)).toEqual(["rank"]);
    const before = gridCells(g);
    expect(effect.changed).toBe(Object.entries(gridCells(after)).filter(([address, c]) => (before[address]?.v ?? null) !== c.v).length);
    // Undo gives back exactly the sheet as it was.
    expect(gridCells(applyToGrid(after, planUndo(state, after)))).toEqual(gridCells(g));
  });

  test("a second run changes nothing, and the published column is still the user's", () => {
    const g = publishedGrid();
    const first = run(g, null);
    const second = run(first.after, first.state);
    expect(second.plan.columns.map((c) => [c.field, c.letter])).toEqual(first.plan.columns.map((c) => [c.field, c.letter]));
    expect(second.plan.conflicts).toEqual([]);
    expect(cellsChanged(second.plan)).toBe(0);
    expect(blockCells(second.plan.blocks).map((c) => a1(c.row, c.col)).filter((a) => inColumn(RATING)(a) || inColumn(CHANGE)(a))).toEqual([]);
    // One published value edited since: a column of published facts that now disagrees keeps
    // them, and the tool's values go to a new column (D8 was underlined by the tool, never written).
    first.after.values[7][RATING] = "KHÁ";
    const third = run(first.after, first.state);
    expect(third.plan.columns.find((c) => c.field === "rating")).toMatchObject({ added: true, header: "Xếp loại (tính lại)" });
    expect(third.plan.checks?.[0].differences.map((d) => [d.existing, d.computed])).toEqual([["KHÁ", "TB"]]);
    expect(third.plan.conflicts).toEqual([]);
  });

  test("when every result is already in the table, nothing changes and the words say so", () => {
    const g = publishedGrid();
    const profile = weeklyProfile({ ranking: undefined, outputs: ["rating", "change"], flags: [] });
    const plan = planWrite({ grid: g, read: weeklyRead(g), profile, scored: scored(weeklyUnits().map((u) => ({ ...u, rank: null, flags: [] }))) });
    expect(plan.blocks).toEqual([]);
    expect(plan.previous).toEqual([]);
    expect(cellsChanged(plan)).toBe(0);
    expect(nothingToWriteText(plan)).toBe("Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này.");
  });

  test("equal at the output's decimals, typed or as text: 1.024 and “-26,42” agree with 1.02 and −26.42", () => {
    const g = publishedGrid();
    g.values[6][CHANGE] = 1.024;
    g.values[7][CHANGE] = "-26,42";
    const { plan } = run(g, null);
    expect(plan.columns.find((c) => c.field === "change")).toMatchObject({ letter: "F", added: false });
    expect(blockCells(plan.blocks).filter((c) => c.col === CHANGE)).toEqual([]);
    expect(plan.conflicts).toEqual([]);
  });
});

describe("the cells left are checked before the write like the rest", () => {
  /** What an adapter's check reads of the plan's target areas in `grid`. */
  const readAreas = (grid: Grid, plan: ReturnType<typeof planWrite>) => {
    const areas = targetAreas(plan);
    const cells = areas.map((a) => {
      const rows = Array.from({ length: a.bottom - a.top + 1 }, (_v, i) => a.top + i);
      return {
        values: rows.map((r) => cellAt(grid, r, a.left)),
        formats: rows.map((r) => grid.numberFormats?.[r]?.[a.left] ?? "General"),
        underlines: rows.map((r) => grid.underlines?.[r]?.[a.left] ?? false),
      };
    });
    return { areas, cells };
  };

  test("a published value typed over between the read and the write stops it", () => {
    const g = publishedGrid();
    const { plan, state } = run(g, null);
    const assumedF = (plan.assumed ?? []).filter((s) => inColumn(CHANGE)(s.address));
    expect(assumedF.map((s) => [s.address, s.value, s.numberFormat])).toEqual(weeklyUnits().map((u) => [a1(u.row, CHANGE), u.change, CHANGE_FORMAT]));
    const same = readAreas(g, plan);
    expect(same.areas.some((a) => a.left === CHANGE)).toBe(true);
    expect(checkTargets(plan, state, same.areas, same.cells).changed).toEqual([]);
    const typed = JSON.parse(JSON.stringify(g)) as Grid;
    typed.values[6][CHANGE] = 4;
    const now = readAreas(typed, plan);
    expect(checkTargets(plan, state, now.areas, now.cells).changed).toEqual([{ address: "F7", was: 1.02, now: 4, what: "value" }]);
    // Nothing of it is an undo snapshot.
    expect(plan.previous.some((s) => inColumn(CHANGE)(s.address))).toBe(false);
  });
});

describe("a differing cell is handled as before", () => {
  test("a published column with one value that differs: kept, the tool's values in a new column", () => {
    const g = publishedGrid();
    g.values[6][CHANGE] = 1.5; // the tool's change for CHỢ VÀM is 1.02
    const { plan } = run(g, null);
    const change = plan.columns.find((c) => c.field === "change")!;
    expect(change).toMatchObject({ added: true, header: "Tăng/giảm (tính lại)", instead: "F" });
    expect(plan.previous.filter((s) => inColumn(CHANGE)(s.address))).toEqual([]);
    expect(plan.checks?.find((c) => c.field === "change")?.differences.map((d) => [d.row, d.existing, d.computed])).toEqual([[6, 1.5, 1.02]]);
    // The new column holds every unit's value, the agreeing ones too.
    expect(blockCells(plan.blocks).filter((c) => c.col === change.col && c.row >= 4).map((c) => c.value)).toEqual(weeklyUnits().map((u) => u.change));
  });

  test("one value typed into an otherwise empty column: an equal one is left, a different one is a conflict", () => {
    const g = weeklyGrid();
    g.values[6][CHANGE] = 1.02; // equal to the tool's
    const equal = run(g, null).plan;
    expect(equal.conflicts).toEqual([]);
    expect(blockCells(equal.blocks).filter((c) => c.col === CHANGE).map((c) => c.row)).toEqual([4, 5, 7]);
    g.values[6][CHANGE] = 3;
    const differs = run(g, null).plan;
    expect(differs.columns.find((c) => c.field === "change")).toMatchObject({ letter: "F", added: false });
    expect(differs.conflicts).toEqual([{ address: "F7", current: 3, planned: 1.02 }]);
  });

  test("a formula showing the tool's value stays a conflict: it is the user's content", () => {
    const g = weeklyGrid();
    g.values[6][CHANGE] = 1.02;
    g.formulas = { F7: "=C7-E7" };
    expect(run(g, null).plan.conflicts).toEqual([{ address: "F7", current: "=C7-E7", planned: 1.02 }]);
  });
});

describe("the user types the tool's value over its own cell", () => {
  test("the next run leaves that cell alone, writes the rest, and undo keeps what the user typed", () => {
    const start = weeklyGrid();
    const first = run(start, null);
    const edited = first.after;
    edited.values[6][CHANGE] = "1,02"; // the tool wrote 1.02
    edited.values[6][RATING] = "tốt"; // the tool wrote "TỐT"
    const units = weeklyUnits().map((u): ScoredUnit => (u.row === 5 ? { ...u, change: 12 } : u));
    const second = run(edited, first.state, units);
    expect(second.plan.conflicts).toEqual([]);
    const planned = blockCells(second.plan.blocks).map((c) => a1(c.row, c.col));
    expect(planned).toContain("F6");
    expect(planned).not.toContain("F7");
    expect(planned).not.toContain("D7");
    const { written, previous } = second.state.lastRun!;
    expect(written.map((w) => w.address)).not.toContain("F7");
    // D is a flag column: D7 is kept track of for its underline, with the value the user typed, never as the tool's.
    const d7 = written.find((w) => w.address === "D7");
    if (d7) expect([d7.value, previous.find((s) => s.address === "D7")?.value]).toEqual(["tốt", "tốt"]);
    expect([cellAt(second.after, 6, CHANGE), cellAt(second.after, 6, RATING), cellAt(second.after, 5, CHANGE)]).toEqual(["1,02", "tốt", 12]);
    // Undo takes the tool's cells back to before the first run; the user's typing stays.
    const undone = applyToGrid(second.after, planUndo(second.state, second.after));
    const expected = weeklyGrid();
    expected.values[6][CHANGE] = "1,02";
    expected.values[6][RATING] = "tốt";
    // F7 keeps the format it had when the user typed there (the first run's): the second run did not touch it.
    expected.numberFormats![6][CHANGE] = "+0.00;-0.00;0.00";
    expect(gridCells(undone)).toEqual(gridCells(expected));
  });
});

describe("a state from an earlier version that rewrote a published value", () => {
  test("the cell is the user's: left out of the plan and given back its own format", () => {
    const g = publishedGrid();
    // As earlier versions did: F7 rewritten with the same value in the tool's format, and claimed.
    const after = JSON.parse(JSON.stringify(g)) as Grid;
    after.numberFormats![6][CHANGE] = "+0.00;-0.00;0.00";
    const state: WorkbookState = {
      version: 1,
      profile: { id: "tuan-thu" },
      mapping: {},
      lastRun: {
        sheet: g.sheet,
        at: "2024-05-06T00:00:00.000Z",
        written: [{ address: "F7", value: 1.02, underline: false }],
        previous: [{ address: "F7", value: 1.02, numberFormat: CHANGE_FORMAT, underline: false }],
      },
    };
    const { plan } = run(after, state);
    expect(plan.conflicts).toEqual([]);
    expect(plan.restored).toEqual(["F7"]);
    expect(blockCells(plan.blocks).filter((c) => c.col === CHANGE)).toEqual([{ row: 6, col: CHANGE, value: 1.02, numberFormat: CHANGE_FORMAT }]);
  });
});
