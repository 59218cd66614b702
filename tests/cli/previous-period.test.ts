/**
 * `--previous` with the wrong file: periods with no unit in common are said not comparable,
 * naming both files, and the appendix gets no last-period columns full of blanks; with some
 * units in common the CLI says how many matched.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, load, tmpDir } from "./helpers";

const HEADER = "STT,Tên đơn vị,Tổng điểm";
const write = async (dir: string, name: string, rows: string[]) => {
  const file = path.join(dir, name);
  await fs.writeFile(file, `\uFEFF${HEADER}\n${rows.join("\n")}\n`);
  return file;
};

describe("--previous", () => {
  let dir: string;
  let current: string;
  beforeAll(async () => {
    dir = await tmpDir();
    current = await write(dir, "tinh.csv", ["1,UBND tỉnh Bắc Ninh,91.64", "2,UBND tỉnh Cà Mau,89.91", "3,UBND tỉnh Quảng Ngãi,79.34"]);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("the file being scored given as the last period: refused, nothing written", async () => {
    const out = path.join(dir, "cung-tep.xlsx");
    const r = await cli("score", current, "--previous", current, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp kỳ trước "${current}" chính là tệp đang chấm: hãy chọn bảng của kỳ trước.`);
    await expect(fs.access(out)).rejects.toThrow();
  }, 60_000);

  test("a file with no unit in common: said plainly, both files named, no change columns", async () => {
    const other = await write(dir, "so-nganh.csv", ["1,Sở Tư pháp,73.65", "2,Thanh tra tỉnh,30.21"]);
    const out = path.join(dir, "a.xlsx");
    const r = await cli("score", current, "--previous", other, "--out", out);
    expect(r.code).toBe(0);
    const note = `Kỳ trước (tệp "so-nganh.csv") và kỳ này (tệp "tinh.csv") không có đơn vị nào chung (không đơn vị nào khớp mã hoặc tên): hai kỳ không so sánh được, nên không nêu tăng, giảm.`;
    expect(r.stdout).toContain(note);
    expect(r.stdout).not.toMatch(/0 đơn vị tăng điểm/);
    const appendix = (await load(out)).getWorksheet("Phụ lục xếp loại")!;
    const words: string[] = [];
    appendix.eachRow((row) => row.eachCell((c) => words.push(String(c.value))));
    expect(words.join(" | ")).not.toMatch(/kỳ trước|Tăng\/giảm|Tăng, giảm/i);
  }, 60_000);

  test("some units in common: how many matched, on each side", async () => {
    const partly = await write(dir, "ky-truoc.csv", ["1,UBND tỉnh Bắc Ninh,90.1", "2,UBND tỉnh Cà Mau,90.5", "3,UBND tỉnh Lai Châu,80"]);
    const r = await cli("score", current, "--previous", partly, "--out", path.join(dir, "b.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("So với kỳ trước: so sánh được 2/3 đơn vị của kỳ này (khớp mã hoặc tên với 2/3 đơn vị của kỳ trước).");
    expect(r.stdout).toContain("So với kỳ trước có 01 đơn vị tăng điểm, 01 đơn vị giảm điểm, 0 đơn vị không đổi.");
  }, 60_000);
});
