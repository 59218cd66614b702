/**
 * The method as a sheet in the playground: the pane's "Ghi trang phương pháp" button writes the
 * method into a visible sheet; a mistake typed into that sheet stops scoring and the pane names
 * its cell; picking a built-in method (the picker works before any result) scores the table.
 */
const assert = require("node:assert/strict");
const { openPlayground, pane, activeSheet } = require("../lib");
const { button, waitForMapping, waitIdle } = require("../pane-driver");

const SHEET = "Phương pháp chấm điểm";

module.exports = [
  {
    name: "method sheet: written by the button, a mistake named by its cell, a built-in method picked before any result",
    async run(t) {
      const { page } = t;
      await openPlayground(t, "dien-bien-2023-09.xlsx");
      await waitForMapping(page);
      await pane(page).getByRole("button", { name: "Ghi trang phương pháp", exact: true }).click();
      await pane(page).getByText(`vào trang “${SHEET}”`, { exact: false }).first().waitFor();
      assert.equal(await activeSheet(page), SHEET);
      await t.step("the method sheet is written and shown");

      // The user types a word where the "Khá" band's minimum is (Excel fires onChanged).
      const row = await page.evaluate((name) => {
        const sheet = window.chiso766Playground.model.sheet(name);
        for (let r = 0; r < 400; r++) if (sheet.cell(r, 1).value === "Khá") return r + 1;
        return -1;
      }, SHEET);
      assert.ok(row > 0, "the sheet has the band Khá");
      await page.evaluate(
        ([s, a]) => {
          window.chiso766Playground.model.userEdit(s, a, "bảy mươi");
          window.chiso766Playground.changed();
        },
        [SHEET, `A${row}`],
      );
      await waitIdle(page);
      await button(page, "read").click();
      await pane(page).getByRole("heading", { name: `Trang “${SHEET}” có 1 lỗi` }).waitFor();
      const text = (await pane(page).locator("body").textContent()) ?? "";
      assert.ok(text.includes(`'${SHEET}'!A${row}`), `the mistake names its cell A${row}`);
      assert.ok(text.includes(`"bảy mươi" không phải là số`), "and says why");
      assert.equal(await pane(page).getByRole("table", { name: "Xem trước kết quả" }).count(), 0, "nothing is scored");
      assert.ok(text.includes("Trang đang mở là phương pháp chấm điểm; đã đọc bảng ở trang Phụ lục."), "the table is read, not the method sheet");
      await t.step("the sheet's mistake is named by its cell; nothing scored");

      await pane(page).getByRole("combobox", { name: "Phương pháp chấm điểm" }).selectOption("dien-bien-2023");
      await waitForMapping(page);
      await t.step("a built-in method picked before any result scores the table");
    },
  },
];
