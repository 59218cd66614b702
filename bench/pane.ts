/**
 * Task pane responsiveness on the playground (the real dist/ build beside a workbook grid, the
 * Office.js stand-in running the fake Excel), in headless Chromium: for each table kind at 400
 * and 3,838 rows, the time of "Đọc lại bảng" (read → preview), "Ghi kết quả", "Hoàn tác" and
 * "Lập phụ lục", each from the click until the pane says it is done, and the longest task on
 * the pane's main thread meanwhile (PerformanceObserver "longtask", attributed to the pane's own
 * frame: the page around it draws the grid and runs the fake Excel's side of each sync, which
 * Excel does in its own process).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Frame, Page } from "playwright-core";
import { ms, ratio, type Budget, type PartResult, type Row } from "./report";
import { benchTable, REAL_SIZES, TABLE_KINDS, writeTableWorkbook, type TableKind } from "./tables";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const LONG_TASK_BUDGET = 200;
export const GROWTH_BUDGET = 12;

/** The four actions, as the user clicks them, and what the pane says when each is done. */
const ACTIONS = [
  { name: "Đọc lại bảng (read → preview)", button: "Đọc lại bảng", done: null },
  { name: "Ghi kết quả", button: "Ghi kết quả", done: "^Đã ghi" },
  { name: "Hoàn tác", button: "Hoàn tác", done: "^Đã hoàn tác" },
  { name: "Lập phụ lục", button: "Lập phụ lục", done: "^Đã lập trang" },
] as const;

interface Measured {
  ms: number;
  /** Longest task of the pane's own frame, and of the page around it (the grid, the fake Excel). */
  longestPane: number;
  longestPage: number;
  labels: string[];
  status: string;
}

// Every frame records its long tasks, attributed: "self" is the pane's own code.
const LONG_TASKS = `
window.__longTasks = [];
try {
  const record = (entries) => { for (const e of entries) window.__longTasks.push({ name: e.name, duration: e.duration }); };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: "longtask", buffered: true });
  // Entries of a task that just ended may not be delivered yet: taken when the bench reads them.
  window.__takeLongTasks = () => { record(observer.takeRecords()); return window.__longTasks; };
} catch (e) {
  window.__takeLongTasks = () => window.__longTasks;
}
`;

/** Clicks a pane button and waits, inside the pane, until it is done; records progress labels. */
async function clickAndWait(frame: Frame, button: string, done: string | null): Promise<Measured> {
  await frame.evaluate(() => ((window as unknown as { __longTasks: unknown[] }).__longTasks.length = 0));
  const measured = await frame.evaluate(
    ({ button, done }) =>
      new Promise<{ ms: number; labels: string[]; status: string }>((resolve, reject) => {
        const target = [...document.querySelectorAll("button")].find((b) => (b.textContent ?? "").trim() === button);
        if (!target) return reject(new Error(`no button "${button}"`));
        target.scrollIntoView();
        const labels = new Set<string>();
        let seen = false;
        const status = () => document.querySelector("[data-pane-status]")?.textContent ?? "";
        const start = performance.now();
        const check = () => {
          const bar = document.querySelector('[role="progressbar"]');
          if (bar) {
            seen = true;
            labels.add(bar.getAttribute("aria-label") ?? "");
          }
          const finished = done ? new RegExp(done).test(status()) && !bar : seen && !bar;
          if (finished) {
            observer.disconnect();
            resolve({ ms: performance.now() - start, labels: [...labels], status: status() });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        target.click();
      }),
    { button, done },
  );
  // Long tasks are delivered after they end: give the observer a moment.
  await frame.waitForTimeout(300);
  const tasks = await frame.evaluate(() => (window as unknown as { __takeLongTasks(): { name: string; duration: number }[] }).__takeLongTasks());
  const longest = (own: boolean) => Math.max(0, ...tasks.filter((t) => (t.name === "self") === own).map((t) => t.duration));
  return { ...measured, longestPane: longest(true), longestPage: longest(false) };
}

async function openTable(page: Page, url: string, file: string): Promise<Frame> {
  await page.goto(url);
  await page.locator("#file-input").setInputFiles(file);
  const frameEl = page.frameLocator("#pane");
  await frameEl.getByRole("table", { name: "Xem trước kết quả" }).waitFor({ timeout: 600_000 });
  await frameEl.getByRole("button", { name: "Đọc lại bảng" }).and(frameEl.locator(":enabled")).waitFor({ timeout: 600_000 });
  const frame = page.frames().find((f) => /\/pane\//.test(f.url()));
  if (!frame) throw new Error("task pane frame not found");
  return frame;
}

export async function benchPane(options: { sizes?: number[] } = {}): Promise<PartResult> {
  const sizes = options.sizes ?? REAL_SIZES;
  if (!existsSync(CHROMIUM)) return { rows: [{ part: "Pane", case: "—", metric: "—", value: "chưa có (not available)", note: `no Chromium at ${CHROMIUM}` }], budgets: [] };
  /* eslint-disable @typescript-eslint/no-require-imports -- the playground's CommonJS build and server */
  const { ensureAllBuilt } = require("../playground/build") as { ensureAllBuilt(o: { log(m: string): void }): void };
  const { startPlayground } = require("../playground/serve") as { startPlayground(): Promise<{ url: string; close(): Promise<void> }> };
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  /* eslint-enable @typescript-eslint/no-require-imports */
  ensureAllBuilt({ log: (m) => console.error(m) });
  const dir = mkdtempSync(path.join(tmpdir(), "chiso766-pane-bench-"));
  const server = await startPlayground();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const results = new Map<string, Measured>();
  try {
    for (const kind of TABLE_KINDS) {
      for (const size of sizes) {
        const file = path.join(dir, `${kind}-${size}.xlsx`);
        await writeTableWorkbook(file, benchTable(kind, size));
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "vi-VN" });
        await context.addInitScript(LONG_TASKS);
        const page = await context.newPage();
        const frame = await openTable(page, server.url, file);
        for (const action of ACTIONS) {
          const m = await clickAndWait(frame, action.button, action.done);
          console.error(`pane: ${kind} ${size}: ${action.name} ${ms(m.ms)}, longest pane task ${ms(m.longestPane)}, page ${ms(m.longestPage)}; ${m.labels.join(" | ")}`);
          results.set(`${kind}/${size}/${action.name}`, m);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report(results, sizes);
}

function report(results: Map<string, Measured>, sizes: number[]): PartResult {
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  const over: string[] = [];
  let longest = 0;
  for (const [key, m] of results) {
    const [kind, size, action] = key.split("/");
    const counts = m.labels.filter((l) => /\d\/[\d.]+ (dòng|đơn vị)/.test(l));
    rows.push({
      part: "Pane",
      case: `${kind} table, ${Number(size).toLocaleString("en")} rows`,
      metric: `${action}: time; longest pane task (page's)`,
      value: `${ms(m.ms)}; ${ms(m.longestPane)} (${ms(m.longestPage)})`,
      note: counts.length > 0 ? `progress: ${counts[0]} … ${counts[counts.length - 1]}` : m.labels.slice(0, 2).join(" | "),
    });
    longest = Math.max(longest, m.longestPane);
    if (m.longestPane > LONG_TASK_BUDGET) over.push(`${kind} ${size} ${action.split(" (")[0]} ${ms(m.longestPane)}`);
  }
  budgets.push({
    name: `No pane main-thread task over ${LONG_TASK_BUDGET} ms`,
    limit: `≤ ${LONG_TASK_BUDGET} ms`,
    measured: over.length ? over.join("; ") : `longest ${ms(longest)}`,
    pass: results.size > 0 && over.length === 0,
  });
  if (sizes.length >= 2) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    const ratios: string[] = [];
    let pass = true;
    for (const kind of TABLE_KINDS as readonly TableKind[]) {
      for (const action of ACTIONS) {
        const a = results.get(`${kind}/${small}/${action.name}`);
        const b = results.get(`${kind}/${large}/${action.name}`);
        if (!a || !b) continue;
        const r = b.ms / a.ms;
        pass &&= r <= GROWTH_BUDGET;
        ratios.push(`${kind} ${action.button}: ${ratio(r)}`);
      }
    }
    budgets.push({ name: `Pane: ${large.toLocaleString("en")} rows within ${GROWTH_BUDGET}× the ${small}-row time`, limit: `≤ ${GROWTH_BUDGET}×`, measured: ratios.join("; "), pass });
  }
  return { rows, budgets };
}
