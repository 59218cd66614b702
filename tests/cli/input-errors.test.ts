/**
 * The CLI on the Phú Tân example with one total typed wrong ('Phụ lục 1'!C12 "16/,6", PHÚ
 * HIỆP): the unit gets no rating and no rank, the summary, --json and the appendix say why, the
 * others rank without it; a rating and rank the tool wrote earlier for that unit are taken back.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cells, cli, EXAMPLES, load, tmpDir } from "./helpers";

const SHEET = "Phụ lục 1";
const REASON = `Chưa xếp loại, xếp hạng vì ô '${SHEET}'!C12 có lỗi: "16/,6" không phải là số`;

async function breakC12(from: string, to: string): Promise<void> {
  const wb = await load(from);
  wb.getWorksheet(SHEET)!.getCell("C12").value = "16/,6";
  await wb.xlsx.writeFile(to);
}

describe("a unit with an unreadable total", () => {
  let dir: string;
  let broken: string;
  beforeAll(async () => {
    dir = await tmpDir();
    broken = path.join(dir, "phu-tan-loi.xlsx");
    await breakC12(path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx"), broken);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("--json: rating and rank null, the reason among the unit's problems; ranks 1–17 for the others", async () => {
    const r = await cli("score", broken, "--out", path.join(dir, "a.xlsx"), "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { units: { row: number; name: string; aggregate: boolean; rating: string | null; rank: number | null; problems: { message: string }[] }[] };
    const hiep = doc.units.find((u) => u.row === 12)!;
    expect([hiep.name, hiep.rating, hiep.rank]).toEqual(["PHÚ HIỆP", null, null]);
    expect(hiep.problems.map((p) => p.message)).toContain(REASON);
    const ranks = doc.units.filter((u) => !u.aggregate && u.row !== 12).map((u) => u.rank);
    expect(Math.max(...(ranks as number[]))).toBe(17);
    expect(ranks).not.toContain(null);
  });

  test("the summary says “lỗi số liệu” where the rating would be and why; the appendix lists the unit last, unrated, with a footnote", async () => {
    const out = path.join(dir, "b.xlsx");
    const r = await cli("score", broken, "--out", out, "--report");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ 12 +5 +PHÚ HIỆP +— +lỗi số liệu +— /);
    // One line for one mistake: the cell, why, and what it costs the unit.
    expect(r.stdout).toContain(`Lỗi: '${SHEET}'!C12: "16/,6" không phải là số — PHÚ HIỆP: chưa xếp loại, xếp hạng\n`);
    expect(r.stdout).not.toContain(`'${SHEET}'!B12:`);
    const wb = await load(out);
    const sheet = cells(wb.getWorksheet(SHEET)!);
    expect([sheet.D12?.value ?? null, sheet.N12?.value ?? null, sheet.N13.value]).toEqual([null, null, 5]);
    const appendix = wb.getWorksheet("Phụ lục xếp loại")!;
    const texts: string[] = [];
    appendix.eachRow((row) => texts.push((row.values as unknown[]).filter((v) => v !== null && v !== undefined).map(String).join(" | ")));
    const unitRows = texts.filter((t) => /^\d+ \| /.test(t));
    expect(unitRows[unitRows.length - 1]).toMatch(/^18 \| PHÚ HIỆP \| /);
    expect(texts.join("\n")).toContain(`Chưa xếp loại, xếp hạng do số liệu có ô lỗi: PHÚ HIỆP (ô '${SHEET}'!C12 có lỗi: "16/,6" không phải là số).`);
  });

  test("scored once, then the total broken and scored again: the tool's own rating and rank for the unit are taken back", async () => {
    const first = path.join(dir, "c.xlsx");
    expect((await cli("score", path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx"), "--out", first)).code).toBe(0);
    const before = cells((await load(first)).getWorksheet(SHEET)!);
    expect([before.D12.value, before.N12.value]).toEqual(["TỐT", 5]);
    const second = path.join(dir, "d.xlsx");
    await breakC12(first, second);
    const r = await cli("score", second);
    expect(r.code).toBe(0);
    const after = cells((await load(second.replace(/\.xlsx$/, "-cham-diem.xlsx"))).getWorksheet(SHEET)!);
    expect([after.D12?.value ?? null, after.N12?.value ?? null]).toEqual([null, null]);
    expect(after.N13.value).toBe(5);
  });
});
