/**
 * A unit whose input has an unusable cell (not a number, an Excel error, out of range) gets no
 * rating and no rank, and says why naming the cell; the other units rank without it. A blank
 * cell stays what it was: missing (reported, never 0), not an error of the unit's input.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv } from "../fixtures/grids/tsv";

const run = (tsv: string, profileId?: string) => runScoring(gridFromTsv(tsv, { numeric: true, sheet: "Phụ lục 1" }), { profiles: BUILTIN_PROFILES, profileId });

// Group scores of three communes (real An Giang totals, old-api-an-giang.ts) and a printed total.
const GROUPS = [
  "STT\tTên đơn vị\tCông khai, minh bạch\tTiến độ, kết quả giải quyết\tDịch vụ công trực tuyến\tThanh toán trực tuyến\tMức độ hài lòng\tSố hóa hồ sơ\tTổng điểm",
  "1\tUBND xã Đông Thái\t18\t19.81\t8.1\t8.55\t18\t20.75\t93.21",
  "2\tUBND xã Tân Hội\t18\t19.94\t8.06\t8.6\t18\t20.59\t93.19",
  "3\tUBND xã Vĩnh Trạch\t18\t16.5\t7.2\t6.1\t16.25\t15\t79.05",
].join("\n");

const withCell = (tsv: string, line: number, col: number, text: string) =>
  tsv
    .split("\n")
    .map((l, i) => (i === line ? l.split("\t").map((c, j) => (j === col ? text : c)).join("\t") : l))
    .join("\n");

describe("an unreadable group score", () => {
  // Đông Thái's "Tiến độ" typed "19/,81": its printed total would otherwise make it Xuất sắc, 1st.
  const result = run(withCell(GROUPS, 1, 3, "19/,81"), "qd766-nhom");
  const [dongThai, tanHoi, vinhTrach] = result.scored.units;

  test("no rating, no rank, and the reason names the cell", () => {
    expect([dongThai.rating, dongThai.rank]).toEqual([null, null]);
    expect(dongThai.notRated).toEqual({ cell: "'Phụ lục 1'!D2", why: `"19/,81" không phải là số`, others: 0 });
    expect(dongThai.problems).toContainEqual({
      code: "not-rated",
      severity: "error",
      cell: "'Phụ lục 1'!B2",
      message: `Chưa xếp loại, xếp hạng vì ô 'Phụ lục 1'!D2 có lỗi: "19/,81" không phải là số`,
      // Listed on the bad cell's own line, so one mistake is one line.
      follows: { cell: "'Phụ lục 1'!D2", effect: "UBND xã Đông Thái: chưa xếp loại, xếp hạng" },
    });
  });

  test("never reported as a blank: the cell is unreadable, not missing", () => {
    expect(dongThai.problems.filter((p) => p.code === "missing")).toEqual([]);
    expect(result.read.problems).toContainEqual(expect.objectContaining({ cell: "'Phụ lục 1'!D2", code: "not-a-number", severity: "error" }));
  });

  test("the others rank 1, 2 without it, rated by their own totals", () => {
    expect([tanHoi.rank, tanHoi.rating, vinhTrach.rank, vinhTrach.rating]).toEqual([1, "Xuất sắc", 2, "Khá"]);
  });
});

test.each([
  ["an Excel error", "#VALUE!"],
  ["two numbers in one cell", "19,81 20"],
])("%s in a group score: not rated, not ranked", (_, text) => {
  const [unit, other] = run(withCell(GROUPS, 1, 3, text), "qd766-nhom").scored.units;
  expect([unit.rating, unit.rank, unit.notRated?.cell]).toEqual([null, null, "'Phụ lục 1'!D2"]);
  expect(unit.problems.find((p) => p.code === "not-rated")?.message).toMatch(/^Chưa xếp loại, xếp hạng vì ô 'Phụ lục 1'!D2 có lỗi: "/);
  expect(other.rank).toBe(1);
});

test("a group score above its maximum: not rated, not ranked, the engine's reason given", () => {
  const [unit, other] = run(withCell(GROUPS, 1, 3, "21"), "qd766-nhom").scored.units;
  expect([unit.rating, unit.rank]).toEqual([null, null]);
  expect(unit.notRated).toEqual({ cell: "'Phụ lục 1'!D2", why: expect.stringMatching(/^21 vượt quá điểm tối đa 20/), others: 0 });
  expect(other.rank).toBe(1);
});

test("two bad cells: the first named, the other counted", () => {
  const [unit] = run(withCell(withCell(GROUPS, 1, 3, "x1"), 1, 6, "1 8"), "qd766-nhom").scored.units;
  expect(unit.notRated).toMatchObject({ cell: "'Phụ lục 1'!D2", others: 1 });
  expect(unit.problems.find((p) => p.code === "not-rated")?.message).toMatch(/^Chưa xếp loại, xếp hạng vì ô 'Phụ lục 1'!D2 có lỗi: .* \(và 1 ô lỗi khác\)$/);
});

test("a blank group score is missing, not an input error: reported, and the printed total still rates the unit", () => {
  const [unit] = run(withCell(GROUPS, 1, 3, ""), "qd766-nhom").scored.units;
  expect(unit.problems.map((p) => p.code)).toEqual(["missing"]);
  expect(unit.notRated).toBeUndefined();
  expect([unit.total, unit.rating, unit.rank]).toEqual([93.21, "Xuất sắc", 1]);
});

test("a blank group under a total that counted it as 0 (the sheet's own SUM): the total is not used, no rating, no rank", () => {
  // Đông Thái's "Tiến độ" left blank and its total re-added without it: 93.21 − 19.81 = 73.40.
  const grid = withCell(withCell(GROUPS, 1, 3, "N/A"), 1, 8, "73.4");
  const [dongThai, tanHoi, vinhTrach] = run(grid, "qd766-nhom").scored.units;
  expect([dongThai.total, dongThai.rating, dongThai.rank]).toEqual([null, null, null]);
  expect(dongThai.problems.map((p) => p.message)).toContain("“Tổng điểm” in sẵn 73,4 đã tính ô trống là 0 (bằng tổng các phần còn lại), nên không dùng: không xếp loại, xếp hạng");
  expect([tanHoi.rank, vinhTrach.rank]).toEqual([1, 2]);
});

test("a printed total standing in is rounded as the method rounds (a SUM's 57.400000000000006 is 57.4)", () => {
  const [unit] = run(withCell(withCell(GROUPS, 1, 3, ""), 1, 8, "93.21000000000001"), "qd766-nhom").scored.units;
  expect(unit.total).toBe(93.21);
});

describe("an announcement of totals", () => {
  const TOTALS = ["STT\tTên đơn vị\tTổng điểm\tXếp loại", "1\tSở Tư pháp\t9x,5\t", "2\tSở Tài chính\t63,01\t", "3\tThanh tra tỉnh\t30,21\t"].join("\n");

  test("an unreadable total: no rating, no rank; the next two rank 1 and 2", () => {
    const units = run(TOTALS).scored.units;
    expect(units.map((u) => [u.total, u.rating, u.rank])).toEqual([
      [null, null, null],
      [63.01, "Trung bình", 1],
      [30.21, "Yếu", 2],
    ]);
    expect(units[0].problems.map((p) => p.message)).toContain(`Chưa xếp loại, xếp hạng vì ô 'Phụ lục 1'!C2 có lỗi: "9x,5" không phải là số`);
  });
});

describe("counts: an unreadable numerator is not replaced by the printed ratio", () => {
  const COUNTS = [
    "STT\tTên đơn vị\tHồ sơ giải quyết đúng hạn\t\t",
    "\t\tTử số\tMẫu số\tTỷ lệ (%)",
    "1\tUBND xã Đông Thái\t8l2\t815\t99.63",
    "2\tUBND xã Tân Hội\t1304\t1310\t99.54",
  ].join("\n");

  test("the indicator has no points and the unit is not ranked", () => {
    const [bad, good] = run(COUNTS, "qd766").scored.units;
    expect(bad.indicators["2.1"]).toEqual({ ratio: null, points: null });
    expect(bad.rank).toBeNull();
    expect(bad.notRated).toMatchObject({ cell: "'Phụ lục 1'!C3", why: expect.stringContaining('"8l2"') });
    expect(good.indicators["2.1"]).toEqual({ ratio: 99.54, points: 19.91 });
  });
});
