import { formatScore, unitsTable } from "../../src/cli/summary";
import { getProfile } from "../../src/profiles";
import type { ScoredUnit } from "../../src/model/units";

describe("summary numbers", () => {
  test("rounded half-up in decimal, with a Vietnamese decimal comma", () => {
    expect(formatScore(1.005)).toBe("1,01"); // toFixed gives "1.00": 1.005 is 1.00499… in binary
    expect(formatScore(86.59)).toBe("86,59");
    expect(formatScore(7.3, 2)).toBe("7,30");
  });

  test("signs, zero and missing", () => {
    expect(formatScore(6.06, 2, true)).toBe("+6,06");
    expect(formatScore(-0.02, 2, true)).toBe("-0,02");
    expect(formatScore(-0.001, 2, true)).toBe("0,00");
    expect(formatScore(null)).toBe("—");
  });
});

describe("summary table", () => {
  const unit = (change: number | null) =>
    ({ row: 6, name: "UBND phường Him Lam", key: "him lam", code: null, level: "commune", aggregate: false, indicators: {}, groups: {},
       total: 71.6, converted: 8.95, rating: "Tốt", ratingKey: "tot", rank: 1, previous: change === null ? null : 70, change, flags: [], problems: [] }) as ScoredUnit;
  const profile = getProfile("dien-bien-2023")!;

  test("no Tăng/giảm column when no unit has a previous total", () => {
    expect(unitsTable({ profileId: profile.id, units: [unit(null)], problems: [] }, profile)).not.toContain("Tăng/giảm");
    expect(unitsTable({ profileId: profile.id, units: [unit(1.6)], problems: [] }, profile)).toContain("Tăng/giảm");
  });
});
