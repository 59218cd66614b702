/**
 * qd766 — the national method (METHOD.md §3, portal method since 2025).
 *
 * Indicator ids are the decision's: "1.1" … "6.7"; fields "<id>.numerator", "<id>.denominator",
 * "<id>.ratio" (percent) and "<id>.points". Groups: CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH.
 * Departments and communes inherit 1.1–1.3 and 6.7 from the province row; communes have no 3.1.
 * PAKN indicators 5.1/5.2 give full marks when there is no PAKN (zero denominator).
 */
import type { ProfileInput } from "../model/profile";
import { NATIONAL_GROUPS_6, national100Scoring } from "./common";

type IndicatorInput = NonNullable<ProfileInput["indicators"]>[number];

const INHERITED: IndicatorInput["inheritedBy"] = ["department", "commune"];

/** Aliases every indicator gets: its id as written in tables ("1.1", "Chỉ số 1.1", "CS 1.1"). */
function idAliases(id: string): string[] {
  return [id, `Chỉ số ${id}`, `CS ${id}`, `Tiêu chí ${id}`];
}

function indicator(
  id: string,
  group: string,
  max: number,
  label: string,
  extra: Partial<IndicatorInput> & { more?: string[] } = {},
): IndicatorInput {
  const { more = [], ...rest } = extra;
  return { id, group, max, label, aliases: [label, ...more, ...idAliases(id)], ...rest };
}

export const QD766: ProfileInput = {
  id: "qd766",
  name: "Quyết định 766/QĐ-TTg — phương pháp của Cổng DVCQG",
  version: "2025",
  source: "Quyết định 766/QĐ-TTg ngày 23/6/2022; cách tính trên Cổng Dịch vụ công quốc gia từ năm 2025",
  description:
    "Tính điểm từ số liệu từng chỉ số (tử số/mẫu số, tỷ lệ hoặc điểm): tỷ lệ làm tròn 2 chữ số thập phân, điểm tính từ tỷ lệ đã làm tròn và làm tròn 2 chữ số, điểm nhóm là tổng điểm chỉ số, tổng điểm là tổng các nhóm (100 điểm).",
  basis: "indicators",
  groups: NATIONAL_GROUPS_6,
  indicators: [
    indicator("1.1", "CKMB", 6, "Tỷ lệ TTHC công bố đúng hạn", {
      inheritedBy: INHERITED,
      more: ["TTHC công bố đúng hạn", "Công bố đúng hạn"],
    }),
    indicator("1.2", "CKMB", 4, "Tỷ lệ TTHC cập nhật, công khai đúng hạn", {
      inheritedBy: INHERITED,
      more: ["TTHC công khai đúng hạn", "Cập nhật, công khai đúng hạn", "Công khai đúng hạn"],
    }),
    indicator("1.3", "CKMB", 2, "Tỷ lệ TTHC công khai đầy đủ nội dung", {
      inheritedBy: INHERITED,
      more: [
        "Số TTHC được công khai đầy đủ các nội dung quy định về các bộ phận cấu thành",
        "Công khai đầy đủ nội dung",
        "Công khai đầy đủ",
      ],
    }),
    indicator("1.4", "CKMB", 6, "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", {
      more: ["Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", "Hồ sơ đồng bộ", "Đồng bộ hồ sơ", "Đồng bộ lên Cổng DVCQG"],
    }),
    indicator("2.1", "TDGQ", 20, "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", {
      more: [
        "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (cả đang xử lý trong hạn)",
        "Tỷ lệ hồ sơ xử lý đúng hạn",
        "Hồ sơ xử lý đúng hạn/trong hạn",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "Đúng và trước hạn",
        "Tiến độ giải quyết (%)",
      ],
    }),
    indicator("3.1", "CLGQ", 2, "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", {
      rule: { kind: "target", target: 80 },
      notApplicableFor: ["commune"],
      more: ["Tỷ lệ TTHC cung cấp DVCTT", "TTHC cung cấp DVCTT", "TTHC có DVCTT"],
    }),
    indicator("3.2", "CLGQ", 4, "Tỷ lệ DVC trực tuyến có phát sinh hồ sơ", {
      more: ["Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", "DVCTT có phát sinh hồ sơ", "DVC có phát sinh hồ sơ"],
    }),
    indicator("3.3", "CLGQ", 6, "Tỷ lệ hồ sơ nộp trực tuyến", {
      rule: { kind: "target", target: 50 },
      more: ["Tỷ lệ nộp hồ sơ trực tuyến", "Hồ sơ nộp trực tuyến", "Tỷ lệ hồ sơ trực tuyến"],
    }),
    indicator("4.1", "TTTT", 6, "Tỷ lệ hồ sơ thanh toán trực tuyến", {
      more: ["Hồ sơ thanh toán trực tuyến", "Thanh toán trực tuyến hồ sơ"],
    }),
    indicator("4.2", "TTTT", 2, "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến", {
      rule: { kind: "target", target: 80 },
      more: ["TTHC có giao dịch thanh toán trực tuyến", "TTHC có giao dịch TTTT"],
    }),
    indicator("4.3", "TTTT", 2, "Tỷ lệ TTHC có nghĩa vụ tài chính được cung cấp trên Cổng DVCQG", {
      rule: { kind: "target", target: 80 },
      more: [
        "Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được cung cấp trên Cổng Dịch vụ công quốc gia",
        "TTHC có nghĩa vụ tài chính được cung cấp trên Cổng DVCQG",
        "TTHC có nghĩa vụ tài chính",
      ],
    }),
    indicator("5.1", "MDHL", 6, "Tỷ lệ PAKN xử lý đúng hạn", {
      zeroDenominator: "full",
      more: ["Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "PAKN xử lý đúng hạn", "PAKN đúng hạn"],
    }),
    indicator("5.2", "MDHL", 6, "Tỷ lệ hài lòng trong xử lý PAKN", {
      zeroDenominator: "full",
      more: ["Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", "Hài lòng xử lý PAKN", "Hài lòng PAKN"],
    }),
    indicator("5.3", "MDHL", 6, "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", {
      rule: { kind: "target", target: 90 },
      more: ["Tỷ lệ hài lòng trong xử lý tiếp nhận, giải quyết TTHC", "Hài lòng tiếp nhận, giải quyết TTHC", "Hài lòng giải quyết TTHC"],
    }),
    indicator("6.1", "MDSH", 6, "Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử", {
      more: ["Tỷ lệ hồ sơ cấp kết quả điện tử", "Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử", "Cấp kết quả điện tử", "Kết quả điện tử"],
    }),
    indicator("6.2", "MDSH", 4, "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ", {
      more: ["Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC", "Tỷ lệ số hóa hồ sơ", "Số hóa hồ sơ TTHC", "Hồ sơ số hóa"],
    }),
    indicator("6.3", "MDSH", 2, "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa", {
      rule: { kind: "target", target: 80 },
      more: ["Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "Tái sử dụng", "Tái sử dụng dữ liệu số hóa", "Sử dụng lại dữ liệu số hóa"],
    }),
    indicator("6.4", "MDSH", 4, "Tỷ lệ hồ sơ được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng", {
      more: ["Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu", "Kết nối, chia sẻ dữ liệu số hóa"],
    }),
    indicator("6.5", "MDSH", 2, "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư", {
      more: ["Hồ sơ sử dụng dữ liệu dân cư", "Sử dụng dữ liệu dân cư", "Ứng dụng dữ liệu dân cư"],
    }),
    indicator("6.6", "MDSH", 2, "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư", {
      more: ["TTHC kết nối, chia sẻ dữ liệu dân cư", "Kết nối, chia sẻ dữ liệu dân cư"],
    }),
    indicator("6.7", "MDSH", 2, "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", {
      inheritedBy: INHERITED,
      // The portal shows a province 0 / 0 here with ratio 100 % and full points (METHOD.md §8).
      zeroDenominatorByLevel: { province: "full" },
      more: ["Chứng thực bản sao điện tử từ bản chính", "Chứng thực điện tử", "Chứng thực ĐT"],
    }),
  ],
  ...national100Scoring(),
  outputs: ["groups", "total", "rating", "rank", "change"],
};
