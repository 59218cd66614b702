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
