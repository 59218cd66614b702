/**
 * Files a new user fed the CLI on a trial: a zip that is no spreadsheet, a sheet name longer
 * than Excel allows, a table that is only checked. Each answer names the file in Vietnamese; no
 * English library warning reaches the screen.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { cli, EXAMPLES, exists, load, tmpDir } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("a .xlsx that is a zip of other files: exit 2, the file named, nothing written", async () => {
  const zip = new JSZip();
  zip.file("a.txt", "hello");
  const junk = path.join(dir, "rac.xlsx");
  await fs.writeFile(junk, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(dir, "rac-kq.xlsx");
  const r = await cli("score", junk, "--out", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`Tệp "${junk}" không có trang tính nào`);
  expect(r.stderr).toContain("Không ghi tệp nào.");
  expect(await exists(out)).toBe(false);
});

test("a sheet name of 20,000 characters: the Vietnamese message only, no English warning on the console", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(path.join(EXAMPLES, "qd766-nhom-mau.xlsx")));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  expect(book).toContain('name="Điểm nhóm"');
  await zip.file("xl/workbook.xml", book.replace('name="Điểm nhóm"', `name="Phụ lục ${"X".repeat(20000)}"`));
  const file = path.join(dir, "ten-dai.xlsx");
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  const warn = jest.spyOn(process.stderr, "write");
  const log = jest.spyOn(console, "warn");
  try {
    const r = await cli("score", file, "--out", path.join(dir, "ten-dai-kq.xlsx"));
    expect(r.stderr + r.stdout).not.toMatch(/Worksheet name|exceeds/);
    expect(log).not.toHaveBeenCalled();
    expect(warn.mock.calls.map((c) => String(c[0])).join("")).not.toMatch(/Worksheet name|exceeds/);
  } finally {
    warn.mockRestore();
    log.mockRestore();
  }
  // The caller's console.warn is back once the command ends.
  expect(typeof console.warn).toBe("function");
});

test("a table only checked (Bến Cầu) says the method writes no result column, never 'hồ sơ' for a method", async () => {
  const r = await cli("score", path.join(EXAMPLES, "ben-cau-2023-02.xlsx"), "--out", path.join(dir, "ben-cau.xlsx"));
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Phương pháp này không ghi cột kết quả nào (chỉ kiểm tra số liệu).");
  expect(r.stdout).not.toContain("Hồ sơ này");
});

test("undo on a file with nothing to undo, or whose scored sheet is gone: the file named, 'Không ghi tệp nào.'", async () => {
  const plain = path.join(dir, "chua-cham.xlsx");
  await fs.copyFile(path.join(EXAMPLES, "qd766-nhom-mau.xlsx"), plain);
  const none = await cli("undo", plain, "--out", path.join(dir, "u1.xlsx"));
  expect([none.code, none.stderr]).toEqual([2, `"${plain}" không có lần chấm điểm nào của chiso766 để hoàn tác.\nKhông ghi tệp nào.\n`]);

  const scored = path.join(dir, "da-cham.xlsx");
  expect((await cli("score", plain, "--out", scored)).code).toBe(0);
  const wb = await load(scored);
  wb.getWorksheet("Điểm nhóm")!.name = "Đổi tên";
  const renamed = path.join(dir, "doi-ten.xlsx");
  await wb.xlsx.writeFile(renamed);
  const out = path.join(dir, "u2.xlsx");
  const gone = await cli("undo", renamed, "--out", out);
  expect(gone.code).toBe(2);
  expect(gone.stderr).toBe(`Tệp "${renamed}" không còn trang tính "Điểm nhóm" của lần chấm trước nên không hoàn tác được.\nKhông ghi tệp nào.\n`);
  expect(await exists(out)).toBe(false);
});
