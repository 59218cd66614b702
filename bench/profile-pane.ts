/**
 * Profiles the pane on the playground (not part of `npm run bench`): one table, the four
 * actions, each traced in Chromium (tasks and CPU samples of the renderer's main thread); prints
 * every task over --min ms with the functions its samples fell in, inclusive and self, and the
 * pane's long tasks as "duration@start" (ms from the click). NO_TRACE=1: long tasks only (the
 * tracing's own cost can inflate layout). Traces are kept in the temp folder (pane-*.trace.json).
 *
 *   PLAYGROUND_PANE_DIR=/tmp/pane-unminified npx ts-node --transpile-only bench/profile-pane.ts [kind] [rows] [first action words] [--min 120]
 *
 * An unminified build names the functions: webpack --mode production --no-optimization-minimize --output-path /tmp/pane-unminified
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { benchTable, writeTableWorkbook, type TableKind } from "./tables";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; id?: string; args?: { name?: string; data?: { startTime?: number; cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } } }

/** Tasks of the renderer's main thread over `min` ms, each with the functions its CPU samples fell in. */
function analyseTrace(events: TraceEvent[], min: number, label: string): void {
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  for (const main of mains) {
    const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.name === "RunTask" && (e.dur ?? 0) / 1000 >= min);
    if (tasks.length === 0) continue;
    // CPU samples of this thread: Profile (start) and ProfileChunk events share an id.
    const nodes = new Map<number, Node & { parent?: number }>();
    const samples: { ts: number; node: number }[] = [];
    const starts = new Map<string, number>();
    for (const e of events) if (e.pid === main.pid && e.tid === main.tid && e.name === "Profile") starts.set(e.id!, e.args!.data!.startTime!);
    const clock = new Map(starts);
    for (const e of events) {
      if (e.name !== "ProfileChunk" || e.pid !== main.pid || !clock.has(e.id!)) continue;
      const data = e.args!.data!;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, { ...n, parent: (n as unknown as { parent?: number }).parent });
      let t = clock.get(e.id!)!;
      const deltas = data.timeDeltas ?? [];
      (data.cpuProfile?.samples ?? []).forEach((s, i) => {
        t += deltas[i] ?? 0;
        samples.push({ ts: t, node: s });
      });
      clock.set(e.id!, t);
    }
    const name = (n: Node) => `${n.callFrame.functionName || "(anon)"} ${(n.callFrame.url ?? "").replace(/^.*\//, "")}:${(n.callFrame.lineNumber ?? -1) + 1}`;
    for (const task of tasks) {
      const end = task.ts + task.dur!;
      const inTask = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
      const incl = new Map<string, number>();
      const self = new Map<string, number>();
      const per = inTask.length ? task.dur! / 1000 / inTask.length : 0;
      for (const s of inTask) {
        let id: number | undefined = s.node;
        const seen = new Set<string>();
        const leaf = nodes.get(id);
        if (leaf) self.set(name(leaf), (self.get(name(leaf)) ?? 0) + per);
        while (id !== undefined) {
          const n = nodes.get(id);
          if (!n) break;
          const k = name(n);
          if (!seen.has(k)) {
            seen.add(k);
            incl.set(k, (incl.get(k) ?? 0) + per);
          }
          id = n.parent;
        }
      }
      const top = (m: Map<string, number>, n: number) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `    ${v.toFixed(0).padStart(5)} ${k}`).join("\n");
      console.log(`\n=== ${label}: task ${(task.dur! / 1000).toFixed(0)} ms (${inTask.length} samples)\n  inclusive:\n${top(incl, 40)}\n  self:\n${top(self, 15)}`);
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const minAt = args.indexOf("--min");
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 120;
  const rest = args.filter((_, i) => i !== minAt && i !== minAt + 1);
  const kind = (rest[0] ?? "indicator") as TableKind;
  const rows = Number(rest[1] ?? 3838);
  const only = rest[2];
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { startPlayground } = require("../playground/serve") as { startPlayground(): Promise<{ url: string; close(): Promise<void> }> };
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dir = mkdtempSync(path.join(tmpdir(), "chiso766-profile-"));
  const file = path.join(dir, `${kind}-${rows}.xlsx`);
  await writeTableWorkbook(file, benchTable(kind, rows));
  const server = await startPlayground();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "vi-VN" });
    await context.addInitScript(`window.__longTasks=[];try{new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__longTasks.push({name:e.name,duration:e.duration,start:e.startTime})}).observe({type:"longtask",buffered:true})}catch(e){}`);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator("#file-input").setInputFiles(file);
    const pane = page.frameLocator("#pane");
    await pane.getByRole("table", { name: "Xem trước kết quả" }).waitFor({ timeout: 600_000 });
    const frame = page.frames().find((f) => /\/pane\//.test(f.url()))!;
    for (const [button, done] of [["Đọc lại bảng", null], ["Ghi kết quả", "^Đã ghi"], ["Hoàn tác", "^Đã hoàn tác"], ["Lập phụ lục", "^Đã lập trang"]] as const) {
      await pane.getByRole("button", { name: button }).and(pane.locator(":enabled")).waitFor({ timeout: 600_000 });
      await frame.evaluate(() => ((window as unknown as { __longTasks: unknown[] }).__longTasks.length = 0));
      const tracing = !process.env.NO_TRACE;
      if (tracing) await browser.startTracing(page, { categories: ["toplevel", "disabled-by-default-devtools.timeline", "disabled-by-default-v8.cpu_profiler"] });
      await frame.waitForTimeout(700); // tracing's own start-up is not the pane's
      const took = await frame.evaluate(
        ({ button, done }) =>
          new Promise<number>((resolve) => {
            const target = [...document.querySelectorAll("button")].find((b) => (b.textContent ?? "").trim() === button)!;
            let seen = false;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              const bar = document.querySelector('[role="progressbar"]');
              if (bar) seen = true;
              const status = document.querySelector("[data-pane-status]")?.textContent ?? "";
              if (done ? new RegExp(done).test(status) && !bar : seen && !bar) {
                observer.disconnect();
                (window as unknown as { __clicked: number }).__clicked = start;
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            target.click();
          }),
        { button, done },
      );
      // Until the pane has shown no progress for 1.5 s: the whole action, whatever its steps.
      await frame.evaluate(
        () =>
          new Promise<void>((resolve) => {
            let quiet = 0;
            const tick = setInterval(() => {
              quiet = document.querySelector('[role="progressbar"]') ? 0 : quiet + 100;
              if (quiet >= 1500) {
                clearInterval(tick);
                resolve();
              }
            }, 100);
          }),
      );
      const trace = tracing ? (JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] }) : { traceEvents: [] };
      const tasks = (await frame.evaluate(() => {
        const w = window as unknown as { __longTasks: { name: string; duration: number; start: number }[]; __clicked: number };
        return w.__longTasks.map((t) => ({ ...t, start: t.start - w.__clicked }));
      })).filter((x) => x.name === "self").map((x) => `${x.duration.toFixed(0)}@${x.start.toFixed(0)}`);
      console.log(`\n##### ${button}: ${took.toFixed(0)} ms; pane long tasks: ${tasks.join(", ")}`);
      writeFileSync(path.join(tmpdir(), `pane-${button.replace(/\s/g, "_")}.trace.json`), JSON.stringify(trace));
      if (!only || button.startsWith(only)) analyseTrace(trace.traceEvents, min, button);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
