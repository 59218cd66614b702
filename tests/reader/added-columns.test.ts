/**
 * The columns the tool added on its last run (their headers are cells it wrote) are its results,
 * not the user's table: the reader leaves them out of matching, so a column of the user's that
 * was matched weakly keeps its field after a write instead of losing it to the tool's own
 * "Xếp loại" or "Tăng/giảm" and being read as something else (e2e case 3b).
 */
import type { CellValue, Grid } from "../../src/model/grid";
import type { ColumnMatch } from "../../src/model/table";
import { readTable } from "../../src/reader";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { mappingOf, stateAfterWrite } from "../../src/plan";
import { cellsChanged } from "../../src/plan/effect";
import { applyToGrid, cloneGrid } from "../plan/helpers";

/** e2e case 3b's table: two "Điểm" columns, "Kết quả", all of them weak matches. */
function weakTable(): Grid {
  const values: CellValue[][] = [["STT", "Tên đơn vị", "Điểm", "Điểm", "Tỷ lệ (%)", "Số hồ sơ", "Tổng", "Kết quả"]];
  for (let i = 1; i <= 9; i++) values.push([i, `Xã ${i}`, 10 + i, 20 - i, 70 + i, 12 + (i % 5), 70 + 3 * i, 60 + i]);
  return { sheet: "Bảng", origin: { row: 0, col: 0 }, values, merges: [] };
}

const fields = (mapping: ColumnMatch[]) => Object.fromEntries(mapping.map((m) => [m.letter, m.field]));

/** Score, write (the plan applied to the grid, the state built as a host builds it), and the run after. */
function writeAndRerun(grid: Grid) {
  const first = runScoring(grid, { profiles: BUILTIN_PROFILES });
  const state = stateAfterWrite(first.plan, { profile: first.profile, mapping: mappingOf(first.read.mapping) });
  const after = applyToGrid(grid, first.plan);
  return { first, state, after };
}

describe("the tool's added columns after a write", () => {
  test("the run after a write reads the user's columns as before and finds nothing to change", () => {
    const { first, state, after } = writeAndRerun(weakTable());
    // The weakly matched columns: the results go to new columns instead of them.
    const added = first.plan.columns.filter((c) => c.added).map((c) => c.letter);
    expect(added.length).toBeGreaterThan(0);
    expect(first.plan.columns.some((c) => c.added && c.instead !== undefined)).toBe(true);

    // The host's rerun after its write: a kept (empty) mapping, or the state's on a fresh open.
    for (const mapping of [{}, undefined]) {
      const second = runScoring(after, { profiles: BUILTIN_PROFILES, state, mapping });
      const before = fields(first.read.mapping);
      expect(fields(second.read.mapping)).toEqual(before);
      for (const letter of added) expect(second.read.mapping.some((m) => m.letter === letter)).toBe(false);
      expect(second.plan.columns.map((c) => [c.letter, c.field])).toEqual(first.plan.columns.map((c) => [c.letter, c.field]));
      expect(cellsChanged(second.plan)).toBe(0);
    }
  });

  test("the reader leaves out only a column whose header the tool wrote and that still holds it", () => {
    const { first, state, after } = writeAndRerun(weakTable());
    const written = state.lastRun!.written;
    const rating = first.plan.columns.find((c) => c.field === "rating" && c.added)!;
    const read = readTable(after, { profiles: BUILTIN_PROFILES, profileId: first.profile.id, written });
    expect(fields(read.mapping)).toEqual(fields(first.read.mapping));

    // Without the state the same headers are the table's own: matched strongly.
    const bare = readTable(after, { profiles: BUILTIN_PROFILES, profileId: first.profile.id });
    expect(bare.mapping.find((m) => m.letter === rating.letter)?.field).toBe("rating");

    // The user renamed the tool's header: it is the user's column now, and matched again.
    const renamed = cloneGrid(after);
    renamed.values[first.read.layout.headerTop][rating.col] = "Xếp loại năm nay";
    const read2 = readTable(renamed, { profiles: BUILTIN_PROFILES, profileId: first.profile.id, written });
    expect(read2.mapping.find((m) => m.letter === rating.letter)?.field).toBe("rating");

    // The user's own mapping may name the tool's column.
    const mapped = readTable(after, { profiles: BUILTIN_PROFILES, profileId: first.profile.id, written, mapping: { [rating.letter]: "rating" } });
    expect(mapped.mapping.find((m) => m.letter === rating.letter)).toMatchObject({ field: "rating", source: "mapping" });
  });
});
