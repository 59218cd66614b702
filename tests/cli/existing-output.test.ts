/**
 * An existing file at --out is replaced only when it is the input or chiso766's own earlier
 * output of the same input (same file name, same scored cells, recorded in the state).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readState } from "../../src/adapters/exceljs";
import { cli, EXAMPLES, load, tmpDir } from "./helpers";

const SOURCE = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");

async function unrelatedWorkbook(file: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sổ của tôi").getCell("A1").value = "Số liệu không liên quan";
  await wb.xlsx.writeFile(file);
  return fs.readFile(file);
}

describe("score/undo --out onto an existing file", () => {
  test("an unrelated workbook at --out is refused with exit 2 and left byte for byte", async () => {
    const dir = await tmpDir();
    const out = path.join(dir, "bao-cao.xlsx");
    const before = await unrelatedWorkbook(out);
    const r = await cli("score", SOURCE, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${out}"`);
    expect(r.stderr).toContain("--ghi-de-tep");
    expect(await fs.readFile(out)).toEqual(before);
    expect((await fs.readdir(dir)).sort()).toEqual(["bao-cao.xlsx"]);
  });

  test("the default <name>-cham-diem.xlsx is guarded too, and a non-workbook file there as well", async () => {
    const dir = await tmpDir();
    const input = path.join(dir, "bang.xlsx");
    await fs.copyFile(SOURCE, input);
    const out = path.join(dir, "bang-cham-diem.xlsx");
    await fs.writeFile(out, "ghi chú của tôi");
    const r = await cli("score", input);
    expect(r.code).toBe(2);
    expect(await fs.readFile(out, "utf8")).toBe("ghi chú của tôi");
  });

  test("--ghi-de-tep replaces the unrelated workbook", async () => {
    const dir = await tmpDir();
    const out = path.join(dir, "bao-cao.xlsx");
    await unrelatedWorkbook(out);
    const r = await cli("score", SOURCE, "--out", out, "--ghi-de-tep");
    expect(r.code).toBe(0);
    const wb = await load(out);
    expect(wb.getWorksheet("Sổ của tôi")).toBeUndefined();
    expect(wb.getWorksheet("chiso766_state")).toBeDefined();
  });

  test("the tool's own earlier output is replaced on a re-run, and the input itself may be named", async () => {
    const dir = await tmpDir();
    const input = path.join(dir, "bang.xlsx");
    await fs.copyFile(SOURCE, input);
    expect((await cli("score", input)).code).toBe(0);
    expect((await cli("score", input)).code).toBe(0);
    expect((await cli("score", input, "--out", input)).code).toBe(0);
  });

  test("the state records the input's file name (no folder) and a SHA-256 of its scored cells", async () => {
    const dir = await tmpDir();
    const out = path.join(dir, "kq.xlsx");
    expect((await cli("score", SOURCE, "--out", out)).code).toBe(0);
    const source = readState(await load(out)).state?.source;
    expect(source?.file).toBe("phu-tan-2024-05-tuan-01.xlsx");
    expect(source?.cells).toMatch(/^[0-9a-f]{64}$/);
    const chunks = (await load(out)).getWorksheet("chiso766_state")!.getCell("A1").value as string;
    expect(chunks).not.toContain(EXAMPLES);
  });

  test("last week's output of the same file, whose data changed since, is kept: exit 2 saying why, --ghi-de-tep replaces it", async () => {
    const dir = await tmpDir();
    const input = path.join(dir, "bang.xlsx");
    await fs.copyFile(SOURCE, input);
    const out = path.join(dir, "bang-cham-diem.xlsx");
    expect((await cli("score", input)).code).toBe(0);
    const lastWeek = await fs.readFile(out);
    const wb = await load(input);
    wb.getWorksheet("Phụ lục 1")!.getCell("C12").value = 90.5;
    await wb.xlsx.writeFile(input);
    const r = await cli("score", input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp kết quả "${out}" đã có, được chấm từ "bang.xlsx" khi số liệu còn khác bây giờ`);
    expect(r.stderr).toContain("--ghi-de-tep");
    expect(await fs.readFile(out)).toEqual(lastWeek);
    expect((await cli("score", input, "--ghi-de-tep")).code).toBe(0);
    expect(await fs.readFile(out)).not.toEqual(lastWeek);
  });

  test("another file's output at --out is kept, even with the same data; one with no recorded source too", async () => {
    const dir = await tmpDir();
    const first = path.join(dir, "tuan-1.xlsx");
    const second = path.join(dir, "tuan-2.xlsx");
    await fs.copyFile(SOURCE, first);
    await fs.copyFile(SOURCE, second);
    const out = path.join(dir, "ket-qua.xlsx");
    expect((await cli("score", first, "--out", out)).code).toBe(0);
    const other = await cli("score", second, "--out", out);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`được chấm từ tệp khác ("tuan-1.xlsx")`);
    // A workbook scored in Excel (or by 0.2.0): a state sheet without the source.
    const old = await load(out);
    const state = old.getWorksheet("chiso766_state")!;
    state.getCell("A1").value = (state.getCell("A1").value as string).replace(/,"source":\{[^}]*\}/, "");
    await old.xlsx.writeFile(out);
    expect(readState(await load(out)).state?.source).toBeUndefined();
    const unknown = await cli("score", first, "--out", out);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("không ghi tệp nguồn nào");
  });

  test("undo --out onto an unrelated workbook is refused; onto its own output it is allowed", async () => {
    const dir = await tmpDir();
    const scored = path.join(dir, "da-cham.xlsx");
    expect((await cli("score", SOURCE, "--out", scored)).code).toBe(0);
    const other = path.join(dir, "khac.xlsx");
    const before = await unrelatedWorkbook(other);
    const refused = await cli("undo", scored, "--out", other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`"${other}"`);
    expect(await fs.readFile(other)).toEqual(before);
    expect((await cli("undo", scored, "--out", other, "--ghi-de-tep")).code).toBe(0);
    expect((await cli("undo", scored, "--out", other)).code).toBe(0);
  });

  test("--help of both commands names the flag", async () => {
    expect((await cli("score", "--help")).stdout).toContain("--ghi-de-tep");
    expect((await cli("undo", "--help")).stdout).toContain("--ghi-de-tep");
  });
});
