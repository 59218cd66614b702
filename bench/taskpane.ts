/**
 * Task pane: a production build (webpack, into a temporary directory so dist/ is left alone),
 * the gzip size of the JavaScript taskpane.html loads, and the time to first render in headless
 * Chromium: from navigation start until React has replaced the loading text in #container, with
 * a minimal Office.js stand-in served in place of Microsoft's CDN (Office.onReady resolves at
 * once; Excel.run is never needed to render).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { bytes, ms, skipped, type Budget, type PartResult, type Row } from "./report";
import { median } from "./timing";

export const BUNDLE_BUDGET = 200 * 1024;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const OFFICE_STUB = `
window.Office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  onReady: function (cb) { var info = { host: "Excel", platform: "OfficeOnline" }; if (cb) cb(info); return Promise.resolve(info); },
  context: {
    requirements: { isSetSupported: function () { return true; } },
    document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { if (cb) cb({ status: "succeeded" }); } } }
  }
};
window.Excel = { run: function () { return Promise.reject(new Error("bench: no workbook")); } };
`;

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };
  const server = createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** JavaScript files the task pane's HTML loads (its chunks), relative to the build directory. */
function paneScripts(dir: string): string[] {
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

async function firstRender(url: string, runs: number): Promise<number[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext(); // a cold cache every time
      const page = await context.newPage();
      await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }));
      await page.goto(url, { waitUntil: "commit" });
      const handle = await page.waitForFunction(
        () => {
          const container = document.getElementById("container");
          return container && container.firstElementChild ? performance.now() : null;
        },
        undefined,
        { polling: "raf", timeout: 30_000 },
      );
      const t = (await handle.jsonValue()) as number;
      if (i > 0) times.push(t); // the first load warms Chromium itself
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

export async function benchTaskpane(options: { runs: number }): Promise<PartResult> {
  const root = path.join(__dirname, "..");
  const names = ["Task pane JavaScript ≤ 200 KB gzip"];
  for (const f of ["src/taskpane/index.tsx", "src/taskpane/taskpane.html", "webpack.config.js"]) {
    if (!existsSync(path.join(root, f))) return skipped("Task pane", `missing ${f}`, names);
  }
  const out = mkdtempSync(path.join(tmpdir(), "chiso766-pane-"));
  const rows: Row[] = [];
  const budgets: Budget[] = [];
  try {
    const build = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0 || !existsSync(path.join(out, "taskpane.html"))) {
      const why = `webpack failed: ${`${build.stdout}\n${build.stderr}`.split("\n").filter((l) => /error/i.test(l)).slice(0, 4).join(" | ")}`;
      return { rows: [{ part: "Task pane", case: "production build", metric: "—", value: "lỗi (failed)", note: why }], budgets: [{ name: names[0], limit: "", measured: "build failed", pass: false, why }] };
    }
    const scripts = paneScripts(out);
    let raw = 0;
    let gzip = 0;
    for (const s of scripts) {
      const data = readFileSync(path.join(out, s.replace(/^\//, "")));
      raw += data.length;
      gzip += gzipSync(data, { level: 9 }).length;
    }
    const allJs = readdirSync(out).filter((f) => f.endsWith(".js"));
    rows.push({
      part: "Task pane",
      case: "production build",
      metric: "JavaScript, gzip (raw)",
      value: `${bytes(gzip)} (${bytes(raw)})`,
      note: `taskpane.html loads ${scripts.join(", ")}; all chunks in the build: ${allJs.join(", ")}`,
    });
    // Chunks loaded later (report panel, overwrite dialog) are outside the first-load budget but
    // reach the user all the same: show their total so the budget line is not flattering.
    const lazy = allJs.filter((f) => !scripts.some((s) => s.replace(/^\//, "") === f) && !/^commands/.test(f));
    const lazyGzip = lazy.reduce((n, f) => n + gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length, 0);
    rows.push({
      part: "Task pane",
      case: "production build",
      metric: "JavaScript loaded later, gzip",
      value: bytes(lazyGzip),
      note: `${lazy.join(", ")} (report panel, overwrite dialog); first load + all of these: ${bytes(gzip + lazyGzip)}`,
    });
    budgets.push({ name: names[0], limit: `≤ ${bytes(BUNDLE_BUDGET)}`, measured: `${bytes(gzip)} at first load (${bytes(gzip + lazyGzip)} with every later chunk)`, pass: gzip <= BUNDLE_BUDGET });

    if (!existsSync(CHROMIUM)) {
      rows.push({ part: "Task pane", case: "headless Chromium", metric: "time to first render", value: "chưa có (not available)", note: `no Chromium at ${CHROMIUM}` });
    } else {
      const server = await serve(out);
      try {
        const { port } = server.address() as AddressInfo;
        const times = await firstRender(`http://127.0.0.1:${port}/taskpane.html`, options.runs);
        rows.push({
          part: "Task pane",
          case: "headless Chromium",
          metric: "time to first render, median",
          value: ms(median(times)),
          note: `navigation start → React content in #container; ${options.runs} cold-cache loads from a local server, Office.js stubbed`,
        });
      } finally {
        server.close();
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { rows, budgets };
}
