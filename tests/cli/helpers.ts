/** Running the CLI in-process with captured output, and reading workbooks back with exceljs. */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { main } from "../../src/cli/main";

export const EXAMPLES = path.join(__dirname, "..", "..", "examples");

export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export async function tmpDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "chiso766-cli-"));
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export interface CellView {
  value: unknown;
  numFmt: string;
  underline: boolean;
}

/** Every non-empty or styled cell of a sheet: value (formulas as their model), number format, underline. */
export function cells(ws: ExcelJS.Worksheet): Record<string, CellView> {
  const out: Record<string, CellView> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const u = cell.font?.underline;
      out[cell.address] = { value: cell.value ?? null, numFmt: cell.numFmt ?? "General", underline: !!u && u !== "none" };
    }),
  );
  return out;
}

/** Full cell models (value, formula, style) keyed by address, for "nothing else changed" checks. */
export function models(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = { value: cell.value ?? null, style: JSON.parse(JSON.stringify(cell.style ?? {})) };
    }),
  );
  return out;
}

export function underlinedCells(ws: ExcelJS.Worksheet): string[] {
  return Object.entries(cells(ws))
    .filter(([, c]) => c.underline)
    .map(([a]) => a)
    .sort();
}

/** Windows-1258 as Windows writes it: tones as separate combining marks after their letter. */
export function windows1258(t: string): Buffer {
  // Each letter with its marks: the letter and its non-tone marks composed (ê, ơ, ă), then the tone.
  const clusters = t.normalize("NFD").match(/\P{M}\p{M}*/gu) ?? [];
  const parts = clusters.map((c) => {
    const tones = c.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, "");
    return c.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "").normalize("NFC") + tones;
  });
  return iconv.encode(parts.join(""), "windows-1258");
}
