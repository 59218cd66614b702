/**
 * The text-fit estimate of report sheets is measured in one scan (it runs for every line of
 * every score-card page); it must give exactly what measuring word by word gives, for any
 * text: decomposed Vietnamese, non-ASCII white space, line breaks, astral characters.
 */
import fc from "fast-check";
import { textWidth, wrappedLines } from "../../src/report/sheet";

/** The word-by-word measure, as the report first wrote it. */
function referenceWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text.normalize("NFC")) {
    if (ch === " ") w += 0.62;
    else if (/\p{Lu}/u.test(ch)) w += bold ? 1.8 : 1.65;
    else if (/\p{Ll}/u.test(ch)) w += bold ? 1.22 : 1.15;
    else if (/\d/.test(ch)) w += 1.24;
    else w += 0.8;
  }
  return w;
}

function referenceLines(text: string, width: number, bold = false): number {
  const room = Math.max(2, width - 1.5);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = referenceWidth(word, bold);
      if (used > 0 && used + 0.62 + w > room) {
        lines += Math.max(1, Math.ceil(w / room));
        used = w % room;
      } else {
        used += (used > 0 ? 0.62 : 0) + w;
      }
    }
  }
  return lines;
}

// Letters of every class, Vietnamese precomposed and decomposed (e + U+0302 + U+0301), marks
// alone, digits, punctuation, every kind of white space, a character outside the BMP and lone surrogates.
const PIECES = [
  "a", "Z", "đ", "Đ", "ệ", "Ệ", "e\u0302\u0301", "E\u0302\u0301", "\u0301", "7", ",", "(", "%", "–",
  " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2000", "\u3000", "\ufeff", "😀", "\ud83d", "\ude00", "UBND", "xã", "Phường",
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(""));

describe("text fit of report sheets", () => {
  it("measures a text as the glyph-by-glyph rule does", () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (text, bold) => {
        expect(textWidth(text, bold)).toBe(referenceWidth(text, bold));
      }),
      { numRuns: 500 },
    );
  });

  it("wraps a text to the same number of lines as measuring word by word", () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 80 }), fc.boolean(), (text, width, bold) => {
        expect(wrappedLines(text, width, bold)).toBe(referenceLines(text, width, bold));
      }),
      { numRuns: 1000 },
    );
  });

  it("counts a line per paragraph and wraps a long name", () => {
    expect(wrappedLines("", 30)).toBe(1);
    expect(wrappedLines("a\n\nb", 30)).toBe(3);
    expect(wrappedLines("Ủy ban nhân dân xã Phước Vĩnh An, huyện Củ Chi", 20)).toBeGreaterThan(1);
  });
});
