/** The reader's shortcuts give exactly what the general paths give. */
import fc from "fast-check";
import type { ValueKind } from "../../src/model/fields";
import { parseNumber } from "../../src/reader";
import { lazyCellAddresses } from "../../src/reader/cells";
import { typedNumber } from "../../src/reader/numbers";
import type { UnitRow } from "../../src/model/units";

const KINDS: ValueKind[] = ["score", "ratio", "count", "change", "rank", "text"];
const FORMATS = [null, "General", "0.00", "0%", "0.00%", '0.00"%"', "@"];

describe("typedNumber", () => {
  it("is parseNumber's value whenever it answers, and answers for every plain typed number parseNumber accepts", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -0, 100, 100.005, 100.006, 1, 0.5)),
        fc.constantFrom(...KINDS),
        fc.constantFrom(...FORMATS),
        (value, kind, format) => {
          const fast = typedNumber(value, kind, format);
          const full = parseNumber(value, kind, format);
          if (fast !== undefined) {
            expect(full.error).toBeUndefined();
            expect(Object.is(full.value, fast)).toBe(true);
          } else if (kind !== "text" && full.error === undefined && !full.percent) {
            throw new Error(`no shortcut for ${value} (${kind}, ${format})`);
          }
        },
      ),
    );
  });
});

describe("lazy cell addresses", () => {
  const unit = (row: number): UnitRow => ({ row, name: "x", key: "x", code: null, level: null, aggregate: false, values: {} });
  it("names each field's cell like cellRef, in field order, and behaves as a plain record", () => {
    const add = lazyCellAddresses("Bảng 1", [
      ["name", 1],
      ["1.1.numerator", 27],
    ]);
    const u = unit(6);
    add(u);
    expect(Object.keys(u)).toContain("cells");
    expect(u.cells).toEqual({ name: "'Bảng 1'!B7", "1.1.numerator": "'Bảng 1'!AB7" });
    expect(JSON.parse(JSON.stringify(u)).cells).toEqual(u.cells);
    const v = unit(9);
    add(v);
    v.cells = { name: "S!A1" };
    expect(v.cells).toEqual({ name: "S!A1" });
    const w = unit(2);
    add(w);
    expect({ ...w }.cells?.name).toBe("'Bảng 1'!B3");
  });
});
