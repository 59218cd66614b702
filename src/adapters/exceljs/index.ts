/**
 * The exceljs adapter: .xlsx/.csv files in, a Grid out; a WritePlan applied to the workbook;
 * the WorkbookState kept in a very hidden sheet. Everything the plan does not name stays as
 * exceljs read it (other sheets, cells, styles, merged areas, formulas).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { decodeText, TextEncodingError } from "./decode";
import { fileErrorMessage } from "./fs-errors";
import { removeStaleTemporaries } from "./temp-files";
import { sourceFormat, workbookFromHtml } from "./sources";
import { withRelativeTargets } from "./xlsx-repair";
import { chartCount, chartsDroppedNote } from "./xlsx-charts";
import { a1, parseRangeA1, type CellRange, type CellValue, type Grid } from "../../model/grid";
import { STATE_SHEET, type SourceIdentity, type StateRead, type WorkbookState } from "../../model/plan";
import { METHOD_SHEET } from "../../model/profile";
import { cellValueOf, fontUnderlined } from "./cells";
import { WorkbookError } from "./errors";
import { stateToChunks } from "../../plan/state";
import { readStateChunks } from "../../plan/state-codec";
import { MAX_STATE_CHUNKS } from "../../plan/state-schema";

export type SourceKind = "xlsx" | "csv";

export { WorkbookError } from "./errors";
export { cellValueOf } from "./cells";
export { applyPlan } from "./apply";

const CSV_DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter of a CSV text: the candidate that, parsed properly (quotes, line breaks inside
 * quoted cells), splits the first records into the most cells.
 */
export function detectCsvDelimiter(text: string): string {
  let best: string = ",";
  let bestCells = -1;
  for (const delimiter of CSV_DELIMITERS) {
    let cells = 0;
    try {
      const records = parseCsv(text, { delimiter, to: 20, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
      for (const r of records) cells += r.length - 1;
    } catch {
      continue;
    }
    if (cells > bestCells) [best, bestCells] = [delimiter, cells];
  }
  return best;
}

/** A sheet name Excel accepts, from a file name ("bảng: 5/2024.csv" → "bảng 52024"). */
export function sheetNameFromFile(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[[\]:*?/\\]/g, "").trim();
  return (base || "Sheet1").slice(0, 31);
}

/**
 * A CSV file as a one-sheet workbook. Every value stays the text it was ("94,3", "01"), so the
 * table reader parses Vietnamese numbers by column kind instead of a locale guessing them.
 */
export function workbookFromCsv(text: string, sheetName: string): ExcelJS.Workbook {
  const clean = text.replace(/^\uFEFF/, "");
  let rows: string[][];
  try {
    rows = parseCsv(clean, { delimiter: detectCsvDelimiter(clean), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (e) {
    throw new WorkbookError(`Không đọc được tệp CSV: ${(e as Error).message}`);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== "") ws.getCell(i + 1, j + 1).value = v;
    });
  });
  return wb;
}

/**
 * Load a table file: .xlsx, CSV or text (UTF-8, UTF-16, Windows-1258), or an HTML table saved
 * as .xls. `notes` say what the user should know (an encoding guessed, an HTML table read).
 * Throws WorkbookError with a Vietnamese message naming the file when it cannot.
 */
export async function loadWorkbook(file: string): Promise<{ workbook: ExcelJS.Workbook; kind: SourceKind; notes: string[]; charts: number }> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw new WorkbookError(fileErrorMessage(e, file, "đọc"));
  }
  const ext = path.extname(file).toLowerCase();
  try {
    switch (sourceFormat(data, ext)) {
      case "text": {
        const decoded = decodeText(data, file);
        return { workbook: workbookFromCsv(decoded.text, sheetNameFromFile(file)), kind: "csv", notes: decoded.notes, charts: 0 };
      }
      case "html": {
        const html = workbookFromHtml(data, file, sheetNameFromFile(file));
        if (html.error) throw new WorkbookError(html.error);
        return { workbook: html.workbook, kind: "csv", notes: html.notes, charts: 0 };
      }
      case "xls-binary":
        throw new WorkbookError(`Tệp "${file}" là định dạng .xls cũ (Excel 97–2003): hãy mở bằng Excel và lưu lại thành .xlsx.`);
      case "ods":
        throw new WorkbookError(`Tệp "${file}" là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice hoặc Excel và lưu lại thành .xlsx.`);
      case "xlsx": {
        const workbook = await loadXlsx(data, file);
        const charts = await chartCount(data);
        return { workbook, kind: "xlsx", notes: charts > 0 ? [chartsDroppedNote(file, charts)] : [], charts };
      }
    }
  } catch (e) {
    if (e instanceof TextEncodingError) throw new WorkbookError(e.message);
    throw e;
  }
}

/** An .xlsx package; one whose parts are linked by absolute paths (other programs' comments, charts) is loaded with them made relative. */
async function loadXlsx(data: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const damaged = `Tệp "${file}" không phải là bảng tính .xlsx hợp lệ (hoặc đã bị hỏng).`;
  let workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    return workbook;
  } catch {
    const repaired = await withRelativeTargets(data).catch(() => null);
    if (!repaired) throw new WorkbookError(damaged);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(repaired as unknown as ExcelJS.Buffer).catch(() => {
      throw new WorkbookError(damaged);
    });
    return workbook;
  }
}

/** Worksheets a user works in (the state sheet is not one of them). */
export function userSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.name !== STATE_SHEET);
}

/** The named sheet, or the first visible one that is not the method sheet. Throws WorkbookError naming the sheets there are. */
export function pickSheet(wb: ExcelJS.Workbook, name?: string): ExcelJS.Worksheet {
  const sheets = userSheets(wb);
  if (name !== undefined) {
    const ws = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.normalize("NFC").toLowerCase() === name.normalize("NFC").toLowerCase());
    if (!ws) throw new WorkbookError(`Không có trang tính "${name}". Các trang tính: ${sheets.map((s) => `"${s.name}"`).join(", ")}.`);
    return ws;
  }
  const method = METHOD_SHEET.normalize("NFC").toLowerCase();
  const tables = sheets.filter((s) => s.name.normalize("NFC").toLowerCase() !== method);
  const ws = tables.find((s) => s.state === "visible") ?? tables[0];
  if (!ws) throw new WorkbookError("Bảng tính không có trang tính nào.");
  return ws;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  // ws.model builds a model of every row and cell (tens of ms at 10,000 rows) just to list the
  // merges; exceljs keeps them in _merges (master address → range), which model.merges copies.
  const own = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges;
  const ranges = own && typeof own === "object" ? Object.values(own).map((m) => m?.range) : null;
  const merges =
    ranges && ranges.every((r): r is string => typeof r === "string") ? ranges : ((ws.model as { merges?: string[] }).merges ?? []);
  return merges.map((m) => parseRangeA1(m)).filter((r): r is CellRange => r !== null);
}

/**
 * The whole used area of a worksheet (from A1) as a Grid. Cells the file does not have are read
 * as exceljs would create them (row.getCell: no value, the row's or else the column's number
 * format and font) without creating them; `underlines` is left out when nothing is underlined
 * (underlineAt reads that as false everywhere). `formulas` holds every formula ("=" + its text;
 * a shared formula's cell gets its own, as exceljs translates it): the user's content.
 */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const columnStyles: Partial<ExcelJS.Style>[] = [];
  for (let c = 1; c <= cols; c++) columnStyles.push(ws.getColumn(c).style ?? {});
  const values: CellValue[][] = new Array<CellValue[]>(rows);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(rows);
  const underlinedRows: (boolean[] | null)[] = new Array<boolean[] | null>(rows);
  let anyUnderline = false;
  const formulas: Record<string, string> = {};
  // Rows of a table nearly always repeat the row above's formats: such a row shares that row's
  // array (nothing changes a grid's arrays) instead of holding 45 more references per row.
  const formats = new Array<string>(cols);
  let lastFormats: string[] | null = null;
  for (let r = 1; r <= rows; r++) {
    const vr = new Array<CellValue>(cols);
    let ur: boolean[] | null = null;
    const row = ws.findRow(r);
    const rowStyle = (row as { style?: Partial<ExcelJS.Style> } | undefined)?.style;
    let sameFormats = lastFormats !== null;
    for (let c = 1; c <= cols; c++) {
      const cell = row?.findCell(c);
      let underlined: boolean;
      let format: string;
      if (cell) {
        vr[c - 1] = cellValueOf(cell);
        if (cell.type === ExcelJS.ValueType.Formula) formulas[a1(r - 1, c - 1)] = `=${cell.formula}`;
        // cell.numFmt and cell.font read these, one getter each.
        const style = cell.style as Partial<ExcelJS.Style> | undefined;
        format = style?.numFmt ?? "General";
        underlined = fontUnderlined(style?.font);
      } else {
        const columnStyle = columnStyles[c - 1];
        vr[c - 1] = null;
        format = rowStyle?.numFmt || columnStyle.numFmt || "General";
        underlined = fontUnderlined(rowStyle?.font || columnStyle.font);
      }
      formats[c - 1] = format;
      if (sameFormats && lastFormats![c - 1] !== format) sameFormats = false;
      if (underlined) {
        ur ??= new Array<boolean>(cols).fill(false);
        ur[c - 1] = true;
        anyUnderline = true;
      }
    }
    if (!sameFormats) lastFormats = formats.slice();
    values[r - 1] = vr;
    numberFormats[r - 1] = lastFormats!;
    underlinedRows[r - 1] = ur;
  }
  const grid: Grid = { sheet: ws.name, origin: { row: 0, col: 0 }, values, numberFormats, merges: mergesOf(ws) };
  if (anyUnderline) grid.underlines = underlinedRows.map((ur) => ur ?? new Array<boolean>(cols).fill(false));
  if (Object.keys(formulas).length > 0) grid.formulas = formulas;
  return grid;
}

/**
 * The state kept in the workbook: usable, or null with the reason it cannot be used (made by a
 * newer version, or broken). The last run's cells must lie within its sheet's used area.
 */
export function readState(wb: ExcelJS.Workbook): StateRead {
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return { state: null, issue: null };
  const chunks: string[] = [];
  // One chunk more than the state may have: readStateChunks refuses it as too large.
  const rows = Math.min(ws.rowCount, MAX_STATE_CHUNKS + 1);
  for (let r = 1; r <= rows; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== "string") break;
    chunks.push(v);
  }
  return readStateChunks(chunks, {
    extentOf: (name) => {
      const sheet = name === STATE_SHEET ? undefined : wb.getWorksheet(name);
      return sheet ? { rows: sheet.rowCount, cols: sheet.columnCount } : null;
    },
  });
}

/**
 * A workbook chiso766 wrote (it holds the state sheet), with the input its state records; null
 * for any other file. Read once: which input it was made from is checked after scoring
 * (src/cli/existing-output.ts, guardSameSource).
 */
export async function readToolOutput(file: string): Promise<{ source: SourceIdentity | null } | null> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    if (wb.getWorksheet(STATE_SHEET) === undefined) return null;
    return { source: readState(wb).state?.source ?? null };
  } catch {
    // Not a workbook exceljs reads: certainly not one the tool wrote.
    return null;
  }
}

/** Store the state in the very hidden sheet (JSON in column A, one chunk per cell). */
export function writeState(wb: ExcelJS.Workbook, state: WorkbookState): void {
  const ws = wb.getWorksheet(STATE_SHEET) ?? wb.addWorksheet(STATE_SHEET);
  ws.state = "veryHidden";
  for (let r = ws.rowCount; r >= 1; r--) ws.getCell(r, 1).value = null;
  stateToChunks(state).forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}

function hasNoKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return false;
  return true;
}

/**
 * For the save: unstyled cells share one empty style object per kind of value, and get their
 * own objects back afterwards (exceljs changes a cell's style object in place when a property
 * is set). exceljs gives every cell it loads or creates a fresh `{}`; on save it renders each
 * style object it has not seen to XML to find its style id, about a third of a 10,000-row
 * save (and much of its garbage). A shared object is rendered once. The kind matters: an
 * unstyled number cell gets the "General" format and a text cell none, so numbers and blanks
 * share one object and text and booleans another; dates, formulas and the rest keep theirs.
 * Returns the function that undoes the sharing.
 */
function shareEmptyStyles(wb: ExcelJS.Workbook): () => void {
  const numeric = {} as Partial<ExcelJS.Style>;
  const plain = {} as Partial<ExcelJS.Style>;
  const shared: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const t = cell.type;
        const target =
          t === ExcelJS.ValueType.Number || t === ExcelJS.ValueType.Null
            ? numeric
            : t === ExcelJS.ValueType.String || t === ExcelJS.ValueType.Boolean
              ? plain
              : null;
        const style = cell.style;
        if (target === null || style === target || !style || !hasNoKeys(style)) return;
        cell.style = target;
        shared.push(cell);
      });
    });
  }
  return () => {
    for (const cell of shared) if (cell.style === numeric || cell.style === plain) cell.style = {};
  };
}

/**
 * Creates the output's folder, one level at a time from the nearest one that exists: Node's
 * recursive mkdir retries forever where a parent exists but refuses children (seen on /proc),
 * and a file in the way is named as itself ("afile"), not as the folder under it.
 */
async function makeFolder(dir: string, file: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const found = await fs.stat(at).catch(() => null);
    if (found) {
      if (!found.isDirectory()) throw new WorkbookError(fileErrorMessage(Object.assign(new Error(), { code: "ENOTDIR", path: at }), file, "ghi"));
      break;
    }
    const parent = path.dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const folder of missing) {
    await fs.mkdir(folder).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new WorkbookError(fileErrorMessage(e, file, "ghi"));
    });
  }
}

/** Write the workbook to a temporary file beside `file`, then move it into place. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await makeFolder(path.dirname(path.resolve(file)), file);
  await removeStaleTemporaries(file);
  const tmp = `${file}.${process.pid}.tmp`;
  const unshare = shareEmptyStyles(wb);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new WorkbookError(fileErrorMessage(e, file, "ghi"));
  } finally {
    unshare();
  }
}
