import { parseNumber } from "../../src/reader/numbers";

describe("parseNumber by column kind", () => {
  test.each([
    ["86.59", "score", 86.59],
    ["82,1", "score", 82.1],
    ["1.234,5", "count", null], // not a whole number
    ["1.234,5", "change", 1234.5],
    ["1,234.5", "change", 1234.5],
    ["921.747", "count", 921747],
    ["23.636 hồ sơ", "count", 23636],
    ["1.600", "count", 1600],
    ["1\u00a0234", "count", 1234],
    ["1\u202f234", "count", 1234],
    ["01", "count", 1],
    ["02", "count", 2],
    ["0.00", "ratio", 0],
    ["94,3", "ratio", 94.3],
    ["85,5%", "ratio", 85.5],
    ["85.5 %", "ratio", 85.5],
    ["Tỷ lệ: 33.33%", "ratio", 33.33],
    ["Số lượng: 12", "count", 12],
    ["Điểm số: 2", "score", 2],
    ["17,5/18", "score", 17.5],
    ["\u22120,5", "change", -0.5],
    ["−0,5", "change", -0.5],
    ["▲ 1.20", "change", 1.2],
    ["▼ 1,2", "change", -1.2],
    ["  86.59\u00a0", "score", 86.59],
    ["0", "score", 0],
  ] as const)("%j as %s → %p", (raw, kind, expected) => {
    expect(parseNumber(raw, kind).value).toBe(expected);
  });

  test.each(["", "-", "–", "—", "N/A", "n/a", "x", "X", "Chưa có", "KPS", "kps", "Không phát sinh", "  ", "\u00a0"])("%j is missing (null, no error), never 0", (raw) => {
    for (const kind of ["score", "ratio", "count", "change"] as const) {
      const r = parseNumber(raw, kind);
      expect(r.value).toBeNull();
      expect(r.error).toBeUndefined();
      // A written mark is kept, so the user is told which cell was read as missing; whitespace is a blank.
      expect(r.mark).toBe(raw.trim() === "" ? undefined : raw);
    }
  });

  test("blank cell (null) is missing", () => {
    expect(parseNumber(null, "score")).toEqual({ value: null });
  });

  test('"921.747" is a count but a problem in a score or ratio column', () => {
    expect(parseNumber("921.747", "count").value).toBe(921747);
    for (const kind of ["score", "ratio"] as const) {
      const r = parseNumber("921.747", kind);
      expect(r.value).toBeNull();
      expect(r.error).toMatch(/"921\.747" không rõ/);
    }
  });

  test('"16/,6" is not a number, with the raw text quoted', () => {
    expect(parseNumber("16/,6", "score")).toEqual({ value: null, error: '"16/,6" không phải là số', errorCode: "not-a-number" });
  });

  test.each(["abc", "12abc34", "1..2", "1,2,3,4", "--5", "#", "1/2/3", "7 điểm 5"])("%j is an error", (raw) => {
    const r = parseNumber(raw, "score");
    expect(r.value).toBeNull();
    expect(r.error).toContain(`"${raw}"`);
  });

  test("an Excel fraction with a percent format is read as percent", () => {
    expect(parseNumber(0.855, "ratio", "0.0%").value).toBe(85.5);
    expect(parseNumber(0.9634, "ratio", "0.00%").value).toBe(96.34);
    expect(parseNumber(1, "ratio", "0%").value).toBe(100);
    // A literal "%" in quotes is decoration, not a percent format.
    expect(parseNumber(85.5, "ratio", '0.0"%"').value).toBe(85.5);
    expect(parseNumber(85.5, "ratio", "General").value).toBe(85.5);
  });

  test('"17,5/18" keeps its maximum as evidence; a value above it is an error', () => {
    expect(parseNumber("17,5/18", "score")).toMatchObject({ value: 17.5, max: 18 });
    const over = parseNumber("19/18", "score");
    expect(over.value).toBeNull();
    expect(over.error).toMatch(/điểm tối đa/);
  });

  test("ranges by kind: ratio 0–100, counts whole and not negative", () => {
    expect(parseNumber("105", "ratio").error).toMatch(/lớn hơn 100/);
    expect(parseNumber(1.05, "ratio", "0%").error).toMatch(/lớn hơn 100/);
    expect(parseNumber("-3", "count").error).toMatch(/âm/);
    expect(parseNumber("2,5", "count").error).toMatch(/số nguyên/);
    expect(parseNumber("-1.5", "score").error).toMatch(/âm/);
    expect(parseNumber("-26.42", "change").value).toBe(-26.42);
  });

  test("booleans, Excel errors and non-finite numbers are errors, not numbers", () => {
    expect(parseNumber(true, "score").value).toBeNull();
    expect(parseNumber("#DIV/0!", "ratio").error).toMatch(/lỗi công thức/);
    expect(parseNumber(Number.NaN, "score").value).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY, "score").value).toBeNull();
  });
});
