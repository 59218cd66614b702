/**
 * What the pane downloads: at first load its UI and the worker's client only (the scoring runs
 * in the worker); where no Web Worker can start, the scoring code comes as its own chunk, from
 * the same folder as the pane (here /pane/, as from a manifest's URL), under the pane's CSP, and
 * the table is scored all the same.
 */
/* global performance -- used inside evaluate, in the pane's window */
const assert = require("node:assert/strict");
const { openPlayground, paneFrame } = require("../lib");
const { waitForMapping, preview, profile } = require("../pane-driver");

const EXAMPLE = "phu-tan-2024-05-tuan-01.xlsx";
const SCORING_CHUNK = /\/pane\/scoring\.[0-9a-f]+\.js$/;

/**
 * Scripts the pane's own window loaded, as paths. Its resource timeline leaves out what the
 * worker loads for itself (the worker shares chunks with the pane, the scoring one included).
 */
async function paneScripts(page) {
  const urls = await paneFrame(page).evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  return urls.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".js"));
}

/** Console errors the pane reported (a CSP refusal is one). */
function consoleErrors(page) {
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

async function scoredPhuTan(t) {
  await openPlayground(t, EXAMPLE);
  await waitForMapping(t.page);
  await preview(t.page).waitFor();
  assert.equal((await profile(t.page)).id, "an-giang-tuan");
  assert.ok((await preview(t.page).getByRole("row").count()) > 10, "the preview lists the units");
}

module.exports = [
  {
    name: "first load: the worker scores; the in-process scoring chunk is not downloaded",
    async run(t) {
      const errors = consoleErrors(t.page);
      await scoredPhuTan(t);
      const scripts = await paneScripts(t.page);
      assert.ok(scripts.some((s) => /\/pane\/taskpane\.[0-9a-f]+\.js$/.test(s)), `scripts loaded: ${scripts.join(", ")}`);
      assert.deepEqual(scripts.filter((s) => SCORING_CHUNK.test(s)), [], `scripts loaded: ${scripts.join(", ")}`);
      assert.deepEqual(errors, []);
      await t.step("scored in the worker");
    },
  },
  {
    name: "no Web Worker: the scoring chunk loads from the pane's folder under its CSP and the table is scored",
    async run(t) {
      // A host that refuses workers: constructing one throws, as a blocked worker-src does.
      await t.page.addInitScript(() => {
        window.Worker = function Worker() {
          throw new Error("workers are not allowed here");
        };
      });
      const errors = consoleErrors(t.page);
      await scoredPhuTan(t);
      const scripts = await paneScripts(t.page);
      assert.equal(scripts.filter((s) => SCORING_CHUNK.test(s)).length, 1, `scripts loaded: ${scripts.join(", ")}`);
      assert.deepEqual(errors, []);
      await t.step("scored in the pane after loading its scoring chunk");
    },
  },
];
