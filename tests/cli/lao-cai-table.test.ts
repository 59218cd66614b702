/**
 * The CLI on a provincial office's table with a numbering row, sections restarting STT and the
 * official two-block header (tests/fixtures/tables/lao-cai-numbered.ts).
 */
import * as path from "node:path";
import { LAO_CAI_MERGES, LAO_CAI_TOTALS, NUMBERING_ROWS, laoCaiNumbered } from "../fixtures/tables/lao-cai-numbered";
import { writeFixtureWorkbook } from "../fixtures/tables/workbook";
import { cells, cli, load, tmpDir } from "./helpers";

jest.setTimeout(60000);

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});

const UNIT_ROWS = [11, 12, 13, 15, 16, 17, 18];

describe.each(Object.keys(NUMBERING_ROWS))("numbering row %s", (label) => {
  test("results go into the table's own Tổng điểm, Xếp loại, Xếp hạng (I, J, K)", async () => {
    const input = path.join(dir, `lao-cai-${Object.keys(NUMBERING_ROWS).indexOf(label)}.xlsx`);
    const out = input.replace(".xlsx", "-kq.xlsx");
    await writeFixtureWorkbook(input, laoCaiNumbered(NUMBERING_ROWS[label]), "T10", LAO_CAI_MERGES);
    const r = await cli("score", input, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("tiêu đề dòng 7–9");
    expect(r.stdout).toContain("7 đơn vị");
    expect(r.stdout).not.toContain("thêm mới");
    expect(r.stdout).not.toContain("Lỗi");
    const after = cells((await load(out)).getWorksheet("T10")!);
    expect(UNIT_ROWS.map((row) => after[`I${row}`]?.value)).toEqual(Object.values(LAO_CAI_TOTALS));
    expect(UNIT_ROWS.map((row) => after[`K${row}`]?.value)).toEqual([1, 2, 3, 1, 2, 2, 4]);
    expect(after.J15.value).toBe("Tốt");
    expect(String(after.I9.value)).toBe(NUMBERING_ROWS[label][8]);
    expect(after.M9).toBeUndefined();
    expect(after.M11).toBeUndefined();
  });
});

test("the printed STT is the table's own, restarting in each section", async () => {
  const input = path.join(dir, "lao-cai-stt.xlsx");
  await writeFixtureWorkbook(input, laoCaiNumbered(NUMBERING_ROWS["(9)"]), "T10", LAO_CAI_MERGES);
  const r = await cli("score", input, "--out", input.replace(".xlsx", "-kq.xlsx"));
  expect(r.code).toBe(0);
  // "  11    1  Sở Tư pháp …": sheet row, then STT.
  const printed = r.stdout
    .split("\n")
    .map((l) => /^\s*(\d+)\s+(\d*)\s{2,}(\S.*?)\s{2,}/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), m[2], m[3]]);
  expect(printed).toEqual([
    [11, "1", "Sở Tư pháp"],
    [12, "2", "Công an tỉnh"],
    [13, "3", "Sở Y tế"],
    [15, "1", "UBND phường Cam Đường"],
    [16, "2", "UBND xã Bát Xát"],
    [17, "3", "UBND xã Mường Hum"],
    [18, "4", "UBND xã Y Tý"],
  ]);
});
