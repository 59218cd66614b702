/**
 * What the pane says a click will do, at Excel's narrowest pane (320 px), on the Phú Tân example:
 * the preview names the district row apart from the 18 units, gives the table's own extent and
 * counts the cells and underlines a write really changes; after the write it says a second one would change
 * nothing; "Lập phụ lục" says "Hoàn tác" will remove its sheets, and "Hoàn tác" does.
 */
const assert = require("node:assert/strict");
const path = require("path");
const { openPlayground, pane, setPaneWidth, assertPaneFits, workbookState } = require("../lib");
const { waitForMapping, preview, write, undo, waitIdle, paneText } = require("../pane-driver");

const EXAMPLE = "phu-tan-2024-05-tuan-01.xlsx";
const STATE_SHEET = "chiso766_state";

const sheetsOf = async (page) => (await workbookState(page)).map((s) => s.name).filter((n) => n !== STATE_SHEET);

module.exports = [
  {
    name: "pane trust: the preview counts real changes, names the district row, and undo removes the appendix",
    timeoutMs: 90000,
    async run(t) {
      const { page } = t;
      await openPlayground(t, EXAMPLE);
      await setPaneWidth(page, 320);
      await waitForMapping(page);
      await preview(page).waitFor();

      const summary = pane(page).getByText(/^\d+ đơn vị/);
      const before = await summary.innerText();
      assert.match(before, /^18 đơn vị và 1 dòng tổng hợp \(TOÀN HUYỆN\)/, "the district row is named apart from the units");
      assert.match(before, /sẽ ghi \d+ ô \(cột [A-Z]+(, [A-Z]+)*\)/, `the cells the write changes and their columns: ${before}`);
      t.log(`preview: ${before}`);
      // The 9 values the published appendix underlines; none is underlined yet, none to clear.
      assert.match(before, / · gạch chân thêm 9 ô( ·|$)/, "underlines counted as cells that change");
      assert.doesNotMatch(before, /bỏ gạch chân/);
      // The table's extent, not the used range with the blank columns read for results.
      assert.match(await paneText(page), /Bảng 'Phụ lục 1'!A\d+:M\d+ · tiêu đề/);
      await summary.scrollIntoViewIfNeeded();
      await assertPaneFits(page, "preview");
      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "pane-trust-preview-320.png") });
      await t.step("preview: what the write changes");

      await write(page);
      const nothing = pane(page).getByText(/^Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này\.$/);
      await nothing.waitFor();
      assert.doesNotMatch(await summary.innerText(), /sẽ ghi/);
      await nothing.scrollIntoViewIfNeeded();
      await assertPaneFits(page, "after the write");
      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "pane-trust-nothing-to-write-320.png") });
      await t.step("after the write: a second one would change nothing");

      const sheets = await sheetsOf(page);
      const makeAppendix = pane(page).getByRole("button", { name: "Lập phụ lục" });
      await makeAppendix.scrollIntoViewIfNeeded();
      await makeAppendix.click();
      const status = pane(page).locator("[data-pane-status]");
      await status.getByText(/Đã lập trang "Phụ lục xếp loại" và trang "Nhận xét xếp loại".*“Hoàn tác” sẽ xóa các trang này cùng kết quả đã ghi \(trừ trang bạn đã sửa\)\./).waitFor();
      await waitIdle(page);
      const added = (await sheetsOf(page)).filter((n) => !sheets.includes(n));
      assert.deepEqual(added.sort(), ["Nhận xét xếp loại", "Phụ lục xếp loại"]);
      await assertPaneFits(page, "appendix made");
      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "pane-trust-appendix-320.png") });
      await t.step("appendix made, recorded with the write");

      await undo(page);
      await status.getByText(/Đã xóa các trang "Phụ lục xếp loại", "Nhận xét xếp loại" lập sau lần ghi đó\./).waitFor();
      assert.deepEqual(await sheetsOf(page), sheets, "undo removed the appendix and its notes sheet");
      await assertPaneFits(page, "undone");
      await page.locator("aside.pane").screenshot({ path: path.join(t.outDir, "pane-trust-undo-320.png") });
      await t.step("undo removed the appendix");
    },
  },
];
