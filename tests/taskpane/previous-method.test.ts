/** "So với kỳ trước" in the pane: periods scored under different methods or versions are said to be not comparable. */
import { compareWithPrevious, messageOf, narrativeOf } from "../../src/taskpane/report/build";
import { defaultScoring } from "../../src/taskpane/scoring";
import { runScoring } from "../../src/pipeline";
import { phuTanGrid } from "../office/phu-tan-grid";

const scoring = defaultScoring();
const run = runScoring(phuTanGrid(), { profiles: scoring.profiles });
const inputs = { title: "", period: "", cutoffDate: "", references: "" };

test("the same method and version: changes are compared", () => {
  const comparison = compareWithPrevious(run, { sheet: "T4", label: "T4", scored: run.scored, method: run.profile });
  expect(comparison?.notComparable).toBeUndefined();
  expect(comparison?.matched.length).toBeGreaterThan(0);
});

test("another version of the method: the pane's comparison, narrative and message say so plainly", () => {
  const previous = { sheet: "T4", label: "T4", scored: run.scored, method: { id: run.profile.id, name: run.profile.name, version: "2023" } };
  const comparison = compareWithPrevious(run, previous);
  expect(comparison?.notComparable).toBe(
    `Kỳ trước được chấm theo phương pháp “${run.profile.name}” (phiên bản 2023), kỳ này theo “${run.profile.name}” (phiên bản ${run.profile.version}): điểm và hạng của hai kỳ không so sánh được với nhau, nên không nêu tăng, giảm.`,
  );
  const narrative = narrativeOf(run, comparison);
  expect(JSON.stringify(narrative)).toContain("không so sánh được");
  const message = messageOf(run, inputs, comparison);
  expect(message).toContain("không so sánh được");
  expect(message).not.toMatch(/giảm \d|tăng \d/);
});
