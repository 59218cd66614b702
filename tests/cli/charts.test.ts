/**
 * A workbook another program wrote with a chart and an image (LibreOffice Calc, see
 * tests/fixtures/files/bieu-do-libreoffice.py): it loads and is scored; exceljs keeps the image
 * but cannot write the chart back, so the CLI says so before writing, never overwrites the
 * file it would lose the chart of, and leaves the source as it was.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { cli, load, tmpDir } from "./helpers";

const SOURCE = path.join(__dirname, "..", "fixtures", "files", "bieu-do-libreoffice.xlsx");

async function parts(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(await fs.readFile(file))).files);
}

async function copyOfSource(): Promise<{ dir: string; input: string }> {
  const dir = await tmpDir();
  const input = path.join(dir, "bieu-do.xlsx");
  await fs.copyFile(SOURCE, input);
  return { dir, input };
}

test("the source really has a chart, an image and a drawing", async () => {
  const names = await parts(SOURCE);
  expect(names).toContain("xl/charts/chart1.xml");
  expect(names.some((n) => n.startsWith("xl/media/"))).toBe(true);
  expect(names.some((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toBe(true);
});

test("scored and written; the lost chart is said before the write, the image is kept, the source is untouched", async () => {
  const { dir, input } = await copyOfSource();
  const before = await fs.readFile(input);
  const out = path.join(dir, "ket-qua.xlsx");
  const c = await cli("score", input, "--out", out);
  expect(c.code).toBe(0);
  expect(c.stdout).toMatch(/dữ liệu dòng 7–25, 18 đơn vị và 1 dòng tổng hợp \(TOÀN HUYỆN\)\./);
  expect(c.stderr).toContain(`Chú ý: Tệp "${input}" có 1 biểu đồ. chiso766 chưa chép được biểu đồ sang tệp nó ghi`);
  expect(c.stderr).not.toMatch(/\bat \S+ \(|Error:/);

  const written = await parts(out);
  expect(written.some((n) => n.startsWith("xl/media/"))).toBe(true);
  // What the note says: exceljs writes no chart part.
  expect(written.some((n) => n.startsWith("xl/charts/"))).toBe(false);
  const wb = await load(out);
  expect(wb.getWorksheet("Phụ lục 1")?.getCell("N8").value).toBe(1);
  expect(await fs.readFile(input)).toEqual(before);
}, 60_000);

test("writing over the file itself would lose its chart: refused, nothing written", async () => {
  const { input } = await copyOfSource();
  const before = await fs.readFile(input);
  const c = await cli("score", input, "--out", input);
  expect(c.code).toBe(2);
  expect(c.stderr).toContain("sẽ làm mất 1 biểu đồ");
  expect(c.stderr).toContain("Không ghi tệp nào.");
  expect(await fs.readFile(input)).toEqual(before);
  expect(await parts(input)).toContain("xl/charts/chart1.xml");
}, 60_000);

test("a workbook without charts gets no such note", async () => {
  const dir = await tmpDir();
  const c = await cli("score", path.join(__dirname, "..", "..", "examples", "phu-tan-2024-05-tuan-01.xlsx"), "--out", path.join(dir, "ket-qua.xlsx"));
  expect(c.code).toBe(0);
  expect(c.stderr).not.toContain("biểu đồ");
}, 60_000);
