/**
 * How the scenarios drive the task pane: by roles and visible Vietnamese labels, as a user
 * would, never by the add-in's internals. Kept in one file so a label change is one edit.
 */
const assert = require("node:assert/strict");
const { pane, paneFrame } = require("./lib");

const LABELS = {
  /** Writes the previewed results into the sheet (the pane scores and previews on its own). */
  write: /^Ghi kết quả/,
  undo: /^Hoàn tác/,
  /** Re-reads the table (after the user changed the sheet). */
  read: /^Đọc lại bảng/,
};

function button(page, which) {
  return pane(page).getByRole("button", { name: LABELS[which] }).first();
}

/** The field id chosen for a column in the mapping editor. */
async function fieldOf(page, letter) {
  return pane(page).getByLabel(`Trường của cột ${letter}`, { exact: true }).inputValue();
}

/** Every mapped column: letter → field id ("" for an unused column). */
async function mapping(page) {
  const selects = pane(page).getByRole("combobox", { name: /^Trường của cột / });
  const count = await selects.count();
  const out = {};
  for (let i = 0; i < count; i++) {
    const label = await selects.nth(i).getAttribute("aria-label");
    out[label.replace("Trường của cột ", "")] = await selects.nth(i).inputValue();
  }
  return out;
}

async function setField(page, letter, field) {
  await waitIdle(page);
  await pane(page).getByLabel(`Trường của cột ${letter}`, { exact: true }).selectOption(field);
  await waitIdle(page);
}

async function waitForMapping(page) {
  await pane(page).getByRole("table", { name: "Ánh xạ cột" }).waitFor({ timeout: 15000 });
  await waitIdle(page);
}

/** The preview the pane shows before anything is written. */
function preview(page) {
  return pane(page).getByRole("table", { name: "Xem trước kết quả" });
}

/** Waits until no action runs (the pane disables its buttons while busy). */
async function waitIdle(page) {
  await assertEnabled(button(page, "read"));
}

/** The profile the pane chose: { id, name } of the selected method. */
async function profile(page) {
  const select = pane(page).getByLabel("Phương pháp chấm điểm");
  const id = await select.inputValue();
  const name = await select.evaluate((el) => el.options[el.selectedIndex]?.textContent ?? "");
  return { id, name };
}

/** Write the previewed results and wait until the pane reports them written. */
async function write(page) {
  await waitIdle(page);
  await button(page, "write").click();
  await pane(page).getByText(/^Đã ghi \d+ ô/).waitFor();
  await waitIdle(page);
}

async function assertEnabled(locator) {
  await locator.waitFor();
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (await locator.isEnabled()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail("button stayed disabled");
}

async function undo(page) {
  await waitIdle(page);
  await button(page, "undo").click();
  await pane(page).getByText(/^Đã hoàn tác/).waitFor();
  await waitIdle(page);
}

/** The problem links (each names its cell) with their messages. */
async function problems(page) {
  const items = pane(page).getByRole("list", { name: "Vấn đề" }).getByRole("listitem");
  const n = await items.count();
  const out = [];
  for (let i = 0; i < n; i++) out.push(((await items.nth(i).innerText()) ?? "").replace(/\s+/g, " ").trim());
  return out;
}

/** The cell link of the (first) problem naming `cell` whose text contains `hasText`. */
function problemLink(page, cell, hasText) {
  return pane(page)
    .getByRole("list", { name: "Vấn đề" })
    .getByRole("listitem")
    .filter({ hasText })
    .first()
    .getByRole("button", { name: cell, exact: true });
}

/** Text of the whole pane, for "is this shown" checks. */
async function paneText(page) {
  return (await pane(page).locator("body").innerText()).replace(/\s+/g, " ");
}

/** The open dialog once its entrance animation has finished (a screenshot mid-fade looks see-through). */
async function openDialog(page) {
  const dialog = pane(page).getByRole("dialog");
  await dialog.waitFor();
  await paneFrame(page).evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  return dialog;
}

module.exports = { LABELS, openDialog, button, fieldOf, mapping, setField, waitForMapping, waitIdle, preview, profile, write, undo, problems, problemLink, paneText, assertEnabled };
