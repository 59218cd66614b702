/**
 * The playground itself: the grid shows workbooks as Excel would, files can be dropped on it,
 * and the Office.js stand-in in the pane's frame has the fake's batching semantics.
 */
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { root } = require("../../../playground/build");
const { OFFICE_JS_CDN, STAND_IN_URL, paneDir } = require("../../../playground/serve");
const { openPlayground, cellText, cellUnderlined, nameBox, dropFile, paneFrame, sheetCells } = require("../lib");
const { waitForMapping } = require("../pane-driver");

/** A workbook exercising the formats report tables use, written with exceljs like any .xlsx. */
async function writeFormatsWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Định dạng");
  const rows = [
    ["Giá trị", "Định dạng"],
    [86.585, "0.00"],
    [0.8559, "0.00%"],
    [1234567, "#,##0"],
    [-3.456, "0.00;(0.00)"],
    [7.5, '0.0" điểm"'],
    [12.3456, "General"],
    ["16/,6", "@"],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = r[0];
    row.getCell(2).value = r[1];
    if (i > 0) row.getCell(1).numFmt = r[1];
  });
  ws.getCell("A3").font = { underline: true };
  ws.mergeCells("D1:E2");
  ws.getCell("D1").value = "Ô gộp";
  wb.addWorksheet("Ẩn").state = "hidden";
  const veryHidden = wb.addWorksheet("chiso766_state");
  veryHidden.state = "veryHidden";
  veryHidden.getCell("A1").value = "{}";
  await wb.xlsx.writeFile(file);
  return rows;
}

module.exports = [
  {
    name: "playground: an example opens in the grid as Excel shows it",
    async run(t) {
      const { page } = t;
      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      const examples = fs.readdirSync(path.join(root, "examples")).filter((n) => n.endsWith(".xlsx"));
      const options = await page.locator("#example-picker option").allTextContents();
      for (const e of examples) assert.ok(options.includes(e), `picker lists ${e}`);
      // Merged title across the table, header cells, a unit row.
      assert.equal(await page.locator("td[data-cell='A1']").getAttribute("colspan"), "13");
      assert.equal(await cellText(page, "B8"), "PHÚ HÙNG");
      assert.equal(await cellText(page, "C8"), "89.21");
      const tabs = await page.locator("#tabs [role=tab]").allTextContents();
      assert.deepEqual(tabs, ["Phụ lục 1", "Ghi chú"]);
      await page.locator("td[data-cell='C8']").click();
      assert.equal(await nameBox(page), "C8");
      assert.equal(((await page.locator("#formula-bar").textContent()) ?? "").trim(), "89.21");
      // The pane beside it has read the table (its screenshot and accessibility check are of the idle pane).
      await waitForMapping(page);
      await t.step("Phú Tân example opened, C8 selected");
      await page.locator("#tabs [role=tab]", { hasText: "Ghi chú" }).click();
      // A formula's cached result, shown with its "0.00" format.
      const notes = await sheetCells(page, "Ghi chú");
      assert.equal(notes.B4.numberFormat, "0.00");
      assert.equal(await cellText(page, "B4"), Number(notes.B4.value).toFixed(2));
      await t.step("second sheet tab");
    },
  },
  {
    name: "playground: a dropped .xlsx shows number formats, underlines, merges and hidden sheets",
    async run(t) {
      const { page } = t;
      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      const file = path.join(t.outDir, "dinh-dang.xlsx");
      const rows = await writeFormatsWorkbook(file);
      await dropFile(page, file);
      const shown = [];
      for (let i = 1; i < rows.length; i++) shown.push(await cellText(page, `A${i + 1}`));
      assert.deepEqual(shown, ["86.59", "85.59%", "1,234,567", "(3.46)", "7.5 điểm", "12.3456", "16/,6"]);
      assert.equal(await cellUnderlined(page, "A3"), true, "A3 is underlined");
      assert.equal(await cellUnderlined(page, "A2"), false, "A2 is not underlined");
      const merged = page.locator("td[data-cell='D1']");
      assert.equal(await merged.getAttribute("colspan"), "2");
      assert.equal(await merged.getAttribute("rowspan"), "2");
      assert.equal(await page.locator("td[data-cell='E1']").count(), 0, "E1 is covered by the merge");
      const tabs = await page.locator("#tabs [role=tab]").allTextContents();
      assert.deepEqual(tabs, ["Định dạng", "Ẩn (ẩn)"], "very hidden sheets have no tab, hidden ones are marked");
      await page.locator("td[data-cell='A4']").click();
      await page.locator("td[data-cell='B6']").click({ modifiers: ["Shift"] });
      assert.equal(await nameBox(page), "A4:B6");
      assert.equal(await page.locator("td.sel, td.sel-active").count(), 6);
      // The unusable state sheet is ignored, and the pane says so as something to check, not as a success.
      const ignored = paneFrame(page).locator("[data-intent]", { hasText: "chiso766_state" });
      assert.equal(await ignored.getAttribute("data-intent"), "warning");
      await t.step("dropped workbook with formats, A4:B6 selected");
    },
  },
  {
    name: "playground: the pane loads the stand-in, which batches like Excel",
    async run(t) {
      const { page } = t;
      const built = fs.readFileSync(path.join(paneDir, "taskpane.html"), "utf8");
      assert.ok(built.includes(OFFICE_JS_CDN), "the add-in's own build loads Office.js from Microsoft's CDN");
      const served = await (await page.request.get(`${t.url}pane/taskpane.html`)).text();
      assert.ok(!served.includes(OFFICE_JS_CDN) && served.includes(STAND_IN_URL), "the playground serves it with the stand-in");
      assert.equal(served.split(STAND_IN_URL).join(OFFICE_JS_CDN), built, "and changes nothing else");

      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      // The pane has read and scored the table: the test's own batch does not race its first read.
      await waitForMapping(page);
      const frame = paneFrame(page);
      const result = await frame.evaluate(async () => {
        const out = {};
        const before = window.Excel.playgroundStats.syncs;
        await window.Excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Phụ lục 1");
          const range = sheet.getRange("P30");
          range.values = [["ghi thử"]];
          range.load("values");
          try {
            // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the read before sync is the point
            void range.values;
            out.readBeforeSync = "no error";
          } catch (err) {
            out.readBeforeSync = err.code;
          }
          out.gridBeforeSync = window.parent.document.querySelector("td[data-cell='P30']")?.textContent ?? "(no cell)";
          await context.sync();
          out.valuesAfterSync = range.values;
          // The page redraws its grid on the next frame after a sync (in its own task, as Excel does).
          await new Promise((resolve) => window.parent.requestAnimationFrame(() => setTimeout(resolve, 0)));
          out.gridAfterSync = window.parent.document.querySelector("td[data-cell='P30']")?.textContent ?? "(no cell)";
          range.values = [[""]];
          await context.sync();
        });
        out.syncs = window.Excel.playgroundStats.syncs - before;
        return out;
      });
      assert.equal(result.readBeforeSync, "PropertyNotLoaded");
      assert.equal(result.gridBeforeSync, "(no cell)", "nothing reaches the workbook before sync");
      assert.deepEqual(result.valuesAfterSync, [["ghi thử"]]);
      assert.equal(result.gridAfterSync, "ghi thử", "the grid shows the write after sync");
      assert.equal(result.syncs, 2);
      await page.locator("td[data-cell='P30']").waitFor({ state: "detached" });
      assert.equal(await page.locator("td[data-cell='P30']").count(), 0, "the test write was cleared again");
      await t.step("stand-in write/read round trip");
    },
  },
];
