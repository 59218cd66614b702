/**
 * chi-tieu — indicator tables without points (the Bến Cầu, Tây Ninh monthly appendix), METHOD.md §6.
 *
 * Nothing is scored or rated; values are read, checked (ratios 0–100, counts ≥ 0) and units are
 * flagged against the targets below. Ids and fields:
 *   quahan      "Tổng số hồ sơ xử lý quá hạn (*)"             quahan.numerator (count; flag: any > 0)
 *   tructuyen   "Tỷ lệ hồ sơ nộp trực tuyến (%)"              tructuyen.ratio
 *   hailong     "Mức độ hài lòng (%)"                         hailong.ratio
 *   kqdt        "Tỷ lệ hồ sơ cấp kết quả điện tử (%)"         kqdt.ratio
 *   sohoa       "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC (%)"   sohoa.ratio
 *   chungthuc   "Số lượng hồ sơ cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính"   chungthuc.numerator
 * The last row ("Tỷ lệ chung của huyện") is the district aggregate.
 */
import type { ProfileInput } from "../model/profile";
import { AGGREGATE_PATTERNS, UNIT_COLUMNS } from "./common";

export const CHI_TIEU: ProfileInput = {
  id: "chi-tieu",
  name: "Bảng chỉ tiêu thành phần (không chấm điểm)",
  version: "2023",
  source: "Phụ lục “Một số tiêu chí thành phần” của UBND huyện Bến Cầu, tỉnh Tây Ninh, tháng 02/2023",
  description:
    "Đọc và kiểm tra số liệu các tiêu chí thành phần (số hồ sơ quá hạn, tỷ lệ trực tuyến, hài lòng, số hóa…), đánh dấu đơn vị chưa đạt chỉ tiêu; không chấm điểm, không xếp loại.",
  basis: "none",
  indicators: [
    {
      id: "quahan",
      label: "Tổng số hồ sơ xử lý quá hạn",
      max: 0,
      aliases: ["Tổng số hồ sơ xử lý quá hạn (*)", "Tổng số hồ sơ xử lý quá hạn", "Hồ sơ quá hạn", "Số hồ sơ quá hạn", "Quá hạn", "Trễ hạn"],
    },
    {
      id: "tructuyen",
      label: "Tỷ lệ hồ sơ nộp trực tuyến (%)",
      max: 0,
      aliases: ["Tỷ lệ hồ sơ nộp trực tuyến (%)", "Tỷ lệ hồ sơ nộp trực tuyến", "Tỷ lệ nộp hồ sơ trực tuyến", "Hồ sơ nộp trực tuyến"],
    },
    {
      id: "hailong",
      label: "Mức độ hài lòng (%)",
      max: 0,
      aliases: ["Mức độ hài lòng (%)", "Mức độ hài lòng", "Tỷ lệ hài lòng"],
    },
    {
      id: "kqdt",
      label: "Tỷ lệ hồ sơ cấp kết quả điện tử (%)",
      max: 0,
      aliases: [
        "Tỷ lệ hồ sơ cấp kết quả điện tử (%)",
        "Kết quả số hóa hồ sơ (**) › Tỷ lệ hồ sơ cấp kết quả điện tử (%)",
        "Tỷ lệ hồ sơ cấp kết quả điện tử",
        "Cấp kết quả điện tử",
      ],
    },
    {
      id: "sohoa",
      label: "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC (%)",
      max: 0,
      aliases: [
        "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC (%)",
        "Kết quả số hóa hồ sơ (**) › Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC (%)",
        "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC",
        "Tỷ lệ số hóa hồ sơ",
        "Số hóa hồ sơ",
      ],
    },
    {
      id: "chungthuc",
      label: "Số lượng hồ sơ cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính",
      max: 0,
      aliases: [
        "Số lượng hồ sơ cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính",
        "Số lượng hồ sơ chứng thực điện tử",
        "Chứng thực điện tử bản sao từ bản chính",
        "Chứng thực điện tử",
      ],
    },
  ],
  columns: [...UNIT_COLUMNS],
  flags: [{ field: "quahan.numerator", op: "above", threshold: 0 }],
  aggregatePatterns: AGGREGATE_PATTERNS,
  outputs: [],
};
