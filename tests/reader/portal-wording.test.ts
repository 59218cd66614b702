/**
 * The new API's own indicator wording (METHOD.md §8), each over "Tử số", "Mẫu số", "Tỷ lệ (%)",
 * matches its indicator exactly: no column of a portal export needs the user to check it.
 */
import type { Profile } from "../../src/model/profile";
import { getProfile } from "../../src/profiles";
import { readTable } from "../../src/reader";
import { gridFromTsv } from "../fixtures/grids/tsv";

const qd766 = getProfile("qd766") as Profile;

/** METHOD.md §8, "Indicator wording of the new API", word for word. */
const NEW_API_WORDING: [string, string][] = [
  ["2.1", "Hồ sơ giải quyết đúng hạn"],
  ["4.3", "Tỷ lệ TTHC có thu phí, lệ phí phát sinh hồ sơ"],
  ["4.2", "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến"],
  ["6.1", "Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính điện tử"],
  ["6.2", "Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa hồ sơ"],
  ["6.6", "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ GQ TTHC"],
];

describe.each(NEW_API_WORDING)("%s “%s”", (id, wording) => {
  const tsv = `STT\tTên đơn vị\t${wording}\t\t\n\t\tTử số\tMẫu số\tTỷ lệ (%)\n1\tSở Tư pháp\t12\t15\t80`;
  const merges = [
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 0, left: 1, bottom: 1, right: 1 },
    { top: 0, left: 2, bottom: 0, right: 4 },
  ];
  const r = readTable(gridFromTsv(tsv, { numeric: true, merges }), { profiles: [qd766], profileId: "qd766" });

  test("its three sub-columns are its numerator, denominator and ratio, with full confidence", () => {
    expect(r.mapping.slice(2).map((m) => [m.field, m.confidence])).toEqual([
      [`${id}.numerator`, 1],
      [`${id}.denominator`, 1],
      [`${id}.ratio`, 1],
    ]);
  });

  test("no warning to check the mapping", () => {
    expect(r.problems.filter((p) => p.code === "weak-match")).toEqual([]);
  });
});
