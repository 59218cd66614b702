/**
 * An accessibility check of the task pane with axe-core, run by the harness at every step:
 * no serious or critical violation in the pane's own document (the playground around it is a
 * stand-in for Excel, not the product).
 */
/* global axe, MutationObserver -- axe injected into the pane's frame; both evaluated in it */
const fs = require("fs");

// Evaluated through the DevTools protocol: the pane's CSP refuses injected <script> tags, as it should.
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const BLOCKING = new Set(["serious", "critical"]);

/** The pane's frame once its document has rendered, or null (a step before the pane opened). */
function paneFrameOf(page) {
  return page.frames().find((f) => f.parentFrame() === page.mainFrame() && /\/pane\//.test(f.url())) ?? null;
}

/** Serious and critical violations, each as "rule: help (target, …)". */
async function paneViolations(page) {
  try {
    return await checkPane(page);
  } catch (err) {
    // The pane reloaded while it was being checked (a workbook was just opened): check the new one once it shows.
    if (!/context was destroyed|navigat/i.test(String(err))) throw err;
    await paneFrameOf(page)?.waitForFunction(() => document.body !== null && document.body.childElementCount > 0, null, { timeout: 10000 });
    return checkPane(page);
  }
}

async function checkPane(page) {
  const frame = paneFrameOf(page);
  if (!frame) return [];
  const ready = await frame.evaluate(() => document.body !== null && document.body.childElementCount > 0).catch(() => false);
  if (!ready) return [];
  if (!(await frame.evaluate(() => typeof window.axe === "object"))) await frame.evaluate(AXE_SOURCE);
  // axe must see what the pane settles on: Fluent's buttons fade between disabled and enabled colours
  // (CSS transitions, grey in between), and a pane still at work re-renders while axe runs. Wait until
  // nothing has changed for 150 ms, at most 3 s.
  await frame.evaluate(async () => {
    const until = Date.now() + 3000;
    const running = () => document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
    while (Date.now() < until) {
      await Promise.race([Promise.all(running().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, until - Date.now()))]);
      let changed = false;
      const observer = new MutationObserver(() => (changed = true));
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      await new Promise((r) => setTimeout(r, 150));
      observer.disconnect();
      if (!changed && running().length === 0) return;
    }
  });
  const violations = await frame.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent's focus sentinels (<i data-tabster-dummy tabindex=0 aria-hidden>) are focusable and hidden
    // by design: they hand focus on at once (microsoft/tabster#288); Accessibility Insights skips them too.
    const real = (v) => (v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html)) : v.nodes);
    return result.violations
      .map((v) => ({ v, nodes: real(v) }))
      .filter(({ nodes }) => nodes.length > 0)
      .map(({ v, nodes }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        // The element and what axe measured (colours, ratio), so a failure in CI's log can be understood without a rerun.
        targets: nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)} ${(n.any[0]?.message ?? "").slice(0, 200)}`),
      }));
  });
  return violations.filter((v) => BLOCKING.has(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join("\n        ")}`);
}

module.exports = { paneViolations };
