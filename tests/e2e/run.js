#!/usr/bin/env node
/**
 * End-to-end tests: the real task pane build in headless Chromium (Debian's, via playwright-core),
 * beside the playground's workbook grid, talking to it through the Office.js stand-in.
 *
 *   npm run test:e2e              build dist/ and the playground when stale, then run everything
 *   node tests/e2e/run.js <words>  only the scenarios whose name contains one of the words
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); E2E_NO_ADDIN_BUILD=1 uses dist/ as it is.
 * Screenshots: test-output/e2e/.
 * The last line is always "e2e: N passed, M failed"; the exit code is non-zero on any failure.
 */
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { ensureAllBuilt, ensureBuilt, root } = require("../../playground/build");
const { startPlayground } = require("../../playground/serve");
const { CHROMIUM_ARGS, runScenarios, withTimeout } = require("./harness");

const outDir = path.join(root, "test-output", "e2e");

const allScenarios = [
  ...require("./scenarios/playground"),
  ...require("./scenarios/phu-tan"),
  ...require("./scenarios/dien-bien"),
  ...require("./scenarios/broken-cell"),
  ...require("./scenarios/narrow-pane"),
  ...require("./scenarios/report"),
  ...require("./scenarios/never-lose"),
  ...require("./scenarios/levels"),
  ...require("./scenarios/method-sheet"),
  ...require("./scenarios/first-load"),
  ...require("./scenarios/pane-trust"),
];

async function main() {
  const started = Date.now();
  const filters = process.argv.slice(2).map((f) => f.toLowerCase());
  const scenarios = filters.length ? allScenarios.filter((s) => filters.some((f) => s.name.toLowerCase().includes(f))) : allScenarios;

  // E2E_NO_ADDIN_BUILD=1: use dist/ as it is (e.g. while another build is running).
  if (process.env.E2E_NO_ADDIN_BUILD === "1") ensureBuilt("playground");
  else ensureAllBuilt({ log: (m) => console.log(m) });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);

  const server = await startPlayground();
  let browser;
  try {
    browser = await withTimeout(chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }), 30000, "launching Chromium");
    console.log(`e2e: Chromium ${browser.version()}, playground at ${server.url}`);
    const { passed, failed } = await runScenarios({ browser, baseUrl: server.url, scenarios, outDir });
    console.log(`e2e: screenshots in ${path.relative(root, outDir)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { passed, failed };
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  ({ passed, failed }) => {
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  },
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    console.log("e2e: 0 passed, 1 failed");
    process.exit(1);
  },
);
