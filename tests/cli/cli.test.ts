import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { STATE_SHEET } from "../../src/model/plan";
import { readState } from "../../src/adapters/exceljs";
import { cells, cli, EXAMPLES, exists, load, models, tmpDir, underlinedCells } from "./helpers";
import { DIEN_BIEN_PUBLISHED, phuTanPublished } from "./published";

jest.setTimeout(60000);

const PHU_TAN = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");
const DIEN_BIEN = path.join(EXAMPLES, "dien-bien-2023-09.xlsx");
const BEN_CAU = path.join(EXAMPLES, "ben-cau-2023-02.xlsx");
const GROUPS = path.join(EXAMPLES, "qd766-nhom-mau.xlsx");
const GROUPS_CSV = path.join(EXAMPLES, "qd766-nhom-mau.csv");

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("score: Phú Tân weekly table", () => {
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    out = path.join(dir, "phu-tan.xlsx");
    const r = await cli("score", PHU_TAN, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stdout = r.stdout;
  });

  test("says which profile it chose and why, and where it wrote", () => {
    expect(stdout).toMatch(/Phương pháp chấm điểm: an-giang-tuan/);
    expect(stdout).toMatch(/Chọn tự động theo tiêu đề cột/);
    expect(stdout).toContain(`Đã ghi kết quả vào: ${out}`);
  });

  test("XẾP LOẠI, ĐIỂM (TĂNG/GIẢM) and the underlines reproduce the published appendix", async () => {
    const ws = (await load(out)).getWorksheet("Phụ lục 1")!;
    const published = phuTanPublished();
    for (const p of published) {
      expect([p.row, ws.getCell(`B${p.row}`).value]).toEqual([p.row, p.name]);
      expect([p.name, ws.getCell(`D${p.row}`).value]).toEqual([p.name, p.rating]);
      expect([p.name, ws.getCell(`F${p.row}`).value]).toEqual([p.name, p.change]);
    }
    expect(underlinedCells(ws)).toEqual(published.flatMap((p) => p.underlined).sort());
  });

  test("adds a Xếp hạng column right of the table with integer ranks; number formats are set", async () => {
    const ws = (await load(out)).getWorksheet("Phụ lục 1")!;
    expect(ws.getCell("N5").value).toBe("Xếp hạng");
    expect(ws.getCell("N7").value).toBeNull(); // TOÀN HUYỆN is never ranked
    expect(ws.getCell("N8").value).toBe(1);
    // TÂN HÒA and PHÚ THÀNH both have 89.04: competition ranking 3, 3, 5.
    expect([10, 11, 12].map((r) => ws.getCell(`N${r}`).value)).toEqual([3, 3, 5]);
    expect(ws.getCell("N25").value).toBe(18);
    expect(ws.getCell("N8").numFmt).toBe("0");
    expect(ws.getCell("F8").numFmt).toBe("+0.00;-0.00;0.00");
    expect(ws.getCell("D8").numFmt ?? "General").toBe("General");
  });

  test("every other cell, the second sheet, merges and formulas are as they were", async () => {
    const before = await load(PHU_TAN);
    const after = await load(out);
    const state = readState(after).state!;
    const written = new Set(state.lastRun!.written.map((w) => w.address));
    // The added column's header cell below the written one takes the look of its neighbour (N6 under N5, merged).
    expect(state.lastRun!.styled).toEqual({ ranges: ["N5", "N6", "N7:N25"], merges: ["N5:N6"] });
    written.add("N6");
    const a = models(before.getWorksheet("Phụ lục 1")!);
    const b = models(after.getWorksheet("Phụ lục 1")!);
    for (const address of Object.keys(a)) if (!written.has(address)) expect([address, b[address]]).toEqual([address, a[address]]);
    for (const address of Object.keys(b)) if (!written.has(address) && !(address in a)) expect([address, b[address]]).toEqual([address, { value: null, style: {} }]);
    expect(after.getWorksheet("Phụ lục 1")!.model.merges.sort()).toEqual([...before.getWorksheet("Phụ lục 1")!.model.merges, "N5:N6"].sort());
    expect(models(after.getWorksheet("Ghi chú")!)).toEqual(models(before.getWorksheet("Ghi chú")!));
    expect(after.getWorksheet("Ghi chú")!.model.merges).toEqual(before.getWorksheet("Ghi chú")!.model.merges);
    expect(after.getWorksheet("Ghi chú")!.getCell("B3").value).toEqual({ formula: "COUNTA('Phụ lục 1'!B8:B25)", result: 18 });
    expect(after.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Phụ lục 1", "visible"],
      ["Ghi chú", "visible"],
      [STATE_SHEET, "veryHidden"],
    ]);
  });

  test("a rerun on the scored file changes nothing", async () => {
    const again = path.join(dir, "phu-tan-2.xlsx");
    const r = await cli("score", out, "--out", again);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Theo lần chấm trước lưu trong tệp/);
    // Nothing to change: no new undo point; undo still undoes the first run, and says so.
    expect(r.stdout).toMatch(/Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này\. "chiso766 undo" vẫn trả lại lần chấm lúc \d{2}:\d{2} ngày/);
    expect(r.stdout).not.toMatch(/Đã ghi kết quả vào/);
    const first = await load(out);
    const second = await load(again);
    for (const name of ["Phụ lục 1", "Ghi chú"]) expect(cells(second.getWorksheet(name)!)).toEqual(cells(first.getWorksheet(name)!));
    // Undo after the rerun still leads back to the original example.
    const s1 = readState(first).state!.lastRun!;
    const s2 = readState(second).state!.lastRun!;
    expect(s2.previous).toEqual(s1.previous);
    expect(s2.written).toEqual(s1.written);
    expect(s2.at).toBe(s1.at);
  });

  test("undo restores the sheet exactly (values, formats, underlines)", async () => {
    const undone = path.join(dir, "phu-tan-undo.xlsx");
    const r = await cli("undo", out, "--out", undone);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(undone);
    // When the run was, as staff write a time (local time), not an ISO string.
    expect(r.stdout).toMatch(/của lần chấm lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} trên trang "Phụ lục 1"/);
    const original = await load(PHU_TAN);
    const back = await load(undone);
    expect(cells(back.getWorksheet("Phụ lục 1")!)).toEqual(cells(original.getWorksheet("Phụ lục 1")!));
    expect(readState(back).state!.lastRun).toBeNull();
    const again = await cli("undo", undone, "--out", path.join(dir, "nothing.xlsx"));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/không có lần chấm điểm nào/);
  });

  test("--json prints one JSON document that matches the printed summary", async () => {
    const r = await cli("score", PHU_TAN, "--json", "--out", path.join(dir, "phu-tan-json.xlsx"));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.profile).toBe("an-giang-tuan");
    expect(doc.units).toHaveLength(19);
    const lines = stdout.split("\n");
    const fmt = (v: number | null, signed = false) =>
      v === null ? "—" : `${signed && v > 0 ? "+" : ""}${v.toFixed(2).replace(".", ",")}`;
    for (const u of doc.units) {
      expect(typeof u.row).toBe("number");
      const line = lines.find((l) => l.trimStart().startsWith(`${u.row} `));
      expect(line).toBeDefined();
      const cols = line!.trim().split(/\s{2,}/);
      // Dòng, [STT], Đơn vị, Tổng điểm, Xếp loại, Hạng, Tăng/giảm, [Dưới/vượt ngưỡng]
      const flagged = u.flags.length > 0 ? cols.pop()!.split("; ") : [];
      expect(flagged).toHaveLength(u.flags.length);
      u.flags.forEach((f: { value: number; threshold: number }, i: number) =>
        expect(flagged[i]).toMatch(new RegExp(`${String(f.value).replace(".", ",")} [<>] ${f.threshold}$`)),
      );
      const tail = cols.slice(-5);
      expect(tail).toEqual([u.name, fmt(u.total), u.rating ?? "—", u.rank === null ? "—" : String(u.rank), fmt(u.change, true)]);
      for (const f of u.flags) expect(Object.keys(f).sort()).toEqual(["field", "threshold", "value"]);
    }
    const phuLong = doc.units.find((u: { name: string }) => u.name === "PHÚ LONG");
    expect(phuLong).toMatchObject({ row: 25, total: 55.87, rating: "TB", rank: 18, change: -26.42, aggregate: false });
    expect(phuLong.flags.map((f: { field: string }) => f.field)).toContain("total");
    expect(doc.units[0]).toMatchObject({ row: 7, name: "TOÀN HUYỆN", aggregate: true, rank: null });
    for (const p of doc.problems) expect(Object.keys(p)).toEqual(expect.arrayContaining(["cell", "message"]));
  });
});

describe("score: conflicts and errors write nothing", () => {
  test("a rating typed by hand into the XẾP LOẠI column is a conflict: exit 3, nothing written, no '(tính lại)' column", async () => {
    const wb = await load(PHU_TAN);
    wb.getWorksheet("Phụ lục 1")!.getCell("D9").value = "Xuất sắc";
    const input = path.join(dir, "typed-rating.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "typed-rating-out.xlsx");
    const r = await cli("score", input, "--out", out);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/D9: đang có "Xuất sắc", sẽ ghi "TỐT"/);
    expect(await exists(out)).toBe(false);
    const forced = await cli("score", input, "--out", out, "--overwrite");
    expect(forced.code).toBe(0);
    const ws = (await load(out)).getWorksheet("Phụ lục 1")!;
    expect(ws.getCell("D9").value).toBe("TỐT");
    expect(ws.getCell("N5").value).not.toBe("Xếp loại (tính lại)");
  });

  test("in a column the user mapped, a cell holding the user's own value is a conflict; --overwrite writes it", async () => {
    const wb = await load(PHU_TAN);
    wb.getWorksheet("Phụ lục 1")!.getCell("D9").value = "Xuất sắc";
    const input = path.join(dir, "conflict.xlsx");
    await wb.xlsx.writeFile(input);
    const mapping = path.join(dir, "conflict-mapping.json");
    await fs.writeFile(mapping, JSON.stringify({ D: "rating" }));
    const out = path.join(dir, "conflict-out.xlsx");
    const r = await cli("score", input, "--out", out, "--mapping", mapping);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/'Phụ lục 1'!D9|Phụ lục 1.*D9/);
    expect(r.stderr).toContain('"Xuất sắc"');
    expect(r.stderr).toMatch(/Không ghi tệp nào/);
    expect(await exists(out)).toBe(false);
    const forced = await cli("score", input, "--out", out, "--overwrite", "--mapping", mapping);
    expect(forced.code).toBe(0);
    expect((await load(out)).getWorksheet("Phụ lục 1")!.getCell("D9").value).toBe("TỐT");
  });

  test("formulas are the user's: one without a cached value is never replaced unasked, --overwrite replaces it, undo puts every formula back", async () => {
    const wb = await load(PHU_TAN);
    const ws = wb.getWorksheet("Phụ lục 1")!;
    for (let r = 8; r <= 25; r++) {
      // ĐIỂM (TĂNG/GIẢM) as another program writes it: a formula with no cached value.
      ws.getCell(`F${r}`).value = { formula: `C${r}-E${r}` } as ExcelJS.CellFormulaValue;
    }
    const input = path.join(dir, "cong-thuc.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "cong-thuc-ra.xlsx");
    const refused = await cli("score", input, "--out", out);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`'Phụ lục 1'!F8: đang có công thức =C8-E8, sẽ ghi 11,83`);
    expect(await exists(out)).toBe(false);

    const r = await cli("score", input, "--out", out, "--overwrite");
    expect(r.code).toBe(0);
    const scored = (await load(out)).getWorksheet("Phụ lục 1")!;
    expect(scored.getCell("F8").value).toBe(11.83);

    const undone = path.join(dir, "cong-thuc-undo.xlsx");
    expect((await cli("undo", out, "--out", undone)).code).toBe(0);
    const back = await load(undone);
    expect(cells(back.getWorksheet("Phụ lục 1")!)).toEqual(cells(ws));
    expect(back.getWorksheet("Phụ lục 1")!.getCell("F25").value).toEqual({ formula: "C25-E25" });
    // Excel calculates the restored formulas on opening.
    const zip = await JSZip.loadAsync(await fs.readFile(undone));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("a missing file, a broken file, a sheet without a table: clear message, exit 2, nothing written", async () => {
    const out = path.join(dir, "never.xlsx");
    const missing = await cli("score", path.join(dir, "khong-co.xlsx"), "--out", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp/);
    const broken = path.join(dir, "hong.xlsx");
    await fs.writeFile(broken, "không phải bảng tính");
    const bad = await cli("score", broken, "--out", out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/không phải là bảng tính \.xlsx hợp lệ/);
    const notes = await cli("score", PHU_TAN, "--sheet", "Ghi chú", "--out", out);
    expect(notes.code).toBe(2);
    expect(notes.stderr).toMatch(/Không ghi tệp nào/);
    const noSheet = await cli("score", PHU_TAN, "--sheet", "Sheet9", "--out", out);
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toMatch(/Không có trang tính "Sheet9"/);
    expect(await exists(out)).toBe(false);
  });

  test("usage errors exit 1 with a Vietnamese message", async () => {
    const unknown = await cli("score", PHU_TAN, "--bogus");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Tham số không hợp lệ: --bogus/);
    const profile = await cli("score", PHU_TAN, "--profile", "khong-co");
    expect(profile.code).toBe(1);
    expect(profile.stderr).toMatch(/Không có phương pháp chấm điểm "khong-co"/);
    const noFile = await cli("score");
    expect(noFile.code).toBe(1);
    const command = await cli("chamdiem");
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/Không có lệnh "chamdiem"/);
  });

  test("the input is never overwritten unless --out names it", async () => {
    const copy = path.join(dir, "ban-goc.xlsx");
    await fs.copyFile(PHU_TAN, copy);
    const before = await fs.readFile(copy);
    const r = await cli("score", copy);
    expect(r.code).toBe(0);
    const defaultOut = path.join(dir, "ban-goc-cham-diem.xlsx");
    expect(r.stdout).toContain(`Đã ghi kết quả vào: ${defaultOut}`);
    expect(await exists(defaultOut)).toBe(true);
    expect((await fs.readFile(copy)).equals(before)).toBe(true);
    const inPlace = await cli("score", copy, "--out", copy);
    expect(inPlace.code).toBe(0);
    expect(readState(await load(copy)).state?.lastRun).not.toBeNull();
  });
});

describe("score: the other examples", () => {
  test("Điện Biên: Điểm được, Tổng điểm quy đổi and Xếp loại filled in place, ratings as published", async () => {
    const mapping = path.join(dir, "dien-bien-mapping.json");
    // The appendix's own typo "Tiên độ" matches two fields; the mapping settles it.
    await fs.writeFile(mapping, JSON.stringify({ C: "tiendo.points" }));
    const out = path.join(dir, "dien-bien.xlsx");
    const r = await cli("score", DIEN_BIEN, "--mapping", mapping, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const ws = (await load(out)).getWorksheet("Phụ lục")!;
    DIEN_BIEN_PUBLISHED.forEach(([name, total, converted, rating], i) => {
      const row = 7 + i;
      expect(ws.getCell(`B${row}`).value).toBe(name);
      // The appendix was computed from unrounded indicator values; the printed ones sum to
      // within the profile's tolerance (0.4) of its Điểm được.
      expect(Math.abs((ws.getCell(`K${row}`).value as number) - total)).toBeLessThanOrEqual(0.4);
      expect(Math.abs((ws.getCell(`L${row}`).value as number) - converted)).toBeLessThanOrEqual(0.05);
      // The appendix abbreviates Trung bình as "TB" (METHOD.md §4); the band is what must agree.
      const band = (label: unknown) => (label === "TB" ? "Trung bình" : label);
      expect([name, band(ws.getCell(`M${row}`).value)]).toEqual([name, band(rating)]);
    });
    expect(ws.getCell("K7").numFmt).toBe("0.00");
    expect(ws.getCell("L7").numFmt).toBe("0.00");
    // The appendix has no rank column: one is added right of the table, ranks in published order.
    expect(ws.getCell("N4").value).toBe("Xếp hạng");
    expect(DIEN_BIEN_PUBLISHED.map((_, i) => ws.getCell(`N${7 + i}`).value)).toEqual(DIEN_BIEN_PUBLISHED.map((_, i) => i + 1));
  });

  test("Bến Cầu: text numbers are read, the malformed code is reported by cell, nothing is scored", async () => {
    const out = path.join(dir, "ben-cau.xlsx");
    const r = await cli("score", BEN_CAU, "--json", "--out", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.units).toHaveLength(11);
    const longPhuoc = doc.units.find((u: { code: string }) => u.code === "000.25.331H53");
    expect(longPhuoc.row).toBe(14);
    const all = [...doc.problems, ...doc.units.flatMap((u: { problems: unknown[] }) => u.problems)];
    expect(all.some((p: { cell: string; message: string }) => /C14$/.test(p.cell ?? "") && p.message.includes("000.25.331H53"))).toBe(true);
    expect(doc.units[doc.units.length - 1]).toMatchObject({ name: "Tỷ lệ chung của huyện", aggregate: true });
    // Values reach the workbook untouched.
    const ws = (await load(out)).getWorksheet("Phụ lục")!;
    expect(ws.getCell("F6").value).toBe("94,3");
    expect(ws.getCell("D11").value).toBe("01");
  });

  test("portal group scores: total, rating and rank; the malformed \"16/,6\" named by cell", async () => {
    const out = path.join(dir, "nhom.xlsx");
    const r = await cli("score", GROUPS, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/'Điểm nhóm'!D6: "16\/,6" không phải là số/);
    const ws = (await load(out)).getWorksheet("Điểm nhóm")!;
    expect(ws.getCell("I4").value).toBe(83.7); // 18 + 15 + 7.5 + 7.2 + 18 + 18
    expect(ws.getCell("I5").value).toBe(58.7);
    expect(ws.getCell("I6").value).toBeNull(); // missing group: no total, not a 0
    expect(ws.getCell("I4").numFmt).toBe("0.00");
    expect(ws.getCell("J3").value).toBe("Xếp loại");
    expect(ws.getCell("J4").value).toBe("Tốt");
    expect(ws.getCell("K3").value).toBe("Xếp hạng");
  });

  test("a printed total that differs is kept and checked: recomputed totals go beside it (exit 0)", async () => {
    const wb = await load(GROUPS);
    // Printed totals for two of the three units: a column of facts (Mỹ Thanh's differs).
    wb.getWorksheet("Điểm nhóm")!.getCell("I4").value = 82.1;
    wb.getWorksheet("Điểm nhóm")!.getCell("I5").value = 58.7;
    const input = path.join(dir, "nhom-in.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "nhom-checked.xlsx");
    const r = await cli("score", input, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tổng điểm đã có \(cột I .+\) khác tổng điểm tính lại ở 1 đơn vị: .+ \(82,1 → 83,7\)/);
    const ws = (await load(out)).getWorksheet("Điểm nhóm")!;
    expect(ws.getCell("I4").value).toBe(82.1);
  });

  test("CSV with Vietnamese numbers scores like the workbook", async () => {
    const out = path.join(dir, "nhom-csv.xlsx");
    const r = await cli("score", GROUPS_CSV, "--json", "--out", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.units.map((u: { total: number | null }) => u.total)).toEqual([83.7, 58.7, null]);
    const ws = (await load(out)).getWorksheet("qd766-nhom-mau")!;
    expect(ws.getCell("E3").value).toBe("8,0"); // the CSV text stays as it was
    expect(ws.getCell("I2").value).toBe(83.7);

    // A comma-separated export with quoted decimals and a BOM.
    const csv = path.join(dir, "bang.csv");
    await fs.writeFile(csv, '\uFEFFSTT,Tên đơn vị,Công khai minh bạch,Tiến độ giải quyết,Dịch vụ công trực tuyến,Thanh toán trực tuyến,Mức độ hài lòng,Số hóa hồ sơ,Tổng điểm\n1,UBND xã Mỹ Thanh,18,15,"7,5","7,2",18,18,\n');
    const c = await cli("score", csv, "--json", "--out", path.join(dir, "bang.xlsx"));
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).units[0].total).toBe(83.7);
  });
});

describe("other commands and the installed entry point", () => {
  test("profiles lists the built-in profiles", async () => {
    const r = await cli("profiles");
    expect(r.code).toBe(0);
    for (const id of ["qd766", "qd766-nhom", "dien-bien-2023", "an-giang-tuan"]) expect(r.stdout).toContain(id);
  });

  test("bin/chiso766.js runs the compiled CLI that npm ci builds and the package ships", () => {
    const root = path.join(__dirname, "..", "..");
    const bin = path.join(root, "bin", "chiso766.js");
    const r = spawnSync(process.execPath, [bin, "profiles"], { encoding: "utf8", cwd: root });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("qd766-nhom");
    // No TypeScript at run time: the bin file loads only the bundle.
    expect(readFileSync(bin, "utf8")).not.toMatch(/ts-node|\.ts"/);
    const version = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8", cwd: root });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version);
  });

  test("--version prints the package's version", async () => {
    const r = await cli("--version");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version);
  });

  test("the state sheet holds JSON in cells under Excel's limit", async () => {
    const out = path.join(dir, "state.xlsx");
    await cli("score", PHU_TAN, "--out", out);
    const ws = (await load(out)).getWorksheet(STATE_SHEET)!;
    const chunks: string[] = [];
    ws.eachRow((row) => chunks.push(String(row.getCell(1).value)));
    expect(chunks.every((c) => c.length <= 32767)).toBe(true);
    expect(JSON.parse(chunks.join("")).version).toBe(1);
  });
});
