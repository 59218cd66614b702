import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

describe("chiso766 score --report / --previous", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "chiso766-report-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("writes the appendix sheet with the narrative, prints the narrative, writes two SVG charts", async () => {
    const out = path.join(dir, "phu-tan.xlsx");
    const c = io();
    const code = await main(["score", "examples/phu-tan-2024-05-tuan-01.xlsx", "--out", out, "--report"], c.io);
    expect(c.err.join("")).toBe("");
    expect(code).toBe(0);
    const printed = c.out.join("");
    expect(printed).toContain("xếp loại tốt");
    expect(printed).toContain("Tăng nhiều nhất: PHÚ HÙNG (+11,83 điểm)");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const appendixSheet = wb.getWorksheet("Phụ lục xếp loại");
    const notesSheet = wb.getWorksheet("Nhận xét xếp loại");
    expect(appendixSheet).toBeDefined();
    expect(notesSheet).toBeDefined();
    if (!appendixSheet || !notesSheet) return;
    expect(appendixSheet.pageSetup.orientation).toBe("landscape");
    // No product name on the printed page: the printed footer holds page numbers only.
    for (const ws of [appendixSheet, notesSheet]) expect(ws.headerFooter?.oddFooter ?? "").not.toContain("chiso766");
    const texts: string[] = [];
    notesSheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    expect(texts.some((t) => t.startsWith("- 15 đơn vị xếp loại tốt:"))).toBe(true);

    for (const file of [out.replace(/\.xlsx$/, ".tong-diem.svg"), out.replace(/\.xlsx$/, ".xep-loai.svg")]) {
      const svg = await fs.readFile(file, "utf8");
      // Well-formedness is checked with a real XML parser in charts.test.ts.
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
    }
  });

  test("--previous compares with the last period's file", async () => {
    const out = path.join(dir, "dien-bien.xlsx");
    // The last period's file, here with the same numbers (the file being scored itself is refused).
    const previous = path.join(dir, "dien-bien-ky-truoc.xlsx");
    await fs.copyFile("examples/dien-bien-2023-09.xlsx", previous);
    const c = io();
    const code = await main(["score", "examples/dien-bien-2023-09.xlsx", "--out", out, "--previous", previous], c.io);
    expect(c.err.join("")).toBe("");
    expect(code).toBe(0);
    expect(c.out.join("")).toContain("So với kỳ trước có 0 đơn vị tăng điểm, 0 đơn vị giảm điểm, 12 đơn vị không đổi.");
  });

  test("an unreadable previous file writes nothing", async () => {
    const out = path.join(dir, "none.xlsx");
    const c = io();
    const code = await main(["score", "examples/dien-bien-2023-09.xlsx", "--out", out, "--previous", path.join(dir, "missing.xlsx")], c.io);
    expect(code).toBe(2);
    expect(c.err.join("")).toContain("Không tìm thấy tệp");
    await expect(fs.access(out)).rejects.toThrow();
  });
});
