/**
 * The pane at Excel desktop's narrowest usual width (320 px) and its default (350 px): nothing
 * wider than the pane, each mapping dropdown shows its whole field label, strong matches carry
 * no repeated reason, unit names shown whole, the action bar in view with each action's result
 * in it, "Ghi kết quả" a few Tabs away, real headings, a dropdown that ArrowDown does not change,
 * and only the column the user changed said to be the user's. Pane screenshots are saved as
 * narrow-pane-<example>-<width>-<step>.png.
 */
/* global getComputedStyle -- used inside frame.evaluate, in the browser */
const assert = require("node:assert/strict");
const path = require("path");
const { openPlayground, pane, paneFrame, setPaneWidth } = require("../lib");
const { waitForMapping, preview, waitIdle, setField, fieldOf, write, undo } = require("../pane-driver");

const PANE_WIDTHS = [320, 350];

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
  // Unit names whole: wrapped over lines if need be, never cut.
  const names = [...document.querySelectorAll("table[aria-label='Xem trước kết quả'] tbody tr td:first-child")];
  const cutNames = names.filter((td) => td.scrollWidth > td.clientWidth + 1 || getComputedStyle(td).whiteSpace === "nowrap").map((td) => td.textContent);
  const strongReasons = [...document.querySelectorAll("table[aria-label='Ánh xạ cột'] tr[data-strength='strong']")].filter((tr) => /khớp tên cột/.test(tr.textContent)).length;
  const headings = [...document.querySelectorAll("h1, h2, h3")].map((h) => h.textContent.replace(/\s*\(.*\)$/, ""));
  return { scrollWidth: doc.scrollWidth, width, wide, cut, rows: names.length, cutNames, strongReasons, headings };
}

async function checkLayout(t, label) {
  const frame = paneFrame(t.page);
  const r = await frame.evaluate(layoutReport);
  assert.ok(r.scrollWidth <= r.width, `${label}: pane scrolls sideways (${r.scrollWidth} > ${r.width}): ${r.wide.join(", ")}`);
  assert.deepEqual(r.wide, [], `${label}: elements wider than the pane`);
  assert.deepEqual(r.cut, [], `${label}: field labels cut off in their dropdowns`);
  assert.ok(r.rows > 0, `${label}: preview rows`);
  assert.deepEqual(r.cutNames, [], `${label}: unit names cut in the preview`);
  assert.equal(r.strongReasons, 0, `${label}: no "khớp tên cột" reason beside a strong match`);
  for (const h of ["Các cột", "Xem trước kết quả", "Vấn đề", "Báo cáo"]) assert.ok(r.headings.includes(h), `${label}: "${h}" is a heading (${r.headings.join(", ")})`);
}

/** Whether an element (found by its text, in the pane) is wholly inside the pane's viewport and not under the bar. */
async function inView(t, pattern) {
  const frame = paneFrame(t.page);
  return frame.evaluate((source) => {
    const re = new RegExp(source);
    const el = [...document.querySelectorAll("button, [role='status'] *, [role='alert'] *")].find((e) => re.test(e.textContent) && e.childElementCount === 0);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= window.innerHeight && (hit === el || el.contains(hit) || hit?.contains(el));
  }, pattern.source);
}

/** Tabs from the top of the pane until "Ghi kết quả" has the focus. */
async function tabsToWrite(t) {
  const frame = paneFrame(t.page);
  await frame.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  for (let n = 1; n <= 40; n++) {
    await t.page.keyboard.press("Tab");
    if (await frame.evaluate(() => /^Ghi kết quả/.test(document.activeElement?.textContent ?? ""))) return n;
  }
  return Infinity;
}

/** How the mapping rows describe themselves: letter → data-strength. */
async function strengths(t) {
  return paneFrame(t.page).evaluate(() => Object.fromEntries([...document.querySelectorAll("table[aria-label='Ánh xạ cột'] tr[data-strength]")].map((tr) => [tr.querySelector("select").getAttribute("aria-label").replace("Trường của cột ", ""), tr.dataset.strength])));
}

async function mappingHeight(t) {
  return paneFrame(t.page).evaluate(() => document.querySelector("table[aria-label='Ánh xạ cột']").getBoundingClientRect().height);
}

async function paneShot(t, name) {
  await t.page.locator("aside.pane").screenshot({ path: path.join(t.outDir, `narrow-pane-${name}.png`) });
}

module.exports = PANE_WIDTHS.flatMap((width) =>
  [
    ["Phú Tân", "phu-tan-2024-05-tuan-01.xlsx", "phu-tan"],
    ["Điện Biên", "dien-bien-2023-09.xlsx", "dien-bien"],
  ].map(([label, example, slug]) => ({
    name: `narrow pane (${width} px), ${label}: fits, whole labels and names, headings, results in the bar, deliberate dropdowns`,
    timeoutMs: 90000,
    async run(t) {
      const { page } = t;
      const shot = (step) => paneShot(t, `${slug}-${width}-${step}`);
      await openPlayground(t, example);
      await setPaneWidth(page, width);
      await waitForMapping(page);
      await preview(page).waitFor();
      await waitIdle(page);
      await checkLayout(t, label);
      assert.ok(await inView(t, /^Ghi kết quả/), "the write button is visible at the top");
      const tabs = await tabsToWrite(t);
      assert.ok(tabs <= 3, `"Ghi kết quả" is reached in ${tabs} Tabs (at most 3)`);
      assert.ok(Object.values(await strengths(t)).every((s) => s !== "user"), "no column is said to be the user's before the user chose one");
      await shot("1-top");
      await t.step("top of the pane");

      // ArrowDown on a focused, closed dropdown opens it at most: the column keeps its field, nothing is re-scored.
      const letter = Object.keys(await strengths(t))[0];
      const field = await fieldOf(page, letter);
      const select = pane(page).getByLabel(`Trường của cột ${letter}`, { exact: true });
      await select.focus();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Escape");
      assert.equal(await fieldOf(page, letter), field, "ArrowDown did not remap the column");
      assert.equal(await pane(page).getByRole("progressbar").count(), 0, "ArrowDown did not start a re-score");

      await preview(page).scrollIntoViewIfNeeded();
      assert.ok(await inView(t, /^Ghi kết quả/), "the write button stays visible beside the preview");
      await shot("2-preview");
      await t.step("preview");

      // Details of the profile choice open on demand.
      await pane(page).getByText("Vì sao chọn phương pháp này?").click();
      await pane(page).getByText(/được chọn vì khớp bảng nhất/).waitFor();
      await checkLayout(t, `${label}, details open`);

      // The user sets one column to unused: only that column is called the user's, the list does not grow.
      const all = await strengths(t);
      const target = Object.keys(all).filter((l) => all[l] !== "unused").pop();
      const before = await mappingHeight(t);
      await setField(page, target, "");
      const after = await strengths(t);
      assert.deepEqual(Object.entries(after).filter(([, s]) => s === "user" || s === "kept").map(([l]) => l), [], "no column is called chosen or kept: the unused one says so in its own line");
      assert.ok((await mappingHeight(t)) <= before + 40, `the column list keeps its height (${before} → ${await mappingHeight(t)} px)`);
      assert.ok(!(await paneFrame(page).evaluate(() => document.body.innerText.includes("Do bạn chọn"))), "the method is not said to be the user's choice");
      await pane(page).getByLabel(`Trường của cột ${target}`, { exact: true }).scrollIntoViewIfNeeded();
      await shot("3-column-changed");
      await t.step(`column ${target} set to unused`);

      // Write while scrolled down: the result is in the bar, in view, announced.
      await preview(page).scrollIntoViewIfNeeded();
      await write(page);
      assert.ok(await inView(t, /^Đã ghi [\d.]+ ô/), "the write's result is shown in view, in the bar");
      const announced = await paneFrame(page).evaluate(() => document.querySelector("[role='status'][aria-live='polite']")?.textContent ?? "");
      assert.match(announced, /^Đã ghi [\d.]+ ô/, "the result is in the live region");
      const kept = await strengths(t);
      assert.ok(Object.values(kept).every((s) => s !== "user" && s !== "kept"), "after the write no column turns into the user's");
      await checkLayout(t, `${label}, written`);
      await shot("4-written");
      await t.step("written");

      await pane(page).getByRole("button", { name: "Sao chép tin nhắn" }).scrollIntoViewIfNeeded();
      await checkLayout(t, `${label}, report panel`);
      assert.ok(await inView(t, /^Ghi kết quả/), "the write button stays visible beside the report");
      await shot("5-report");
      await t.step("report panel");

      await undo(page);
      assert.ok(await inView(t, /^Đã hoàn tác/), "undo's result is shown in view");
      await shot("6-undone");
      await t.step("undone");
    },
  })),
);
