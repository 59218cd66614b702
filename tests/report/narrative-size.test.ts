/**
 * A province's report names every unit of a list (its ≤ 250 units); on a national list (3,838
 * rows) a list of 2,000 names helps no one: long lists are counted and left to the appendix,
 * short ones (the highest unit, a small band) are still named, and no count is lost.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { buildNarrative } from "../../src/report/narrative";
import type { Grid } from "../../src/model/grid";
import { compareResults } from "../../src/report/compare";
import type { ScoreResult } from "../../src/model/units";
import { benchTable, SHEET, type TableKind } from "../../bench/tables";
import { dienBienProfile, dienBienResult } from "./fixtures/dien-bien";
import { phuTanProfile, phuTanResult } from "./fixtures/phu-tan";

const TO_APPENDIX = "danh sách cụ thể tại Phụ lục kèm theo";
/** "Sở Đơn vị 12" / "UBND xã Đơn vị 3": the synthetic units' names. */
const UNIT_NAME = /(?:Sở|UBND xã) Đơn vị \d+/g;

function narrativeOf(kind: TableKind, rows: number) {
  const table = benchTable(kind, rows);
  const grid: Grid = { sheet: SHEET, origin: { row: 0, col: 0 }, values: table.values, merges: table.merges };
  const run = runScoring(grid, { profiles: BUILTIN_PROFILES });
  return { run, narrative: buildNarrative(run.scored, run.profile, { sourceRows: run.read.units }) };
}

/** "12 đơn vị xếp loại tốt…" → 12 (counts are written "03", "1.204"). */
const countOf = (text: string) => Number((/(\d[\d.]*) đơn vị/.exec(text)?.[1] ?? "").replace(/\./g, ""));

describe.each(["group", "indicator"] as const)("narrative of a %s table", (kind) => {
  test("a province's table names every unit of every rating", () => {
    const { run, narrative } = narrativeOf(kind, 250);
    const bands = narrative.paragraphs.filter((p) => / đơn vị xếp loại /.test(p.text));
    expect(bands.length).toBeGreaterThan(1);
    for (const band of bands) expect(band.text.match(UNIT_NAME)?.length).toBe(countOf(band.text));
    expect(narrative.text).not.toContain(TO_APPENDIX);
    const rated = run.scored.units.filter((u) => !u.aggregate && u.ratingKey !== null).length;
    expect(bands.reduce((n, b) => n + countOf(b.text), 0)).toBe(rated);
  });

  test("on the national list, lists longer than 30 are counted, said once to be in the appendix; the counts add up", () => {
    const { run, narrative } = narrativeOf(kind, 3_838);
    const bands = narrative.paragraphs.filter((p) => / đơn vị xếp loại /.test(p.text));
    const rated = run.scored.units.filter((u) => !u.aggregate && u.ratingKey !== null).length;
    expect(bands.reduce((n, b) => n + countOf(b.text), 0)).toBe(rated);
    expect(narrative.paragraphs[1].text).toBe("Do số lượng đơn vị lớn (3.838 đơn vị), nội dung có trên 30 đơn vị chỉ nêu số lượng; danh sách cụ thể tại Phụ lục kèm theo.");
    expect(narrative.text.split(TO_APPENDIX)).toHaveLength(2);
    const counted = bands.filter((b) => countOf(b.text) > 30);
    expect(counted.length).toBeGreaterThan(0);
    for (const band of counted) expect(band.text).toMatch(/^[\d.]+ đơn vị xếp loại [^:]+\.$/);
    for (const band of bands.filter((b) => countOf(b.text) <= 30)) expect(band.text.match(UNIT_NAME)?.length).toBe(countOf(band.text));
    // The highest and the lowest units are two lists of one paragraph.
    for (const p of narrative.paragraphs) expect(p.text.match(UNIT_NAME)?.length ?? 0).toBeLessThanOrEqual(60);
    expect(narrative.text).toMatch(/Đơn vị có điểm cao nhất: (?:Sở|UBND xã) Đơn vị \d+ \(/);
    expect(narrative.text.length).toBeLessThan(20_000);
  });
});

test("a province's size is named in full, one unit more is a national list", () => {
  expect(narrativeOf("group", 300).narrative.text).not.toContain(TO_APPENDIX);
  const { narrative } = narrativeOf("group", 301);
  expect(narrative.paragraphs[1].text).toContain("Do số lượng đơn vị lớn (301 đơn vị), nội dung có trên 30 đơn vị chỉ nêu số lượng");
});

test("the note comes only when a list was counted", () => {
  // Điện Biên's 12 units: nothing is longer than 12, so nothing is cut and nothing is said.
  expect(buildNarrative(dienBienResult(), dienBienProfile, { namesLimit: 12 }).text).not.toContain(TO_APPENDIX);
  expect(buildNarrative(dienBienResult(), dienBienProfile, { namesLimit: 5 }).paragraphs[1].text).toContain(TO_APPENDIX);
});

test("many units tied for the highest score are counted with the score and its conversion", () => {
  const result = dienBienResult();
  const [a, b] = [...result.units].sort((x, y) => (y.total ?? 0) - (x.total ?? 0));
  b.total = a.total;
  b.converted = a.converted;
  const text = buildNarrative(result, dienBienProfile, { namesLimit: 1 }).text;
  expect(text).toMatch(/Đơn vị có điểm cao nhất: 02 đơn vị cùng đạt [\d,]+ điểm \(quy đổi [\d,]+ điểm\); đơn vị có điểm thấp nhất: /);
});

test("units of one period only: counted when many; those of the last period are found in its table", () => {
  const current = phuTanResult();
  const gone = current.units.filter((u) => !u.aggregate).slice(0, 5).map((u) => ({ ...u, name: `${u.name} (cũ)`, code: null, row: u.row + 100 }));
  const previous: ScoreResult = { profileId: current.profileId, units: [...current.units.map((u) => ({ ...u, total: u.previous ?? u.total })), ...gone], problems: [] };
  const comparison = compareResults(current, previous, { previousPeriod: "Tháng 4" });
  expect(comparison.onlyPrevious).toHaveLength(5);
  const named = buildNarrative(current, phuTanProfile, { comparison }).text;
  expect(named).toContain(`Đơn vị có trong kỳ trước nhưng không có trong kỳ này: ${gone.map((u) => u.name).join(", ")}.`);
  const counted = buildNarrative(current, phuTanProfile, { comparison, namesLimit: 3 }).text;
  expect(counted).toContain("Có 05 đơn vị có trong kỳ trước nhưng không có trong kỳ này (danh sách tại bảng kỳ trước).");
});
