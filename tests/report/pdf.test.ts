/**
 * The report as it prints: the CLI's --report output converted to PDF by LibreOffice and read
 * back with word positions, compared with the published layouts in the seeds (title block,
 * source column labels, numbers as printed, whole headers, narrative on a page of its own).
 */
import * as path from "node:path";
import { cli, EXAMPLES, tmpDir } from "../cli/helpers";
import { findPhrase, pdfPages, printedWhole, reportOnly, squash, toPdf, type PdfPage } from "./pdf";

jest.setTimeout(240_000);

const EXAMPLE_FILES = { phuTan: "phu-tan-2024-05-tuan-01", dienBien: "dien-bien-2023-09", benCau: "ben-cau-2023-02" } as const;
type Example = keyof typeof EXAMPLE_FILES;

const printed: Record<string, { pages: PdfPage[]; stdout: string }> = {};

beforeAll(async () => {
  const dir = await tmpDir();
  const reports: string[] = [];
  const outputs: Record<string, string> = {};
  for (const [key, name] of Object.entries(EXAMPLE_FILES)) {
    const out = path.join(dir, `${name}.xlsx`);
    const r = await cli("score", path.join(EXAMPLES, `${name}.xlsx`), "--out", out, "--report");
    if (r.code !== 0) throw new Error(`chiso766 score ${name}: ${r.stderr}`);
    outputs[key] = r.stdout;
    const only = path.join(dir, `bao-cao-${name}.xlsx`);
    await reportOnly(out, only);
    reports.push(only);
  }
  const pdfs = await toPdf(reports, dir);
  const keys = Object.keys(EXAMPLE_FILES);
  for (let i = 0; i < keys.length; i++) printed[keys[i]] = { pages: await pdfPages(pdfs[i]), stdout: outputs[keys[i]] };
});

const pagesOf = (k: Example) => printed[k].pages;
/** Words on the same printed line as `word` or the last word of a phrase (its row of the table). */
function lineOf(page: PdfPage, word: string): string[] {
  const w = word.includes(" ") ? findPhrase(page, word)?.at(-1) : page.words.find((x) => x.text === word);
  if (!w) return [];
  const mid = (w.yMin + w.yMax) / 2;
  return page.words.filter((x) => x.yMin < mid && x.yMax > mid).map((x) => x.text);
}

/** The narrative as the CLI printed it: the lines after the blank line that follows "Đã ghi trang". */
function narrativeLines(stdout: string): string[] {
  const after = stdout.slice(stdout.indexOf("Đã ghi trang"));
  return after
    .split("\n")
    .slice(2)
    .map((l) => l.trim())
    .filter(Boolean);
}

describe.each(Object.keys(EXAMPLE_FILES) as Example[])("printed report: %s", (key) => {
  test("no product name anywhere on the printed pages", () => {
    for (const page of pagesOf(key)) expect(page.text).not.toMatch(/chiso766/i);
  });

  test("the narrative and the rating counts print whole, on pages with no table header over them", () => {
    const pages = pagesOf(key);
    const notePages = pages.filter((p) => findPhrase(p, "Tồn tại, hạn chế") || findPhrase(p, "Số đơn vị"));
    expect(notePages.length).toBeGreaterThan(0);
    for (const p of notePages) expect(p.words.some((w) => w.text === "STT")).toBe(false);
    const text = squash(notePages.map((p) => p.text).join(" "));
    for (const line of narrativeLines(printed[key].stdout)) expect(text).toContain(squash(line));
  });
});

describe("Phú Tân as the seed prints it", () => {
  const page = () => pagesOf("phuTan")[0];

  test("title rows and cut-off date above the table", () => {
    const title = findPhrase(page(), "CUNG CẤP DỊCH VỤ CÔNG - THÁNG 5 (Tuần 01)");
    const cutoff = findPhrase(page(), "(Thời gian chốt số liệu: Ngày 06/5/2024)");
    const stt = page().words.find((w) => w.text === "STT");
    expect(title).not.toBeNull();
    expect(cutoff).not.toBeNull();
    expect(stt).toBeDefined();
    expect(cutoff![0].yMax).toBeLessThan(stt!.yMin);
  });

  test("the source's column labels, each printed whole inside the header", () => {
    const top = findPhrase(page(), "(Thời gian chốt số liệu: Ngày 06/5/2024)")![0].yMax;
    const bottom = page().words.find((w) => w.text === "HUYỆN")!.yMin;
    for (const label of ["THÁNG 5 -TUẦN 01", "THÁNG 4", "ĐIỂM (TĂNG/GIẢM)", "XẾP LOẠI", "CÔNG KHAI, MINH BẠCH (%)", "TIỀN ĐỘ GIẢI QUYẾT (%)", "THANH TOÁN TT", "CHỨNG THỰC ĐT"]) {
      expect([label, printedWhole(page(), label, { top, bottom })]).toEqual([label, true]);
    }
    expect(page().text).not.toContain("TỔNG ĐIỂM");
    expect(page().text).not.toContain("THÁNG TRƯỚC");
  });

  test("numbers with the decimals they need: 100, 0, 74.6 — never 100.00", () => {
    const hung = lineOf(page(), "HÙNG");
    expect(hung).toEqual(expect.arrayContaining(["89.21", "77.38", "11.83", "100", "82.1", "0"]));
    const district = lineOf(page(), "HUYỆN");
    expect(district).toEqual(expect.arrayContaining(["86.59", "74.6", "0"]));
    expect(page().text).not.toMatch(/\b100[.,]00\b/);
    // A change prints the method's 2 decimals (PHÚ LÂM "0.00", PHÚ THỌ "5.80"); components stay "0".
    expect(lineOf(page(), "THỌ")).toContain("5.80");
    expect(page().text.match(/\b0[.,]00\b/g)).toEqual(["0.00"]);
  });
});

describe("Điện Biên Phủ as the seed prints it", () => {
  const page = () => pagesOf("dienBien")[0];

  test("title, period and the reference line", () => {
    expect(findPhrase(page(), "THÁNG 9 NĂM 2023")).not.toBeNull();
    expect(findPhrase(page(), "(Kèm theo Báo cáo số /BC-UBND, ngày tháng 10 năm 2023 của UBND thành phố Điện Biên Phủ)")).not.toBeNull();
  });

  test("indicator points as the seed prints them (9.8, 10, 5), totals with 2 decimals", () => {
    const him = lineOf(page(), "Him");
    expect(him).toEqual(expect.arrayContaining(["30", "9.8", "10", "5"]));
    expect(him.some((t) => /^\d+\.\d\d$/.test(t))).toBe(true);
    expect(him).not.toContain("9.80");
  });

  test("group and indicator headers whole", () => {
    const top = findPhrase(page(), "(Kèm theo Báo cáo số")![0].yMax;
    const bottom = page().words.find((w) => w.text === "Him")!.yMin;
    for (const label of ["Nhóm cung cấp DVTT", "Chỉ số 1 (10 điểm)", "Điểm được", "Tổng điểm quy đổi", "Xếp loại", "Điểm các chỉ số"]) {
      expect([label, printedWhole(page(), label, { top, bottom })]).toEqual([label, true]);
    }
  });
});

describe("Bến Cầu (indicator table, not scored)", () => {
  test("counts print as counts and the narrative claims no scoring", () => {
    const page = pagesOf("benCau")[0];
    // Row 6 of the seed: 01 dossier overdue, 68,9 % online.
    const longThuan = lineOf(page, "UBND xã Long Thuận");
    expect(longThuan).toEqual(expect.arrayContaining(["000.26.31.H53", "1", "68.9", "100", "0", "32.9", "5"]));
    const text = squash(pagesOf("benCau").map((p) => p.text).join(" "));
    expect(text).not.toContain("chấm điểm đánh giá 0/10");
    expect(text).not.toContain("chưa đủ số liệu để chấm điểm");
    expect(text).toContain("UBND xã Long Thuận (01)");
  });
});
