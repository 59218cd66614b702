/**
 * Robustness: random cells and random header strings never make the reader or parseNumber
 * throw, and never yield NaN or Infinity. Over 10^5 random cells in total.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../src/model/grid";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { readTable } from "../../src/reader";
import { normalizeHeader, normalizeUnitName } from "../../src/reader/normalize";
import { parseNumber } from "../../src/reader/numbers";

const HEADER_WORDS = ["STT", "Tên đơn vị", "ĐƠN VỊ", "Tổng điểm", "Xếp loại", "Chỉ số 1 (10 điểm)", "Tiên độ", "(%)", "Nhóm", "DVCTT", "Tháng 4", "Mã định danh", "(1)", "TOÀN HUYỆN", "I."];
const NUMBERISH = ["86.59", "82,1", "921.747", "1.234,5", "85,5%", "17,5/18", "Tỷ lệ: 33.33%", "01", "-", "N/A", "16/,6", "\u2212 0,5", "1\u00a0234", "#DIV/0!", "0.00"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(...HEADER_WORDS, ...NUMBERISH),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);

const grid: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.constantFrom("Sheet1", "Phụ lục 1"),
  origin: fc.record({ row: fc.nat(50), col: fc.nat(10) }),
  values: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 }),
  merges: fc.array(
    fc.record({ top: fc.nat(60), left: fc.nat(20), bottom: fc.nat(60), right: fc.nat(20) }),
    { maxLength: 3 },
  ),
});

function allFinite(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x && typeof x === "object") return Object.values(x).every(allFinite);
  return true;
}

describe("never throws, never NaN/Infinity", () => {
  test("parseNumber on 10^5 random cells of every kind", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom("score", "ratio", "count", "change", "rank", "text" as const), fc.constantFrom(null, "0.00%", "General", '0"%"'), (v, kind, fmt) => {
        const r = parseNumber(v, kind, fmt);
        return (r.value === null || Number.isFinite(r.value)) && (r.value === null || r.error === undefined);
      }),
      { numRuns: 100_000 },
    );
  });

  test("normalizeHeader and normalizeUnitName on random strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom(...HEADER_WORDS)), (s) => {
        const h = normalizeHeader(s);
        normalizeUnitName(s);
        return typeof h.key === "string" && allFinite(h.evidence);
      }),
      { numRuns: 20_000 },
    );
  });

  test("readTable on random grids (about 10^5 cells in all)", () => {
    let cells = 0;
    fc.assert(
      fc.property(grid, (g) => {
        for (const r of g.values) cells += r.length;
        const result = readTable(g, { profiles: BUILTIN_PROFILES });
        return allFinite(result) && Array.isArray(result.units) && Array.isArray(result.problems);
      }),
      { numRuns: 4_000 },
    );
    expect(cells).toBeGreaterThan(80_000);
  });

  test("readTable on random headers above random data", () => {
    const headed = fc.record({
      header: fc.array(fc.oneof(fc.constantFrom(...HEADER_WORDS), fc.string({ maxLength: 10 })), { minLength: 2, maxLength: 8 }),
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(headed, ({ header, rows }) => {
        const g: Grid = { sheet: "S", origin: { row: 0, col: 0 }, values: [header, ...rows] };
        const result = readTable(g, { profiles: BUILTIN_PROFILES });
        return allFinite(result);
      }),
      { numRuns: 800 },
    );
  });
});
