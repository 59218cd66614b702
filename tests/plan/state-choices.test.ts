/**
 * The user's levels and ranking travel in the workbook state: written, read back, kept by an
 * undo, bounded and validated like the rest of a received state, and absent from old states
 * (which still read).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- these tests tamper with untyped JSON on purpose */
import type { UserChoices } from "../../src/model/choices";
import { planWrite, readStateChunks, stateAfterUndo, stateAfterWrite, stateToChunks } from "../../src/plan";
import { weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";

const CHOICES: UserChoices = {
  levels: { table: "commune", sections: { II: "district" }, rows: { "12": "department", "UBND xã A": "commune" } },
  ranking: { scope: "all", tie: "table-order" },
};

function stateWith(choices?: UserChoices) {
  const grid = weeklyGrid();
  const plan = planWrite({ grid, read: weeklyRead(grid), profile: weeklyProfile(), scored: { profileId: "tuan-thu", units: weeklyUnits(), problems: [] }, state: null });
  return stateAfterWrite(plan, { profile: weeklyProfile(), mapping: { B: "name", C: "total" }, choices, at: new Date("2024-05-06T01:02:03Z") });
}
const stored = (choices?: UserChoices) => JSON.parse(stateToChunks(stateWith(choices)).join("")) as Record<string, any>;
const read = (doc: unknown) => readStateChunks([JSON.stringify(doc)]);

describe("the user's choices in the state", () => {
  test("round trip: written with the run, read back equal, kept by an undo", () => {
    const doc = stored(CHOICES);
    expect(doc.choices).toEqual(CHOICES);
    const r = read(doc);
    expect(r.issue).toBeNull();
    expect(r.state?.choices).toEqual(CHOICES);
    expect(stateAfterUndo(r.state!).choices).toEqual(CHOICES);
    const again = readStateChunks(stateToChunks(stateAfterUndo(r.state!)));
    expect(again.state?.choices).toEqual(CHOICES);
    expect(again.state?.lastRun).toBeNull();
  });

  test("no choice, no entry: a state without one (every state before 0.2.1) still reads", () => {
    const doc = stored();
    expect("choices" in doc).toBe(false);
    expect(stored({}).choices).toBeUndefined();
    const r = read(doc);
    expect(r.issue).toBeNull();
    expect(r.state?.choices).toBeUndefined();
  });

  test.each([
    ["an unknown level", { levels: { table: "quận" } }],
    ["an unknown ranking scope", { ranking: { scope: "random" } }],
    ["an unknown key (code hidden in the choices)", { levels: { table: "commune", script: "alert(1)" } }],
    ["a key longer than a heading", { levels: { rows: { ["x".repeat(201)]: "commune" } } }],
    ["more row entries than any table has", { levels: { rows: Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [String(i + 1), "commune"])) } }],
    ["a level that is not text", { levels: { sections: { II: 3 } } }],
  ])("%s is refused in Vietnamese, naming the choices", (_what, choices) => {
    const doc = stored();
    doc.choices = choices;
    const r = read(doc);
    expect(r.state).toBeNull();
    expect(r.issue?.kind).toBe("broken");
    expect(r.issue?.message).toContain("cấp đơn vị và cách xếp hạng đã chọn");
  });
});
