/**
 * CLI, installed as users install it: `npm pack`, the tarball installed into an empty folder,
 * and its `chiso766` run in fresh processes.
 * - Start-up: CPU of `chiso766 profiles` against `node` loading exceljs alone.
 * - End to end at 3,838 rows, both table kinds: CPU of `chiso766 score` against the I/O floor,
 *   exceljs alone reading the input and writing the same scored workbook (bench/io-floor.js,
 *   given the cells the CLI changed), start-up included on both sides.
 * The sides alternate, and which goes first alternates too; medians are compared. CPU time is
 * the budget's measure (wall-clock on this shared 2-core machine swings with other processes);
 * wall-clock medians are printed beside it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { timeProcess, type ProcessTime } from "./processes";
import { bytes, ms, ratio, type Budget, type PartResult, type Row } from "./report";
import { benchTable, TABLE_KINDS, writeTableWorkbook } from "./tables";
import { median } from "./timing";

export const STARTUP_BUDGET = 2;
export const CLI_BUDGET = 1.3;
export const CLI_ROWS = 3_838;
const ROOT = path.join(__dirname, "..");

/** Packs the checkout and installs the tarball into `dir`/app; the installed bin's path. */
function installPackage(dir: string): { bin: string; tarball: string } {
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as { filename: string }[];
  const tarball = path.join(dir, packed[0].filename);
  const app = path.join(dir, "app");
  mkdirSync(app);
  execFileSync("npm", ["install", "--no-package-lock", "--no-audit", "--no-fund", tarball], { cwd: app, stdio: "ignore" });
  return { bin: path.join(app, "node_modules", "chiso766", "bin", "chiso766.js"), tarball };
}

type CellChange = [row: number, col: number, value: unknown, numFmt: string | null, underline: unknown];

/** The cells of `output` that differ from `input` (value, number format, underline), and sheets it added. */
async function changedCells(input: string, output: string): Promise<{ sheets: { name: string; state: string; cells: CellChange[] }[]; count: number }> {
  const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await a.xlsx.readFile(input);
  await b.xlsx.readFile(output);
  const sheets: { name: string; state: string; cells: CellChange[] }[] = [];
  let count = 0;
  b.eachSheet((ws) => {
    const before = a.getWorksheet(ws.name);
    const cells: CellChange[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const old = before?.getCell(r, c);
        const underline = cell.font?.underline ?? null;
        const same = old && JSON.stringify(old.value) === JSON.stringify(cell.value) && (old.numFmt ?? null) === (cell.numFmt ?? null) && (old.font?.underline ?? null) === underline;
        if (!same) cells.push([r, c, cell.value, cell.numFmt ?? null, underline]);
      });
    });
    count += cells.length;
    if (cells.length > 0 || !before) sheets.push({ name: ws.name, state: ws.state, cells });
  });
  return { sheets, count };
}

/** `rounds` alternating pairs of fresh processes; the first pair is a warm-up (page cache). */
function alternate(a: () => ProcessTime, b: () => ProcessTime, rounds: number): { a: ProcessTime[]; b: ProcessTime[] } {
  a();
  b();
  const out = { a: [] as ProcessTime[], b: [] as ProcessTime[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      out.a.push(a());
      out.b.push(b());
    } else {
      out.b.push(b());
      out.a.push(a());
    }
  }
  return out;
}

const cpu = (xs: ProcessTime[]) => median(xs.map((x) => x.cpuMs));
const wall = (xs: ProcessTime[]) => median(xs.map((x) => x.wallMs));

export async function benchCli(options: { rounds: number; rows?: number }): Promise<PartResult> {
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "chiso766-bench-cli-"));
  const size = options.rows ?? CLI_ROWS;
  try {
    const { bin, tarball } = installPackage(dir);
    rows.push({ part: "CLI", case: "package", metric: "tarball installed into an empty folder", value: bytes(statSync(tarball).size), note: path.basename(tarball) });

    const exceljs = require.resolve("exceljs", { paths: [ROOT] });
    const start = alternate(
      () => timeProcess(process.execPath, [bin, "profiles"], dir),
      () => timeProcess(process.execPath, ["-e", `require(${JSON.stringify(exceljs)})`], dir),
      options.rounds * 2 + 1,
    );
    const startRatio = cpu(start.a) / cpu(start.b);
    rows.push(
      { part: "CLI", case: "start-up", metric: "chiso766 profiles: CPU / wall, median", value: `${ms(cpu(start.a))} / ${ms(wall(start.a))}`, note: `${start.a.length} fresh processes` },
      { part: "CLI", case: "start-up", metric: "node loading exceljs alone: CPU / wall, median", value: `${ms(cpu(start.b))} / ${ms(wall(start.b))}`, note: `${start.b.length} fresh processes, alternating` },
    );
    budgets.push({
      name: "CLI start-up ≤ 2× node loading exceljs (CPU)",
      limit: `≤ ${STARTUP_BUDGET}×`,
      measured: `${ratio(startRatio)} (${ms(cpu(start.a))} vs ${ms(cpu(start.b))})`,
      pass: startRatio <= STARTUP_BUDGET,
    });

    for (const kind of TABLE_KINDS) {
      const table = benchTable(kind, size);
      const input = path.join(dir, `${kind}-${size}.xlsx`);
      await writeTableWorkbook(input, table);
      const cliOut = path.join(dir, `${kind}-cli.xlsx`);
      timeProcess(process.execPath, [bin, "score", input, "--out", cliOut], dir);
      const changes = await changedCells(input, cliOut);
      const changesFile = path.join(dir, `${kind}-changes.json`);
      writeFileSync(changesFile, JSON.stringify(changes));
      const floorOut = path.join(dir, `${kind}-floor.xlsx`);
      const label = `${kind} table, ${size.toLocaleString("en")} rows × ${table.values[0].length} columns (${bytes(statSync(input).size)})`;
      // A new output file, as the floor writes one: replacing an earlier output is measured apart.
      const run = alternate(
        () => {
          rmSync(cliOut, { force: true });
          return timeProcess(process.execPath, [bin, "score", input, "--out", cliOut], dir);
        },
        () => timeProcess(process.execPath, [path.join(__dirname, "io-floor.js"), input, changesFile, floorOut], dir),
        options.rounds,
      );
      const r = cpu(run.a) / cpu(run.b);
      const again = Array.from({ length: Math.max(1, Math.ceil(options.rounds / 2)) }, () => timeProcess(process.execPath, [bin, "score", input, "--out", cliOut], dir));
      rows.push(
        { part: "CLI", case: label, metric: "chiso766 score: CPU / wall, median", value: `${ms(cpu(run.a))} / ${ms(wall(run.a))}`, note: `${run.a.length} fresh processes; output ${bytes(statSync(cliOut).size)}` },
        {
          part: "CLI",
          case: label,
          metric: "I/O floor (exceljs read + write the same result): CPU / wall, median",
          value: `${ms(cpu(run.b))} / ${ms(wall(run.b))}`,
          note: `${run.b.length} fresh processes, alternating; ${changes.count.toLocaleString("en")} cells changed or added (${changes.sheets.map((s) => s.name).join(", ")}); output ${bytes(statSync(floorOut).size)}`,
        },
        {
          part: "CLI",
          case: label,
          metric: "chiso766 score again into its own earlier output: CPU / wall, median",
          value: `${ms(cpu(again))} / ${ms(wall(again))}`,
          note: `${again.length} fresh processes; no budget: reading the earlier output once to check it is chiso766's, from the same input, costs ${ratio(cpu(again) / cpu(run.a))} of a new file`,
        },
        { part: "CLI", case: label, metric: "CLI ÷ floor: CPU (wall)", value: `${ratio(r)} (${ratio(wall(run.a) / wall(run.b))})`, note: `by pair (CPU): ${run.a.map((x, i) => ratio(x.cpuMs / run.b[i].cpuMs)).join(", ")}` },
      );
      budgets.push({
        name: `CLI ≤ 1.3× I/O floor, ${kind} table at ${size.toLocaleString("en")} rows (CPU)`,
        limit: `≤ ${CLI_BUDGET}×`,
        measured: `${ratio(r)} (${ms(cpu(run.a))} vs ${ms(cpu(run.b))}; wall ${ratio(wall(run.a) / wall(run.b))})`,
        pass: r <= CLI_BUDGET,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, budgets };
}
