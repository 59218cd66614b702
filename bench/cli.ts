/**
 * CLI: `chiso766 score` end to end (read, score, write) on synthetic 1k- and 10k-row workbooks,
 * against exceljs reading and writing the same workbook (the I/O floor). Each case runs in its
 * own process (bench/cli-case.ts) for its peak memory. On this shared 2-core machine one process
 * can be 15 % slower than the next, so floor and CLI processes alternate for a few rounds and the
 * times are medians of all their runs (after each process's warm-up); the note gives each
 * round's ratio, so the spread is in the table.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runTsChild } from "./child";
import { bytes, ms, ratio, skipped, type PartResult, type Row } from "./report";
import { median } from "./timing";
import { writeSyntheticWorkbook } from "./workbooks";

export const CLI_SIZES = [1_000, 10_000];
export const CLI_BUDGET = 1.3;

interface CaseResult {
  times: number[];
  maxRssKb: number;
  rssAfterLoadKb: number;
}

export async function benchCli(options: { runs: number; rounds?: number; sizes?: number[] }): Promise<PartResult> {
  const root = path.join(__dirname, "..");
  const needed = ["src/cli/main.ts", "src/cli/score.ts", "src/adapters/exceljs/index.ts", "src/pipeline.ts"];
  const missing = needed.filter((f) => !existsSync(path.join(root, f)));
  if (missing.length > 0) return skipped("CLI", `missing ${missing.join(", ")}`, ["CLI ≤ 1.3× I/O floor at 10k rows"]);

  const dir = mkdtempSync(path.join(tmpdir(), "chiso766-bench-"));
  const rows: Row[] = [];
  const budgets: PartResult["budgets"] = [];
  try {
    for (const size of options.sizes ?? CLI_SIZES) {
      const input = path.join(dir, `qd766-${size}.xlsx`);
      await writeSyntheticWorkbook(input, size);
      const label = `${size.toLocaleString("en")} rows (${bytes(statSync(input).size)})`;
      const rounds = options.rounds ?? 1;
      const floor: CaseResult = { times: [], maxRssKb: 0, rssAfterLoadKb: 0 };
      const cli: CaseResult = { times: [], maxRssKb: 0, rssAfterLoadKb: 0 };
      const roundRatios: number[] = [];
      const add = (into: CaseResult, r: CaseResult) => {
        into.times.push(...r.times);
        into.maxRssKb = Math.max(into.maxRssKb, r.maxRssKb);
        into.rssAfterLoadKb = Math.max(into.rssAfterLoadKb, r.rssAfterLoadKb);
      };
      try {
        for (let round = 0; round < rounds; round++) {
          // Which goes first alternates too, so that neither side always meets a warmer page cache.
          const runFloor = () => runTsChild<CaseResult>("cli-case.ts", ["floor", input, path.join(dir, `floor-${size}.xlsx`), String(options.runs)]);
          const runCli = () => runTsChild<CaseResult>("cli-case.ts", ["cli", input, path.join(dir, `cli-${size}.xlsx`), String(options.runs)]);
          let f: CaseResult;
          let c: CaseResult;
          if (round % 2 === 0) {
            f = await runFloor();
            c = await runCli();
          } else {
            c = await runCli();
            f = await runFloor();
          }
          add(floor, f);
          add(cli, c);
          roundRatios.push(median(c.times) / median(f.times));
        }
      } catch (e) {
        rows.push({ part: "CLI", case: label, metric: "—", value: "lỗi (failed)", note: (e as Error).message.slice(0, 300) });
        if (size === 10_000) budgets.push({ name: "CLI ≤ 1.3× I/O floor at 10k rows", limit: `≤ ${CLI_BUDGET}×`, measured: "failed", pass: false, why: (e as Error).message.slice(0, 300) });
        continue;
      }
      const cliMedian = median(cli.times);
      const floorMedian = median(floor.times);
      const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
      rows.push(
        {
          part: "CLI",
          case: label,
          metric: "score end to end, median",
          value: ms(cliMedian),
          note: `${cli.times.length} runs: ${rounds} process${rounds > 1 ? "es" : ""} alternating with the floor's, ${options.runs} runs each after a warm-up`,
        },
        { part: "CLI", case: label, metric: "I/O floor (exceljs read + write), median", value: ms(floorMedian), note: `${floor.times.length} runs` },
        {
          part: "CLI",
          case: label,
          metric: "CLI ÷ I/O floor",
          value: ratio(cliMedian / floorMedian),
          note: rounds > 1 ? `by round: ${roundRatios.map((r) => ratio(r)).join(", ")}` : "",
        },
        {
          part: "CLI",
          case: label,
          metric: "peak RSS: CLI / floor",
          value: `${mb(cli.maxRssKb)} / ${mb(floor.maxRssKb)}`,
          note: `process maxRSS; ${mb(cli.rssAfterLoadKb)} / ${mb(floor.rssAfterLoadKb)} of it is node + ts-node + modules before the first run`,
        },
      );
      if (size === 10_000) {
        budgets.push({
          name: "CLI ≤ 1.3× I/O floor at 10k rows",
          limit: `≤ ${CLI_BUDGET}×`,
          measured: `${ratio(cliMedian / floorMedian)} (${ms(cliMedian)} vs ${ms(floorMedian)})`,
          pass: cliMedian / floorMedian <= CLI_BUDGET,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, budgets };
}
