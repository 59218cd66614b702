/**
 * Never lose a cell (issue 14), each case as a user meets it in the playground: a value typed
 * after the preview, a fixed input cell, weak header matches, a sheet without a table, and the
 * overwrite dialog's focus. The user's typing is the playground model's userEdit (what Excel does
 * between two of the add-in's requests; it fires worksheet onChanged).
 */
const assert = require("node:assert/strict");
const path = require("path");
const ExcelJS = require("exceljs");
const { openPlayground, pane, paneFrame, cellText } = require("../lib");
const { button, mapping, openDialog, waitForMapping, waitIdle, write, undo, paneText, setField } = require("../pane-driver");

async function type(page, sheet, address, value) {
  await page.evaluate(
    ([s, a, v]) => {
      window.chiso766Playground.model.userEdit(s, a, v);
      window.chiso766Playground.changed();
    },
    [sheet, address, value],
  );
}

async function openFile(t, file) {
  await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
  await t.page.locator("#file-input").setInputFiles(file);
  await t.page.waitForFunction((name) => document.body.dataset.workbook === name, path.basename(file));
}

module.exports = [
  {
    name: "case 1: a value typed after the preview is never overwritten without asking, and undo restores it",
    async run(t) {
      const { page } = t;
      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      await waitForMapping(page);
      await type(page, "Phụ lục 1", "D8", "Khá");
      await pane(page).getByText("Bảng đã thay đổi — kết quả đang hiển thị chưa cập nhật", { exact: false }).waitFor();
      await t.step("the preview says it is out of date");
      await button(page, "write").click();
      await pane(page).getByText(/đã thay đổi sau lần đọc bảng nên chưa ghi gì: D8 \(trống\) → “Khá”/).waitFor();
      await waitIdle(page);
      assert.equal(await cellText(page, "D8"), "Khá");
      await t.step("the write stopped and shows what changed");
      await waitIdle(page);
      await button(page, "write").click();
      const dialog = await openDialog(page);
      assert.match(await dialog.innerText(), /D8: “Khá” → “TỐT”/);
      await dialog.getByRole("button", { name: "Hủy" }).click();
      await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
      assert.equal(await cellText(page, "D8"), "Khá", "the typed value stays when the user says no");
      await t.step("asked before overwriting the typed rating; Hủy kept it");
      await button(page, "write").click();
      await openDialog(page);
      await dialog.getByRole("button", { name: "Ghi đè" }).click();
      await pane(page).getByText(/^Đã ghi \d+ ô/).waitFor();
      assert.equal(await cellText(page, "D8"), "TỐT");
      await undo(page);
      assert.equal(await cellText(page, "D8"), "Khá", "undo brings the typed value back");
      await t.step("overwritten on Ghi đè; undo brought the typed value back");
    },
  },
  {
    name: "case 2: a fixed input cell is read before writing, no stale results",
    async run(t) {
      const { page } = t;
      await openPlayground(t, "qd766-nhom-mau.xlsx");
      await waitForMapping(page);
      assert.match(await paneText(page), /"16\/,6" không phải là số/);
      const sheet = await page.evaluate(() => window.chiso766Playground.model.activeSheet);
      await type(page, sheet, "D6", 16.6);
      await button(page, "write").click();
      await pane(page).getByText(/chưa ghi gì: D6 “16\/,6” → 16,6/).waitFor();
      await waitIdle(page);
      assert.doesNotMatch(await paneText(page), /"16\/,6" không phải là số/, "the preview is computed from the fixed cell");
      await t.step("the write stopped; the preview was recomputed with the fix");
      await write(page);
      await t.step("written from the sheet as it is");
    },
  },
  {
    name: "case 3: weak header matches get new columns; nothing of the user's is blanked",
    async run(t) {
      const { page } = t;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Bảng");
      ws.addRow(["STT", "Tên đơn vị", "Điểm", "Điểm", "Tỷ lệ (%)", "Số hồ sơ", "Tổng", "Kết quả"]);
      for (let i = 1; i <= 9; i++) ws.addRow([i, `Xã ${i}`, 10 + i, 20 - i, 70 + i, 100 + i, 150 + 5 * i, 60 + i]);
      const file = path.join(t.outDir, "tieu-de-yeu.xlsx");
      await wb.xlsx.writeFile(file);
      await openFile(t, file);
      await waitIdle(page);
      const before = await page.evaluate(() => [...window.chiso766Playground.model.sheets[0].cells].map(([k, c]) => [k, c.value]));
      const text = await paneText(page);
      // A one-row header is "dòng 1", as the CLI says it, never "dòng 1–1".
      assert.match(text, /tiêu đề dòng 1 · dữ liệu dòng 2–10/);
      await t.step("read");
      // Nothing computed, nothing to write: said plainly, and no undo point that undoes nothing.
      await button(page, "write").click();
      await pane(page).getByText("Không có ô nào cần ghi trên trang Bảng: chưa có kết quả nào để ghi. Sổ không thay đổi.").waitFor();
      await waitIdle(page);
      assert.equal(await button(page, "undo").isEnabled(), false, "no undo after a write of nothing");
      const sheets = await page.evaluate(() => window.chiso766Playground.model.sheets.map((s) => s.name));
      assert.deepEqual(sheets, ["Bảng"], "no state sheet");
      await t.step("Ghi kết quả: nothing needed writing, and the pane says so");
      const after = new Map(await page.evaluate(() => [...window.chiso766Playground.model.sheets[0].cells].map(([k, c]) => [k, c.value])));
      for (const [k, v] of before) assert.equal(after.get(k), v, `cell ${k} kept`);
      assert.equal(await pane(page).getByRole("dialog").count(), 0, "no overwrite question: nothing of the user's is targeted");
      await t.step("every cell the user had is as it was");
    },
  },
  {
    name: "case 3b: a result that goes to a new column says why in the mapping",
    async run(t) {
      const { page } = t;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Bảng");
      ws.addRow(["STT", "Tên đơn vị", "Điểm", "Điểm", "Tỷ lệ (%)", "Số hồ sơ", "Tổng", "Kết quả"]);
      // "Số hồ sơ" is read as the group "Số hóa hồ sơ": values within its maximum, so every unit is
      // scored (an unusable group would leave it with no total, hence no change to write).
      for (let i = 1; i <= 9; i++) ws.addRow([i, `Xã ${i}`, 10 + i, 20 - i, 70 + i, 12 + (i % 5), 70 + 3 * i, 60 + i]);
      const file = path.join(t.outDir, "cot-moi.xlsx");
      await wb.xlsx.writeFile(file);
      await openFile(t, file);
      await waitIdle(page);
      const moved = pane(page).locator("[data-moved-to]");
      await moved.first().waitFor();
      assert.equal(
        (await moved.allInnerTexts()).join("\n"),
        [
          "Ghi vào cột K “Tăng/giảm” do công cụ thêm: tiêu đề cột D “Điểm” chỉ gần giống “Tăng/giảm” (65 %), không ghi vào đó.",
          "Ghi vào cột I “Xếp loại” do công cụ thêm: tiêu đề cột H “Kết quả” chỉ gần giống “Xếp loại” (70 %), không ghi vào đó.",
        ].join("\n"),
      );
      await moved.first().scrollIntoViewIfNeeded();
      await t.step("the mapping rows of D and H say their results go to the new columns K and I, and why");
      const approved = await mapping(page);
      const movedLines = await moved.allInnerTexts();
      await write(page);
      assert.equal(await cellText(page, "K1"), "Tăng/giảm");
      assert.equal(await cellText(page, "D2"), "19", "the weakly matched column keeps the user's values");
      assert.equal(await cellText(page, "H2"), "61", "so does the weakly matched rating column");
      await t.step("written to I and K; D and H untouched");
      // The pane read the sheet again after the write: the tool's own columns I–K take nothing
      // from the user's, so the mapping is the one approved before the write.
      assert.deepEqual(await mapping(page), approved, "the mapping after the write is the one the user saw before it");
      assert.deepEqual(await moved.allInnerTexts(), movedLines);
      // The preview already says so; Ghi kết quả says it again and writes nothing.
      await pane(page).getByTestId("nothing-to-write").waitFor();
      await button(page, "write").click();
      await pane(page).getByText(/^Không có ô nào cần ghi trên trang Bảng: các ô đã có đúng kết quả này\. Sổ không thay đổi\./).waitFor();
      await waitIdle(page);
      await moved.first().scrollIntoViewIfNeeded();
      await t.step("after the write: the same mapping, and a second write finds nothing to change");
    },
  },
  {
    name: "case 4: a sheet without a table: one message, write and undo off",
    async run(t) {
      const { page } = t;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Công văn");
      ws.addRow(["ỦY BAN NHÂN DÂN HUYỆN PHÚ TÂN"]);
      ws.addRow(["Số: 123/UBND-VP"]);
      ws.addRow(["V/v triển khai Bộ chỉ số phục vụ người dân, doanh nghiệp"]);
      ws.addRow(["Kính gửi: Các phòng, ban chuyên môn"]);
      const file = path.join(t.outDir, "cong-van.xlsx");
      await wb.xlsx.writeFile(file);
      await openFile(t, file);
      await pane(page).getByText(/không có bảng chỉ số/).waitFor({ timeout: 15000 });
      assert.equal(await button(page, "write").isEnabled(), false);
      assert.equal(await button(page, "undo").isEnabled(), false);
      assert.equal(await pane(page).getByRole("table", { name: "Ánh xạ cột" }).count(), 0);
      assert.equal(await pane(page).getByText("Lập phụ lục").count(), 0);
      await t.step("one clear message, nothing to write");
    },
  },
  {
    name: "case 5: the overwrite dialog names cells, focuses Hủy, gives focus back, leaves nothing aria-hidden",
    async run(t) {
      const { page } = t;
      await openPlayground(t, "phu-tan-2024-05-tuan-01.xlsx");
      await waitForMapping(page);
      await type(page, "Phụ lục 1", "D9", "Xuất sắc");
      await button(page, "read").click();
      await waitIdle(page);
      // The user says D is the rating column: the tool would write into it, so it asks.
      await setField(page, "D", "rating");
      await button(page, "write").click();
      const dialog = await openDialog(page);
      assert.match(await dialog.innerText(), /'Phụ lục 1'!D9: “Xuất sắc” → “TỐT”/);
      const focused = await paneFrame(page).evaluate(() => document.activeElement?.textContent ?? "");
      assert.equal(focused.trim(), "Hủy");
      await t.step("the dialog names the cell and focuses Hủy");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
      await page.waitForTimeout(200);
      const state = await paneFrame(page).evaluate(() => ({
        hidden: [...document.querySelectorAll("[aria-hidden='true']")].filter((e) => e.querySelector("button")).length,
        focused: document.activeElement?.textContent ?? "",
      }));
      assert.equal(state.hidden, 0, "nothing with buttons stays aria-hidden");
      assert.equal(state.focused.trim(), "Ghi kết quả");
      assert.equal(await cellText(page, "D9"), "Xuất sắc");
      await t.step("closed: focus back on Ghi kết quả, nothing hidden, nothing written");
    },
  },
];
