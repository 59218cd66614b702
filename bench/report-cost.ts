/**
 * Report: the narrative, the appendix plan and the score cards ("Phiếu điểm") of each real-size
 * table, as the pane's worker and the CLI's --report build them, and how each grows from 400 to
 * 3,838 rows. Rows grow ≈9.6×; a part that grows much more than that is superlinear.
 */
import type { Grid } from "../src/model/grid";
import { ms, ratio, type Budget, type PartResult, type Row } from "./report";
import { benchTable, REAL_SIZES, SHEET, TABLE_KINDS, type TableKind } from "./tables";
import { median, timeRuns } from "./timing";

const STEPS = ["narrative", "appendix", "scorecards"] as const;
type Step = (typeof STEPS)[number];

/**
 * Each step at most twice as dear per unit at 3,838 rows as at 400 (≤ 19.2×): a superlinear step
 * grows ≈ 90× (quadratic). These steps take milliseconds, and at 3,838 units their data no longer
 * fits the CPU's caches, which alone makes a unit ≈ 1.2–1.5× dearer; the pane's 12× (issue #19)
 * is for work that takes seconds. The reads themselves are counted in tests/report/linear-cost.test.ts.
 */
const MAX_PER_UNIT_GROWTH = 2;

/* eslint-disable @typescript-eslint/no-require-imports -- the pipeline and the report are loaded when the bench runs them */
function stepsOf(kind: TableKind, rows: number): Record<Step, () => unknown> {
  const { runScoring } = require("../src/pipeline") as typeof import("../src/pipeline");
  const { BUILTIN_PROFILES } = require("../src/profiles") as typeof import("../src/profiles");
  const build = require("../src/taskpane/report/build") as typeof import("../src/taskpane/report/build");
  const table = benchTable(kind, rows);
  const grid: Grid = { sheet: SHEET, origin: { row: 0, col: 0 }, values: table.values, merges: table.merges };
  const run = runScoring(grid, { profiles: BUILTIN_PROFILES });
  const inputs = build.titleInputs(grid, 0);
  const narrative = build.narrativeOf(run, null);
  return {
    narrative: () => build.narrativeOf(run, null),
    appendix: () => build.appendixPlanOf(run, inputs, null, narrative),
    scorecards: () => build.scorecardPlanOf(run, inputs, null),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

export function benchReport(options: { runs: number; sizes?: number[] }): PartResult {
  const sizes = options.sizes ?? REAL_SIZES;
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  for (const kind of TABLE_KINDS) {
    const medians = new Map<string, number>();
    for (const size of sizes) {
      const steps = stepsOf(kind, size);
      for (const step of STEPS) {
        const time = median(timeRuns(steps[step], options.runs));
        medians.set(`${step}:${size}`, time);
        rows.push({ part: "Report", case: `${kind} table, ${size.toLocaleString("en")} rows`, metric: `${step} median`, value: ms(time), note: `${options.runs} runs after a warm-up` });
      }
    }
    if (sizes.length < 2) continue;
    const [small, large] = [sizes[0], sizes[sizes.length - 1]];
    const maxGrowth = (MAX_PER_UNIT_GROWTH * large) / small;
    for (const step of STEPS) {
      const growth = medians.get(`${step}:${large}`)! / medians.get(`${step}:${small}`)!;
      budgets.push({
        name: `Report ${step} grows linearly (${kind} table, ${small.toLocaleString("en")} → ${large.toLocaleString("en")} rows)`,
        limit: `≤ ${ratio(maxGrowth)}`,
        measured: ratio(growth),
        pass: growth <= maxGrowth,
      });
    }
  }
  return { rows, budgets };
}
