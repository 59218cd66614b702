/**
 * Printing a report the way staff do: the CLI's output with only the tool's sheets, converted
 * to PDF by LibreOffice (`soffice --headless --convert-to pdf`), its words read back with their
 * positions by poppler's `pdftotext -bbox`. .ci/run installs both (libreoffice-calc, poppler-utils).
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { ownedByTool } from "../../src/adapters/exceljs/sheet-plan";

const run = promisify(execFile);

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  /** The page's words in reading order, joined by single spaces. */
  text: string;
}

/** A copy of `xlsx` holding only the sheets chiso766 wrote (the report), as they print. */
export async function reportOnly(xlsx: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  for (const ws of [...wb.worksheets]) if (!ownedByTool(ws) || ws.state !== "visible") wb.removeWorksheet(ws.id);
  await wb.xlsx.writeFile(out);
}

/** Converts the workbooks to PDF in one LibreOffice run (a private profile, so runs never share one). */
export async function toPdf(files: string[], outDir: string): Promise<string[]> {
  const profile = path.join(outDir, "lo-profile");
  await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files], { timeout: 120_000 });
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_m, name: string, code?: string) => (code ? String.fromCharCode(Number(code)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name]));

/**
 * Pieces of one word put back together: LibreOffice places some precomposed Vietnamese letters
 * as separate runs ("NGHI" + "Ệ" + "P"), which pdftotext reports as words with no gap between.
 */
function joinPieces(words: PdfWord[]): PdfWord[] {
  const out: PdfWord[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.yMin - w.yMin) < 0.5 && w.xMin - last.xMax < 0.8 && w.xMin > last.xMin) {
      out[out.length - 1] = { ...last, text: `${last.text}${w.text}`.normalize("NFC"), xMax: w.xMax, yMax: Math.max(last.yMax, w.yMax) };
    } else out.push(w);
  }
  return out;
}

/** Words with positions (points from the top left) per page. */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = [];
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: decode(w[5]).normalize("NFC") });
    }
    const joined = joinPieces(words);
    pages.push({ width: Number(m[1]), height: Number(m[2]), words: joined, text: joined.map((w) => w.text).join(" ") });
  }
  return pages;
}

/** Whitespace-normalised NFC text, for comparing printed text with what the plan wrote. */
export const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** The first run of consecutive words on a page spelling `phrase`, or null. */
export function findPhrase(page: PdfPage, phrase: string): PdfWord[] | null {
  const wanted = squash(phrase).split(" ");
  for (let i = 0; i + wanted.length <= page.words.length; i++) {
    if (wanted.every((w, k) => page.words[i + k].text === w)) return page.words.slice(i, i + wanted.length);
  }
  return null;
}

/** Whether `label` (no spaces) reads on from `word`: rightwards on its line, then on the next lines of the same cell. */
function readsFrom(words: PdfWord[], word: PdfWord, rest: string, span: { left: number; right: number }): boolean {
  if (rest === "") return true;
  const sameLine = words.filter((w) => Math.abs(w.yMin - word.yMin) < 0.5 && w.xMin > word.xMin && w.xMin - word.xMax < 8);
  // A line may end between words, or after a hyphen or slash — never inside a word ("(TĂNG/GIẢ" + "M)").
  const lineMayEnd = rest.startsWith(" ") || /[-/]$/.test(word.text);
  const below = lineMayEnd ? words.filter((w) => w.yMin > word.yMin + 0.5 && w.xMin < span.right && w.xMax > span.left) : [];
  const nextY = Math.min(...below.map((w) => w.yMin));
  const nextLine = below.filter((w) => Math.abs(w.yMin - nextY) < 0.5);
  const text = rest.trimStart();
  for (const w of [...sameLine.sort((x, y) => x.xMin - y.xMin).slice(0, 1), ...nextLine.sort((x, y) => x.xMin - y.xMin)]) {
    if (!text.startsWith(w.text)) continue;
    const next = { left: Math.min(span.left, w.xMin), right: Math.max(span.right, w.xMax) };
    if (readsFrom(words, w, text.slice(w.text.length), next)) return true;
  }
  return false;
}

/**
 * A header label printed whole inside the header band: its words read in order within one cell,
 * wherever its lines wrap ("THÁNG 5 -" / "TUẦN 01"). A clipped label loses the lines or the
 * letters that do not fit.
 */
export function printedWhole(page: PdfPage, label: string, band: { top: number; bottom: number }): boolean {
  const words = page.words.filter((w) => w.yMin >= band.top - 1 && w.yMax <= band.bottom + 1);
  const wanted = squash(label);
  return words.some((w) => wanted.startsWith(w.text) && readsFrom(words, w, wanted.slice(w.text.length), { left: w.xMin, right: w.xMax }));
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
