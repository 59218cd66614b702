/** The README's "Tự tạo phương pháp chấm điểm" followed step by step, as a new user would. */
import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { cli, EXAMPLES, load, tmpDir } from "./helpers";

jest.setTimeout(60000);

const README = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const SECTION = README.slice(README.indexOf("### Tự tạo phương pháp chấm điểm"), README.indexOf("### Báo cáo"));

test("README: show a built-in, edit the fields the README gives, check it, score with it", async () => {
  const dir = await tmpDir();
  try {
    // 1. profiles show an-giang-tuan > phuong-phap-huyen.json
    expect(SECTION).toContain("chiso766 profiles show an-giang-tuan > phuong-phap-huyen.json");
    const shown = await cli("profiles", "show", "an-giang-tuan");
    expect(shown.code).toBe(0);
    const file = path.join(dir, "phuong-phap-huyen.json");
    // 2. the README's JSON block replaces those fields.
    const edits = JSON.parse(/```json\n([\s\S]*?)```/.exec(SECTION)![1]);
    await fs.writeFile(file, JSON.stringify({ ...JSON.parse(shown.stdout), ...edits }, null, 2));
    // 3. profiles check
    const checked = await cli("profiles", "check", file);
    expect(checked.stderr).toBe("");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/hợp lệ: phương pháp "Huyện — bảng tuần, xếp loại 3 mức" \(mã huyen-3-muc, phiên bản 2025\.1, áp dụng từ 01\/01\/2025\)/);
    // 4. score with it
    const out = path.join(dir, "huyen.xlsx");
    const scored = await cli("score", path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx"), "--profile", file, "--out", out, "--json");
    expect(scored.stderr).toBe("");
    expect(scored.code).toBe(0);
    const units = JSON.parse(scored.stdout).units.filter((u: { aggregate: boolean; total: number | null }) => !u.aggregate && u.total !== null);
    for (const u of units) expect([u.total, u.rating]).toEqual([u.total, u.total >= 80 ? "ĐẠT" : u.total >= 60 ? "CẦN CỐ GẮNG" : "CHƯA ĐẠT"]);
    expect(new Set(units.map((u: { rating: string }) => u.rating)).size).toBeGreaterThan(1);
    // Dense ranks: no gap after a tie.
    const ranks = [...new Set(units.map((u: { rank: number }) => u.rank))].sort((a, b) => (a as number) - (b as number));
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    // The method travels with the workbook: a rerun without --profile uses it.
    const again = await cli("score", out, "--out", path.join(dir, "huyen-2.xlsx"));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/huyen-3-muc — Huyện — bảng tuần, xếp loại 3 mức \(phiên bản 2025\.1, áp dụng từ 01\/01\/2025\)/);
    expect((await load(out)).worksheets.length).toBeGreaterThan(0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("README: the method as a sheet — lay it out, edit the cells the README names, score with it", async () => {
  const dir = await tmpDir();
  const SHEET = "Phương pháp chấm điểm";
  try {
    const command = "chiso766 profiles sheet dien-bien-2023 --vao examples/dien-bien-2023-09.xlsx --out dien-bien-sua.xlsx";
    expect(SECTION).toContain(command);
    const file = path.join(dir, "dien-bien-sua.xlsx");
    const made = await cli("profiles", "sheet", "dien-bien-2023", "--vao", path.join(EXAMPLES, "dien-bien-2023-09.xlsx"), "--out", file);
    expect(made.code).toBe(0);
    // 2. The edits the README describes.
    expect(SECTION).toContain("ô \"Phiên bản\" thành `2023.2`");
    expect(SECTION).toContain("dòng \"Tốt\": ô \"Từ (% điểm tối đa)\" thành `85,5`, ô \"Xếp loại\" thành `Rất tốt`");
    const wb = await load(file);
    const ws = wb.getWorksheet(SHEET)!;
    const rowOf = (col: number, text: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
      throw new Error(text);
    };
    ws.getCell(rowOf(1, "Phiên bản"), 2).value = "2023.2";
    const tot = rowOf(2, "Tốt");
    expect(ws.getCell(tot - 1 - 1, 1).value).toBe("Từ (% điểm tối đa)");
    ws.getCell(tot, 1).value = "85,5";
    ws.getCell(tot, 2).value = "Rất tốt";
    await wb.xlsx.writeFile(file);
    // 3. Score: the sheet is the method.
    expect(SECTION).toContain("chiso766 score dien-bien-sua.xlsx --out dien-bien-kq.xlsx");
    const scored = await cli("score", file, "--out", path.join(dir, "dien-bien-kq.xlsx"));
    expect(scored.stderr).toBe("");
    expect(scored.code).toBe(0);
    expect(scored.stdout).toContain(`Theo trang "${SHEET}" trong tệp`);
    expect(scored.stdout).toContain("phiên bản 2023.2");
    expect(scored.stdout).toMatch(/Him Lam +71,60 +8,95 +Rất tốt/);
    // The mistake the README shows is the cell it names.
    const example = /`'Phương pháp chấm điểm'!D(\d+): "mười" không phải là số`/.exec(SECTION);
    expect(example).not.toBeNull();
    expect(ws.getCell(Number(example![1]), 1).value).toBe("dvtt2");
    ws.getCell(Number(example![1]), 4).value = "mười";
    await wb.xlsx.writeFile(file);
    const broken = await cli("profiles", "check", file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`'${SHEET}'!D${example![1]}: "mười" không phải là số`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
