/**
 * The CLI bench case and its floor (bench/cli-case.ts) alternating in one process, so that both
 * see the same load on a shared machine (not part of `npm run bench`):
 *   ts-node --transpile-only bench/cli-ab.ts [input.xlsx] [runs]
 * Prints both medians, their ratio and the median of the per-pair ratios. As in the official
 * bench, no GC between runs unless node runs with --expose-gc.
 */
import { performance } from "node:perf_hooks";
import { loadWorkbook, saveWorkbook } from "../src/adapters/exceljs";
import { main } from "../src/cli/main";
import { collectGarbage, median } from "./timing";

async function run(): Promise<void> {
  const input = process.argv[2] ?? "/tmp/h8/qd766-10000.xlsx";
  const runs = Number(process.argv[3] ?? 5);
  const floor = async () => {
    const { workbook } = await loadWorkbook(input);
    await saveWorkbook(workbook, "/tmp/h8/ab-floor.xlsx");
  };
  const cli = async () => {
    const code = await main(["score", input, "--out", "/tmp/h8/ab-cli.xlsx"], { stdout: () => undefined, stderr: () => undefined });
    if (code !== 0) throw new Error(`exit ${code}`);
  };
  const t: Record<string, number[]> = { floor: [], cli: [] };
  await floor();
  await cli();
  for (let i = 0; i < runs; i++) {
    for (const [k, f] of [["floor", floor], ["cli", cli]] as const) {
      collectGarbage();
      const s = performance.now();
      await f();
      t[k].push(performance.now() - s);
    }
  }
  const ratios = t.cli.map((c, i) => c / t.floor[i]);
  console.log(`floor ${median(t.floor).toFixed(0)} [${t.floor.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`cli   ${median(t.cli).toFixed(0)} [${t.cli.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`ratio of medians ${(median(t.cli) / median(t.floor)).toFixed(3)}; median of pair ratios ${median(ratios).toFixed(3)}`);
}
run().catch((e) => { console.error(e); process.exit(1); });
