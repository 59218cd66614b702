/**
 * The appendix of the tables staff actually have (tests/fixtures/tables): every group that counts
 * in the total is a column, no column is empty, headers are the method's words (never a portal's
 * codes), and a wrapped unit name gets the row height its lines need.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { planAppendix } from "../../src/report/appendix";
import { isCodeLabel } from "../../src/report/appendix-columns";
import { LINE_HEIGHT } from "../../src/report/sheet";
import { sourceLabels } from "../../src/report/title";
import type { AppendixPlan } from "../../src/report/types";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { OLD_API_AN_GIANG_2025_10 } from "../fixtures/tables/old-api-an-giang";
import { PROVINCES_34_2025_10 } from "../fixtures/tables/provinces-34";
import { SECTION_HEADINGS, SECTION_HEADING_MERGES } from "../fixtures/tables/section-headings";

function appendixOf(tsv: string, merges = SECTION_HEADING_MERGES.slice(0, 0)): { plan: AppendixPlan; total: number | null; profileId: string } {
  const run = runScoring(gridFromTsv(tsv, { numeric: true, sheet: "Bảng", merges }), { profiles: BUILTIN_PROFILES });
  const plan = planAppendix(run.scored, run.profile, {
    title: "KẾT QUẢ",
    sourceRows: run.read.units,
    sourceLabels: sourceLabels(run.read.mapping),
  });
  return { plan, total: run.profile.total?.max ?? null, profileId: run.profile.id };
}

/** The points a header announces: "Công khai, minh bạch (18 điểm)" → 18. */
function maxOf(label: string): number | null {
  const m = /\((\d+(?:,\d+)?)\s*điểm\)\s*$/i.exec(label);
  return m ? Number(m[1].replace(",", ".")) : null;
}

const scoreColumns = (plan: AppendixPlan) => plan.columns.filter((c) => !["stt", "name", "code", "total", "converted", "rating", "rank", "previous", "change", "previousRank"].includes(c.field));

describe.each([
  ["the 34 provinces (group names as words)", PROVINCES_34_2025_10],
  ["An Giang's portal export (group codes)", OLD_API_AN_GIANG_2025_10],
])("appendix of %s", (_name, tsv) => {
  const { plan, total, profileId } = appendixOf(tsv);

  test("every group counting in the total is a column: the headers' maxima add to the method's total", () => {
    expect(profileId).toBe("qd766-nhom");
    expect(total).toBe(100);
    const maxima = scoreColumns(plan).map((c) => maxOf(c.label));
    expect(maxima).not.toContain(null);
    expect(maxima.reduce((s: number, m) => s + (m ?? 0), 0)).toBe(total);
    expect(scoreColumns(plan).map((c) => c.field)).toEqual(expect.arrayContaining(["CLGQ", "TTTT"]));
    expect(scoreColumns(plan).map((c) => c.field)).not.toContain("DVTT");
  });

  test("no header is a column code", () => {
    for (const c of plan.columns) expect([c.label, isCodeLabel(c.label, c.field)]).toEqual([c.label, false]);
    for (const h of plan.headers) expect(h.label).not.toMatch(/_|^[A-Z]{4}$/);
    const byField = Object.fromEntries(plan.columns.map((c) => [c.field, c.label]));
    expect(byField.CKMB).toBe("Công khai, minh bạch (18 điểm)");
    expect(byField.total).toMatch(/^Tổng điểm/);
  });
});

test("the portal export's codes give way to the method's names", () => {
  const { plan } = appendixOf(OLD_API_AN_GIANG_2025_10);
  const labels = plan.columns.map((c) => c.label);
  for (const code of ["TEN_COQUAN", "CKMB", "TDGQ", "MDHL", "MDSH", "TONG_SCORE"]) expect(labels).not.toContain(code);
  expect(plan.columns.find((c) => c.field === "name")?.label).toBe("Tên đơn vị");
});

test("a totals-only table has no empty group columns", () => {
  const { plan } = appendixOf(SECTION_HEADINGS, SECTION_HEADING_MERGES);
  expect(scoreColumns(plan)).toEqual([]);
  for (const c of plan.columns) {
    const filled = plan.rows.some((r) => (plan.values[r.row]?.[c.col] ?? null) !== null);
    expect([c.field, filled]).toEqual([c.field, true]);
  }
});

test("a combined group stands in for its parts when only it has data", () => {
  const header = "STT\tTên đơn vị\tCông khai, minh bạch\tTiến độ giải quyết\tDịch vụ trực tuyến\tMức độ hài lòng\tSố hóa hồ sơ\tTổng điểm";
  const tsv = `${header}\n1\tSở A\t18\t20\t22\t18\t22\t100\n2\tSở B\t10\t10\t11\t9\t11\t51\n`;
  const { plan, total } = appendixOf(tsv);
  expect(scoreColumns(plan).map((c) => c.field)).toEqual(["CKMB", "TDGQ", "DVTT", "MDHL", "MDSH"]);
  expect(scoreColumns(plan).reduce((s, c) => s + (maxOf(c.label) ?? 0), 0)).toBe(total);
});

test("a wrapped unit name gets the height of its lines; a one-line name one line's", () => {
  const { plan } = appendixOf(OLD_API_AN_GIANG_2025_10);
  const nameCol = plan.columns.find((c) => c.field === "name");
  if (!nameCol) throw new Error("no name column");
  const heightOf = (row: number) => plan.rowHeights.find((h) => h.row === row)?.height ?? null;
  const long = plan.rows.find((r) => r.unit.name === "Ban Quản lý Khu kinh tế Phú Quốc - tỉnh An Giang");
  const short = plan.rows.find((r) => r.unit.name === "Sở Y tế - tỉnh An Giang");
  if (!long || !short) throw new Error("units missing");
  expect(heightOf(long.row)).toBeGreaterThanOrEqual(2 * LINE_HEIGHT);
  expect(heightOf(short.row)).toBeGreaterThanOrEqual(LINE_HEIGHT);
  expect(heightOf(short.row)).toBeLessThan(2 * LINE_HEIGHT);
});

test("codes are told from headers staff type", () => {
  for (const [label, field] of [["TEN_COQUAN", "name"], ["TONG_SCORE", "total"], ["DiemSoHoa", "MDSH"], ["CKMB", "CKMB"], ["MDSH", "MDSH"]]) expect([label, isCodeLabel(label, field)]).toEqual([label, true]);
  for (const [label, field] of [["DVCTT", "dvctt_ty_le.ratio"], ["STT", "stt"], ["THÁNG 4", "previous"], ["Tổng điểm", "total"], ["Tỉnh/Thành phố", "name"]]) expect([label, isCodeLabel(label, field)]).toEqual([label, false]);
});

test("the table's own section headings head the appendix's sections, in the table's order", () => {
  const { plan } = appendixOf(SECTION_HEADINGS, SECTION_HEADING_MERGES);
  const nameCol = plan.columns.find((c) => c.field === "name")?.col ?? -1;
  const headings = plan.values.slice(plan.layout.dataTop, plan.layout.dataBottom + 1).filter((r) => r[0] == null && r[nameCol] != null).map((r) => r[nameCol]);
  expect(headings).toEqual(["A. KHỐI CƠ QUAN CHUYÊN MÔN", "KHỐI PHƯỜNG", "II. KHỐI XÃ", "Khối đặc khu"]);
  const under = (heading: string) => {
    const start = plan.values.findIndex((r) => r[nameCol] === heading);
    return plan.rows.filter((r) => r.row > start).map((r) => r.unit.name);
  };
  expect(under("KHỐI PHƯỜNG").slice(0, 2)).toEqual(["UBND phường Long Phú", "UBND phường Tịnh Biên"]);
  expect(under("Khối đặc khu")).toEqual(["UBND Đặc khu Kiên Hải", "UBND Đặc khu Phú Quốc"]);
});
