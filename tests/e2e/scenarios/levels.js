/**
 * The level control: a table whose unit names say the level of some units only (two agencies
 * "Sở …", three towns by their bare names) and whose "Khối" column says the rest. The pane names
 * the units without a level; the clerk picks the column holding the level, the preview ranks
 * agencies and districts apart; "Chung cả bảng" ranks them in one list; the write keeps both
 * choices in the workbook's state. Screenshots: levels-<step>.png.
 */
const assert = require("node:assert/strict");
const path = require("path");
const ExcelJS = require("exceljs");
const { openPlayground, pane, paneFrame, sheetCells, workbookState } = require("../lib");
const { waitForMapping, waitIdle, preview, write } = require("../pane-driver");

const SHEET = "Bảng";
const ROWS = [
  ["STT", "Tên đơn vị", "Tổng điểm", "Khối"],
  [1, "Sở Tư pháp", 91.5, "Sở, ban, ngành"],
  [2, "Sở Y tế", 85, "Sở, ban, ngành"],
  [3, "Long Xuyên", 88, "Cấp huyện"],
  [4, "Châu Đốc", 80, "Cấp huyện"],
  [5, "Tân Châu", 83.4, "Cấp huyện"],
];

async function choose(page, label, value) {
  await waitIdle(page);
  await pane(page).getByLabel(label, { exact: true }).selectOption(value);
  await waitIdle(page);
}

/** The ranks the preview shows, unit name → rank text. */
async function previewRanks(page) {
  return paneFrame(page).evaluate(() => {
    const table = document.querySelector("table[aria-label='Xem trước kết quả']");
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    const rank = headers.findIndex((h) => /^Hạng/.test(h));
    return Object.fromEntries([...table.querySelectorAll("tbody tr")].map((tr) => [tr.cells[0].textContent.replace(/(Sở, ban, ngành|Cấp huyện)$/, "").trim(), tr.cells[rank]?.textContent.trim()]));
  });
}

async function levelSection(t, name) {
  const section = pane(t.page).getByRole("region", { name: "Cấp đơn vị và xếp hạng" });
  await section.scrollIntoViewIfNeeded();
  await t.page.locator("aside.pane").screenshot({ path: path.join(t.outDir, `levels-${name}.png`) });
}

module.exports = [
  {
    name: "level control: units without a level named, the level column chosen, ranking scope changed, both kept in the state",
    timeoutMs: 90000,
    async run(t) {
      const { page } = t;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(SHEET);
      ROWS.forEach((r) => ws.addRow(r));
      const file = path.join(t.outDir, "cap-don-vi.xlsx");
      await wb.xlsx.writeFile(file);

      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      await page.locator("#file-input").setInputFiles(file);
      await page.waitForFunction(() => document.body.dataset.workbook === "cap-don-vi.xlsx");
      await waitForMapping(page);
      await preview(page).waitFor();

      const warning = pane(page).getByText(/Chưa rõ cấp của 3 đơn vị \(Long Xuyên; Châu Đốc; Tân Châu\)/);
      await warning.waitFor();
      assert.equal(await pane(page).getByLabel("Cấp của các đơn vị", { exact: true }).inputValue(), "auto");
      await levelSection(t, "1-chua-ro-cap");
      await t.step("units without a level are named");

      await choose(page, "Cấp của các đơn vị", "column:D");
      assert.equal(await warning.count(), 0, "no unit left without a level");
      await pane(page).getByText("Hiện có: 2 sở, ban, ngành · 3 cấp huyện").waitFor();
      assert.deepEqual(await previewRanks(page), { "Sở Tư pháp": "1", "Sở Y tế": "2", "Long Xuyên": "1", "Châu Đốc": "3", "Tân Châu": "2" });
      await levelSection(t, "2-cot-cap");
      await t.step("the level column chosen: agencies and districts ranked apart");

      await choose(page, "Xếp hạng", "all");
      assert.deepEqual(await previewRanks(page), { "Sở Tư pháp": "1", "Sở Y tế": "3", "Long Xuyên": "2", "Châu Đốc": "5", "Tân Châu": "4" });
      await levelSection(t, "3-chung-ca-bang");
      await t.step("one list for the whole table");

      await write(page);
      const cells = await sheetCells(page, SHEET);
      const rankCol = Object.keys(cells).find((a) => /^[A-Z]+1$/.test(a) && cells[a].value === "Xếp hạng").replace(/1$/, "");
      assert.deepEqual([2, 3, 4, 5, 6].map((r) => cells[`${rankCol}${r}`].value), [1, 3, 2, 5, 4]);
      const state = (await workbookState(page)).find((s) => s.name === "chiso766_state");
      const json = JSON.parse(state.cells.map(([, c]) => c.value).join(""));
      assert.deepEqual(json.choices, { ranking: { scope: "all" } });
      assert.equal(json.mapping.D, "level");
      await t.step("written: the ranks, the ranking choice and the level column kept in the workbook");
    },
  },
];
