/**
 * Engine: score() on the units the table reader finds in each real-size table (bench/tables.ts),
 * as the pipeline calls it. Reported without a budget: at 3,838 rows it is a small
 * part of what users wait for; the CLI and Office budgets are end to end.
 */
import { performance } from "node:perf_hooks";
import type { Grid } from "../src/model/grid";
import { ms, type PartResult, type Row } from "./report";
import { benchTable, REAL_SIZES, SHEET, TABLE_KINDS } from "./tables";
import { collectGarbage, median } from "./timing";

/* eslint-disable @typescript-eslint/no-require-imports -- the engine is loaded when the bench runs it */
export function benchEngine(options: { runs: number; sizes?: number[] }): PartResult {
  const { score } = require("../src/engine") as typeof import("../src/engine");
  const { readTable } = require("../src/reader") as typeof import("../src/reader");
  const { BUILTIN_PROFILES, getProfile } = require("../src/profiles") as typeof import("../src/profiles");
  const rows: Row[] = [];
  for (const kind of TABLE_KINDS) {
    for (const size of options.sizes ?? REAL_SIZES) {
      const table = benchTable(kind, size);
      const grid: Grid = { sheet: SHEET, origin: { row: 0, col: 0 }, values: table.values, merges: table.merges };
      const read = readTable(grid, { profiles: BUILTIN_PROFILES });
      const profile = getProfile(read.profileId)!;
      const run = () => score(read.units, profile, { sheet: SHEET });
      run();
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        collectGarbage();
        const start = performance.now();
        run();
        times.push(performance.now() - start);
      }
      rows.push({
        part: "Engine",
        case: `${kind} table, ${size.toLocaleString("en")} rows`,
        metric: "score() median (no budget)",
        value: ms(median(times)),
        note: `${options.runs} runs after a warm-up; profile ${profile.id}, ${read.units.length.toLocaleString("en")} units`,
      });
    }
  }
  return { rows, budgets: [] };
}
/* eslint-enable @typescript-eslint/no-require-imports */
