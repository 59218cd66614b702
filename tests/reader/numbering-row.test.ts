/**
 * The column-numbering row under the header (METHOD.md §7) in the forms tables write it: it is part
 * of the header, never a unit, and the table's own result columns stay the result columns.
 */
import type { Profile } from "../../src/model/profile";
import { getProfile } from "../../src/profiles";
import { readTable } from "../../src/reader";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { LAO_CAI_MERGES, LAO_CAI_TOTALS, NUMBERING_ROWS, laoCaiNumbered } from "../fixtures/tables/lao-cai-numbered";

const nhom = getProfile("qd766-nhom") as Profile;

describe.each(Object.entries(NUMBERING_ROWS))("numbering row %s", (_label, numbering) => {
  const grid = gridFromTsv(laoCaiNumbered(numbering), { numeric: true, sheet: "T10", merges: LAO_CAI_MERGES });
  const r = readTable(grid, { profiles: [nhom], profileId: "qd766-nhom" });

  test("is the header's last row; data starts under it", () => {
    expect(r.layout.headerTop).toBe(6);
    expect(r.layout.headerBottom).toBe(8);
    expect(r.layout.dataTop).toBe(9);
  });

  test("no unit comes from it and no cell of it is an error", () => {
    expect(r.units.filter((u) => !u.aggregate).map((u) => u.name)).toEqual(Object.keys(LAO_CAI_TOTALS));
    expect(r.problems.filter((p) => /!\w9$/.test(p.cell ?? ""))).toEqual([]);
  });

  test("the table's Tổng điểm, Xếp loại, Xếp hạng columns are mapped", () => {
    const by = Object.fromEntries(r.mapping.map((m) => [m.letter, m.field]));
    expect([by.I, by.J, by.K]).toEqual(["total", "rating", "rank"]);
  });
});

describe("what is not a numbering row", () => {
  const read = (line: string) =>
    readTable(gridFromTsv(`STT\tTên đơn vị\tTổng điểm\tXếp loại\n${line}\n2\tUBND xã B\t70\tKhá`), { profiles: [nhom], profileId: "qd766-nhom" });

  test.each([
    ["a unit row", "1\tUBND xã A\t80\tTốt"],
    ["numbers going down", "(3)\t(2)\t(1)\t"],
    ["a formula with a word in it", "(1)\t(2)\t(3)=tổng\t(4)"],
    ["scores", "1\t17,5\t80,25\t"],
  ])("%s stays a data row", (_what, line) => {
    expect(read(line).layout.dataTop).toBe(1);
  });
});
