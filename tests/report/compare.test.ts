import { compareResults } from "../../src/report/compare";
import type { ScoreResult } from "../../src/model/units";
import { scoredUnit } from "./fixtures/units";

const result = (units: ReturnType<typeof scoredUnit>[]): ScoreResult => ({ profileId: "p", units, problems: [] });

describe("comparison with the last period", () => {
  const current = result([
    scoredUnit({ row: 1, name: "UBND xã Nà Tấu", total: 62.78, rank: 1 }),
    scoredUnit({ row: 2, name: "Phường Điện Biên Phủ", code: "000.25.31.H17", total: 60, rank: 2 }),
    scoredUnit({ row: 3, name: "UBND xã Mới Lập", total: 55.5, rank: 3 }),
    scoredUnit({ row: 4, name: "UBND phường Him Lam", total: 50.1, rank: 4 }),
    scoredUnit({ row: 5, name: "TOÀN THÀNH PHỐ", aggregate: true, total: 57 }),
  ]);
  const previous = result([
    scoredUnit({ row: 9, name: "Phường Him Lam", total: 71.51, rank: 1 }),
    scoredUnit({ row: 10, name: "Xã Nà Tấu", total: 58.43, rank: 3 }),
    // Same code, different name: a unit renamed after a merger.
    scoredUnit({ row: 11, name: "UBND phường Tân Thanh", code: "000.25.31.h17 ", total: 63.86, rank: 2 }),
    scoredUnit({ row: 12, name: "UBND xã Thanh Xương", total: 40, rank: 4 }),
    scoredUnit({ row: 13, name: "Toàn thành phố", aggregate: true, total: 55.2 }),
  ]);
  const c = compareResults(current, previous, { previousPeriod: "Tháng 8/2023" });
  const byName = (name: string) => c.matched.find((m) => m.current.name === name);

  test("'UBND xã Nà Tấu' and 'Xã Nà Tấu' match by name, with change of total and rank", () => {
    const m = byName("UBND xã Nà Tấu");
    expect(m?.previous.name).toBe("Xã Nà Tấu");
    expect(m?.matchedBy).toBe("short-name");
    expect(m?.renamed).toBe(true);
    expect(m?.totalChange).toBe(4.35);
    expect(m?.rankChange).toBe(2);
  });

  test("a renamed unit matches by its code", () => {
    const m = byName("Phường Điện Biên Phủ");
    expect(m?.previous.name).toBe("UBND phường Tân Thanh");
    expect(m?.matchedBy).toBe("code");
    expect(m?.totalChange).toBe(-3.86);
    expect(m?.rankChange).toBe(0);
  });

  test("a fall of rank is negative; decimal subtraction, not binary", () => {
    const m = byName("UBND phường Him Lam");
    expect(m?.totalChange).toBe(-21.41);
    expect(m?.rankChange).toBe(-3);
  });

  test("units in one period only are listed on both sides", () => {
    expect(c.onlyCurrent.map((u) => u.name)).toEqual(["UBND xã Mới Lập"]);
    expect(c.onlyPrevious.map((u) => u.name)).toEqual(["UBND xã Thanh Xương"]);
    expect(c.previousPeriod).toBe("Tháng 8/2023");
  });

  test("aggregate rows pair with each other and carry no rank change", () => {
    const m = byName("TOÀN THÀNH PHỐ");
    expect(m?.previous.name).toBe("Toàn thành phố");
    expect(m?.matchedBy).toBe("name");
    expect(m?.totalChange).toBe(1.8);
    expect(m?.rankChange).toBeNull();
  });

  test("an ambiguous short name is not guessed", () => {
    const cur = result([scoredUnit({ row: 1, name: "Xã Phú Mỹ", total: 80 })]);
    const prev = result([
      scoredUnit({ row: 1, name: "Thị trấn Phú Mỹ", total: 70 }),
      scoredUnit({ row: 2, name: "UBND phường Phú Mỹ", total: 75 }),
    ]);
    const r = compareResults(cur, prev);
    expect(r.matched).toHaveLength(0);
    expect(r.onlyPrevious).toHaveLength(2);
  });
});

describe("periods with no unit in common", () => {
  const current = result([scoredUnit({ row: 1, name: "UBND tỉnh Bắc Ninh", total: 91.64, rank: 1 }), scoredUnit({ row: 2, name: "UBND tỉnh Cà Mau", total: 89.91, rank: 2 })]);
  const previous = result([scoredUnit({ row: 5, name: "Sở Tư pháp", total: 73.65, rank: 1 }), scoredUnit({ row: 6, name: "Thanh tra tỉnh", total: 30.21, rank: 2 })]);

  test("are said not comparable, naming both, instead of 0 rises, 0 drops", () => {
    const c = compareResults(current, previous, { names: { current: 'tệp "tinh-34.xlsx"', previous: 'tệp "khoi.xlsx"' } });
    expect(c.matched).toEqual([]);
    expect(c.notComparable).toBe(
      'Kỳ trước (tệp "khoi.xlsx") và kỳ này (tệp "tinh-34.xlsx") không có đơn vị nào chung (không đơn vị nào khớp mã hoặc tên): hai kỳ không so sánh được, nên không nêu tăng, giảm. Kiểm tra lại bảng kỳ trước đã chọn.',
    );
  });

  test("one unit in common is enough to compare it", () => {
    const withOne = result([...previous.units, scoredUnit({ row: 7, name: "UBND tỉnh Cà Mau", total: 88, rank: 3 })]);
    expect(compareResults(current, withOne).notComparable).toBeUndefined();
  });
});
