/** The pane and the CLI list one problem per cell: the worst, in the place of the cell's first problem. */
import { onePerCell } from "../../src/model/problems";
import type { Problem } from "../../src/model/units";

const p = (cell: string | undefined, severity: Problem["severity"], code: string, message = code): Problem => ({ cell, severity, code, message });

test("a value above its maximum, a reader warning and an engine error, is listed once, as the error", () => {
  const out = onePerCell([p("'A'!D7", "warning", "above-max", "lớn hơn"), p("'A'!C5", "warning", "weak-match"), p("'A'!D7", "error", "above-max", "vượt quá")]);
  expect(out.map((x) => [x.cell, x.severity, x.message])).toEqual([
    ["'A'!D7", "error", "vượt quá"],
    ["'A'!C5", "warning", "weak-match"],
  ]);
});

test("a cell that is not a number is not also reported as missing; problems without a cell are kept once each", () => {
  const out = onePerCell([p("'A'!D6", "error", "not-a-number"), p("'A'!D6", "error", "missing"), p(undefined, "warning", "missing-column", "x"), p(undefined, "warning", "missing-column", "x"), p(undefined, "warning", "missing-column", "y")]);
  expect(out.map((x) => x.code)).toEqual(["not-a-number", "missing-column", "missing-column"]);
});

test("a problem that only follows from another cell's is said on that cell's line, once", () => {
  const bad = p("'A'!D6", "error", "not-a-number", '"16/,6" không phải là số');
  const notRated: Problem = { ...p("'A'!B6", "error", "not-rated", "Chưa xếp loại, xếp hạng vì …"), follows: { cell: "'A'!D6", effect: "UBND xã A: chưa xếp loại, xếp hạng" } };
  const out = onePerCell([bad, p("'A'!D6", "error", "missing"), notRated]);
  expect(out.map((x) => [x.cell, x.message])).toEqual([["'A'!D6", '"16/,6" không phải là số — UBND xã A: chưa xếp loại, xếp hạng']]);
  // Without the cause in the list, the consequence keeps its own line.
  expect(onePerCell([notRated]).map((x) => x.cell)).toEqual(["'A'!B6"]);
});
