/**
 * A small test harness for the browser tests: scenarios run one after another in one Chromium,
 * each in a fresh browser context with a bounded time, screenshots of every step saved to
 * test-output/e2e/, the pane checked with axe-core at every step, and only 127.0.0.1 reachable.
 */
const fs = require("fs");
const path = require("path");
const { paneViolations } = require("./a11y");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function slug(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Runs the scenarios. Each is { name, timeoutMs?, run(t) } where t = { page, url, step, log,
 * outDir, external }. Returns { passed, failed, results }.
 */
async function runScenarios({ browser, baseUrl, scenarios, outDir, log = console.log }) {
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const [index, scenario] of scenarios.entries()) {
    const prefix = `${String(index + 1).padStart(2, "0")}-${slug(scenario.name)}`;
    const started = Date.now();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1000 }, locale: "vi-VN", acceptDownloads: false });
    const external = [];
    // Nothing but the playground server: any other host is blocked and reported.
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "127.0.0.1") {
        external.push(url.href);
        return route.abort("blockedbyclient");
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const errors = [];
    page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
    });
    let stepNo = 0;
    const shots = [];
    const step = async (name) => {
      stepNo++;
      const file = path.join(outDir, `${prefix}-${String(stepNo).padStart(2, "0")}-${slug(name)}.png`);
      await page.screenshot({ path: file, fullPage: false });
      shots.push(file);
      log(`    · ${name}`);
      // Every step the user sees must be usable with a screen reader and a keyboard.
      const violations = await paneViolations(page);
      if (violations.length) throw new Error(`axe-core, step "${name}": ${violations.length} serious or critical violation(s):\n${violations.join("\n")}`);
    };
    const t = { page, url: baseUrl, step, log: (m) => log(`    ${m}`), outDir, external, errors };
    let error = null;
    log(`  ▶ ${scenario.name}`);
    try {
      await withTimeout(scenario.run(t), scenario.timeoutMs ?? 45000, scenario.name);
      if (external.length) throw new Error(`requests outside 127.0.0.1 were made (blocked): ${[...new Set(external)].join(", ")}`);
    } catch (err) {
      error = err;
      try {
        const file = path.join(outDir, `${prefix}-FAILED.png`);
        await page.screenshot({ path: file });
        shots.push(file);
      } catch {
        // the page may be gone; the error below says why
      }
    }
    await context.close().catch(() => undefined);
    const ms = Date.now() - started;
    if (error) {
      log(`  ✗ ${scenario.name} (${(ms / 1000).toFixed(1)} s)`);
      log(`      ${String(error && error.stack ? error.stack : error).split("\n").slice(0, 8).join("\n      ")}`);
      if (errors.length) log(`      browser errors:\n        ${errors.slice(0, 10).join("\n        ")}`);
    } else {
      log(`  ✓ ${scenario.name} (${(ms / 1000).toFixed(1)} s)`);
    }
    results.push({ name: scenario.name, ok: !error, error, ms, shots });
  }
  return { passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
}

module.exports = { CHROMIUM_ARGS, runScenarios, withTimeout, slug };
