/**
 * The pane at Excel desktop's narrowest usual width (320 px; the default is 350 px): nothing
 * wider than the pane, each mapping dropdown shows its whole field label, strong matches carry
 * no repeated reason, preview rows stay one line, the write/undo bar stays in view.
 */
/* global getComputedStyle -- used inside frame.evaluate, in the browser */
const assert = require("node:assert/strict");
const path = require("path");
const { openPlayground, pane, paneFrame } = require("../lib");
const { waitForMapping, preview, waitIdle } = require("../pane-driver");

const PANE_WIDTH = 320;

/** Makes the playground's task pane exactly `width` CSS px wide (as Excel's pane would be). */
async function setPaneWidth(page, width) {
  await page.evaluate((w) => {
    document.querySelector("main").style.gridTemplateColumns = `1fr ${w + 1}px`; // + the pane's 1 px border
  }, width);
  await page.waitForFunction((w) => document.getElementById("pane").getBoundingClientRect().width === w, width);
}

/** What overflows in the pane's own document (run inside the pane frame). */
function layoutReport() {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 0.5 && getComputedStyle(el).position !== "fixed";
    })
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
  // Each field dropdown shows the chosen field's whole label, not cut (it may wrap).
  const cut = [...document.querySelectorAll("select[aria-label^='Trường của cột ']")]
    .map((sel) => {
      const shown = sel.parentElement.querySelector("[data-chosen-label]");
      const chosen = sel.options[sel.selectedIndex]?.textContent ?? "";
      return { label: sel.getAttribute("aria-label"), chosen, shown: shown?.textContent ?? null, clipped: shown ? shown.scrollWidth > shown.clientWidth || shown.scrollHeight > shown.clientHeight + 1 : true };
    })
    .filter((s) => s.clipped || s.shown !== s.chosen);
  const rows = [...document.querySelectorAll("table[aria-label='Xem trước kết quả'] tbody tr")].map((tr) => Math.round(tr.getBoundingClientRect().height));
  const strongReasons = [...document.querySelectorAll("table[aria-label='Ánh xạ cột'] tr[data-strength='strong']")].filter((tr) => /khớp tên cột/.test(tr.textContent)).length;
  return { scrollWidth: doc.scrollWidth, width, wide, cut, rows, strongReasons };
}

async function checkLayout(t, label) {
  const frame = paneFrame(t.page);
  const r = await frame.evaluate(layoutReport);
  assert.ok(r.scrollWidth <= r.width, `${label}: pane scrolls sideways (${r.scrollWidth} > ${r.width}): ${r.wide.join(", ")}`);
  assert.deepEqual(r.wide, [], `${label}: elements wider than the pane`);
  assert.deepEqual(r.cut, [], `${label}: field labels cut off in their dropdowns`);
  assert.ok(r.rows.length > 0, `${label}: preview rows`);
  assert.ok(Math.max(...r.rows) <= Math.min(...r.rows) + 1, `${label}: every preview row is one line (${Math.min(...r.rows)}–${Math.max(...r.rows)} px)`);
  assert.equal(r.strongReasons, 0, `${label}: no "khớp tên cột" reason beside a strong match`);
}

/** The write/undo bar is inside the pane's viewport wherever the pane is scrolled. */
async function barInView(t) {
  const frame = paneFrame(t.page);
  return frame.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find((b) => /^Ghi kết quả/.test(b.textContent));
    const r = button.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

async function paneShot(t, name) {
  await t.page.locator("aside.pane").screenshot({ path: path.join(t.outDir, `narrow-pane-${name}.png`) });
}

module.exports = [
  ...[
    ["Phú Tân", "phu-tan-2024-05-tuan-01.xlsx", "phu-tan"],
    ["Điện Biên", "dien-bien-2023-09.xlsx", "dien-bien"],
  ].map(([label, example, slug]) => ({
    name: `narrow pane (${PANE_WIDTH} px), ${label}: fits, whole field labels, one-line preview rows, bar in reach`,
    async run(t) {
      const { page } = t;
      await openPlayground(t, example);
      await setPaneWidth(page, PANE_WIDTH);
      await waitForMapping(page);
      await preview(page).waitFor();
      await waitIdle(page);
      await checkLayout(t, label);
      assert.ok(await barInView(t), "the write bar is visible at the top");
      await paneShot(t, `${slug}-1-top`);
      await t.step("top of the pane");

      await preview(page).scrollIntoViewIfNeeded();
      assert.ok(await barInView(t), "the write bar stays visible beside the preview");
      await paneShot(t, `${slug}-2-preview`);
      await t.step("preview");

      // Details of the profile choice open on demand.
      await pane(page).getByText("Vì sao chọn phương pháp này?").click();
      await pane(page).getByText(/được chọn vì khớp bảng nhất/).waitFor();
      await checkLayout(t, `${label}, details open`);

      await pane(page).getByRole("button", { name: "Sao chép tin nhắn" }).scrollIntoViewIfNeeded();
      await checkLayout(t, `${label}, report panel`);
      assert.ok(await barInView(t), "the write bar stays visible beside the report");
      await paneShot(t, `${slug}-3-report`);
      await t.step("report panel");
    },
  })),
];
