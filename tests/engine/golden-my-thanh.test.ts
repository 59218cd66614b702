/**
 * Golden test: Mỹ Thanh (Bắc Kạn), 5/2024 (seeds/my-thanh-bac-kan-2024-05.txt), profile qd766-nhom.
 * The six printed group scores sum to 83.7 while the report prints a total of 82,1: the engine
 * keeps the sum as the total and raises a total-mismatch warning naming the printed total's cell.
 * Both 83.7 and 82.1 rate "Tốt", as printed. The 1.6-point gap is in the source itself (the
 * portal's total is probably from a different moment than the group pages); it is not explained.
 */
import { score } from "../../src/engine";
import { getProfile } from "../../src/profiles";
import { MY_THANH_2024_05 } from "../fixtures/golden/my-thanh-bac-kan-2024-05";
import { unitRow } from "./rows";

describe("golden: Mỹ Thanh 5/2024 (qd766-nhom)", () => {
  const row = unitRow(3, MY_THANH_2024_05.name, { ...MY_THANH_2024_05.groups, total: MY_THANH_2024_05.printedTotal }, {
    level: "commune",
    texts: { rating: MY_THANH_2024_05.printedRating },
  });
  const unit = score([row], getProfile("qd766-nhom")!).units[0];

  it("sums the groups to 83.7 and warns that the printed 82,1 differs", () => {
    expect(unit.total).toBe(83.7);
    expect(unit.problems).toEqual([
      {
        cell: row.cells!.total,
        field: "total",
        code: "total-mismatch",
        severity: "warning",
        message: "“Tổng điểm” in sẵn 82,1 khác tổng tính được 83,7 (chênh 1,6)",
      },
    ]);
    expect(unit.rating).toBe("Tốt");
  });
});
