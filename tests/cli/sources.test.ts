/**
 * Files as they arrive: CSV in UTF-16 ("Unicode text") and Windows-1258 read like the UTF-8
 * one, an HTML table saved as .xls read as a table, .ods and the old binary .xls named, .xlsx
 * whose comments are linked by absolute paths (other programs write them so) loaded, and
 * file-system errors in Vietnamese naming the path.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as iconv from "iconv-lite";
import { cli, EXAMPLES, tmpDir, windows1258 } from "./helpers";
import { loadWorkbook } from "../../src/adapters/exceljs";

jest.setTimeout(60000);

const CSV = path.join(EXAMPLES, "qd766-nhom-mau.csv");
const FILES = path.join(__dirname, "..", "fixtures", "files");
let dir: string;
let text: string;
beforeAll(async () => {
  dir = await tmpDir();
  text = (await fs.readFile(CSV, "utf8")).replace(/^\uFEFF/, "");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function names(file: string): Promise<{ code: number; names: string[]; stderr: string }> {
  const r = await cli("score", file, "--json", "--out", path.join(dir, `${path.basename(file)}.kq.xlsx`));
  const units = r.code === 0 ? (JSON.parse(r.stdout) as { units: { name: string }[] }).units : [];
  return { code: r.code, names: units.map((u) => u.name), stderr: r.stderr };
}

describe("text encodings and formats", () => {
  test("UTF-16 tab-separated (Excel's Unicode text) and Windows-1258 give the UTF-8 file's units", async () => {
    const expected = await names(CSV);
    expect(expected.names).toContain("Tỉnh Hòa Bình");
    const utf16 = path.join(dir, "unicode.txt");
    await fs.writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace(/;/g, "\t"), "utf16-le")]));
    expect(await names(utf16)).toEqual({ ...expected, stderr: "" });
    const cp1258 = path.join(dir, "windows.csv");
    await fs.writeFile(cp1258, windows1258(text));
    const r = await names(cp1258);
    expect(r.names).toEqual(expected.names);
    expect(r.stderr).toMatch(/Chú ý: Tệp ".*windows.csv" không phải UTF-8; đã đọc theo bảng mã Windows-1258/);
  });

  test("an HTML table saved as .xls is read as a table and said to be one", async () => {
    const rows = text.trim().split("\n").map((l) => `<tr>${l.split(";").map((c) => `<td>${c.replace(/&/g, "&amp;")}</td>`).join("")}</tr>`);
    const html = `<html><head><meta charset="utf-8"><script>alert(1)</script></head><body><table border="1">${rows.join("\n")}</table></body></html>`;
    const file = path.join(dir, "cong-dvc.xls");
    await fs.writeFile(file, html);
    const r = await names(file);
    expect(r.code).toBe(0);
    expect(r.names).toEqual((await names(CSV)).names);
    expect(r.stderr).toMatch(/là bảng HTML \(kiểu cổng dịch vụ công xuất ra với đuôi \.xls\)/);
  });

  test("an .ods and an old binary .xls are named with what to do", async () => {
    const ods = await cli("score", path.join(FILES, "bang.ods"));
    expect(ods.code).toBe(2);
    expect(ods.stderr).toMatch(/bang\.ods" là bảng tính OpenDocument \(\.ods\): hãy mở bằng LibreOffice hoặc Excel và lưu lại thành \.xlsx/);
    const xls = path.join(dir, "cu.xls");
    await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await cli("score", xls)).stderr).toMatch(/cu\.xls" là định dạng \.xls cũ/);
  });

  test("an .xlsx whose comment is linked by an absolute path loads, comment and all", async () => {
    const { workbook } = await loadWorkbook(path.join(FILES, "ghi-chu-duong-dan-tuyet-doi.xlsx"));
    const ws = workbook.worksheets[0];
    expect(ws.getCell("B2").value).toBe("Xã A");
    expect(JSON.stringify(ws.getCell("B2").note)).toContain("Ghi chú của người nhập");
  });

  test("file-system errors name the path in Vietnamese", async () => {
    expect((await cli("score", path.join(dir, "khong-co.csv"))).stderr).toMatch(/^Không tìm thấy tệp ".*khong-co.csv"\./);
    expect((await cli("score", dir)).stderr).toMatch(/là một thư mục, không phải tệp/);
    const blocker = path.join(dir, "la-tep");
    await fs.writeFile(blocker, "x");
    const r = await cli("score", CSV, "--out", path.join(blocker, "kq.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/là một tệp, không phải thư mục/);
    expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR|EISDIR/);
    // A folder below the file: the file in the way is the one named.
    const deeper = await cli("score", CSV, "--out", path.join(blocker, "con", "kq.xlsx"));
    expect(deeper.stderr).toContain(`"${blocker}" là một tệp, không phải thư mục`);
    // Missing folders are made, level by level.
    const nested = path.join(dir, "moi", "a", "b", "kq.xlsx");
    expect((await cli("score", CSV, "--out", nested)).code).toBe(0);
    await expect(fs.access(nested)).resolves.toBeUndefined();
  });

  test("a folder that cannot be made is said at once (Node's recursive mkdir loops forever there)", async () => {
    if (!(await fs.stat("/proc").catch(() => null))) return;
    const r = await cli("score", CSV, "--out", "/proc/khong-co/kq.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có thư mục "/proc/khong-co"');
  });
});
