import fc from "fast-check";
import { a1, columnIndex, columnLetters, parseA1, parseRangeA1, rangeA1 } from "../../src/model/grid";

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
