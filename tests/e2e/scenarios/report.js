/**
 * The report in the add-in, on the Điện Biên example: score, write, read the narrative in the
 * pane (the seed report's groups: "03 đơn vị xếp loại tốt: …"), then "Lập phụ lục" writes the
 * appendix sheet through the adapter: its tab appears and opens in the grid with the title and
 * the units in rank order (published ratings, totals non-increasing).
 */
const assert = require("node:assert/strict");
const path = require("path");
const { DIEN_BIEN_PHU_2023_09 } = require("../fixtures");
const { openPlayground, pane, sheetCells, cellText, activeSheet, setPaneWidth, assertPaneFits } = require("../lib");
const { waitForMapping, preview, write, waitIdle } = require("../pane-driver");

const EXAMPLE = "dien-bien-2023-09.xlsx";
const APPENDIX = "Phụ lục xếp loại";
const GOOD = "03 đơn vị xếp loại tốt: UBND phường Him Lam, UBND phường Nam Thanh, UBND phường Mường Thanh.";

function rowOf(address) {
  return Number(/\d+$/.exec(address)[0]);
}

module.exports = [
  {
    name: "report: Điện Biên narrative in the pane, Lập phụ lục writes the appendix sheet with its charts",
    timeoutMs: 60000,
    async run(t) {
      const { page } = t;
      await openPlayground(t, EXAMPLE);
      // Excel desktop's narrowest usual pane: every message must wrap inside it.
      await setPaneWidth(page, 320);
      await waitForMapping(page);
      await preview(page).waitFor();
      await write(page);
      await assertPaneFits(page, "written");

      // The narrative: the seed report's groups of units per rating.
      const narrative = pane(page).getByRole("document", { name: "Nhận xét" });
      await narrative.waitFor();
      // innerText is what is laid out and shown, not only what the DOM holds.
      assert.ok((await narrative.innerText()).includes(GOOD), "the narrative names the three units rated Tốt");
      await narrative.locator("p", { hasText: GOOD }).scrollIntoViewIfNeeded();
      await t.step("narrative in the pane");

      // The title block is prefilled from the sheet's title row.
      const title = pane(page).getByRole("textbox", { name: "Tiêu đề" });
      assert.match(await title.inputValue(), /THÁNG 9 NĂM 2023/);
      // The period the title names is the report's period, shown where the user can change it.
      assert.equal(await pane(page).getByRole("textbox", { name: "Kỳ báo cáo" }).inputValue(), "THÁNG 9 NĂM 2023");
      await pane(page).getByRole("textbox", { name: "Ngày chốt số liệu" }).fill("Ngày 30/9/2023");

      const makeAppendix = pane(page).getByRole("button", { name: "Lập phụ lục" });
      await makeAppendix.scrollIntoViewIfNeeded();
      await makeAppendix.click();
      // The result is shown in the action bar (and read out there), where the user is looking.
      await pane(page).locator("[data-pane-status]").getByText(`Đã lập trang "${APPENDIX}" và trang "Nhận xét xếp loại" (số đơn vị theo xếp loại, nhận xét) với 2 biểu đồ.`).waitFor();
      await waitIdle(page);
      await assertPaneFits(page, "appendix made");
      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "report-pane-phu-luc-320.png") });

      // The new sheet: a tab, opened in the grid.
      const tabs = await page.locator("#tabs [role=tab]").allTextContents();
      assert.ok(tabs.includes(APPENDIX), `tab "${APPENDIX}" among ${tabs.join(", ")}`);
      assert.equal(await activeSheet(page), APPENDIX);
      await page.locator("#tabs [role=tab][aria-selected=true]", { hasText: APPENDIX }).waitFor();

      const cells = await sheetCells(page, APPENDIX);
      const text = (a) => String(cells[a]?.value ?? "");
      const titleCell = Object.keys(cells).find((a) => /THÁNG 9 NĂM 2023/.test(text(a)));
      assert.ok(titleCell && rowOf(titleCell) <= 3, "the title at the top of the appendix");
      assert.equal(Object.keys(cells).filter((a) => rowOf(a) <= 6 && /THÁNG 9 NĂM 2023/.test(text(a))).length, 1, "the period printed once, in the title");
      assert.match(await cellText(page, titleCell), /KẾT QUẢ ĐÁNH GIÁ/, "and the grid shows it");
      assert.ok(Object.values(cells).some((c) => /Ngày 30\/9\/2023/.test(String(c.value))), "the cut-off date typed in the pane");

      // Units in rank order: every published unit once, totals non-increasing down the table.
      const names = new Set(DIEN_BIEN_PHU_2023_09.map((u) => u.name));
      const unitCells = Object.keys(cells)
        .filter((a) => names.has(text(a)) && rowOf(a) > rowOf(titleCell))
        .sort((a, b) => rowOf(a) - rowOf(b));
      assert.equal(unitCells.length, names.size, "each unit once");
      const nameColumn = /^[A-Z]+/.exec(unitCells[0])[0];
      assert.ok(unitCells.every((a) => a.startsWith(nameColumn)), "one name column");
      assert.equal(text(unitCells[0]), "UBND phường Him Lam", "highest first");
      assert.equal(text(unitCells[unitCells.length - 1]), "UBND phường Thanh Bình", "lowest last");
      const published = new Map(DIEN_BIEN_PHU_2023_09.map((u) => [u.name, u.quyDoi]));
      const order = unitCells.map((a) => published.get(text(a)));
      for (let i = 1; i < order.length; i++) assert.ok(order[i] <= order[i - 1] + 0.02, `rank order at ${unitCells[i]} (${order[i - 1]} ≥ ${order[i]})`);
      // STT 1, 2, 3… left of the names.
      const stt = unitCells.map((a) => cells[`A${rowOf(a)}`]?.value);
      assert.deepEqual(stt, unitCells.map((_, i) => i + 1), "STT in rank order");
      await page.locator(`table.sheet td[data-cell='${unitCells[0]}']`).scrollIntoViewIfNeeded();
      await t.step("appendix sheet in the grid");

      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "report-pane.png") });

      // A long error in the bar wraps too: the notes sheet is no table to compare with.
      await pane(page).getByRole("button", { name: "Làm mới danh sách" }).click();
      await pane(page).getByRole("combobox", { name: "Trang của kỳ trước" }).selectOption("Nhận xét xếp loại");
      await pane(page).getByRole("button", { name: "So sánh", exact: true }).click();
      const error = pane(page).locator("[data-pane-error]");
      await error.getByText(/Nhận xét xếp loại/).waitFor();
      t.log(`error shown: ${await error.innerText()}`);
      await assertPaneFits(page, "error shown");
      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "report-pane-error-320.png") });
    },
  },
];
