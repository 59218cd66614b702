/**
 * Điện Biên Phủ, monthly (Hướng dẫn 462/VPUB-KSTT): eight indicators summed to "Điểm được" out of
 * 80, converted to a 10-point scale, rated on that scale. Expected values are computed here from
 * the indicator points in the sheet (decimal arithmetic); the ratings must also be the published ones.
 */
const assert = require("node:assert/strict");
const Decimal = require("decimal.js");
const { DIEN_BIEN_PHU_2023_09 } = require("../fixtures");
const { openPlayground, cellText, sheetCells, findColumn, columnIndex, columnLetters } = require("../lib");
const { waitForMapping, profile, preview, write } = require("../pane-driver");

const EXAMPLE = "dien-bien-2023-09.xlsx";
const SHEET = "Phụ lục";
const HEADER_ROWS = [4, 5, 6];

/** The report prints "TB" for Trung bình (METHOD.md §4): compare the band, not the spelling. */
function band(label) {
  const l = String(label).trim().toLowerCase();
  return l === "tb" ? "trung bình" : l;
}

function rowNumber(address) {
  return Number(/\d+$/.exec(address)[0]);
}

module.exports = [
  {
    name: "Điện Biên: scored on its own 80-point method, converted to 10 and rated",
    async run(t) {
      const { page } = t;
      await openPlayground(t, EXAMPLE);
      await waitForMapping(page);
      assert.deepEqual(await profile(page), { id: "dien-bien-2023", name: "Điện Biên 2023 — 8 chỉ số, 80 điểm, quy đổi thang 10" });
      await preview(page).waitFor();
      await t.step("detected the Điện Biên method");

      const before = await sheetCells(page, SHEET);
      const nameCol = await findColumn(page, SHEET, /^Tên đơn vị$/, HEADER_ROWS);
      const firstIndicator = await findColumn(page, SHEET, /^Tiên độ, KQ giải quyết/, HEADER_ROWS);
      const totalCol = await findColumn(page, SHEET, /^Điểm được$/, HEADER_ROWS);
      const convertedCol = await findColumn(page, SHEET, /^Tổng điểm quy đổi$/, HEADER_ROWS);
      const ratingCol = await findColumn(page, SHEET, /^Xếp loại$/, HEADER_ROWS);
      const indicatorCols = [];
      for (let c = columnIndex(firstIndicator); c < columnIndex(totalCol); c++) indicatorCols.push(columnLetters(c));
      assert.equal(indicatorCols.length, 8, "eight indicator columns");

      await write(page);
      await t.step("written");

      const cells = await sheetCells(page, SHEET);
      const units = DIEN_BIEN_PHU_2023_09.map((u) => {
        const entry = Object.entries(before).find(([a, c]) => a.startsWith(nameCol) && /^[A-Z]+\d+$/.test(a) && c.value === u.name);
        assert.ok(entry, `row of ${u.name}`);
        const row = rowNumber(entry[0]);
        const sum = indicatorCols.reduce((s, c) => s.plus(before[`${c}${row}`].value), new Decimal(0));
        return { ...u, row, sum };
      });
      const sums = units.map((u) => u.sum.toNumber());
      for (const u of units) {
        const at = (c) => cells[`${c}${u.row}`] ?? { value: "", numberFormat: "General" };
        assert.ok(u.sum.lte(80), `${u.name}: at most 80 points`);
        assert.equal(at(totalCol).value, u.sum.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(), `${u.name}: Điểm được = sum of the 8 indicators`);
        const converted = u.sum.div(80).times(10).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
        assert.equal(at(convertedCol).value, converted, `${u.name}: quy đổi = điểm ÷ 80 × 10`);
        const shown = await cellText(page, `${convertedCol}${u.row}`);
        assert.equal(Number(shown), converted, `${u.name}: shown ${shown}`);
        if (/0\.00/.test(at(convertedCol).numberFormat)) assert.match(shown, /^\d+\.\d\d$/);
        assert.equal(band(at(ratingCol).value), band(u.xepLoai), `${u.name}: the published rating (${u.xepLoai})`);
        // Published "Tổng điểm quy đổi" came from unrounded points: within rounding of the printed ones.
        assert.ok(Math.abs(converted - u.quyDoi) <= 0.02, `${u.name}: ${converted} ≈ published ${u.quyDoi}`);
      }
      // Ranks, when the method adds them: competition ranking of the totals.
      const rankAddr = Object.keys(cells).find((a) => HEADER_ROWS.includes(rowNumber(a)) && /hạng/i.test(String(cells[a].value)));
      if (rankAddr) {
        const rankCol = /^[A-Z]+/.exec(rankAddr)[0];
        for (const [i, u] of units.entries()) {
          const expected = 1 + sums.filter((s) => s > sums[i]).length;
          assert.equal(cells[`${rankCol}${u.row}`]?.value, expected, `${u.name}: rank`);
        }
      }
      await t.step("grid after writing");
    },
  },
];
