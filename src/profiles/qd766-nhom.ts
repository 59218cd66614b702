/**
 * qd766-nhom — group scores as the portal publishes them (METHOD.md §2).
 *
 * Fields: the group ids CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH (6-group layout) or DVTT in place of
 * CLGQ + TTTT (5-group layout of the decision, 22 points); "total" is the printed total, checked
 * against the sum of the groups (a difference above 0.05 is a warning: Mỹ Thanh 5/2024 prints
 * 82,1 for groups summing to 83,7).
 */
import type { ProfileInput } from "../model/profile";
import { DVTT_GROUP, NATIONAL_GROUPS_6, national100Scoring } from "./common";

export const QD766_NHOM: ProfileInput = {
  id: "qd766-nhom",
  name: "Quyết định 766/QĐ-TTg — điểm theo nhóm chỉ số",
  version: "2022",
  source: "Quyết định 766/QĐ-TTg ngày 23/6/2022; điểm nhóm công bố trên Cổng Dịch vụ công quốc gia",
  description:
    "Cộng điểm các nhóm chỉ số (6 nhóm, hoặc 5 nhóm với nhóm Dịch vụ trực tuyến 22 điểm) thành tổng điểm 100, so với tổng điểm in sẵn, xếp loại và xếp hạng.",
  basis: "groups",
  groups: [...NATIONAL_GROUPS_6, DVTT_GROUP],
  ...national100Scoring(),
  outputs: ["total", "rating", "rank", "change"],
};
