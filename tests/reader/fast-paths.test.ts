/** The reader's shortcuts give exactly what the general paths give. */
import fc from "fast-check";
import type { ValueKind } from "../../src/model/fields";
import { parseNumber } from "../../src/reader";
import { cellAddresses } from "../../src/reader/cells";
import { typedNumber } from "../../src/reader/numbers";
import { cleanText } from "../../src/model/text";
import { canonicalText, canonicalWord, canonicalWordsOf, editDistance, isSpaceCode, tidySpaces } from "../../src/reader/normalize";
import { plainFolded, plainFoldedSlow } from "../../src/reader/units";

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

describe("cell addresses", () => {
  it("names each field's cell in a row, quoted like cellRef, in field order", () => {
    const cellsOf = cellAddresses("Bảng 1", [
      ["name", 1],
      ["1.1.numerator", 27],
    ]);
    expect(cellsOf(6)).toEqual({ name: "'Bảng 1'!B7", "1.1.numerator": "'Bảng 1'!AB7" });
    expect(Object.keys(cellsOf(2))).toEqual(["name", "1.1.numerator"]);
    expect(cellsOf(2).name).toBe("'Bảng 1'!B3");
  });
});

/** Characters that exercise every branch of the text shortcuts: ASCII, Vietnamese letters, marks, odd spaces, letters that stay non-ASCII. */
const TEXT_CHARS = [
  ..."aAbBtTkKiIlLeExXuUnNdD019 -.,;:()/*%_'\"",
  ..."àáảãạÀÁẢÃẠăằắẳẵặĂẮâầấẩẫậÂẤđĐêềếểễệÊỀôồốổỗộÔỐơờớởỡợƠỞưừứửữựƯỰìíỉĩịÌỈỳýỷỹỵỲỶòóỏõọùúủũụçñü",
  "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u0338",
  "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2028", "\u2003", "\u200b", "\u202f", "\u3000", "\ufeff", "\u0085", "\u00ad",
  ..."İıßæÆøŁłŀĿǅǆſẞΣσςﬁ²½", "😀", "\ud800",
];
const text = (maxLength = 24) => fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength }).map((cs) => cs.join(""));
const WORDS = ["tỉ lệ", "ti le", "Tỉ", "kì", "KÌ họp", "tỉ", "UBND xã", "Hoá", "hóa", "thuỷ", "quý", "giữa"];
const phrase = fc.array(fc.oneof(fc.constantFrom(...WORDS), text(6)), { maxLength: 5 }).map((ws) => ws.join(" "));

describe("plainFolded character by character", () => {
  it("agrees with the general path for every character of its table, alone and among others", () => {
    const ranges = [
      [0, 0x24f],
      [0x1e00, 0x1eff],
    ];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        for (const s of [ch, `Ab${ch}${ch}c d`, ` ${ch}x${ch} `]) expect([s, plainFolded(s)]).toEqual([s, plainFoldedSlow(s)]);
      }
    }
  });

  it("agrees with the general path on random texts", () => {
    fc.assert(fc.property(fc.oneof(text(), phrase), (s) => plainFolded(s) === plainFoldedSlow(s)), { numRuns: 20_000 });
  });
});

describe("canonical words without split/map/join", () => {
  /** canonicalText as it was written before: the reference the shortcut must match. */
  const reference = (s: string) =>
    cleanText(s)
      .toLowerCase()
      .split(/(\s+)/)
      .map((w) => (/\s/.test(w) ? w : canonicalWord(w)))
      .join("")
      .replace(/(^|[^\p{L}])t(ỉ|i)(?=\s+l(ệ|e)\b)/gu, (_m, pre: string, vowel: string) => `${pre}t${vowel === "ỉ" ? "ỷ" : "y"}`)
      .replace(/(^|[^\p{L}])tỉ(?=$|[^\p{L}])/gu, "$1tỷ")
      .replace(/(^|[^\p{L}])kì(?=$|[^\p{L}])/gu, "$1kỳ");

  it("treats as white space exactly what \\s matches", () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) throw new Error(`U+${code.toString(16)}`);
    }
  });

  it("gives what split/map/join gave, on raw and on cleaned text", () => {
    fc.assert(
      fc.property(fc.oneof(text(), phrase), (s) => {
        const split = s
          .split(/(\s+)/)
          .map((w) => (/\s/.test(w) ? w : canonicalWord(w)))
          .join("");
        expect(canonicalWordsOf(s)).toBe(split);
        expect(canonicalText(s)).toBe(reference(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("tidies spaces like replace(/\\s+/g, \" \")", () => {
    fc.assert(fc.property(fc.oneof(text(), phrase), (s) => tidySpaces(s) === s.replace(/\s+/g, " ")), { numRuns: 10_000 });
  });
});

describe("editDistance with reused rows", () => {
  /** The distance as it was written with new arrays per call. */
  function reference(a: string, b: string, limit = 3): number {
    if (a === b) return 0;
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let prev = Array.from({ length: b.length + 1 }, (_v, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      let rowMin = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        cur.push(v);
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  it("gives the same distance, also after longer words grew the rows", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcdđeê"), maxLength: 40 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 50 }), (a, b, limit) => editDistance(a, b, limit) === reference(a, b, limit)),
      { numRuns: 20_000 },
    );
  });
});
