import { cellAt, parseRangeA1 } from "../../src/model/grid";
import type { WorkbookState } from "../../src/model/plan";
import { planUndo, planWrite, stateAfterUndo, stateAfterWrite, stateFromChunks, stateToChunks } from "../../src/plan";
import { rangeCells } from "../../src/plan/ranges";
import { applyToGrid, gridCells, weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";

function scoreResult() {
  return { profileId: "tuan-thu", units: weeklyUnits(), problems: [] };
}

function plan(grid = weeklyGrid(), state: WorkbookState | null = null, profile = weeklyProfile()) {
  return planWrite({ grid, read: weeklyRead(grid), profile, scored: scoreResult(), state });
}

function run(grid = weeklyGrid(), state: WorkbookState | null = null) {
  const p = plan(grid, state);
  const after = applyToGrid(grid, p);
  const next = stateAfterWrite(p, { profile: { id: "tuan-thu" }, mapping: {}, at: new Date("2024-05-06T00:00:00Z") });
  return { plan: p, after, state: next };
}

describe("planWrite: columns", () => {
  test("fills the table's own XẾP LOẠI and TĂNG/GIẢM columns in place and adds Xếp hạng right of the table", () => {
    const p = plan();
    expect(p.columns.map((c) => [c.field, c.letter, c.added])).toEqual([
      ["rating", "D", false],
      ["rank", "H", true],
      ["change", "F", false],
    ]);
    const after = applyToGrid(weeklyGrid(), p);
    expect(cellAt(after, 2, 7)).toBe("Xếp hạng");
    expect([4, 5, 6, 7].map((r) => cellAt(after, r, 3))).toEqual(["TỐT", "TỐT", "TỐT", "TB"]);
    expect([4, 5, 6, 7].map((r) => cellAt(after, r, 7))).toEqual([null, 1, 2, 3]);
    expect([4, 5, 6, 7].map((r) => cellAt(after, r, 5))).toEqual([6.06, 11.83, 1.02, -26.42]);
    // In-place columns keep their header cell untouched.
    expect(cellAt(after, 3, 3)).toBe("XẾP LOẠI");
  });

  test("number formats: rank as integer, change signed with 2 decimals, rating left as is", () => {
    const after = applyToGrid(weeklyGrid(), plan());
    expect(after.numberFormats![5][7]).toBe("0");
    expect(after.numberFormats![5][5]).toBe("+0.00;-0.00;0.00");
    expect(after.numberFormats![5][3]).toBe("General");
    expect(after.numberFormats![2][7]).toBe("General");
  });

  test("an added column skips a column holding the user's notes", () => {
    const g = weeklyGrid();
    g.values[6][7] = "ghi chú";
    const p = plan(g);
    expect(p.columns.find((c) => c.field === "rank")?.letter).toBe("I");
    expect(p.conflicts).toEqual([]);
  });

  test("no column is added for an output every unit lacks (no previous period: no change column)", () => {
    const g = weeklyGrid();
    const read = weeklyRead(g);
    delete read.layout.columns.change;
    const units = weeklyUnits().map((u) => ({ ...u, change: null }));
    const p = planWrite({ grid: g, read, profile: weeklyProfile(), scored: { profileId: "tuan-thu", units, problems: [] } });
    expect(p.columns.map((c) => c.field)).toEqual(["rating", "rank"]);
  });

  test("values are written in rectangular blocks, consecutive rows merged", () => {
    const p = plan();
    expect(p.blocks.map((b) => b.address)).toEqual(["H3", "D5:D8", "F5:F8", "H5:H8"]);
    const b = p.blocks.find((x) => x.address === "D5:D8")!;
    expect(b.values).toEqual([["TỐT"], ["TỐT"], ["TỐT"], ["TB"]]);
    expect(b.numberFormats).toEqual([[null], [null], [null], [null]]);
  });

  test("adjacent output columns over the same rows form one 2-D block", () => {
    const g = weeklyGrid();
    const read = weeklyRead(g);
    delete read.layout.columns.rating;
    delete read.layout.columns.change;
    // Rating, rank and change all added: three adjacent columns H:J.
    const p = planWrite({ grid: g, read, profile: weeklyProfile(), scored: scoreResult() });
    expect(p.blocks.map((b) => b.address)).toEqual(["H3:J3", "H5:J8"]);
    expect(p.blocks[1].values[3]).toEqual(["TB", 3, -26.42]);
  });
});

describe("planWrite: underlines", () => {
  test("underlines the flagged fields' cells, consecutive rows merged into one range", () => {
    const p = plan();
    expect(p.underline.set).toEqual(["G7:G8", "C8:D8"]);
    expect(p.underline.clear).toEqual([]);
  });

  test("clears stale underlines in flag columns but leaves the user's own elsewhere", () => {
    const g = weeklyGrid();
    g.underlines![5][6] = true; // PHÚ HÙNG Công khai 100%: no longer below 70 → cleared
    g.underlines![5][1] = true; // a name the user underlined → kept
    g.underlines![4][6] = true; // aggregate row → kept
    g.underlines![3][6] = true; // header → kept
    const p = plan(g);
    expect(p.underline.clear).toEqual(["G6"]);
    const after = applyToGrid(g, p);
    expect(after.underlines![5][1]).toBe(true);
    expect(after.underlines![4][6]).toBe(true);
    expect(after.underlines![5][6]).toBe(false);
  });
});

describe("planWrite: conflicts", () => {
  test("in a column the user mapped, a target cell holding something else, not written by the tool, is a conflict", () => {
    const g = weeklyGrid();
    g.values[7][3] = "Xuất sắc";
    const read = weeklyRead(g);
    read.mapping[3] = { ...read.mapping[3], source: "mapping" };
    const p = planWrite({ grid: g, read, profile: weeklyProfile(), scored: scoreResult() });
    expect(p.conflicts).toEqual([{ address: "D8", current: "Xuất sắc", planned: "TB" }]);
  });

  test("the same value in another case or as text is not a conflict", () => {
    const g = weeklyGrid();
    g.values[5][3] = "Tốt";
    g.values[5][5] = "11,83";
    expect(plan(g).conflicts).toEqual([]);
  });

  test("a cell the tool wrote last time is not a conflict; one the user changed since is", () => {
    const first = run();
    const edited = applyToGrid(first.after, { ...first.plan, blocks: [], underline: { set: [], clear: [] } });
    expect(plan(edited, first.state).conflicts).toEqual([]);
    edited.values[5][7] = 9; // user overwrote a rank the tool wrote
    const p = plan(edited, first.state);
    // 9 ≠ planned 1 and ≠ what the tool wrote → the user's.
    expect(p.conflicts).toEqual([{ address: "H6", current: 9, planned: 1 }]);
  });
});

describe("rerun and undo", () => {
  test("a rerun plans the same cells and values and changes nothing", () => {
    const first = run();
    const second = run(first.after, first.state);
    expect(second.plan.conflicts).toEqual([]);
    expect(second.plan.blocks).toEqual(first.plan.blocks);
    expect(second.plan.underline.set).toEqual(first.plan.underline.set);
    expect(gridCells(second.after)).toEqual(gridCells(first.after));
    // The undo snapshot still describes the sheet before the first run.
    expect(second.state.lastRun!.previous).toEqual(first.state.lastRun!.previous);
  });

  test("undo restores values, formats and underlines exactly, even after a rerun", () => {
    const g = weeklyGrid();
    g.underlines![5][6] = true;
    g.numberFormats![5][5] = "0.0";
    const first = run(g);
    const second = run(first.after, first.state);
    const undo = planUndo(second.state, second.after);
    expect(undo.conflicts).toEqual([]);
    const restored = applyToGrid(second.after, undo);
    expect(gridCells(restored)).toEqual(gridCells(g));
    expect(stateAfterUndo(second.state).lastRun).toBeNull();
  });

  test("undo reports cells changed by hand since the run", () => {
    const first = run();
    const edited = applyToGrid(first.after, { ...first.plan, blocks: [], underline: { set: [], clear: [] } });
    edited.values[7][3] = "Yếu";
    expect(planUndo(first.state, edited).conflicts).toEqual([{ address: "D8", current: "Yếu", planned: null }]);
  });

  test("a column the profile no longer writes is put back as it was", () => {
    const first = run();
    const noRank = weeklyProfile({ outputs: ["rating", "change"] });
    const p = plan(first.after, first.state, noRank);
    expect(p.restored).toEqual(["H3", "H5", "H6", "H7", "H8"]);
    const after = applyToGrid(first.after, p);
    expect(gridCells(after)).toEqual(gridCells(applyToGrid(weeklyGrid(), plan(weeklyGrid(), null, noRank))));
  });

  test("the undo snapshot covers every touched cell", () => {
    const p = plan();
    const touched = new Set([
      ...p.blocks.flatMap((b) => b.values.flatMap((r, i) => r.map((_, j) => `${i + b.row}:${j + b.col}`))),
      ...rangeCells([...p.underline.set, ...p.underline.clear], parseRangeA1).map((c) => `${c.row}:${c.col}`),
    ]);
    expect(p.previous.length).toBe(touched.size);
  });
});

describe("state", () => {
  test("round-trips through cell-sized chunks", () => {
    const { state } = run();
    const chunks = stateToChunks(state, 100);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(stateFromChunks(chunks)).toEqual(state);
  });

  test("an unreadable or foreign state is ignored", () => {
    expect(stateFromChunks(["{not json"])).toBeNull();
    expect(stateFromChunks(['{"version":2,"mapping":{}}'])).toBeNull();
    expect(stateFromChunks([])).toBeNull();
  });
});

describe("flags that change between runs", () => {
  const unflagged = () => weeklyUnits().map((u) => (u.name === "CHỢ VÀM" ? { ...u, flags: [] } : u));
  function runWith(grid: ReturnType<typeof weeklyGrid>, state: WorkbookState | null, units = weeklyUnits()) {
    const p = planWrite({ grid, read: weeklyRead(grid), profile: weeklyProfile(), scored: { profileId: "tuan-thu", units, problems: [] }, state });
    return { plan: p, after: applyToGrid(grid, p), state: stateAfterWrite(p, { profile: null, mapping: {} }) };
  }

  test("a cell no longer flagged loses the tool's underline; the next rerun changes nothing; undo restores the start", () => {
    const start = weeklyGrid();
    const first = runWith(start, null);
    const second = runWith(first.after, first.state, unflagged());
    expect(second.plan.underline.clear).toEqual(["G7"]);
    const third = runWith(second.after, second.state, unflagged());
    expect(third.plan.underline.clear).toEqual([]);
    expect(gridCells(third.after)).toEqual(gridCells(second.after));
    const undone = applyToGrid(third.after, planUndo(third.state, third.after));
    expect(gridCells(undone)).toEqual(gridCells(start));
  });

  test("a flag cell whose value the user changed between runs: undo keeps the value and removes the tool's underline", () => {
    const start = weeklyGrid();
    const first = runWith(start, null);
    expect(first.after.underlines![6][6]).toBe(true);
    const edited = applyToGrid(first.after, { ...first.plan, blocks: [], underline: { set: [], clear: [] } });
    edited.values[6][6] = 0.97; // CHỢ VÀM fixed by hand: no longer below the threshold
    const second = runWith(edited, first.state, unflagged());
    expect(second.plan.underline.clear).toEqual(["G7"]);
    const undone = applyToGrid(second.after, planUndo(second.state, second.after));
    expect(undone.values[6][6]).toBe(0.97);
    expect(undone.underlines![6][6]).toBe(false);
  });

  test("the user's own underline on a flag cell comes back with undo after reruns", () => {
    const start = weeklyGrid();
    start.underlines![5][6] = true; // PHÚ HÙNG 100%: the tool clears it
    const first = runWith(start, null);
    expect(first.plan.underline.clear).toEqual(["G6"]);
    const second = runWith(first.after, first.state);
    expect(second.plan.underline.clear).toEqual([]);
    const undone = applyToGrid(second.after, planUndo(second.state, second.after));
    expect(undone.underlines![5][6]).toBe(true);
    expect(gridCells(undone)).toEqual(gridCells(start));
  });
});

