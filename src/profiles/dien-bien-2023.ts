/**
 * dien-bien-2023 — Điện Biên's own method (Hướng dẫn 462/VPUB-KSTT, 2023), METHOD.md §6.
 *
 * Indicator ids (points are given per indicator, "<id>.points"):
 *   tiendo   Tiến độ, KQ giải quyết (30)          group TDGQ (30)
 *   dvtt1    Nhóm cung cấp DVTT › Chỉ số 1 (10)   group DVTT (20)
 *   dvtt2    Nhóm cung cấp DVTT › Chỉ số 2 (10)
 *   sohoa1   Nhóm số hoá hồ sơ › Chỉ số 1 (5)     group MDSH (15)
 *   sohoa2   Nhóm số hoá hồ sơ › Chỉ số 2 (10)
 *   hailong1..hailong3  Nhóm mức độ hài lòng › Chỉ số 1–3 (5 each)   group MDHL (15)
 * "total" = "Điểm được" (out of 80); "converted" = "Tổng điểm quy đổi" = total ÷ 80 × 10.
 * The printed indicator points carry one decimal, so their sum may differ from "Điểm được" by up
 * to 8 × 0.05 = 0.4: that is the tolerance before a total-mismatch warning.
 */
import type { ProfileInput } from "../model/profile";
import { AGGREGATE_PATTERNS, BANDS_SENTENCE, UNIT_COLUMNS, resultColumns } from "./common";

export const DIEN_BIEN_2023: ProfileInput = {
  id: "dien-bien-2023",
  name: "Điện Biên 2023 — 8 chỉ số, 80 điểm, quy đổi thang 10",
  version: "2023",
  source: "Quyết định 459/QĐ-UBND ngày 24/3/2023 và Hướng dẫn 462/VPUB-KSTT ngày 05/6/2023 của tỉnh Điện Biên",
  description:
    "Cộng điểm 8 chỉ số thành “Điểm được” (tối đa 80), quy đổi sang thang 10 (“Tổng điểm quy đổi” = Điểm được ÷ 80 × 10), xếp loại trên thang 10.",
  basis: "indicators",
  groups: [
    { id: "TDGQ", label: "Tiến độ, KQ giải quyết", max: 30, aliases: ["Tiến độ, KQ giải quyết", "Tiên độ, KQ giải quyết"] },
    { id: "DVTT", label: "Nhóm cung cấp DVTT", max: 20, aliases: ["Nhóm cung cấp DVTT", "Nhóm cung cấp dịch vụ trực tuyến", "Cung cấp DVTT"] },
    { id: "MDSH", label: "Nhóm số hoá hồ sơ", max: 15, aliases: ["Nhóm số hoá hồ sơ", "Nhóm số hóa hồ sơ", "Số hóa hồ sơ"] },
    { id: "MDHL", label: "Nhóm mức độ hài lòng", max: 15, aliases: ["Nhóm mức độ hài lòng", "Mức độ hài lòng"] },
  ],
  indicators: [
    {
      id: "tiendo",
      group: "TDGQ",
      max: 30,
      label: "Tiến độ, KQ giải quyết",
      aliases: [
        "Tiên độ, KQ giải quyết (30 điểm)",
        "Tiến độ, KQ giải quyết (30 điểm)",
        "Tiến độ, KQ giải quyết",
        "Tiên độ, KQ giải quyết",
        "Tiến độ, kết quả giải quyết",
        "Tiến độ giải quyết",
      ],
    },
    {
      id: "dvtt1",
      group: "DVTT",
      max: 10,
      label: "Nhóm cung cấp DVTT – Chỉ số 1",
      aliases: [
        "Nhóm cung cấp DVTT › Chỉ số 1 (10 điểm)",
        "Điểm các chỉ số › Nhóm cung cấp DVTT › Chỉ số 1 (10 điểm)",
        "Nhóm cung cấp DVTT › Chỉ số 1",
        "Cung cấp DVTT chỉ số 1",
        "DVTT chỉ số 1",
      ],
    },
    {
      id: "dvtt2",
      group: "DVTT",
      max: 10,
      label: "Nhóm cung cấp DVTT – Chỉ số 2",
      aliases: [
        "Nhóm cung cấp DVTT › Chỉ số 2 (10 điểm)",
        "Điểm các chỉ số › Nhóm cung cấp DVTT › Chỉ số 2 (10 điểm)",
        "Nhóm cung cấp DVTT › Chỉ số 2",
        "Cung cấp DVTT chỉ số 2",
        "DVTT chỉ số 2",
      ],
    },
    {
      id: "sohoa1",
      group: "MDSH",
      max: 5,
      label: "Nhóm số hoá hồ sơ – Chỉ số 1",
      aliases: [
        "Nhóm số hoá hồ sơ › Chỉ số 1 (5 điểm)",
        "Điểm các chỉ số › Nhóm số hoá hồ sơ › Chỉ số 1 (5 điểm)",
        "Nhóm số hóa hồ sơ › Chỉ số 1 (5 điểm)",
        "Nhóm số hoá hồ sơ › Chỉ số 1",
        "Số hóa chỉ số 1",
      ],
    },
    {
      id: "sohoa2",
      group: "MDSH",
      max: 10,
      label: "Nhóm số hoá hồ sơ – Chỉ số 2",
      aliases: [
        "Nhóm số hoá hồ sơ › Chỉ số 2 (10 điểm)",
        "Điểm các chỉ số › Nhóm số hoá hồ sơ › Chỉ số 2 (10 điểm)",
        "Nhóm số hóa hồ sơ › Chỉ số 2 (10 điểm)",
        "Nhóm số hoá hồ sơ › Chỉ số 2",
        "Số hóa chỉ số 2",
      ],
    },
    ...[1, 2, 3].map((n) => ({
      id: `hailong${n}`,
      group: "MDHL",
      max: 5,
      label: `Nhóm mức độ hài lòng – Chỉ số ${n}`,
      aliases: [
        `Nhóm mức độ hài lòng › Chỉ số ${n} (5 điểm)`,
        `Điểm các chỉ số › Nhóm mức độ hài lòng › Chỉ số ${n} (5 điểm)`,
        `Nhóm mức độ hài lòng › Chỉ số ${n}`,
        `Mức độ hài lòng chỉ số ${n}`,
        `Hài lòng chỉ số ${n}`,
      ],
    })),
  ],
  columns: [
    ...UNIT_COLUMNS,
    { field: "total", label: "Điểm được", max: 80, aliases: ["Điểm được", "Điểm đạt được", "Tổng điểm (80 điểm)", "Điểm đạt"] },
    {
      field: "converted",
      label: "Tổng điểm quy đổi",
      max: 10,
      aliases: ["Tổng điểm quy đổi", "Điểm quy đổi", "Quy đổi thang điểm 10", "Điểm quy đổi (thang 10)"],
    },
    ...resultColumns(80, ["Điểm được tháng trước"]),
  ],
  total: { max: 80, label: "Điểm được", tolerance: 0.4 },
  scale: { max: 10, label: "Tổng điểm quy đổi", decimals: 2 },
  rating: { on: "converted", bands: BANDS_SENTENCE },
  ranking: { tie: "competition", scope: "all" },
  change: true,
  aggregatePatterns: AGGREGATE_PATTERNS,
  outputs: ["total", "converted", "rating", "rank"],
};
