/**
 * The pane's state-read path (adapter.read → readStateChunks) with tampered states: each is
 * used or named as unusable in Vietnamese, never thrown, and bounded by the read sheet.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- these tests tamper with untyped JSON on purpose */
import fc from "fast-check";
import { STATE_SHEET } from "../../src/model/plan";
import { planWrite, stateAfterWrite, stateToChunks } from "../../src/plan";
import { SHEET_MARGIN } from "../../src/plan/state-codec";
import { MAX_STATE_CELLS } from "../../src/plan/state-schema";
import { parseA1 } from "../../src/model/grid";
import { weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "../plan/helpers";
import { mutate, mutationArb } from "../plan/state-hostile";
import { fakeFor } from "./helpers";

function storedDoc(): unknown {
  const grid = weeklyGrid();
  const plan = planWrite({ grid, read: weeklyRead(grid), profile: weeklyProfile(), scored: { profileId: "tuan-thu", units: weeklyUnits(), problems: [] }, state: null });
  return JSON.parse(stateToChunks(stateAfterWrite(plan, { profile: weeklyProfile(), mapping: { B: "name" } })).join(""));
}

async function readWith(stateText: string) {
  const { excel, adapter } = fakeFor(weeklyGrid());
  // Excel holds at most 32,767 characters in a cell: a long state takes a column of cells.
  const cells = stateText.match(/[\s\S]{1,30000}/g) ?? [""];
  excel.model.addSheetFrom({ name: STATE_SHEET, values: cells.map((c) => [c]), visibility: "VeryHidden" });
  return adapter.read();
}

describe("the pane reads a tampered state", () => {
  test("a newer version's state is named, a broken one described, a good one used", async () => {
    const doc = storedDoc() as any;
    expect((await readWith(JSON.stringify(doc))).stateIssue).toBeNull();
    expect((await readWith(JSON.stringify(doc))).state?.lastRun?.sheet).toBe("Phụ lục 1");
    const newer = await readWith(JSON.stringify({ ...doc, version: 3, app: "1.2.0" }));
    expect(newer.state).toBeNull();
    expect(newer.stateIssue?.message).toMatch(/mới hơn \(1\.2\); hãy cập nhật chiso766/);
    doc.lastRun.segments[0].a = "A99999999";
    const bad = await readWith(JSON.stringify(doc));
    expect(bad.state).toBeNull();
    expect(bad.stateIssue?.kind).toBe("broken");
  });

  test("a state sheet with more rows than any state has is named too large without reading them all", async () => {
    const { excel, adapter } = fakeFor(weeklyGrid());
    excel.model.addSheetFrom({ name: STATE_SHEET, values: Array.from({ length: 5000 }, () => ["x".repeat(30000)]), visibility: "VeryHidden" });
    const snap = await adapter.read();
    expect(snap.state).toBeNull();
    expect(snap.stateIssue?.message).toMatch(/quá lớn \(5000 ô/);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(excel.stats.syncs).toBeLessThanOrEqual(2);
  });

  test("mutated states never throw from read, and each unusable one has a Vietnamese reason", async () => {
    const doc = storedDoc();
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const snap = await readWith(JSON.stringify(mutate(doc, mutations)));
        if (snap.stateIssue) expect(snap.stateIssue.message).toMatch(/[ăâđêôơưạ-ỹ]/i);
        else if (snap.state?.lastRun) {
          const { lastRun } = snap.state;
          expect(lastRun.written.length).toBeLessThanOrEqual(MAX_STATE_CELLS);
          // On the sheet read, within its used area widened by SHEET_MARGIN. A last run on a sheet no
          // longer in the workbook (renamed, deleted) is kept for its method and mapping; undo says it is gone.
          if (lastRun.sheet === snap.grid.sheet) {
            const rows = snap.grid.origin.row + snap.grid.values.length + SHEET_MARGIN;
            const cols = snap.grid.origin.col + Math.max(...snap.grid.values.map((r) => r.length)) + SHEET_MARGIN;
            for (const w of lastRun.written) {
              const c = parseA1(w.address)!;
              expect(c.row < rows && c.col < cols).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
