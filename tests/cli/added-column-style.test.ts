/**
 * The CLI (exceljs adapter): the column a run adds ("Xếp hạng" right of Phú Tân's table) looks
 * like the table's last column (font, fill, borders, alignment), its header spans the two
 * header rows, the tool's number format stays on top, and undo clears the look with the values.
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { cli, EXAMPLES, load, tmpDir } from "./helpers";

const SOURCE = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");

const look = (cell: ExcelJS.Cell) => ({ font: cell.font, fill: cell.fill, border: cell.border, alignment: cell.alignment });

describe("added column styling (exceljs)", () => {
  test("Xếp hạng in N copies M's look; undo leaves N blank and unstyled", async () => {
    const dir = await tmpDir();
    const out = path.join(dir, "ket-qua.xlsx");
    expect((await cli("score", SOURCE, "--out", out)).code).toBe(0);
    const ws = (await load(out)).getWorksheet("Phụ lục 1")!;
    expect(ws.getCell("N5").value).toBe("Xếp hạng");
    // M5 is merged across K5:M5; the header's look comes from M6 below it.
    expect(look(ws.getCell("N5"))).toEqual(look(ws.getCell("M6")));
    expect(ws.getCell("N5").border).toEqual(expect.objectContaining({ left: { style: "thin" } }));
    expect(ws.model.merges).toContain("N5:N6");
    for (const row of [7, 10, 25]) expect([row, look(ws.getCell(`N${row}`))]).toEqual([row, look(ws.getCell(`M${row}`))]);
    expect(ws.getCell("N10").numFmt).toBe("0");
    // Below the table, nothing.
    expect(ws.getCell("N26").style).toEqual({});

    expect((await cli("undo", out, "--out", path.join(dir, "hoan-tac.xlsx"))).code).toBe(0);
    const undone = (await load(path.join(dir, "hoan-tac.xlsx"))).getWorksheet("Phụ lục 1")!;
    for (const address of ["N5", "N6", "N10", "N25"]) expect([address, undone.getCell(address).value, undone.getCell(address).style]).toEqual([address, null, {}]);
    expect(undone.model.merges).not.toContain("N5:N6");
  });

  test("a rerun keeps the look, and undo after it clears it", async () => {
    const dir = await tmpDir();
    const first = path.join(dir, "lan-1.xlsx");
    const second = path.join(dir, "lan-2.xlsx");
    expect((await cli("score", SOURCE, "--out", first)).code).toBe(0);
    expect((await cli("score", first, "--out", second)).code).toBe(0);
    const ws = (await load(second)).getWorksheet("Phụ lục 1")!;
    expect(look(ws.getCell("N10"))).toEqual(look(ws.getCell("M10")));
    expect((await cli("undo", second, "--out", path.join(dir, "hoan-tac.xlsx"))).code).toBe(0);
    const undone = (await load(path.join(dir, "hoan-tac.xlsx"))).getWorksheet("Phụ lục 1")!;
    expect([undone.getCell("N10").value, undone.getCell("N10").style]).toEqual([null, {}]);
    expect(undone.model.merges).not.toContain("N5:N6");
  });
});
