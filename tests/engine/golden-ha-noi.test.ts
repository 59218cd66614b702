/**
 * Golden test: Hà Nội, year 2026, city level (METHOD.md §3 worked check from the national portal),
 * profile qd766. From the indicator counts (and the two ratios the portal gives: 2.1 = 74.04 %,
 * 6.7 = 100 %), every indicator's points, each group and the total 55.23 are reproduced exactly.
 * Everything matches; points are computed from the ratio rounded to a 2-decimal percentage, then
 * rounded half-up (METHOD.md §8).
 */
import { score } from "../../src/engine";
import { getProfile } from "../../src/profiles";
import { HA_NOI_2026 } from "../fixtures/golden/ha-noi-2026";
import { unitRow } from "./rows";

const profile = getProfile("qd766")!;

function haNoiValues(): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [id, [n, d]] of Object.entries(HA_NOI_2026.counts)) {
    values[`${id}.numerator`] = n;
    values[`${id}.denominator`] = d;
  }
  for (const [id, ratio] of Object.entries(HA_NOI_2026.ratios)) values[`${id}.ratio`] = ratio;
  return values;
}

describe("golden: Hà Nội 2026 (qd766)", () => {
  const result = score([unitRow(4, "Thành phố Hà Nội", haNoiValues(), { level: "province" })], profile);
  const unit = result.units[0];

  it("gives every indicator the portal's points", () => {
    const points = Object.fromEntries(Object.entries(unit.indicators).map(([id, r]) => [id, r.points]));
    expect(points).toEqual(HA_NOI_2026.points);
  });

  it("gives each group and the total 55.23 exactly", () => {
    expect(unit.groups).toEqual(HA_NOI_2026.groups);
    expect(unit.total).toBe(HA_NOI_2026.total);
    expect(unit.ratingKey).toBe("trung-binh");
    expect(unit.problems).toEqual([]);
  });

  it("shows ratios as percentages rounded half-up to 2 decimals", () => {
    expect(unit.indicators["1.2"].ratio).toBe(81.25);
    expect(unit.indicators["3.1"].ratio).toBe(65.43);
    expect(unit.indicators["2.1"].ratio).toBe(74.04);
    expect(unit.indicators["1.1"].ratio).toBe(0);
  });
});
