/**
 * The fake workbook keeps its used range as cells change (grown in place, dropped when a cell is
 * emptied) and its cells indexed by row and column: after any sequence of edits both must agree
 * with the cells it holds.
 */
import fc from "fast-check";
import { BLANK_CELL, FakeSheet } from "../../fake-excel/model";

const edit = fc.record({
  row: fc.integer({ min: 0, max: 12 }),
  col: fc.integer({ min: 0, max: 8 }),
  value: fc.constantFrom<string | number>("", "", 1, "x"),
  numberFormat: fc.constantFrom("General", "General", "0.00"),
  underline: fc.boolean(),
  read: fc.boolean(),
});

function walked(sheet: FakeSheet, valuesOnly: boolean) {
  const fresh = new FakeSheet("walk");
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(",").map(Number);
    fresh.update(r, c, cell);
  }
  return fresh.usedRange(valuesOnly);
}

test("used range after edits, clears and reads in between equals a walk over the cells", () => {
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 40 }), fc.boolean(), (edits, clearSome) => {
      const sheet = new FakeSheet("S");
      for (const e of edits) {
        sheet.update(e.row, e.col, { value: e.value, numberFormat: e.numberFormat, underline: e.underline });
        if (e.read) sheet.usedRange(e.row % 2 === 0);
      }
      if (clearSome) sheet.clear({ top: 0, left: 0, bottom: 5, right: 3 });
      expect(sheet.usedRange(false)).toEqual(walked(sheet, false));
      // Cells read by row and column are the cells the sheet holds.
      for (let r = 0; r <= 12; r++) for (let c = 0; c <= 8; c++) expect(sheet.cell(r, c)).toEqual(sheet.cells.get(`${r},${c}`) ?? BLANK_CELL);
      expect(sheet.usedRange(true)).toEqual(walked(sheet, true));
    }),
    { numRuns: 300 },
  );
});
