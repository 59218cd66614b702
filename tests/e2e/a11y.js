/**
 * An accessibility check of the task pane with axe-core, run by the harness at every step:
 * no serious or critical violation in the pane's own document (the playground around it is a
 * stand-in for Excel, not the product).
 */
/* global axe -- injected into the pane's frame */
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
  const frame = paneFrameOf(page);
  if (!frame) return [];
  const ready = await frame.evaluate(() => document.body !== null && document.body.childElementCount > 0).catch(() => false);
  if (!ready) return [];
  if (!(await frame.evaluate(() => typeof window.axe === "object"))) await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent's focus sentinels (<i data-tabster-dummy tabindex=0 aria-hidden>) are focusable and hidden
    // by design: they hand focus on at once (microsoft/tabster#288); Accessibility Insights skips them too.
    const real = (v) => (v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html)) : v.nodes);
    return result.violations
      .map((v) => ({ v, nodes: real(v) }))
      .filter(({ nodes }) => nodes.length > 0)
      .map(({ v, nodes }) => ({ id: v.id, impact: v.impact, help: v.help, targets: nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => BLOCKING.has(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(", ")}`);
}

module.exports = { paneViolations };
