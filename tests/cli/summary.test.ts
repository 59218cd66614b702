import fc from "fast-check";
import { formatScore, planLines, table, unitsTable } from "../../src/cli/summary";
import type { PlannedWrite } from "../../src/plan";
import { roundHalfUp } from "../../src/engine/round";
import { formatViDateTime, formatViNumber } from "../../src/report/format";
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

describe("summary numbers, fast path", () => {
  test("the same text as the report's formatter for any number and any number of decimals", () => {
    const viaIntl = (v: number, d: number, signed: boolean) => {
      const text = formatViNumber(Math.abs(v), { minDecimals: d, maxDecimals: d });
      const sign = v < 0 && roundHalfUp(v, d) !== 0 ? "-" : signed && v > 0 ? "+" : "";
      return `${sign}${text}`;
    };
    const value = fc.oneof(
      fc.double({ min: -2000, max: 2000, noNaN: true }),
      fc.integer({ min: -200000, max: 200000 }).map((n) => n / 100),
      fc.integer({ min: -200000, max: 200000 }).map((n) => n / 1000 + 0.0005),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), fc.boolean(), (v, d, signed) => {
        expect(formatScore(v, d, signed)).toBe(viaIntl(v, d, signed));
      }),
      { numRuns: 2000 },
    );
    expect(formatScore(999.996)).toBe("1.000,00");
  });
});

describe("summary table widths", () => {
  test("combining marks take no column; decomposed and precomposed text align alike", () => {
    const decomposed = "Tie\u0302\u0301n đo\u0323\u0302"; // "Tiến độ" in NFD
    const out = table(["Tên", "Số"], [[decomposed, "1"], ["Tiến độ", "2"], ["𝔸 x", "3"]], [false, true]).split("\n");
    const numberColumn = out.slice(2).map((l) => [...l.normalize("NFC")].length);
    expect(new Set(numberColumn).size).toBe(1);
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

  test("a long list shows its first rows and how many more there are; a short one shows whole", () => {
    const units = Array.from({ length: 1534 }, (_, i) => ({ ...unit(null), row: 6 + i, name: `UBND xã ${i + 1}` }));
    const lines = unitsTable({ profileId: profile.id, units, problems: [] }, profile, 300).split("\n");
    expect(lines).toHaveLength(2 + 300 + 1);
    expect(lines[2 + 299]).toContain("UBND xã 300");
    expect(lines[lines.length - 1]).toBe("… và 1.234 đơn vị khác (xem tệp kết quả, hoặc in đủ với --json)");
    expect(unitsTable({ profileId: profile.id, units: units.slice(0, 300), problems: [] }, profile, 300).split("\n")).toHaveLength(302);
  });
});

describe("counts in messages", () => {
  test("counts of cells are written the Vietnamese way (1.500, not 1500)", () => {
    // C2:C3 are underlined now, B2:B1501 not: all of them change.
    const previous = [
      { address: "C2", value: null, numberFormat: null, underline: true },
      { address: "C3", value: null, numberFormat: null, underline: true },
    ];
    const plan = { columns: [], blocks: [], previous, underline: { set: ["B2:B1501"], clear: ["C2:C3"] }, restored: [] } as unknown as PlannedWrite;
    expect(planLines(plan)).toContain("Gạch chân thêm 1.500 ô, bỏ gạch chân 2 ô.");
  });
});

describe("times in messages", () => {
  test("an ISO time reads as hh:mm ngày dd/mm/yyyy in local time; other text is left as is", () => {
    const at = new Date(2026, 10, 2, 9, 5);
    expect(formatViDateTime(at.toISOString())).toBe("09:05 ngày 02/11/2026");
    expect(formatViDateTime("t")).toBe("t");
  });
});
