/** Aggregate row names: the profile's patterns are joined into one test only where that means the same. */
import fc from "fast-check";
import { isAggregateName } from "../../src/reader";
import { getProfile } from "../../src/profiles";
import type { Profile } from "../../src/model/profile";

function withPatterns(patterns: string[]): Profile {
  return { ...getProfile("qd766")!, aggregatePatterns: patterns };
}

/** What every pattern tested on its own, as the reader did before joining them. */
function oneByOne(name: string, patterns: string[]): boolean {
  const res = patterns.flatMap((p) => {
    try {
      return [new RegExp(p, "iu")];
    } catch {
      return [];
    }
  });
  const folded = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
  return res.some((re) => re.test(name.normalize("NFC").trim()) || re.test(folded));
}

describe("aggregate names from a profile's patterns", () => {
  test("a back-reference, a named group and a broken pattern keep their meaning", () => {
    const p = withPatterns(["(ab)\\1 chung", "(?<x>q)\\k<x>z", "[broken", "^khối\\s+tổng"]);
    expect(isAggregateName("abab chung", p)).toBe(true);
    expect(isAggregateName("ab chung", p)).toBe(false);
    expect(isAggregateName("qqz", p)).toBe(true);
    expect(isAggregateName("KHỐI TỔNG hợp", p)).toBe(true);
    expect(isAggregateName("Xã Phú Hưng", p)).toBe(false);
  });

  test("joined plain patterns answer like the patterns one by one", () => {
    const patterns = ["^toàn\\s+khối", "cộng\\s+dồn$", "^(?:tổng|cộng)\\s+phụ", "(?<=\\s)bình quân"];
    const p = withPatterns(patterns);
    const words = ["toàn", "khối", "cộng", "dồn", "tổng", "phụ", "bình", "quân", "xã", "Sở", "TOÀN", "KHỐI"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), (ws) => {
        const name = ws.join(" ");
        // Built-in names (tổng cộng, cộng, …) are aggregates whatever the profile says.
        if (isAggregateName(name, withPatterns([]))) return;
        expect(isAggregateName(name, p)).toBe(oneByOne(name, patterns));
      }),
    );
  });
});
