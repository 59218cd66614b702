/**
 * The title block of a table, read from the rows above its header as the add-in and the CLI
 * both do: title lines, the period ("THÁNG 9 NĂM 2023"), the cut-off date ("(Thời gian chốt số
 * liệu: Ngày 06/5/2024)") and reference lines ("(Kèm theo Báo cáo số …)"), kept as written.
 */
import type { Grid } from "../model/grid";
import { foldText } from "../model/text";

export const DEFAULT_APPENDIX_TITLE =
  "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG THỰC HIỆN THỦ TỤC HÀNH CHÍNH, DỊCH VỤ CÔNG";

export interface TitleInputs {
  /** Title lines, "\n"-separated. */
  title: string;
  period: string;
  cutoffDate: string;
  /** Reference lines in brackets ("(Kèm theo Báo cáo số …)"), "\n"-separated. */
  references: string;
}

const CUTOFF = /chốt số liệu\s*:?\s*(.+?)\)?\s*$/i;
/** "(Số liệu trích xuất từ Cổng DVCQG ngày 05/11/2025)", "(Dữ liệu tổng hợp đến ngày 5/11/2025)": the data's date. */
const DATA_AS_OF = /^\(?\s*(?:số|dữ) liệu\b[^()]*?\bngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4})/i;
const PERIOD_LINE = /^(tháng|tuần|quý|năm|kỳ|6 tháng)\b/i;
/** A heading above the title that names the attachment, not the table ("Phụ lục", "Phụ lục 1"). */
const APPENDIX_LABEL = /^phụ lục\s*\w{0,4}$/i;

/**
 * The right-hand block of an official header (Quốc hiệu, Tiêu ngữ, "Lào Cai, ngày … tháng … năm …")
 * and the rules under it: they head the document, not the table.
 */
const STATE_HEADER = [
  /^cong hoa xa hoi chu nghia viet nam$/,
  /^doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc$/,
  /^[a-z .]{2,40},\s*ngay\b.*\bthang\b.*\bnam\b/,
  /^[-_–—=.\s]+$/,
];
const isStateHeader = (text: string) => {
  const folded = foldText(text);
  return STATE_HEADER.some((re) => re.test(folded));
};

/**
 * The text of each row above the table's header (merged title cells give one text per row); the
 * official two-block header keeps its left block (the issuing body) only.
 */
export function titleLines(grid: Grid, headerTop: number): string[] {
  const lines: string[] = [];
  const last = Math.min(headerTop - grid.origin.row, grid.values.length);
  for (let r = 0; r < last; r++) {
    const texts = (grid.values[r] ?? []).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
    const distinct = [...new Set(texts)].filter((t) => !isStateHeader(t));
    if (distinct.length > 0) lines.push(distinct.join(" "));
  }
  return lines;
}

/** Lines with a bracket opened on one row and closed on a later one joined ("(Kèm theo Báo cáo số" + "/BC-UBND, …)"). */
function joinBrackets(lines: string[]): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const line of lines) {
    if (open !== null) {
      open = `${open} ${line}`;
      if (line.includes(")")) {
        out.push(open);
        open = null;
      }
    } else if (line.startsWith("(") && !line.includes(")")) open = line;
    else out.push(line);
  }
  if (open !== null) out.push(open);
  return out;
}

/** Title, period, cut-off date and reference lines from the title rows; with none, the national title. */
export function titleInputs(grid: Grid | null, headerTop: number): TitleInputs {
  const out: TitleInputs = { title: "", period: "", cutoffDate: "", references: "" };
  const title: string[] = [];
  const references: string[] = [];
  for (const line of joinBrackets(grid ? titleLines(grid, headerTop) : [])) {
    const cutoff = CUTOFF.exec(line);
    // "(Số liệu trích xuất … ngày 05/11/2025)" stays as written and its date fills the cut-off date.
    const asOf = line.startsWith("(") ? DATA_AS_OF.exec(line) : null;
    if (asOf && !cutoff && !out.cutoffDate) out.cutoffDate = asOf[1];
    if (cutoff) out.cutoffDate = cutoff[1].trim();
    else if (PERIOD_LINE.test(line) && !out.period) out.period = line;
    else if (line.startsWith("(")) references.push(line);
    else if (!APPENDIX_LABEL.test(line)) title.push(line);
  }
  out.title = title.length > 0 ? title.join("\n") : DEFAULT_APPENDIX_TITLE;
  out.references = references.join("\n");
  // No line of its own: the period the title names ("… THÁNG 9 NĂM 2023"), which the report
  // uses anyway; shown in the field, the user sees it and may change it.
  if (!out.period && title.length > 0) out.period = periodIn(out.title);
  return out;
}

/** The source's bottom header cell per field ("ĐIỂM TỔNG HỢP › THÁNG 4" → previous: "THÁNG 4"). */
export function sourceLabels(mapping: { field: string | null; header: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of mapping) {
    if (!m.field) continue;
    const leaf = m.header.split("›").pop()?.trim();
    if (leaf) out[m.field] = leaf;
  }
  return out;
}

/** The period named inside a title line ("… CỦA UBND THÀNH PHỐ ĐIỆN BIÊN PHỦ THÁNG 9 NĂM 2023" → "THÁNG 9 NĂM 2023"). */
export function periodIn(title: string): string {
  const m = /(?:^|[\s\-–(])((?:tháng|tuần|quý|năm)\s+\d[^\n]*)$/imu.exec(title);
  return m ? m[1].replace(/\)$/, (p) => (m[1].includes("(") ? p : "")).trim() : "";
}
