/**
 * A table with a broken cell: the pane names the cell and says why, the unit gets no rating
 * and no rank (and says why); clicking the cell's name selects it in the sheet. The workbook is the Phú Tân example with one total typed wrong,
 * opened through the page's "Mở tệp .xlsx…" button.
 */
const assert = require("node:assert/strict");
const path = require("path");
const ExcelJS = require("exceljs");
const { root } = require("../../../playground/build");
const { openPlayground, nameBox, activeSheet } = require("../lib");
const { waitForMapping, preview, problems, problemLink } = require("../pane-driver");

const SHEET = "Phụ lục 1";
const BROKEN = "C12";
const BROKEN_TEXT = "16/,6";

module.exports = [
  {
    name: "a broken cell: the error names it and clicking it selects it",
    async run(t) {
      const { page } = t;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(root, "examples", "phu-tan-2024-05-tuan-01.xlsx"));
      wb.getWorksheet(SHEET).getCell(BROKEN).value = BROKEN_TEXT;
      const file = path.join(t.outDir, "phu-tan-o-loi.xlsx");
      await wb.xlsx.writeFile(file);

      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      await page.locator("#file-input").setInputFiles(file);
      await page.waitForFunction(() => document.body.dataset.workbook === "phu-tan-o-loi.xlsx");
      await waitForMapping(page);
      // Somewhere else first, so the selection has to move.
      await page.locator("td[data-cell='B8']").click();
      assert.equal(await nameBox(page), "B8");

      const cell = `'${SHEET}'!${BROKEN}`;
      const listed = await problems(page);
      const line = listed.find((p) => p.includes(cell));
      assert.ok(line, `a problem names ${cell}; got:\n${listed.join("\n")}`);
      assert.match(line, /^Lỗi/, "it is an error");
      assert.ok(line.includes(`"${BROKEN_TEXT}"`) && /không phải là số/.test(line), `it says why: ${line}`);
      assert.ok(/: chưa xếp loại, xếp hạng$/.test(line), `the same line says the unit has no rating or rank: ${line}`);
      assert.equal(listed.filter((p) => p.includes(cell)).length, 1, `one line for one mistake; got:\n${listed.join("\n")}`);
      // In the preview: "Ô lỗi" where the rating would be, no rank, and the reason as its tooltip.
      const row = preview(page).getByRole("row").filter({ has: page.getByText("Ô lỗi", { exact: true }) });
      assert.equal(await row.count(), 1, "one unit shown without a rating");
      const cells = await row.getByRole("cell").allTextContents();
      assert.equal(cells[cells.length - (cells.length > 4 ? 2 : 1)].trim(), "—", `no rank: ${cells.join(" | ")}`);
      assert.match((await row.getByText("Ô lỗi", { exact: true }).getAttribute("title")) ?? "", new RegExp(`vì ô '${SHEET}'!${BROKEN} có lỗi`));
      await problemLink(page, cell, `"${BROKEN_TEXT}"`).scrollIntoViewIfNeeded();
      await t.step("the error names the cell");

      await problemLink(page, cell, `"${BROKEN_TEXT}"`).click();
      await page.waitForFunction((a) => document.querySelector(`td[data-cell='${a}']`)?.classList.contains("sel-active"), BROKEN);
      assert.equal(await nameBox(page), BROKEN);
      assert.equal(await activeSheet(page), SHEET);
      assert.equal(((await page.locator("#formula-bar").textContent()) ?? "").trim(), BROKEN_TEXT);
      await t.step("clicking it selected the cell");
    },
  },
];
