/** Aggregate rows are named in the method as words and compared as words, never as regular expressions. */
import fc from "fast-check";
import { isAggregateName } from "../../src/reader";
import { getProfile } from "../../src/profiles";
import { parseProfile, profileProblems, type Profile } from "../../src/model/profile";
import { aggregateMatcher, firstFoldedWord, foldedWords, tonedWords } from "../../src/model/aggregate-rows";
import { score } from "../../src/engine";

const qd766 = getProfile("qd766")!;

function withRows(rows: Profile["aggregateRows"]): Profile {
  return { ...qd766, aggregateRows: rows };
}

describe("aggregate rows of the built-in methods", () => {
  test("“Công an tỉnh – Tỉnh Đắk Lắk” is a unit; “Cộng”, “Tổng cộng”, “Tổng số” rows are aggregates", () => {
    expect(isAggregateName("Công an tỉnh – Tỉnh Đắk Lắk", qd766)).toBe(false);
    expect(isAggregateName("Công ty điện lực", qd766)).toBe(false);
    for (const name of ["Cộng", "CỘNG", "TONG CONG", "Tổng cộng", "Tổng cộng:", "TỔNG CỘNG (toàn huyện)", "Tổng số", "TOÀN HUYỆN", "Tỷ lệ chung của huyện", "Tổng"]) {
      expect([name, isAggregateName(name, qd766)]).toEqual([name, true]);
    }
    for (const name of ["Xã Cộng Hòa", "Tổng công ty Bưu điện", "Sở Công Thương", "UBND xã Tổng Sơn"]) {
      expect([name, isAggregateName(name, qd766)]).toEqual([name, false]);
    }
  });

  test("the engine, given rows without the reader, decides the same way", () => {
    const row = (name: string) => ({ row: 5, name, key: "", code: null, level: null, aggregate: false, values: { "2.1.numerator": 1, "2.1.denominator": 2 } });
    const units = score([row("Công an tỉnh – Tỉnh Đắk Lắk"), row("Cộng"), row("Tổng số")], qd766).units;
    expect(units.map((u) => u.aggregate)).toEqual([false, true, true]);
  });

  test("every built-in method names its aggregate rows", () => {
    for (const id of ["qd766", "qd766-nhom", "dien-bien-2023", "an-giang-tuan", "chi-tieu"]) {
      expect(getProfile(id)!.aggregateRows.length).toBeGreaterThan(0);
    }
  });
});

describe("aggregate rows as words", () => {
  test("“whole” needs the whole name, “start” the first whole words", () => {
    const p = withRows([
      { name: "Cộng", match: "whole" },
      { name: "Khối tổng", match: "start" },
    ]);
    expect(isAggregateName("cộng", p)).toBe(true);
    expect(isAggregateName("Cộng dồn", p)).toBe(false);
    expect(isAggregateName("KHỐI TỔNG hợp", p)).toBe(true);
    expect(isAggregateName("Khối tổng", p)).toBe(true);
    expect(isAggregateName("Khối tổngcục", p)).toBe(false);
    expect(isAggregateName("Xã Phú Hưng", p)).toBe(false);
  });

  test("a method without aggregate rows has none", () => {
    expect(isAggregateName("Tổng cộng", withRows([]))).toBe(false);
  });

  test("text that looks like a regular expression is refused with a Vietnamese message, naming the place", () => {
    const input = { ...JSON.parse(JSON.stringify(qd766)), aggregateRows: [{ name: "^(x+x+)+y$" }, { name: "(" }] };
    const problems = profileProblems(input);
    expect(problems.map((p) => p.where)).toEqual(["aggregateRows[0].name"]);
    expect(problems[0].message).toMatch(/là chữ như trong bảng/);
    const old = { ...JSON.parse(JSON.stringify(qd766)), aggregatePatterns: ["^c[oộ]ng\\b"] };
    expect(() => parseProfile(old)).toThrow(/aggregatePatterns.*aggregateRows/);
  });

  test("matching is a word comparison: any name, any list, answers like splitting into words", () => {
    const words = ["toàn", "huyện", "cộng", "công", "tổng", "số", "an", "xã", "TỔNG", "Cộng", "tong", "cong"];
    const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
    fc.assert(
      fc.property(phrase, fc.array(fc.record({ name: phrase, match: fc.constantFrom("whole" as const, "start" as const) }), { maxLength: 4 }), (name, rows) => {
        const got = aggregateMatcher(rows).matches(name);
        // Without any diacritic the name is compared folded, otherwise as written.
        const words = (t: string) => (tonedWords(name) === foldedWords(name) ? foldedWords(t) : tonedWords(t)).split(" ");
        const nameWords = words(name);
        const expected = rows.some((r) => {
          const w = words(r.name);
          const head = nameWords.slice(0, w.length).join(" ") === w.join(" ");
          return r.match === "whole" ? head && nameWords.length === w.length : head;
        });
        expect(got).toBe(expected);
      }),
    );
  });
});

describe("the first-word test before the full match", () => {
  // Letters with and without diacritics (precomposed and combining), digits, punctuation, odd spaces.
  const piece = fc.constantFrom("Tổng", "to\u0302\u0300n", "TOÀN", "cộng", "Cô\u0323ng", "xã", "Đắk", "1", "42", " ", "\u00A0", ":", "–", "(", ".", "\u0301", "đ", "Ư");
  const name = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));

  test("the first word folded alone is the first word of the whole name folded", () => {
    fc.assert(fc.property(name, (text) => firstFoldedWord(text) === foldedWords(text).split(" ")[0]));
  });

  test("a name whose first word starts no aggregate name is never one; those that do are still matched in full", () => {
    const matcher = aggregateMatcher(qd766.aggregateRows);
    expect(matcher.matches("Xã Tổng Sơn")).toBe(false);
    expect(matcher.matches("  Tổng cộng")).toBe(true);
    expect(matcher.matches("Tổng công ty")).toBe(false);
    expect(matcher.matches("– TOÀN HUYỆN –")).toBe(true);
  });
});
