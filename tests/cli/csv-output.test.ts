/**
 * A CSV table's results: the output is always a workbook (never a .csv), and every cell the tool
 * writes there is a number, not Vietnamese text such as "7,5".
 */
import * as path from "node:path";
import { cli, EXAMPLES, exists, load, tmpDir } from "./helpers";

const CSV = path.join(EXAMPLES, "qd766-nhom-mau.csv");

test("scores and ranks written for a CSV are numbers; the CSV's own text stays text", async () => {
  const out = path.join(await tmpDir(), "ket-qua.xlsx");
  const r = await cli("score", CSV, "--out", out);
  expect(r.code).toBe(0);
  const ws = (await load(out)).worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  const totalCol = header.indexOf("Tổng điểm");
  const rankCol = header.indexOf("Xếp hạng");
  expect(totalCol).toBeGreaterThan(0);
  expect(rankCol).toBeGreaterThan(0);
  const written: unknown[] = [];
  for (let row = 2; row <= ws.rowCount; row++) {
    for (const col of [totalCol, rankCol]) {
      const v = ws.getCell(row, col).value;
      if (v !== null && v !== undefined) written.push(v);
    }
  }
  expect(written.length).toBeGreaterThanOrEqual(4);
  for (const v of written) expect(typeof v).toBe("number");
  expect(ws.getCell("E2").value).toBe("7,5");
});

test("--out naming a .csv is refused (exit 1) and nothing is written", async () => {
  const out = path.join(await tmpDir(), "ket-qua.csv");
  const r = await cli("score", CSV, "--out", out);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(".xlsx");
  expect(await exists(out)).toBe(false);
});
