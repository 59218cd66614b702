/**
 * an-giang-tuan — the Phú Tân (An Giang) weekly appendix, METHOD.md §6.
 *
 * The total comes from the portal ("THÁNG 5 -TUẦN 01"), "previous" is last month's total
 * ("THÁNG 4"), "change" = total − previous, rating labels as the appendix writes them ("TỐT",
 * "KHÁ", "TB"). Component percentages are indicators with max 0 (shown, checked, flagged, not
 * scored), field "<id>.ratio":
 *   ck         CÔNG KHAI, MINH BẠCH (%)
 *   td         TIỀN ĐỘ GIẢI QUYẾT (%)          (sic: "Tiền" in the appendix)
 *   dvctt      DỊCH VỤ CÔNG TT › DVCTT
 *   tttt       DỊCH VỤ CÔNG TT › THANH TOÁN TT
 *   sohoa      SỐ HÓA HỒ SƠ (80%) › SỐ HÓA HỒ SƠ
 *   taisudung  SỐ HÓA HỒ SƠ (80%) › TÁI SỬ DỤNG (%)
 *   chungthuc  SỐ HÓA HỒ SƠ (80%) › CHỨNG THỰC ĐT
 * Underlines (this rule fits every cell of the 5/2024 week-1 appendix): total and rating when the
 * total is below 70 (rating below Khá); ck, td, dvctt, tttt, sohoa below 70; never the district row.
 */
import type { ProfileInput } from "../model/profile";
import { AGGREGATE_PATTERNS, CHANGE_COLUMN, RANK_COLUMN, RATING_COLUMN, UNIT_COLUMNS } from "./common";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const WEEKS = [1, 2, 3, 4, 5];

/** "Tháng 5 -Tuần 01" and the other spellings of a week column header. */
const WEEK_HEADERS = MONTHS.flatMap((m) =>
  WEEKS.flatMap((w) => {
    const ww = String(w).padStart(2, "0");
    return [`Tháng ${m} -Tuần ${ww}`, `Tháng ${m} - Tuần ${ww}`, `Tháng ${m} - Tuần ${w}`, `Tháng ${m} (Tuần ${ww})`];
  }),
);
const MONTH_HEADERS = MONTHS.flatMap((m) => [`Tháng ${m}`, `Tháng ${String(m).padStart(2, "0")}`]);

const FLAG_THRESHOLD = 70;

function component(id: string, label: string, aliases: string[]) {
  return { id, label, max: 0, aliases: [label, ...aliases] };
}

export const AN_GIANG_TUAN: ProfileInput = {
  id: "an-giang-tuan",
  name: "An Giang — bảng tuần (Phú Tân)",
  version: "2024",
  source: "Báo cáo tuần của Văn phòng HĐND và UBND huyện Phú Tân, tỉnh An Giang (Phụ lục 1, tháng 5/2024 – tuần 01)",
  description:
    "Tổng điểm lấy từ Cổng DVCQG; tính điểm tăng/giảm so với tháng trước, xếp loại (TỐT, KHÁ, TB…), xếp hạng và gạch chân các ô dưới ngưỡng 70.",
  basis: "total",
  indicators: [
    component("ck", "Công khai, minh bạch (%)", ["CÔNG KHAI, MINH BẠCH (%)", "Công khai, minh bạch", "Công khai minh bạch", "CKMB (%)"]),
    component("td", "Tiến độ giải quyết (%)", ["TIỀN ĐỘ GIẢI QUYẾT (%)", "Tiền độ giải quyết (%)", "Tiến độ giải quyết", "Tiền độ giải quyết"]),
    component("dvctt", "DVCTT", [
      "DỊCH VỤ CÔNG TT › DVCTT",
      "Dịch vụ công TT › DVCTT",
      "Dịch vụ công trực tuyến (%)",
      "Dịch vụ công trực tuyến",
      "DVC trực tuyến",
    ]),
    component("tttt", "Thanh toán TT", [
      "THANH TOÁN TT",
      "DỊCH VỤ CÔNG TT › THANH TOÁN TT",
      "Thanh toán trực tuyến (%)",
      "Thanh toán trực tuyến",
    ]),
    component("sohoa", "Số hóa hồ sơ", ["SỐ HÓA HỒ SƠ", "SỐ HÓA HỒ SƠ (80%) › SỐ HÓA HỒ SƠ", "Số hoá hồ sơ", "Số hóa hồ sơ (%)"]),
    component("taisudung", "Tái sử dụng (%)", ["TÁI SỬ DỤNG (%)", "SỐ HÓA HỒ SƠ (80%) › TÁI SỬ DỤNG (%)", "Tái sử dụng", "Tái sử dụng kết quả"]),
    component("chungthuc", "Chứng thực ĐT", [
      "CHỨNG THỰC ĐT",
      "SỐ HÓA HỒ SƠ (80%) › CHỨNG THỰC ĐT",
      "Chứng thực điện tử",
      "Chứng thực bản sao điện tử",
    ]),
  ],
  columns: [
    ...UNIT_COLUMNS,
    {
      field: "total",
      label: "Tổng điểm tuần",
      max: 100,
      aliases: [...WEEK_HEADERS, ...WEEK_HEADERS.map((h) => `Điểm tổng hợp › ${h}`), "Điểm tổng hợp", "Tổng điểm", "Tuần này"],
    },
    {
      field: "previous",
      label: "Tháng trước",
      max: 100,
      aliases: [...MONTH_HEADERS, ...MONTH_HEADERS.map((h) => `Điểm tổng hợp › ${h}`), "Tháng trước", "Kỳ trước"],
    },
    { ...RATING_COLUMN, aliases: [...RATING_COLUMN.aliases!, "Điểm tổng hợp › Xếp loại"] },
    RANK_COLUMN,
    {
      ...CHANGE_COLUMN,
      aliases: [...CHANGE_COLUMN.aliases!, "Điểm tổng hợp › Điểm (tăng/giảm)", "Điểm tăng/giảm"],
    },
  ],
  total: { max: 100, label: "Tổng điểm", tolerance: 0.05 },
  rating: {
    on: "total",
    bands: [
      { min: 90, key: "xuat-sac", label: "XUẤT SẮC" },
      { min: 80, key: "tot", label: "TỐT" },
      { min: 70, key: "kha", label: "KHÁ" },
      { min: 50, key: "trung-binh", label: "TB" },
      { min: 0, key: "yeu", label: "YẾU" },
    ],
  },
  ranking: { tie: "competition", scope: "all" },
  change: true,
  flags: [
    { field: "total", op: "below", threshold: FLAG_THRESHOLD, underline: ["total", "rating"] },
    ...["ck", "td", "dvctt", "tttt", "sohoa"].map((id) => ({
      field: `${id}.ratio`,
      op: "below" as const,
      threshold: FLAG_THRESHOLD,
    })),
  ],
  aggregatePatterns: AGGREGATE_PATTERNS,
  outputs: ["rating", "rank", "change"],
};
