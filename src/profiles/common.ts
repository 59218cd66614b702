/**
 * Pieces shared by the built-in profiles: the national groups with their header spellings
 * (peers-and-exports.md §4, METHOD.md §7), the rating bands and the common extra columns.
 * Aliases are matched by the table reader after normalisation (case, NFC, diacritic folding),
 * so one spelling per distinct wording is enough; the reader may add more.
 */
import { DEFAULT_BANDS, type ProfileInput } from "../model/profile";

type GroupInput = NonNullable<ProfileInput["groups"]>[number];
type ColumnInput = NonNullable<ProfileInput["columns"]>[number];
type BandInput = NonNullable<NonNullable<ProfileInput["rating"]>["bands"]>[number];

/** The six groups of the portal (METHOD.md §2), in the portal's order. */
export const NATIONAL_GROUPS_6: GroupInput[] = [
  {
    id: "CKMB",
    label: "Công khai, minh bạch",
    max: 18,
    aliases: [
      "Công khai, minh bạch",
      "Công khai minh bạch",
      "CKMB",
      "Nhóm chỉ số về công khai, minh bạch",
      "1. Nhóm chỉ số về công khai, minh bạch",
      "Điểm công khai minh bạch",
      "Điểm đánh giá công khai, minh bạch",
      "DiemCongKhaiMinhBach",
      "CongKhaiMinhBach",
      "transparency",
    ],
  },
  {
    id: "TDGQ",
    label: "Tiến độ, kết quả giải quyết",
    max: 20,
    aliases: [
      "Tiến độ giải quyết",
      "Tiến độ, kết quả giải quyết",
      "Tiến độ kết quả giải quyết",
      "Tiền độ giải quyết",
      "TDGQ",
      "Nhóm chỉ số về tiến độ, kết quả giải quyết",
      "2. Nhóm chỉ số về tiến độ, kết quả giải quyết",
      "Điểm đánh giá tiến độ giải quyết hồ sơ",
      "DiemTienDoGiaiQuyet",
      "TienDoGiaiQuyet",
      "progress",
    ],
  },
  {
    id: "CLGQ",
    label: "Dịch vụ công trực tuyến",
    max: 12,
    aliases: [
      "Dịch vụ công trực tuyến",
      "DVC trực tuyến",
      "DVCTT",
      "Cung cấp DVC trực tuyến",
      "Cung cấp dịch vụ công trực tuyến",
      "Điểm đánh giá chỉ số về dịch vụ công trực tuyến",
      "CLGQ",
      "DiemCungCapDVCTT",
      "onlineService",
    ],
  },
  {
    id: "TTTT",
    label: "Thanh toán trực tuyến",
    max: 10,
    aliases: [
      "Thanh toán trực tuyến",
      "TTTT",
      "Thanh toán TT",
      "Điểm thanh toán trực tuyến",
      "Điểm đánh giá chỉ số về thanh toán trực tuyến",
      "DiemThanhToanTrucTuyen",
      "payment",
    ],
  },
  {
    id: "MDHL",
    label: "Mức độ hài lòng",
    max: 18,
    aliases: [
      "Mức độ hài lòng",
      "MDHL",
      "Điểm mức độ hài lòng",
      "Điểm đánh giá mức độ hài lòng",
      "Nhóm chỉ số về mức độ hài lòng",
      "MucDoHaiLong",
      "satisfaction",
    ],
  },
  {
    id: "MDSH",
    label: "Số hóa hồ sơ",
    max: 22,
    aliases: [
      "Số hóa hồ sơ",
      "Số hoá hồ sơ",
      "Mức độ số hóa",
      "MDSH",
      "Điểm số hóa hồ sơ",
      "Điểm đánh giá số hóa hồ sơ",
      "Nhóm chỉ số về số hóa hồ sơ",
      "DiemSoHoa",
      "SoHoaHoSo",
      "digitized",
    ],
  },
];

/** The decision's combined online group (5-group layout): CLGQ + TTTT, 22 points. */
export const DVTT_GROUP: GroupInput = {
  id: "DVTT",
  label: "Cung cấp dịch vụ trực tuyến",
  max: 22,
  combines: ["CLGQ", "TTTT"],
  aliases: [
    "Dịch vụ trực tuyến",
    "Cung cấp dịch vụ trực tuyến",
    "Điểm dịch vụ trực tuyến",
    "Nhóm chỉ số về cung cấp dịch vụ trực tuyến",
    "3. Nhóm chỉ số về cung cấp dịch vụ trực tuyến",
    "DichVuTrucTuyen",
  ],
};

/** METHOD.md §4 bands, labels in sentence case ("Tốt"): the model's defaults. */
export const BANDS_SENTENCE: BandInput[] = DEFAULT_BANDS.map((b) => ({ ...b }));

/** Unit columns every profile reads. */
export const UNIT_COLUMNS: ColumnInput[] = [
  { field: "stt", label: "STT", aliases: ["STT", "TT", "Số TT", "Số thứ tự"] },
  {
    field: "name",
    label: "Tên đơn vị",
    aliases: [
      "Tên đơn vị",
      "Đơn vị",
      "ĐƠN VỊ",
      "Cơ quan",
      "Cơ quan, đơn vị",
      "Tên cơ quan",
      "Đơn vị giải quyết TTHC",
      "Đơn vị thực hiện",
      "Tỉnh/Thành phố",
      "Tỉnh, Thành phố",
      "TEN_COQUAN",
      "tenThongKe",
      "departmentName",
    ],
  },
  { field: "code", label: "Mã định danh", aliases: ["Mã định danh", "Mã ĐD", "định danh", "MA_COQUAN", "maDinhDanh", "departmentCode"] },
  { field: "level", label: "Cấp", aliases: ["Cấp", "Cấp đơn vị", "Loại cơ quan", "CAPDONVIID", "LOAI_COQUAN", "departmentLevel"] },
];

export function totalColumn(max: number, extraAliases: string[] = []): ColumnInput {
  return {
    field: "total",
    label: "Tổng điểm",
    max,
    aliases: [
      "Tổng điểm",
      "Điểm tổng",
      "Tổng điểm 766",
      "Điểm tổng hợp 766",
      "Điểm tổng hợp",
      "Tổng số điểm",
      "Tổng",
      "TONG_SCORE",
      "TongDiem766",
      "totalScore",
      "Diem766",
      ...extraAliases,
    ],
  };
}

export function previousColumn(max: number, extraAliases: string[] = []): ColumnInput {
  return {
    field: "previous",
    label: "Kỳ trước",
    max,
    aliases: ["Kỳ trước", "Tháng trước", "Điểm kỳ trước", "Điểm tháng trước", "Tuần trước", ...extraAliases],
  };
}

/** The result columns after the score: previous period, rating, rank and change. */
export function resultColumns(previousMax: number, previousAliases: string[] = []): ColumnInput[] {
  return [previousColumn(previousMax, previousAliases), RATING_COLUMN, RANK_COLUMN, CHANGE_COLUMN];
}

export const RATING_COLUMN: ColumnInput = {
  field: "rating",
  label: "Xếp loại",
  aliases: ["Xếp loại", "XẾP LOẠI", "Phân loại", "Kết quả xếp loại", "classification"],
};

export const RANK_COLUMN: ColumnInput = {
  field: "rank",
  label: "Xếp hạng",
  aliases: ["Xếp hạng", "Hạng", "Thứ hạng", "ROW_STT", "rank"],
};

export const CHANGE_COLUMN: ColumnInput = {
  field: "change",
  label: "Tăng/giảm",
  aliases: [
    "Tăng/giảm",
    "Tăng, giảm",
    "Điểm (tăng/giảm)",
    "ĐIỂM (TĂNG/GIẢM)",
    "Chênh lệch",
    "Thay đổi",
    "Biến động",
    "So với kỳ trước",
    "Δ",
    "scoreDelta",
  ],
};

/** Names of aggregate rows (METHOD.md §5), as case-insensitive regular expressions. */
export const AGGREGATE_PATTERNS = [
  "^to[aà]n\\s+(huy[eệ]n|t[iỉ]nh|th[aà]nh\\s+ph[oố]|th[iị]\\s+x[aã]|x[aã])\\b",
  "^t[oổ]ng\\s+c[oộ]ng",
  "^t[ỷỉ]\\s+l[eệ]\\s+chung",
  "^c[oộ]ng\\b",
  "^t[oổ]ng\\s+h[oợ]p\\s+chung",
];

/**
 * Columns and scoring rules of a national table out of 100 (qd766 from indicators, qd766-nhom
 * from group scores): printed total checked to 0.05, METHOD.md §4 bands, competition ranks
 * within a level, change against the previous period.
 */
export function national100Scoring(): Pick<ProfileInput, "columns" | "total" | "rating" | "ranking" | "change" | "aggregatePatterns"> {
  return {
    columns: [...UNIT_COLUMNS, totalColumn(100), ...resultColumns(100)],
    total: { max: 100, label: "Tổng điểm", tolerance: 0.05 },
    rating: { on: "total", bands: BANDS_SENTENCE },
    ranking: { tie: "competition", scope: "level" },
    change: true,
    aggregatePatterns: AGGREGATE_PATTERNS,
  };
}
