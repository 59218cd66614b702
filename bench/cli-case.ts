/**
 * One CLI bench case, run in its own process so that its peak memory is its own:
 *   cli-case.ts <cli|floor> <input.xlsx> <output.xlsx> <runs>
 * "cli" runs `chiso766 score` through main() (read, detect, score, plan, write, summary);
 * "floor" reads and writes the same workbook with nothing in between, through the CLI's own
 * exceljs load and save (so a faster save helps both sides and the ratio is scoring overhead only).
 * Prints one JSON line: { times (ms), maxRssKb, rssAfterLoadKb }.
 */
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { collectGarbage } from "./timing";

type Main = (argv: string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }) => Promise<number>;

async function caseRunner(mode: string, input: string, output: string): Promise<() => Promise<void>> {
  if (mode === "floor") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const io = require(path.join(__dirname, "../src/adapters/exceljs")) as typeof import("../src/adapters/exceljs");
    return async () => {
      const { workbook } = await io.loadWorkbook(input);
      await io.saveWorkbook(workbook, output);
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(path.join(__dirname, "../src/cli/main")) as { main: Main };
  return async () => {
    let stderr = "";
    const code = await main(["score", input, "--out", output], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    if (code !== 0) throw new Error(`chiso766 score exited with ${code}: ${stderr.slice(0, 500)}`);
  };
}

async function runCase(): Promise<void> {
  const [mode, input, output, runsText] = process.argv.slice(2);
  const run = await caseRunner(mode, input, output);
  const rssAfterLoadKb = Math.round(process.memoryUsage().rss / 1024);
  const times: number[] = [];
  const runs = Number(runsText);
  await run(); // warm-up: JIT, exceljs's lazily built tables
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  process.stdout.write(`${JSON.stringify({ times, maxRssKb: process.resourceUsage().maxRSS, rssAfterLoadKb })}\n`);
}

runCase().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
