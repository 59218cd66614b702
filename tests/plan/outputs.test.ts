/**
 * Rules of the plan that keep the user's data: an output goes into an existing column only on a
 * strong match with values of the right kind; published values are checked, not overwritten;
 * nothing is blanked because the tool has nothing to put there; formulas are the user's.
 */
import { cellAt } from "../../src/model/grid";
import { planWrite, stateAfterWrite } from "../../src/plan";
import { publishedCheckLines } from "../../src/plan/outputs";
import { applyToGrid, weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";

const scored = (units = weeklyUnits()) => ({ profileId: "tuan-thu", units, problems: [] });

describe("an output goes into an existing column only on a strong match", () => {
  test("a weak header match (65 %) gets a new column, and the plan says why", () => {
    const g = weeklyGrid();
    const read = weeklyRead(g);
    read.mapping[5] = { ...read.mapping[5], header: "Điểm", confidence: 0.65 };
    const p = planWrite({ grid: g, read, profile: weeklyProfile(), scored: scored() });
    const change = p.columns.find((c) => c.field === "change")!;
    expect(change.added).toBe(true);
    expect(change.letter).not.toBe("F");
    expect(change.why).toBe("tiêu đề cột F “Điểm” chỉ gần giống “Tăng/giảm” (65 %), không ghi vào đó");
    expect(change.instead).toBe("F");
    // Nothing in column F is touched.
    expect(p.previous.some((s) => s.address.startsWith("F"))).toBe(false);
  });

  test("values of the wrong kind or range (a 'Tổng' of 150–200 for a total out of 100) get a new column", () => {
    const g = weeklyGrid();
    const read = weeklyRead(g);
    // Column F mapped as "change" holding 150–200: out of the ±100 range.
    for (const r of [4, 5, 6, 7]) g.values[r][5] = 150 + r * 10;
    const p = planWrite({ grid: g, read, profile: weeklyProfile({ total: { max: 100, label: "Tổng điểm", tolerance: 0.05 } }), scored: scored() });
    const change = p.columns.find((c) => c.field === "change")!;
    expect(change.added).toBe(true);
    expect(change.why).toMatch(/không phải số từ −100 đến 100 \(ô F6: 200\)/);
    expect(change.instead).toBe("F");
    expect(p.conflicts).toEqual([]);
    const after = applyToGrid(g, p);
    expect([4, 5, 6, 7].map((r) => cellAt(after, r, 5))).toEqual([190, 200, 210, 220]);
  });
});

describe("published facts are checked, not overwritten", () => {
  function published() {
    const g = weeklyGrid();
    // The table already holds ratings (one different from the tool's: row 8 is "TB" for the tool).
    g.values[4][3] = "TỐT";
    g.values[5][3] = "TỐT";
    g.values[6][3] = "TỐT";
    g.values[7][3] = "KHÁ";
    return g;
  }

  test("the published column is kept, the tool's values go to a new column, differences are listed once", () => {
    const g = published();
    const p = planWrite({ grid: g, read: weeklyRead(g), profile: weeklyProfile(), scored: scored() });
    const rating = p.columns.find((c) => c.field === "rating")!;
    expect(rating).toMatchObject({ added: true, header: "Xếp loại (tính lại)" });
    expect(p.conflicts).toEqual([]);
    expect(p.previous.some((s) => s.address.startsWith("D"))).toBe(false);
    expect(p.checks).toEqual([{ field: "rating", letter: "D", header: "rating", differences: [{ row: 7, name: expect.any(String), existing: "KHÁ", computed: "TB" }] }]);
    expect(publishedCheckLines(p.checks)[0]).toMatch(/^Xếp loại đã có \(cột D “rating”\) khác xếp loại tính lại ở 1 đơn vị: .+ \(“KHÁ” → “TB”\)\.$/);
  });

  test("published values that all agree with the tool's are filled in place (nothing changes)", () => {
    const g = published();
    g.values[7][3] = "TB";
    const p = planWrite({ grid: g, read: weeklyRead(g), profile: weeklyProfile(), scored: scored() });
    expect(p.columns.find((c) => c.field === "rating")).toMatchObject({ letter: "D", added: false });
    expect(p.checks).toBeUndefined();
    expect(p.conflicts).toEqual([]);
  });

  test("rerunning writes the same new column again and adds no other", () => {
    const g = published();
    const first = planWrite({ grid: g, read: weeklyRead(g), profile: weeklyProfile(), scored: scored() });
    const after = applyToGrid(g, first);
    const state = stateAfterWrite(first, { profile: { id: "tuan-thu" }, mapping: {}, at: new Date("2024-05-06T00:00:00Z") });
    const second = planWrite({ grid: after, read: weeklyRead(after), profile: weeklyProfile(), scored: scored(), state });
    expect(second.columns.map((c) => [c.field, c.letter])).toEqual(first.columns.map((c) => [c.field, c.letter]));
    expect(second.conflicts).toEqual([]);
    expect(second.checks?.[0].differences).toHaveLength(1);
  });
});

describe("a value typed into the tool's column is an edit to confirm, not a published column", () => {
  test("one rating corrected by hand in the last run's column: the column stays, the edit is a conflict", () => {
    const g = weeklyGrid();
    const first = planWrite({ grid: g, read: weeklyRead(g), profile: weeklyProfile(), scored: scored() });
    const after = applyToGrid(g, first);
    const state = stateAfterWrite(first, { profile: { id: "tuan-thu" }, mapping: {}, at: new Date("2024-05-06T00:00:00Z") });
    const ratingCol = first.columns.find((c) => c.field === "rating")!.letter;
    const col = ratingCol.charCodeAt(0) - 65;
    after.values[7][col] = "KHÁ"; // the tool wrote "TB" there
    const second = planWrite({ grid: after, read: weeklyRead(after), profile: weeklyProfile(), scored: scored(), state });
    expect(second.columns.find((c) => c.field === "rating")).toMatchObject({ letter: ratingCol, added: false });
    expect(second.conflicts.map((c) => [c.address, c.current])).toEqual([[`${ratingCol}8`, "KHÁ"]]);
    expect(second.checks).toBeUndefined();
  });

  test("a single rating typed into an empty column is a conflict, not a column of facts", () => {
    const g = weeklyGrid();
    g.values[5][3] = "KHÁ"; // the tool rates PHÚ HÙNG (89,21) "TỐT"
    const p = planWrite({ grid: g, read: weeklyRead(g), profile: weeklyProfile(), scored: scored() });
    expect(p.columns.find((c) => c.field === "rating")).toMatchObject({ letter: "D", added: false });
    expect(p.conflicts.map((c) => [c.address, c.current])).toEqual([["D6", "KHÁ"]]);
  });
});

describe("nothing is blanked because the tool has nothing to put there", () => {
  test("no previous period: the change column's values stay", () => {
    const g = weeklyGrid();
    const read = weeklyRead(g);
    read.mapping[5] = { ...read.mapping[5], source: "mapping" };
    for (const r of [4, 5, 6, 7]) g.values[r][5] = 1.5;
    const units = weeklyUnits().map((u) => ({ ...u, change: null }));
    const p = planWrite({ grid: g, read, profile: weeklyProfile(), scored: scored(units) });
    expect(p.conflicts).toEqual([]);
    const after = applyToGrid(g, p);
    expect([4, 5, 6, 7].map((r) => cellAt(after, r, 5))).toEqual([1.5, 1.5, 1.5, 1.5]);
  });
});

describe("formulas are the user's content", () => {
  test("a formula in a target cell is a conflict even when it shows the planned value, and undo gets its text", () => {
    const g = weeklyGrid();
    const read = weeklyRead(g);
    read.mapping[3] = { ...read.mapping[3], source: "mapping" };
    g.formulas = { D6: '=IF(C6>=80,"TỐT","KHÁ")', D7: '=IF(C7>=80,"TỐT","KHÁ")' };
    g.values[5][3] = "TỐT";
    const p = planWrite({ grid: g, read, profile: weeklyProfile(), scored: scored() });
    expect(p.conflicts.map((c) => [c.address, c.current])).toEqual([
      ["D6", '=IF(C6>=80,"TỐT","KHÁ")'],
      ["D7", '=IF(C7>=80,"TỐT","KHÁ")'],
    ]);
    expect(p.previous.find((s) => s.address === "D6")?.value).toBe('=IF(C6>=80,"TỐT","KHÁ")');
  });
});
