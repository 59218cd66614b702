/**
 * The report's work grows with the units, not with their square (a national list has 3,838):
 * each step reads the scored units' properties a number of times proportional to the units.
 * Counted, not timed: 4× the units must cost about 4× the reads (a sort adds a little), where
 * a loop over all units inside a loop over units (a filter per page, a find per row) costs 16×.
 */
import type { Grid } from "../../src/model/grid";
import type { ScoredUnit, ScoreResult } from "../../src/model/units";
import { runScoring, type RunResult } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { buildGroupMessage } from "../../src/report/message";
import { compareResults } from "../../src/report/compare";
import { renderReportCharts } from "../../src/report/charts";
import { appendixPlanOf, narrativeOf, scorecardPlanOf, titleInputs, type ReportRun } from "../../src/taskpane/report/build";
import type { Comparison } from "../../src/report/types";
import { benchTable, SHEET, type TableKind } from "../../bench/tables";

const SMALL = 100;
const LARGE = 400;
/** Linear: 4×; n log n sorts: ≈ 5×; quadratic: 16×. */
const MAX_GROWTH = 7;

interface Counted {
  run: ReportRun;
  previous: ScoreResult;
  reads: { n: number };
}

function scoredTable(kind: TableKind, rows: number): RunResult {
  const table = benchTable(kind, rows);
  const grid: Grid = { sheet: SHEET, origin: { row: 0, col: 0 }, values: table.values, merges: table.merges };
  return runScoring(grid, { profiles: BUILTIN_PROFILES });
}

/** The scored units behind proxies that count every property read. */
function counted(kind: TableKind, rows: number): Counted {
  const reads = { n: 0 };
  const count = (units: ScoredUnit[]) =>
    units.map(
      (u) =>
        new Proxy(u, {
          get(target, key, receiver) {
            reads.n++;
            return Reflect.get(target, key, receiver);
          },
        }),
    );
  const current = scoredTable(kind, rows);
  // The last period: another draw of the same size, so units pair by name and totals change.
  const before = scoredTable(kind, rows + 1).scored;
  const run = { ...current, scored: { ...current.scored, units: count(current.scored.units) } };
  return { run, previous: { ...before, units: count(before.units.slice(0, rows)) }, reads };
}

type Step = (c: Counted, comparison: Comparison) => unknown;

const STEPS: [string, Step][] = [
  ["comparison", (c) => compareResults(c.run.scored, c.previous, { previousPeriod: "Tháng 4" })],
  ["narrative", (c, comparison) => narrativeOf(c.run, comparison)],
  ["appendix plan", (c, comparison) => appendixPlanOf(c.run, titleInputs(null, 0), comparison, narrativeOf(c.run, comparison))],
  ["score cards", (c, comparison) => scorecardPlanOf(c.run, titleInputs(null, 0), comparison)],
  ["chat-group message", (c, comparison) => buildGroupMessage(c.run.scored, c.run.profile, { comparison })],
  ["charts", (c) => renderReportCharts(c.run.scored, c.run.profile)],
];

function readsOf(step: Step, c: Counted): number {
  const comparison = compareResults(c.run.scored, c.previous, { previousPeriod: "Tháng 4" });
  c.reads.n = 0;
  step(c, comparison);
  return c.reads.n;
}

describe.each(["indicator", "group"] as TableKind[])("report cost on the %s table", (kind) => {
  const small = counted(kind, SMALL);
  const large = counted(kind, LARGE);

  it.each(STEPS)("%s reads each unit a bounded number of times", (_name, step) => {
    const few = readsOf(step, small);
    const many = readsOf(step, large);
    expect(few).toBeGreaterThan(0);
    expect(many / few).toBeLessThanOrEqual(MAX_GROWTH);
  });
});
