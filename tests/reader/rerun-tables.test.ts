/**
 * A second run on the tool's own output reads the table as the first run did: the same column
 * for every field, the results in the same columns, nothing to change when nothing changed. The
 * rerun reuses the stored mapping (CLI: the state's; pane: the columns it kept mapped), which
 * fixes the user's columns and leaves the published group scores to detection: a group score
 * named like its indicator ("Tiến độ giải quyết" beside 2.1's counts) must stay the group's.
 */
import type { ColumnMapping, ColumnMatch } from "../../src/model/table";
import type { CellRange, Grid } from "../../src/model/grid";
import { runScoring, type RunResult } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { mappingOf, stateAfterWrite } from "../../src/plan";
import { cellsChanged } from "../../src/plan/effect";
import { applyToGrid } from "../plan/helpers";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { DAK_LAK_2026_10, DAK_LAK_MERGES } from "../fixtures/tables/dak-lak-2026-10";
import { BINH_DUONG_2023 } from "../fixtures/tables/binh-duong-2023";
import { LAO_CAI_GROUPS } from "../fixtures/tables/lao-cai-groups";
import { LAO_CAI_MERGES, NUMBERING_ROWS, laoCaiNumbered } from "../fixtures/tables/lao-cai-numbered";
import { NEW_API_AGENCY_COMMUNE, NEW_API_MERGES } from "../fixtures/tables/new-api-agency-commune";
import { OLD_API_AN_GIANG_2025_10 } from "../fixtures/tables/old-api-an-giang";
import { PROVINCES_34_2026_10 } from "../fixtures/tables/provinces-34-2026-10";
import { PROVINCES_34_2025_10 } from "../fixtures/tables/provinces-34";
import { SECTION_HEADINGS, SECTION_HEADING_MERGES } from "../fixtures/tables/section-headings";
import { AN_GIANG_SECTIONED, LAM_DONG_2024_Q2 } from "../fixtures/tables/sectioned";
import { AN_GIANG_2025_10_11 } from "../fixtures/golden/an-giang-2025-10-11";
import { PROVINCES_34_2025_10_MONTH } from "../fixtures/golden/provinces-34-2025-10-month";
import { phuThoMerges, phuThoTsv } from "../fixtures/golden/phu-tho-2026-08";

const grid = (tsv: string, merges: CellRange[] = [], numeric = true): Grid => gridFromTsv(tsv, { numeric, sheet: "Bảng", merges });

const TABLES: [string, () => Grid][] = [
  ["Đắk Lắk 2026 (API mới, điểm nhóm của Cổng)", () => grid(DAK_LAK_2026_10, DAK_LAK_MERGES)],
  ["Phú Thọ 8/2026 (API mới)", () => grid(phuThoTsv(), phuThoMerges())],
  ["Phú Thọ 8/2026 (API mới, có DVCTT)", () => grid(phuThoTsv(undefined, true), phuThoMerges(true))],
  ["API mới, sở và xã", () => grid(NEW_API_AGENCY_COMMUNE, NEW_API_MERGES)],
  ["API cũ, An Giang", () => grid(OLD_API_AN_GIANG_2025_10)],
  ["An Giang 10–11/2025 (xuất cũ)", () => grid(AN_GIANG_2025_10_11)],
  ["34 tỉnh 10/2025", () => grid(PROVINCES_34_2025_10)],
  ["34 tỉnh 10/2026", () => grid(PROVINCES_34_2026_10)],
  ["34 tỉnh, tháng 10/2025 (mã cột)", () => grid(PROVINCES_34_2025_10_MONTH, [], false)],
  ["Bình Dương 2023", () => grid(BINH_DUONG_2023)],
  ["Lào Cai, điểm nhóm", () => grid(LAO_CAI_GROUPS)],
  ...Object.entries(NUMBERING_ROWS).map(([label, numbering]): [string, () => Grid] => [`Lào Cai, dòng số thứ tự ${label}`, () => grid(laoCaiNumbered(numbering), LAO_CAI_MERGES)]),
  ["Mục có tiêu đề", () => grid(SECTION_HEADINGS, SECTION_HEADING_MERGES)],
  ["An Giang theo mục", () => grid(AN_GIANG_SECTIONED)],
  ["Lâm Đồng quý 2/2024", () => grid(LAM_DONG_2024_Q2)],
];

const fields = (mapping: ColumnMatch[]) => Object.fromEntries(mapping.map((m) => [m.letter, m.field]));
const outputs = (run: RunResult) => run.plan.columns.map((c) => [c.letter, c.field, c.added]);
/** What the pane keeps of a run's mapping for its next run: the columns mapped, not detected. */
const keptByPane = (run: RunResult): ColumnMapping => Object.fromEntries(run.read.mapping.filter((m) => m.source === "mapping").map((m) => [m.letter, m.field]));

/** Score, write (the plan applied to the grid, the state as a host stores it), and the runs after. */
function firstAndRerun(table: Grid) {
  const first = runScoring(table, { profiles: BUILTIN_PROFILES });
  const state = stateAfterWrite(first.plan, { profile: first.profile, mapping: mappingOf(first.read.mapping), choices: first.choices });
  const after = applyToGrid(table, first.plan);
  // The CLI (and the pane on opening the workbook): the state's mapping.
  const second = runScoring(after, { profiles: BUILTIN_PROFILES, state });
  // The pane's next run: the columns the last run mapped, kept as the user's mapping (none after a
  // first run in the same session, all the stored ones after a run on opening the workbook).
  const kept = [first, second].map((run) => runScoring(after, { profiles: BUILTIN_PROFILES, state, profileId: run.profile.id, mapping: keptByPane(run) }));
  return { first, reruns: [second, ...kept] };
}

describe("a second run on the tool's own output", () => {
  test("Đắk Lắk: the portal's group scores stay group scores, and no column is added", () => {
    const { first, reruns } = firstAndRerun(grid(DAK_LAK_2026_10, DAK_LAK_MERGES));
    const groups = ["CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH"];
    expect(groups.map((g) => first.read.layout.columns[g])).toEqual([58, 59, 60, 61, 62, 63]);
    for (const run of reruns) {
      expect(fields(run.read.mapping).BH).toBe("TDGQ");
      expect(run.read.layout.columns["2.1.points"]).toBeUndefined();
      expect(run.plan.columns.filter((c) => c.added).map((c) => c.letter)).toEqual(first.plan.columns.filter((c) => c.added).map((c) => c.letter));
      expect(cellsChanged(run.plan)).toBe(0);
    }
  });

  test.each(TABLES)("%s: reads the same columns, writes into the same columns, has nothing to change", (_name, table) => {
    const { first, reruns } = firstAndRerun(table());
    expect(first.scored.units.length).toBeGreaterThan(0);
    for (const run of reruns) {
      expect(run.profile.id).toBe(first.profile.id);
      expect(fields(run.read.mapping)).toEqual(fields(first.read.mapping));
      expect(run.read.layout.columns).toEqual(first.read.layout.columns);
      expect(outputs(run)).toEqual(outputs(first));
      expect(run.scored.units.map((u) => u.total)).toEqual(first.scored.units.map((u) => u.total));
      expect(cellsChanged(run.plan)).toBe(0);
    }
  });
});
