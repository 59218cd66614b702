/**
 * Where the CLI's time goes, phase by phase, at one size (not part of `npm run bench`):
 *   ts-node --transpile-only bench/cli-phases.ts [rows] [runs] [dir]
 * Times each step of `chiso766 score` in process next to the CLI's own loadWorkbook + saveWorkbook (the
 * floor, as bench/cli-case.ts), with a GC before each run when node runs with --expose-gc; prints medians in ms
 * and the CPU time ratio (less disturbed than wall time by other processes on the machine). The summary is built
 * before the save and only the workbook kept, as `chiso766 score` does. For a CPU profile run it under
 * `node --cpu-prof -r ts-node/register/transpile-only`; CLI_ONLY=1 skips the floor.
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { applyPlan, gridFromWorksheet, loadWorkbook, pickSheet, readState, saveWorkbook, writeState } from "../src/adapters/exceljs";
import { score } from "../src/engine";
import { mappingOf, planWrite, stateAfterWrite } from "../src/plan";
import { BUILTIN_PROFILES } from "../src/profiles";
import { readTable } from "../src/reader";
import { allProblems, MAX_UNIT_LINES, planLines, unitsTable } from "../src/cli/summary";
import { collectGarbage, median } from "./timing";
import { writeSyntheticWorkbook } from "./workbooks";

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const dir = process.argv[4] ?? "/tmp/chiso766-phases";
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, `qd766-${rows}.xlsx`);
  if (!existsSync(input)) await writeSyntheticWorkbook(input, rows);
  const out = path.join(dir, `out-${rows}.xlsx`);
  const phases: Record<string, number[]> = {};
  const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await fn();
    (phases[name] ??= []).push(performance.now() - t);
    return r;
  };
  for (let i = 0; i <= runs; i++) {
    collectGarbage();
    if (process.env.CLI_ONLY) {
      (phases["floor total"] ??= []).push(1);
    } else {
      // The floor the official bench uses: the CLI's own load and save with nothing in between,
      // in a function of its own so that its workbook is garbage before the CLI's run.
      const floor = async (): Promise<void> => {
        const f0 = performance.now();
        const fc0 = process.cpuUsage();
        const { workbook: wb0 } = await time("floor load", () => loadWorkbook(input));
        await time("floor save", () => saveWorkbook(wb0, path.join(dir, `floor-${rows}.xlsx`)));
        (phases["floor total"] ??= []).push(performance.now() - f0);
        const fc = process.cpuUsage(fc0);
        (phases["floor cpu"] ??= []).push((fc.user + fc.system) / 1000);
      };
      await floor();
    }
    collectGarbage();
    const c0 = performance.now();
    const cc0 = process.cpuUsage();
    const { workbook } = await time("load", () => loadWorkbook(input));
    // As `chiso766 score` does: everything but the workbook and the summary text is garbage by the save.
    const prepare = async (): Promise<number> => {
      const ws = pickSheet(workbook);
      const grid = await time("grid", () => gridFromWorksheet(ws));
      const state = readState(workbook);
      const read = await time("reader", () => readTable(grid, { profiles: BUILTIN_PROFILES, state } as never));
      const profile = BUILTIN_PROFILES.find((p) => p.id === read.profileId)!;
      const scored = await time("engine", () => score(read.units, profile, { sheet: grid.sheet }));
      const plan = await time("plan", () => planWrite({ grid, read, profile, scored, state }));
      await time("apply", () => applyPlan(workbook, plan));
      const st = await time("state build", () => stateAfterWrite(plan, { profile, mapping: mappingOf(read.mapping) }));
      await time("state write", () => writeState(workbook, st));
      return time("summary", () => [unitsTable(scored, profile, MAX_UNIT_LINES), allProblems(read, scored), planLines(plan)].join("\n").length);
    };
    await prepare();
    await time("save", () => saveWorkbook(workbook, out));
    (phases["cli total"] ??= []).push(performance.now() - c0);
    const cc = process.cpuUsage(cc0);
    (phases["cli cpu"] ??= []).push((cc.user + cc.system) / 1000);
    if (i === 0) for (const k of Object.keys(phases)) phases[k] = []; // warm-up
  }
  for (const [k, v] of Object.entries(phases)) console.log(`${k.padEnd(12)} ${median(v).toFixed(0).padStart(6)} ms   [${v.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`ratio        ${(median(phases["cli total"]) / median(phases["floor total"])).toFixed(2)}× (CPU time, main and GC threads: ${(median(phases["cli cpu"] ?? [0]) / median(phases["floor cpu"] ?? [1])).toFixed(2)}×)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
