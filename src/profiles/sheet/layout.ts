/**
 * What the method sheet holds, section by section: the general rows (label in column A, value in
 * column B, how to write it in column C) and the tables (a header row, then one row per item).
 * The keys are the schema's paths, so a problem the schema finds points back at its cell.
 */
import type { ValueKind } from "../../model/fields";
import {
  BASIS_CHOICES,
  LEVEL_CHOICES,
  MATCH_CHOICES,
  OP_CHOICES,
  OUTPUT_CHOICES,
  POINTS_FROM_CHOICES,
  RANK_SCOPE_CHOICES,
  RATING_ON_CHOICES,
  ROUNDING_CHOICES,
  RULE_CHOICES,
  TIE_CHOICES,
  YES_NO_CHOICES,
  ZERO_DENOMINATOR_CHOICES,
  type Choice,
} from "./words";

/** How a cell is read: text, a number of a reader kind, a date, one choice, or a list. */
export type CellKind =
  | { type: "text" }
  | { type: "number"; kind: ValueKind }
  | { type: "date" }
  | { type: "choice"; choices: Choice<unknown>[] }
  | { type: "choices"; choices: Choice<unknown>[] }
  | { type: "list" }
  | { type: "field" }
  | { type: "fields" }
  | { type: "levelChoices" };

const TEXT: CellKind = { type: "text" };
const SCORE: CellKind = { type: "number", kind: "score" };
const WHOLE: CellKind = { type: "number", kind: "count" };
const SIGNED: CellKind = { type: "number", kind: "change" };
const choice = (choices: Choice<unknown>[]): CellKind => ({ type: "choice", choices });

export interface InfoRow {
  /** Schema path, dotted ("total.max"). */
  key: string;
  label: string;
  kind: CellKind;
  /** Column C: how to fill the cell. */
  hint: string;
}

const words = (choices: Choice<unknown>[]) => choices.map((c) => `“${c.words[0]}”`).join(" hoặc ");

export const INFO_ROWS: InfoRow[] = [
  { key: "name", label: "Tên phương pháp", kind: TEXT, hint: "Tên hiện trong báo cáo" },
  { key: "id", label: "Mã phương pháp", kind: TEXT, hint: "Chữ thường không dấu, chữ số, dấu gạch ngang, ví dụ “dien-bien-2025”" },
  { key: "version", label: "Phiên bản", kind: TEXT, hint: "Đổi phiên bản mỗi khi sửa phương pháp" },
  { key: "validFrom", label: "Áp dụng từ ngày", kind: { type: "date" }, hint: "Ngày/tháng/năm; để trống nếu không rõ" },
  { key: "validTo", label: "Áp dụng đến ngày", kind: { type: "date" }, hint: "Để trống nếu chưa hết hiệu lực" },
  { key: "source", label: "Căn cứ", kind: TEXT, hint: "Văn bản, hướng dẫn quy định phương pháp" },
  { key: "description", label: "Mô tả", kind: TEXT, hint: "" },
  { key: "basis", label: "Cách chấm điểm", kind: choice(BASIS_CHOICES), hint: words(BASIS_CHOICES) },
  { key: "total.max", label: "Tổng điểm tối đa", kind: SCORE, hint: "Để trống nếu không tính tổng điểm" },
  { key: "total.label", label: "Tên cột tổng điểm", kind: TEXT, hint: "Mặc định “Tổng điểm”" },
  { key: "total.tolerance", label: "Chênh lệch cho phép với tổng điểm in sẵn", kind: SCORE, hint: "Lệch nhiều hơn thì báo để xem lại" },
  { key: "scale.max", label: "Điểm quy đổi: thang điểm", kind: SCORE, hint: "Ví dụ 10; để trống nếu không quy đổi" },
  { key: "scale.label", label: "Tên cột điểm quy đổi", kind: TEXT, hint: "" },
  { key: "scale.decimals", label: "Số chữ số thập phân của điểm quy đổi", kind: WHOLE, hint: "Từ 0 đến 6" },
  { key: "rounding.decimals", label: "Số chữ số thập phân khi làm tròn điểm", kind: WHOLE, hint: "Từ 0 đến 6" },
  { key: "rounding.mode", label: "Cách làm tròn", kind: choice(ROUNDING_CHOICES), hint: words(ROUNDING_CHOICES) },
  { key: "rating.on", label: "Xếp loại theo", kind: choice(RATING_ON_CHOICES), hint: `${words(RATING_ON_CHOICES)}; các mức ở bảng XẾP LOẠI` },
  { key: "ranking.scope", label: "Xếp hạng", kind: choice(RANK_SCOPE_CHOICES), hint: words(RANK_SCOPE_CHOICES) },
  { key: "ranking.tie", label: "Khi bằng điểm", kind: choice(TIE_CHOICES), hint: words(TIE_CHOICES) },
  { key: "change", label: "Tính tăng/giảm so với kỳ trước", kind: choice(YES_NO_CHOICES), hint: words(YES_NO_CHOICES) },
  { key: "outputs", label: "Cột kết quả ghi vào bảng", kind: { type: "choices", choices: OUTPUT_CHOICES }, hint: `Cách nhau bởi dấu chấm phẩy: ${OUTPUT_CHOICES.map((c) => c.words[0]).join("; ")}` },
];

export interface TableColumn {
  /** Property of the item ("max"), or of a nested object ("rule.target"). */
  key: string;
  header: string;
  kind: CellKind;
  width: number;
}

export interface TableSpec {
  /** The profile's list this table holds. */
  list: "groups" | "indicators" | "rating.bands" | "flags" | "aggregateRows" | "columns" | "aliases";
  title: string;
  columns: TableColumn[];
}

const col = (key: string, header: string, kind: CellKind, width = 16): TableColumn => ({ key, header, kind, width });

export const TABLES: TableSpec[] = [
  {
    list: "groups",
    title: "CÁC NHÓM CHỈ SỐ",
    columns: [col("id", "Mã nhóm", TEXT), col("label", "Tên nhóm", TEXT, 40), col("max", "Điểm tối đa", SCORE), col("combines", "Gộp các nhóm", { type: "list" })],
  },
  {
    list: "indicators",
    title: "CÁC CHỈ SỐ",
    columns: [
      col("id", "Mã chỉ số", TEXT),
      col("label", "Tên chỉ số", TEXT, 40),
      col("group", "Thuộc nhóm", TEXT),
      col("max", "Điểm tối đa", SCORE),
      col("rule.kind", "Cách tính điểm", choice(RULE_CHOICES)),
      col("rule.target", "Chỉ tiêu (%)", SCORE),
      col("zeroDenominator", "Khi mẫu số bằng 0", choice(ZERO_DENOMINATOR_CHOICES)),
      col("zeroDenominatorByLevel", "Riêng từng cấp khi mẫu số bằng 0", { type: "levelChoices" }, 20),
      col("pointsFrom", "Tính điểm từ", choice(POINTS_FROM_CHOICES), 20),
      col("inheritedBy", "Cấp lấy điểm của tỉnh", { type: "choices", choices: LEVEL_CHOICES }),
      col("notApplicableFor", "Cấp không áp dụng", { type: "choices", choices: LEVEL_CHOICES }),
    ],
  },
  {
    list: "rating.bands",
    title: "XẾP LOẠI",
    columns: [col("min", "Từ (% điểm tối đa)", SCORE), col("label", "Xếp loại", TEXT, 40), col("key", "Mã xếp loại", TEXT)],
  },
  {
    list: "flags",
    title: "GẠCH CHÂN, ĐÁNH DẤU",
    columns: [col("field", "Cột", { type: "field" }), col("op", "Khi", choice(OP_CHOICES), 40), col("threshold", "Ngưỡng", SIGNED), col("underline", "Gạch chân các cột", { type: "fields" })],
  },
  {
    list: "aggregateRows",
    title: "DÒNG TỔNG HỢP",
    columns: [col("name", "Tên dòng", TEXT), col("match", "So với", choice(MATCH_CHOICES), 40)],
  },
  {
    list: "columns",
    title: "CÁC CỘT KHÁC CỦA BẢNG SỐ LIỆU",
    columns: [col("field", "Cột", { type: "field" }), col("label", "Tên cột", TEXT, 40), col("max", "Giá trị tối đa", SCORE)],
  },
  {
    list: "aliases",
    title: "CÁCH GHI TIÊU ĐỀ CỘT",
    columns: [col("item", "Cột", TEXT), col("alias", "Cách ghi tiêu đề", TEXT, 40)],
  },
];

export const INFO_TITLE = "THÔNG TIN CHUNG";
export const NOTES_TITLE = "GHI CHÚ";

/** Lines of the notes section: the words each table's choices take. */
export const NOTES: string[] = [
  `Cách tính điểm của chỉ số: ${words(RULE_CHOICES)} (cần ô Chỉ tiêu).`,
  `Khi mẫu số bằng 0: ${words(ZERO_DENOMINATOR_CHOICES)}; riêng từng cấp ghi như “Cấp tỉnh: Được đủ điểm”.`,
  `Các cấp: ${LEVEL_CHOICES.map((c) => c.words[0]).join("; ")} (nhiều cấp cách nhau bởi dấu chấm phẩy).`,
  `Gạch chân, đánh dấu: ô Khi ghi ${words(OP_CHOICES)}; để trống ô Gạch chân các cột là gạch chân chính cột đó.`,
  `Dòng tổng hợp: ô So với ghi ${words(MATCH_CHOICES)} của đơn vị.`,
  "Mỗi bảng kết thúc ở tiêu đề mục kế tiếp; thêm dòng để thêm chỉ số, mức xếp loại, tên dòng tổng hợp…; xóa dòng để bỏ.",
];
