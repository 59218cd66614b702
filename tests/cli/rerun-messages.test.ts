/**
 * The CLI says what a run actually changes: scoring an already-scored workbook again changes
 * nothing and says so (no "new" columns, no "9 cells underlined"); a totals-only table's own
 * total column is not called a result column unless the run writes in it.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, EXAMPLES, load, tmpDir } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("first run: the columns written and the underlines set; a rerun: nothing changes, and it says so", async () => {
  const first = path.join(dir, "lan-1.xlsx");
  const r1 = await cli("score", path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx"), "--out", first);
  expect(r1.code).toBe(0);
  expect(r1.stdout).toContain(`N "Xếp hạng" (cột mới, thêm bên phải bảng, ghi 19 ô)`);
  expect(r1.stdout).toContain("Gạch chân thêm 9 ô, bỏ gạch chân 0 ô.");

  const r2 = await cli("score", first, "--out", path.join(dir, "lan-2.xlsx"));
  expect(r2.code).toBe(0);
  // Nothing to write: one line says so and names what undo still gives back (no column or underline lines).
  expect(r2.stdout).toContain('Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này. "chiso766 undo" vẫn trả lại lần chấm lúc');
  expect(r2.stdout).not.toMatch(/thêm mới|cột mới|Gạch chân thêm|điền tại chỗ/);
}, 120_000);

test("a totals-only table: its own total column is listed only for what the run does to it", async () => {
  const csv = path.join(dir, "tong-diem.csv");
  await fs.writeFile(csv, '\uFEFFSTT;Đơn vị;Tổng điểm\n1;UBND xã A;88,6\n2;UBND xã B;74,6\n');
  const out = path.join(dir, "tong-diem.xlsx");
  const r = await cli("score", csv, "--out", out);
  expect(r.code).toBe(0);
  const line = r.stdout.split("\n").find((l) => l.startsWith("Cột kết quả:"))!;
  expect(line).not.toContain("điền tại chỗ");
  // The CSV's totals (text "88,6") already show the tool's values: the user's, left as they are
  // and not listed as written.
  expect(line).not.toContain(`C "Tổng điểm"`);
  const ws = (await load(out)).worksheets[0];
  expect([ws.getCell("C2").value, ws.getCell("C3").value]).toEqual(["88,6", "74,6"]);
  expect(line).toContain(`D "Xếp loại" (cột mới, thêm bên phải bảng, ghi 3 ô)`);
}, 120_000);

test("--out the input itself: a rerun that changes nothing leaves the file as it is and says so, no copy", async () => {
  const file = path.join(dir, "tai-cho.xlsx");
  await fs.copyFile(path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx"), file);
  const r1 = await cli("score", file, "--out", file);
  expect(r1.code).toBe(0);
  expect(r1.stdout).toContain(`Đã ghi kết quả vào: ${file}`);
  const scored = await fs.readFile(file);
  const at = (await fs.stat(file)).mtimeMs;

  const r2 = await cli("score", file, "--out", file);
  expect(r2.code).toBe(0);
  expect(r2.stdout).toContain("Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này.");
  expect(r2.stdout).toContain(`Không ghi gì, tệp giữ nguyên: ${file}`);
  expect(r2.stdout).not.toContain("bản sao");
  expect(await fs.readFile(file)).toEqual(scored);
  expect((await fs.stat(file)).mtimeMs).toBe(at);

  // The report's sheets are all the run adds to the input itself.
  const r4 = await cli("score", file, "--out", file, "--report");
  expect(r4.code).toBe(0);
  expect(r4.stdout).toContain(`Chỉ thêm trang vào: ${file}`);
  expect(r4.stdout).not.toContain("bản sao");
  expect(await fs.readFile(file)).not.toEqual(scored);

  // To another file, the same run is a copy, as it says.
  const copy = path.join(dir, "ban-sao.xlsx");
  const r3 = await cli("score", file, "--out", copy);
  expect(r3.stdout).toContain(`Đã ghi bản sao vào: ${copy}`);

  // Without --out, a rerun with nothing to change makes no "…-cham-diem-cham-diem.xlsx".
  const before = (await fs.readdir(dir)).sort();
  const r5 = await cli("score", copy);
  expect(r5.code).toBe(0);
  expect(r5.stdout).toContain("Không tạo tệp mới: tệp vào đã có đúng kết quả này.");
  expect((await fs.readdir(dir)).sort()).toEqual(before);
}, 120_000);
