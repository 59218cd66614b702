/**
 * A cell holding a "no data" mark ("N/A", "-", "KPS", "không phát sinh") is missing, never 0, and
 * never silent: one line per cell, quoting the mark, whether or not the engine needed the value.
 */
import { problemsOf } from "../../src/model/problems";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv } from "../fixtures/grids/tsv";

const run = (tsv: string, profileId?: string) => runScoring(gridFromTsv(tsv, { numeric: true, sheet: "Bảng" }), { profiles: BUILTIN_PROFILES, profileId });

test.each(["N/A", "n/a", "-", "—", "x", "KPS", "không phát sinh"])("a table of totals only: %j in a total is said once, naming the cell", (mark) => {
  const { read, scored } = run(["STT\tTên đơn vị\tTổng điểm", "1\tUBND xã A\t91,5", `2\tUBND xã B\t${mark}`, "3\tUBND xã C\t80"].join("\n"), "qd766-nhom");
  const b = scored.units[1];
  expect([b.total, b.rating, b.rank]).toEqual([null, null, null]);
  const listed = problemsOf(read, scored).filter((p) => p.cell === "'Bảng'!C3");
  expect(listed.map((p) => [p.severity, p.message])).toEqual([["error", `"${mark}" — coi là thiếu số liệu “Tổng điểm”: không xếp loại, xếp hạng`]]);
  expect(scored.units.map((u) => u.rank)).toEqual([1, null, 2]);
});

test("a blank total in a table of totals only is said too (it was silent)", () => {
  const { read, scored } = run(["STT\tTên đơn vị\tTổng điểm", "1\tUBND xã A\t91,5", "2\tUBND xã B\t", "3\tUBND xã C\t80"].join("\n"), "qd766-nhom");
  expect(problemsOf(read, scored).map((p) => [p.cell, p.code])).toEqual([["'Bảng'!C3", "missing"]]);
});

test("a mark in a group score with no indicators given: the engine's line quotes it, no second line", () => {
  const tsv = [
    "STT\tTên đơn vị\tCông khai, minh bạch\tTiến độ, kết quả giải quyết\tDịch vụ công trực tuyến\tThanh toán trực tuyến\tMức độ hài lòng\tSố hóa hồ sơ",
    "1\tUBND xã Đông Thái\t18\tN/A\t8.1\t8.55\t18\t20.75",
    "2\tUBND xã Tân Hội\t18\t19.94\t8.06\t8.6\t18\t20.59",
  ].join("\n");
  const { read, scored } = run(tsv, "qd766-nhom");
  const listed = problemsOf(read, scored).filter((p) => p.cell === "'Bảng'!D2");
  expect(listed).toHaveLength(1);
  expect(listed[0].message).toMatch(/^"N\/A" — coi là thiếu số liệu điểm .*: không tính là 0$/);
  expect(scored.units[0].total).toBeNull();
});

test("a mark in a value the engine does not need is still said, as a warning", () => {
  // The groups give the total; the printed total "-" is not needed, but the user is told how it was read.
  const tsv = [
    "STT\tTên đơn vị\tCông khai, minh bạch\tTiến độ, kết quả giải quyết\tDịch vụ công trực tuyến\tThanh toán trực tuyến\tMức độ hài lòng\tSố hóa hồ sơ\tTổng điểm",
    "1\tUBND xã Đông Thái\t18\t19.81\t8.1\t8.55\t18\t20.75\t-",
    "2\tUBND xã Tân Hội\t18\t19.94\t8.06\t8.6\t18\t20.59\t93.19",
  ].join("\n");
  const { read, scored } = run(tsv, "qd766-nhom");
  expect(scored.units[0].total).toBe(93.21);
  expect(problemsOf(read, scored).map((p) => [p.cell, p.severity, p.message])).toEqual([["'Bảng'!I2", "warning", '"-" — coi là thiếu số liệu, không tính là 0']]);
});
