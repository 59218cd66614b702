import fc from "fast-check";
import { a1, columnIndex, columnLetters, formatKnown, parseA1, parseRangeA1, rangeA1, type Grid } from "../../src/model/grid";

describe("A1 addresses", () => {
  test("known columns and cells", () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    expect(a1(6, 3)).toBe("D7");
    expect(parseA1("D7")).toEqual({ row: 6, col: 3 });
    expect(parseA1("$d$7")).toEqual({ row: 6, col: 3 });
    expect(parseA1(" AT123 ")).toEqual({ row: 122, col: 45 });
  });

  test("not cell references", () => {
    for (const ref of ["", "7", "D", "D0", "D-1", "ABCD1", "D7:E8", "Sheet1!D7", "D7x"]) expect(parseA1(ref)).toBeNull();
  });

  test("a1 and parseA1 round-trip, and letters and indexes are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
        expect(columnIndex(columnLetters(col))).toBe(col);
      }),
    );
  });

  test("ranges", () => {
    expect(rangeA1({ top: 4, left: 3, bottom: 8, right: 3 })).toBe("D5:D9");
    expect(parseRangeA1("F9:D5")).toEqual({ top: 4, left: 3, bottom: 8, right: 5 });
  });
});

describe("formatKnown", () => {
  const grid: Grid = {
    sheet: "S",
    origin: { row: 2, col: 1 },
    values: [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    numberFormats: [
      ["General", "0%"],
      ["General", "0%"],
      [null, "0%"],
    ],
  };

  test("without an area or partial formats, every cell is known (exceljs: outside the grid is General)", () => {
    expect(formatKnown(grid, 2, 1)).toBe(true);
    expect(formatKnown(grid, 100, 50)).toBe(true);
    expect(formatKnown({ ...grid, numberFormats: undefined }, 2, 1)).toBe(false);
  });

  test("partial formats: below fromRow only the listed columns are known", () => {
    const partial: Grid = { ...grid, partialFormats: { fromRow: 4, columns: [2] } };
    expect(formatKnown(partial, 3, 1)).toBe(true);
    expect(formatKnown(partial, 4, 1)).toBe(false);
    expect(formatKnown(partial, 4, 2)).toBe(true);
  });

  test("outside the area the adapter read nothing is known (Office: the sheet goes on)", () => {
    const read: Grid = { ...grid, area: { top: 2, left: 1, bottom: 4, right: 2 } };
    expect(formatKnown(read, 4, 2)).toBe(true);
    expect(formatKnown(read, 4, 3)).toBe(false);
    expect(formatKnown(read, 5, 1)).toBe(false);
    expect(formatKnown(read, 1, 1)).toBe(false);
  });
});
