/**
 * Phú Tân (An Giang) weekly appendix, the whole round trip in the real pane: detection, a
 * mapping change, score, write, what the grid shows, the pane reopened, undo.
 * Expected ratings, changes and underlines are the published appendix (tests/fixtures/golden);
 * ranks follow from the totals in the sheet (competition ranking, METHOD.md §5).
 */
/* global getComputedStyle -- used inside page.evaluate, in the browser */
const assert = require("node:assert/strict");
const { PHU_TAN_2024_05_TUAN_01 } = require("../fixtures");
const { openPlayground, cellText, sheetCells, workbookState, findColumn, columnIndex, columnLetters, waitForPane } = require("../lib");
const { fieldOf, mapping, setField, waitForMapping, preview, profile, write, undo, button } = require("../pane-driver");

const EXAMPLE = "phu-tan-2024-05-tuan-01.xlsx";
const SHEET = "Phụ lục 1";
const STATE_SHEET = "chiso766_state";
const HEADER_ROWS = [5, 6];

/** Competition ranking ("1, 2, 2, 4") of totals, highest first. */
function competitionRanks(totals) {
  return totals.map((t) => 1 + totals.filter((o) => o > t).length);
}

function visibleSheets(state) {
  return state.filter((s) => s.name !== STATE_SHEET);
}

/** Grid cells drawn underlined (computed style), as "D7" addresses. */
async function underlinedInGrid(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("table.sheet td[data-cell]")]
      .filter((td) => getComputedStyle(td).textDecorationLine.includes("underline"))
      .map((td) => td.dataset.cell),
  );
}

module.exports = [
  {
    name: "Phú Tân: detect, remap a column, score, write, reopen the pane, undo",
    timeoutMs: 60000,
    async run(t) {
      const { page } = t;
      await openPlayground(t, EXAMPLE);
      await waitForMapping(page);

      // Columns as the sheet names them.
      const col = {
        name: await findColumn(page, SHEET, /^ĐƠN VỊ$/, HEADER_ROWS),
        total: await findColumn(page, SHEET, /TUẦN 01/, HEADER_ROWS),
        previous: await findColumn(page, SHEET, /^THÁNG 4$/, HEADER_ROWS),
        rating: await findColumn(page, SHEET, /^XẾP LOẠI$/, HEADER_ROWS),
        change: await findColumn(page, SHEET, /TĂNG\/GIẢM/, HEADER_ROWS),
        "ck.ratio": await findColumn(page, SHEET, /^CÔNG KHAI/, HEADER_ROWS),
        "td.ratio": await findColumn(page, SHEET, /^TIỀN ĐỘ/, HEADER_ROWS),
        "dvctt.ratio": await findColumn(page, SHEET, /^DVCTT$/, HEADER_ROWS),
        "tttt.ratio": await findColumn(page, SHEET, /^THANH TOÁN TT$/, HEADER_ROWS),
        "sohoa.ratio": await findColumn(page, SHEET, /^SỐ HÓA HỒ SƠ$/, HEADER_ROWS),
        "chungthuc.ratio": await findColumn(page, SHEET, /^CHỨNG THỰC ĐT$/, HEADER_ROWS),
      };

      // 1. What the pane detected: the profile and the mapping.
      assert.deepEqual(await profile(page), { id: "an-giang-tuan", name: "An Giang — bảng tuần (Phú Tân)" }, "the detected profile is shown");
      const detected = await mapping(page);
      for (const [field, letter] of Object.entries(col)) assert.equal(detected[letter], field, `column ${letter} detected as ${field}`);
      await t.step("detected profile and mapping");

      // 2. The user changes one column's field: the e-certification column is not used.
      const changed = col["chungthuc.ratio"];
      await setField(page, changed, "");
      assert.equal(await fieldOf(page, changed), "");
      await t.step(`column ${changed} set to unused`);

      const before = await workbookState(page);
      const cellsBefore = await sheetCells(page, SHEET);

      // 3. The pane scores and previews on its own; nothing is written until asked.
      await preview(page).waitFor();
      assert.deepEqual(await workbookState(page), before, "the preview writes nothing");
      await preview(page).scrollIntoViewIfNeeded();
      await t.step("preview before writing");
      await write(page);
      await t.step("written");

      // 4. The grid: ratings, changes, ranks, underlines — row by row against the appendix.
      const cells = await sheetCells(page, SHEET);
      const rowOf = new Map();
      for (const [addr, c] of Object.entries(cells)) if (addr.startsWith(`${col.name}`) && /^[A-Z]+\d+$/.test(addr)) rowOf.set(c.value, Number(/\d+$/.exec(addr)[0]));
      const units = PHU_TAN_2024_05_TUAN_01.map((u) => ({ ...u, row: rowOf.get(u.name) }));
      for (const u of units) assert.ok(u.row, `row of ${u.name} found`);

      const rankCol = columnLetters(
        Math.max(...Object.keys(cells).filter((a) => HEADER_ROWS.includes(Number(/\d+$/.exec(a)[0])) && /hạng/i.test(String(cells[a].value))).map((a) => columnIndex(/^[A-Z]+/.exec(a)[0]))),
      );
      assert.ok(columnIndex(rankCol) > columnIndex(col["chungthuc.ratio"]), `rank column ${rankCol} added right of the table`);

      const ranked = units.filter((u) => u.stt !== null);
      const expectedRanks = competitionRanks(ranked.map((u) => cellsBefore[`${col.total}${u.row}`].value));
      for (const u of units) {
        const at = (c) => cells[`${c}${u.row}`] ?? { value: "", numberFormat: "General", underline: false };
        assert.equal(at(col.rating).value, u.rating, `${u.name}: rating`);
        assert.equal(at(col.change).value, u.change, `${u.name}: change`);
        const shownChange = await cellText(page, `${col.change}${u.row}`);
        assert.equal(Number(shownChange), u.change, `${u.name}: change shown as ${shownChange}`);
        if (/0\.00/.test(at(col.change).numberFormat)) assert.match(shownChange, /^[+-]?\d+\.\d\d$/, `${u.name}: change shown with 2 decimals`);
        const rankIndex = ranked.indexOf(u);
        assert.equal(at(rankCol).value, rankIndex < 0 ? "" : expectedRanks[rankIndex], `${u.name}: rank`);
      }

      const expectedUnderlines = new Set(units.flatMap((u) => u.underlined.map((f) => `${col[f]}${u.row}`)));
      const underlinedInModel = new Set(Object.entries(cells).filter(([, c]) => c.underline).map(([a]) => a));
      assert.deepEqual([...underlinedInModel].sort(), [...expectedUnderlines].sort(), "underlined cells = the appendix's");
      assert.deepEqual((await underlinedInGrid(page)).sort(), [...expectedUnderlines].sort(), "and the grid draws exactly those underlined");
      await page.locator(`td[data-cell='${col.total}${units[units.length - 1].row}']`).scrollIntoViewIfNeeded();
      await t.step("grid after writing (ratings, changes, ranks, underlines)");

      // 5. Close and reopen the pane: it finds the same mapping (saved in the workbook) and can still undo.
      await page.locator("#reload-pane").click();
      await waitForPane(page);
      await waitForMapping(page);
      assert.equal(await fieldOf(page, changed), "", "the changed field survives reopening the pane");
      await t.step("pane reopened");

      // 6. Undo: every sheet back exactly as before (the add-in's very hidden state sheet aside).
      await undo(page);
      await page.waitForFunction(
        ({ sheet, address }) => {
          const s = window.chiso766Playground.model.sheets.find((x) => x.name === sheet);
          return ![...s.cells.values()].some((c) => c.underline) && !document.querySelector(`td[data-cell='${address}']`)?.textContent;
        },
        { sheet: SHEET, address: `${rankCol}${units[1].row}` },
      );
      const after = await workbookState(page);
      assert.deepEqual(visibleSheets(after), visibleSheets(before), "undo restores every cell, format and underline");
      assert.equal(await button(page, "write").isEnabled(), true);
      await t.step("after undo");
    },
  },
];
