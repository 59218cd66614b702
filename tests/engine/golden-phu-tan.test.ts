/**
 * Golden test: Phú Tân (An Giang), tháng 5 – tuần 01, 2024 (seeds/phu-tan-an-giang-2024-05-tuan-01.txt),
 * profile an-giang-tuan.
 *
 * Checked against the appendix: the 19 ratings (18 communes and the TOÀN HUYỆN row) as printed
 * ("TỐT", "KHÁ", "TB"); the 19 changes (this week − April) exactly; ranks consistent with the
 * printed order with TÂN HÒA and PHÚ THÀNH (both 89.04) sharing rank 3; the flags are exactly the
 * underlined cells (<u>…</u>), no others — including TOÀN HUYỆN's 49.95 in Thanh toán TT, which is
 * below 70 but not underlined because aggregate rows are never flagged.
 * Everything matches; nothing needed a tolerance.
 */
import { score } from "../../src/engine";
import { getProfile } from "../../src/profiles";
import type { UnitRow } from "../../src/model/units";
import { PHU_TAN_2024_05_TUAN_01 as TABLE } from "../fixtures/golden/phu-tan-an-giang-2024-05-tuan-01";
import { unitRow } from "./rows";

const profile = getProfile("an-giang-tuan")!;

function rows(): UnitRow[] {
  return TABLE.map((r, i) =>
    unitRow(
      6 + i,
      r.name,
      {
        total: r.total,
        previous: r.previous,
        change: r.change,
        "ck.ratio": r.ck,
        "td.ratio": r.td,
        "dvctt.ratio": r.dvctt,
        "tttt.ratio": r.tttt,
        "sohoa.ratio": r.sohoa,
        "taisudung.ratio": r.taisudung,
        "chungthuc.ratio": r.chungthuc,
      },
      { level: "commune", texts: { rating: r.rating } },
    ),
  );
}

describe("golden: Phú Tân tháng 5 – tuần 01, 2024 (an-giang-tuan)", () => {
  const result = score(rows(), profile);

  it("recognises TOÀN HUYỆN as the aggregate row by its name", () => {
    expect(result.units.map((u) => u.aggregate)).toEqual(TABLE.map((r) => r.stt === null));
  });

  it("reproduces the 19 printed ratings and the 19 printed changes exactly", () => {
    expect(result.units.map((u) => u.rating)).toEqual(TABLE.map((r) => r.rating));
    expect(result.units.map((u) => u.change)).toEqual(TABLE.map((r) => r.change));
  });

  it("ranks in the printed order, ties sharing a rank, the district row unranked", () => {
    const ranks = result.units.map((u) => u.rank);
    expect(ranks[0]).toBeNull();
    const communeRanks = ranks.slice(1) as number[];
    for (let i = 1; i < communeRanks.length; i++) expect(communeRanks[i]).toBeGreaterThanOrEqual(communeRanks[i - 1]);
    const byName = Object.fromEntries(result.units.map((u) => [u.name, u.rank]));
    expect(byName["TÂN HÒA"]).toBe(3);
    expect(byName["PHÚ THÀNH"]).toBe(3);
    expect(byName["PHÚ HIỆP"]).toBe(5);
    // Without ties the rank is the printed STT.
    result.units.slice(1).forEach((u, i) => {
      if (u.name !== "PHÚ THÀNH") expect(u.rank).toBe(TABLE[i + 1].stt);
    });
  });

  it("flags exactly the cells the appendix underlines", () => {
    result.units.forEach((u, i) => {
      const underlined = u.flags.flatMap((f) => f.underline).sort();
      expect({ name: u.name, underlined }).toEqual({ name: TABLE[i].name, underlined: [...TABLE[i].underlined].sort() });
    });
    const phuLong = result.units.find((u) => u.name === "PHÚ LONG")!;
    expect(phuLong.flags.find((f) => f.field === "total")).toEqual({
      field: "total",
      value: 55.87,
      threshold: 70,
      op: "below",
      underline: ["total", "rating"],
    });
  });

  it("finds nothing to complain about in the published table", () => {
    expect(result.units.flatMap((u) => u.problems)).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});
