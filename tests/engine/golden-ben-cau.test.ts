/**
 * Golden test: Bến Cầu (Tây Ninh), 02/2023 (seeds/ben-cau-tay-ninh-2023-02.txt), profile chi-tieu.
 * No scores in the source: checked that nothing is scored, rated or ranked, that the ratios are
 * kept as printed, and that exactly the two communes the report names for overdue dossiers
 * (Long Thuận, Long Phước: "01") are flagged — not the district row "Tỷ lệ chung của huyện" (02).
 */
import { score } from "../../src/engine";
import { getProfile } from "../../src/profiles";
import { BEN_CAU_2023_02 } from "../fixtures/golden/ben-cau-tay-ninh-2023-02";
import { unitRow } from "./rows";

describe("golden: Bến Cầu 02/2023 (chi-tieu)", () => {
  const rows = BEN_CAU_2023_02.map((r, i) => ({
    ...unitRow(5 + i, r.name, {
      "quahan.numerator": r.quahan,
      "tructuyen.ratio": r.tructuyen,
      "hailong.ratio": r.hailong,
      "kqdt.ratio": r.kqdt,
      "sohoa.ratio": r.sohoa,
      "chungthuc.numerator": r.chungthuc,
    }),
    code: r.code,
  }));
  const result = score(rows, getProfile("chi-tieu")!);

  it("scores, rates and ranks nothing, and keeps the printed ratios", () => {
    for (const u of result.units) {
      expect([u.total, u.rating, u.rank, u.converted]).toEqual([null, null, null, null]);
      expect(u.groups).toEqual({});
    }
    expect(result.units[5].indicators.tructuyen).toEqual({ ratio: 68.9, points: null });
    expect(result.units[10].aggregate).toBe(true);
    expect(result.units.flatMap((u) => u.problems)).toEqual([]);
  });

  it("flags the units with overdue dossiers, never the district row", () => {
    const flagged = result.units.filter((u) => u.flags.length > 0).map((u) => u.name);
    expect(flagged).toEqual(["UBND xã Long Thuận", "UBND xã Long Phước"]);
    expect(result.units[5].flags).toEqual([{ field: "quahan.numerator", value: 1, threshold: 0, op: "above", underline: ["quahan.numerator"] }]);
  });
});
