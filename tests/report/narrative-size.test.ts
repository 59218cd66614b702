/**
 * A province's report names every unit of a list (its ≤ 250 units); on a national list (3,838
 * rows) a list of 2,000 names helps no one: long lists are counted and left to the appendix,
 * short ones (the highest unit, a small band) are still named, and no count is lost.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { buildNarrative } from "../../src/report/narrative";
import type { Grid } from "../../src/model/grid";
import { benchTable, SHEET, type TableKind } from "../../bench/tables";

const TO_APPENDIX = "tên các đơn vị xem tại Phụ lục kèm theo";
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
    expect(narrative.paragraphs[1].text).toBe("Bảng có 3.838 đơn vị: danh sách nào quá 30 đơn vị chỉ nêu số đơn vị, tên các đơn vị xem tại Phụ lục kèm theo.");
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
