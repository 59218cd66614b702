/**
 * Helpers shared by the scenarios: open the playground, reach the task pane's frame, read the
 * grid as shown (text, underline, selection) and the workbook model behind it.
 */
/* global getComputedStyle, requestAnimationFrame, atob, File, DataTransfer, DragEvent -- used inside page.evaluate, in the browser */
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
// The project's own A1 helpers (src/model/grid.ts), not a copy of them.
require("ts-node").register({ transpileOnly: true });
const { columnIndex, columnLetters } = require("../../src/model/grid");

/** Opens the playground on an example (file name in examples/) and waits for grid and pane. */
async function openPlayground(t, example) {
  const { page } = t;
  await page.goto(`${t.url}?example=${encodeURIComponent(example)}`);
  await page.waitForFunction((name) => document.body.dataset.workbook === name, example);
  await page.locator("table.sheet td[data-cell='A1']").waitFor();
  await waitForPane(page);
}

/** The pane's frame, once its document (the real dist/taskpane.html) has rendered something. */
async function waitForPane(page) {
  const frame = page.frameLocator("#pane");
  await frame.locator("body *:visible").first().waitFor({ timeout: 15000 });
  return frame;
}

function pane(page) {
  return page.frameLocator("#pane");
}

/** The Frame object of the pane (for evaluate in the add-in's own window). */
function paneFrame(page) {
  const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame() && /\/pane\//.test(f.url()));
  if (!frame) throw new Error("task pane frame not found");
  return frame;
}

/** Makes the playground's task pane exactly `width` CSS px wide (as Excel's pane would be). */
async function setPaneWidth(page, width) {
  await page.evaluate((w) => {
    document.querySelector("main").style.gridTemplateColumns = `1fr ${w + 1}px`; // + the pane's 1 px border
  }, width);
  await page.waitForFunction((w) => document.getElementById("pane").getBoundingClientRect().width === w, width);
}

/**
 * Fails when the pane's document is wider than the pane (it would scroll sideways and cut text
 * off), naming the first elements that stick out. Waits for animations first: a message bar
 * decides its layout after it has been drawn once.
 */
async function assertPaneFits(page, label) {
  const r = await paneFrame(page).evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const doc = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > doc.clientWidth + 0.5 && getComputedStyle(el).position !== "fixed";
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 40)}" (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
  });
  if (r.scrollWidth > r.clientWidth || r.wide.length > 0) {
    throw new Error(`${label}: the pane is ${r.scrollWidth} px wide in ${r.clientWidth} px: ${r.wide.join(", ")}`);
  }
}

/** Every non-blank cell of a sheet in the model: "D7" → { value, numberFormat, underline }. */
async function sheetCells(page, sheetName) {
  const entries = await page.evaluate((name) => {
    const sheet = window.chiso766Playground.model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return [...sheet.cells].map(([key, cell]) => [key, { value: cell.value, numberFormat: cell.numberFormat, underline: cell.underline }]);
  }, sheetName);
  const out = {};
  for (const [key, cell] of entries) {
    const [r, c] = key.split(",").map(Number);
    out[`${columnLetters(c)}${r + 1}`] = cell;
  }
  return out;
}

/** Everything the model holds, sheet by sheet, plus visibility (for exact before/after checks). */
async function workbookState(page) {
  return page.evaluate(() => {
    const model = window.chiso766Playground.model;
    return model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    }));
  });
}

async function activeSheet(page) {
  return page.evaluate(() => window.chiso766Playground.model.activeSheet);
}

/**
 * What the grid shows in a cell of the active sheet. Read in one page task: the grid is redrawn
 * after every sync of the pane, and a cell found before a redraw is detached after it.
 */
async function cellText(page, address) {
  await page.locator(`table.sheet td[data-cell='${address}']`).waitFor();
  return page.evaluate((a) => document.querySelector(`table.sheet td[data-cell='${a}']`)?.textContent ?? "", address);
}

/** Whether the grid draws the cell underlined (the computed style, not just the class). */
async function cellUnderlined(page, address) {
  await page.locator(`table.sheet td[data-cell='${address}']`).waitFor();
  return page.evaluate((a) => {
    const td = document.querySelector(`table.sheet td[data-cell='${a}']`);
    return td ? getComputedStyle(td).textDecorationLine.includes("underline") : false;
  }, address);
}

async function nameBox(page) {
  return ((await page.locator("#name-box").textContent()) ?? "").trim();
}

/** Drops a file on the grid the way a browser does (a DataTransfer carrying a File). */
async function dropFile(page, filePath) {
  const base64 = fs.readFileSync(filePath).toString("base64");
  const name = path.basename(filePath);
  await page.evaluate(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const file = new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const dt = new DataTransfer();
      dt.items.add(file);
      const target = document.getElementById("grid");
      for (const type of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { base64, name },
  );
  await page.waitForFunction((n) => document.body.dataset.workbook === n, name);
}

/** Column letter of the first header cell (rows headerRows) whose text matches. */
async function findColumn(page, sheetName, pattern, headerRows) {
  const cells = await sheetCells(page, sheetName);
  const hits = Object.entries(cells)
    .filter(([addr, c]) => headerRows.includes(Number(/\d+$/.exec(addr)[0])) && typeof c.value === "string" && pattern.test(c.value))
    .map(([addr]) => /^[A-Z]+/.exec(addr)[0]);
  assert.ok(hits.length > 0, `no header matching ${pattern} in rows ${headerRows.join(",")}`);
  return hits.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
}

module.exports = {
  openPlayground,
  waitForPane,
  pane,
  paneFrame,
  setPaneWidth,
  assertPaneFits,
  sheetCells,
  workbookState,
  activeSheet,
  cellText,
  cellUnderlined,
  nameBox,
  dropFile,
  findColumn,
  columnIndex,
  columnLetters,
};
