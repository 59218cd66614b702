/**
 * What a file given to the CLI really is, whatever its name says: .xlsx (a zip), an HTML table
 * saved as .xls (portal exports), an old binary .xls, OpenDocument (.ods), or CSV/text in any
 * of the encodings decode.ts reads. Each either becomes a workbook or a Vietnamese message
 * naming the file and what to do.
 */
import ExcelJS from "exceljs";
import { decodeText, TextEncodingError } from "./decode";
import { isHtmlTable, largestHtmlTable } from "./html-table";

export type SourceFormat = "xlsx" | "html" | "xls-binary" | "ods" | "text";

/** The format by content: zip (xlsx or ods), the old binary container, HTML, else text. */
export function sourceFormat(data: Buffer, ext: string): SourceFormat {
  const zip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  // An .ods zip names its type in the first entry, stored uncompressed: "mimetype" … "opendocument.spreadsheet".
  if (zip) return data.subarray(0, 200).toString("latin1").includes("opendocument.spreadsheet") || ext === ".ods" ? "ods" : "xlsx";
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) return "xls-binary";
  if (ext === ".ods") return "ods";
  if (ext !== ".csv" && ext !== ".txt" && ext !== ".tsv") {
    const head = data.subarray(0, 4000);
    // UTF-16 HTML has zero bytes between the letters: drop them to look for the tags.
    const ascii = head.toString("latin1").replace(/\0/g, "");
    if (/<(html|table|!doctype|\?xml|meta)[\s>]/i.test(ascii)) return "html";
  }
  return ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : "text";
}

/** A sheet with the given rows (texts kept as texts) and merged areas. */
export function workbookFromRows(sheetName: string, rows: string[][], merges: { top: number; left: number; bottom: number; right: number }[] = []): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== "") ws.getCell(i + 1, j + 1).value = v;
    });
  });
  for (const m of merges) if (m.bottom > m.top || m.right > m.left) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return wb;
}

/** An HTML table saved as .xls, as a workbook; notes say what the file was. */
export function workbookFromHtml(data: Buffer, file: string, sheetName: string): { workbook: ExcelJS.Workbook; notes: string[]; error?: string } {
  const decoded = decodeText(data, file);
  if (!isHtmlTable(decoded.text)) {
    return { workbook: new ExcelJS.Workbook(), notes: [], error: `Tệp "${file}" là một trang web (HTML) không có bảng nào, không phải bảng tính.` };
  }
  const table = largestHtmlTable(decoded.text);
  if (!table || table.rows.length === 0) return { workbook: new ExcelJS.Workbook(), notes: [], error: `Tệp "${file}" là một trang web (HTML) có bảng rỗng.` };
  const notes = [`Tệp "${file}" là bảng HTML (kiểu cổng dịch vụ công xuất ra với đuôi .xls), không phải tệp Excel: đã đọc bảng lớn nhất trong đó.`, ...decoded.notes];
  return { workbook: workbookFromRows(sheetName, table.rows, table.merges), notes };
}

export { TextEncodingError };
