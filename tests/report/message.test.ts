import fc from "fast-check";
import { formatViChange, formatViNumber } from "../../src/report/format";
import { buildGroupMessage } from "../../src/report/message";
import type { ScoreResult, ScoredUnit } from "../../src/model/units";
import { PHU_TAN_ROWS, phuTanProfile, phuTanResult } from "./fixtures/phu-tan";
import { requireProfile, scoredUnit } from "./fixtures/units";

const EMOJI = /\p{Extended_Pictographic}/u;

/** The names listed on the line starting with `prefix`, after the colon. */
function listed(message: string, prefix: string): string[] | null {
  const line = message.split("\n").find((l) => l.startsWith(prefix));
  if (!line) return null;
  return line
    .slice(line.indexOf(": ") + 2)
    .replace(/\.$/, "")
    .split(", ");
}

describe("message for the chat group (Phú Tân, tháng 5 – tuần 01)", () => {
  const message = buildGroupMessage(phuTanResult(), phuTanProfile, { period: "Tháng 5 (Tuần 01)", cutoffDate: "Ngày 06/5/2024" });

  test("plain text with the period and the cut-off date, no emoji, no markup", () => {
    expect(message).toContain("THÁNG 5 (TUẦN 01)");
    expect(message).toContain("Số liệu chốt: Ngày 06/5/2024.");
    expect(message).not.toMatch(EMOJI);
    expect(message).not.toMatch(/[*_#<>]/);
  });

  test("units under 70 % of the maximum, with their totals, from the table", () => {
    const units = PHU_TAN_ROWS.slice(1);
    const under50 = units.filter(([, total]) => total < 50);
    const between = units.filter(([, total]) => total >= 50 && total < 70);
    expect(under50).toHaveLength(0);
    expect(message).not.toContain("Dưới 50%");
    expect(listed(message, "- Từ 50% đến dưới 70%")).toEqual(between.map(([name, total]) => `${name} (${formatViNumber(total)})`));
  });

  test("drops and rises of at least 0,5 points, largest first; the district row is not a unit", () => {
    const units = PHU_TAN_ROWS.slice(1);
    const drops = units.filter((r) => r[4] <= -0.5).sort((a, b) => a[4] - b[4]);
    const rises = units.filter((r) => r[4] >= 0.5).sort((a, b) => b[4] - a[4]);
    expect(listed(message, "- Giảm điểm nhiều")).toEqual(drops.map((r) => `${r[0]} (${formatViChange(r[4])})`));
    expect(listed(message, "- Tăng điểm nhiều")).toEqual(rises.slice(0, 10).map((r) => `${r[0]} (${formatViChange(r[4])})`));
    expect(message).not.toContain("TÂN HÒA (-0,02)");
    expect(message).toContain(`- TOÀN HUYỆN: ${formatViNumber(PHU_TAN_ROWS[0][1])}/100 điểm, xếp loại tốt.`);
  });
});

describe("lists name at most 3 agencies and 10 communes", () => {
  const profile = requireProfile("qd766");
  const max = profile.total?.max ?? 100;
  const unitArb = fc.record({ agency: fc.boolean(), share: fc.double({ min: 0, max: 1, noNaN: true }), change: fc.double({ min: -20, max: 20, noNaN: true }) });

  test("for any province, every list line stays within the limits and counts the rest", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 60 }), (specs) => {
        const units: ScoredUnit[] = specs.map((s, i) =>
          scoredUnit({
            name: s.agency ? `Sở ${i}` : `Xã ${i}`,
            row: i + 5,
            level: s.agency ? "department" : "commune",
            total: Math.round(s.share * max * 100) / 100,
            change: Math.round(s.change * 100) / 100,
          }),
        );
        const result: ScoreResult = { profileId: profile.id, units, problems: [] };
        const message = buildGroupMessage(result, profile);
        expect(message).not.toMatch(EMOJI);
        for (const line of message.split("\n").filter((l) => /^- (Dưới|Từ|Giảm|Tăng)/.test(l))) {
          const agencies = line.match(/Sở \d+/g) ?? [];
          const communes = line.match(/Xã \d+/g) ?? [];
          expect(agencies.length).toBeLessThanOrEqual(3);
          expect(communes.length).toBeLessThanOrEqual(10);
        }
        const under50 = units.filter((u) => (u.total as number) < max / 2);
        const agenciesUnder50 = under50.filter((u) => u.level === "department").length;
        if (agenciesUnder50 > 3) expect(message).toContain(`và ${formatViNumber(agenciesUnder50 - 3)} cơ quan khác`);
      }),
      { numRuns: 60 },
    );
  });
});

describe("a table that is not scored", () => {
  test("says so, and names the units its rule flags, with their counts", () => {
    const profile = requireProfile("chi-tieu");
    const units = [
      scoredUnit({ name: "UBND xã Long Thuận", row: 10, flags: [{ field: "quahan.numerator", value: 1, threshold: 0, op: "above", underline: ["quahan.numerator"] }] }),
      scoredUnit({ name: "UBND xã An Thạnh", row: 11 }),
    ];
    const message = buildGroupMessage({ profileId: profile.id, units, problems: [] }, profile, { period: "Tháng 02/2023" });
    expect(message).not.toContain("Chấm điểm");
    expect(message).toContain("không chấm điểm");
    expect(message).toContain("Tổng số hồ sơ xử lý quá hạn trên 0 (01 đơn vị): UBND xã Long Thuận (1).");
  });
});
