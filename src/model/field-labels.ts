/** The fields a profile can map a column to, with Vietnamese labels, for the mapping editor. */
import { LEVEL_LABELS, parseIndicatorField, type FieldId } from "./fields";
import type { Profile } from "./profile";

export interface FieldOption {
  field: FieldId;
  label: string;
}

const PART_LABELS = { numerator: "tử số", denominator: "mẫu số", ratio: "tỷ lệ %", points: "điểm" } as const;

const BASE: FieldOption[] = [
  { field: "stt", label: "STT" },
  { field: "name", label: "Tên đơn vị" },
  { field: "code", label: "Mã định danh" },
  { field: "level", label: `Cấp (${Object.values(LEVEL_LABELS).join(", ")})` },
  { field: "total", label: "Tổng điểm" },
  { field: "previous", label: "Tổng điểm kỳ trước" },
  { field: "converted", label: "Tổng điểm quy đổi" },
  { field: "rating", label: "Xếp loại" },
  { field: "rank", label: "Xếp hạng" },
  { field: "change", label: "Tăng/giảm" },
];

/**
 * "1.1 Công khai …" names a national indicator as the decision numbers it; a profile's own ids
 * ("ck", "dvctt", "sohoa") are internal codes a clerk never sees.
 */
function indicatorLabel(ind: { id: string; label: string }): string {
  return /^\d+(\.\d+)*$/.test(ind.id) ? `${ind.id} ${ind.label}` : ind.label;
}

export function fieldOptions(profile: Profile): FieldOption[] {
  const out = [...BASE];
  for (const g of profile.groups) out.push({ field: g.id, label: `Nhóm: ${g.label}` });
  for (const ind of profile.indicators) {
    const parts = ind.max > 0 ? (["numerator", "denominator", "ratio", "points"] as const) : (["ratio", "numerator", "denominator"] as const);
    for (const part of parts) out.push({ field: `${ind.id}.${part}`, label: `${indicatorLabel(ind)} — ${PART_LABELS[part]}` });
  }
  for (const c of profile.columns) if (!out.some((o) => o.field === c.field)) out.push({ field: c.field, label: c.label });
  return out;
}

/** A label for any field id, even one the profile does not list. */
export function fieldLabel(profile: Profile, field: FieldId | null): string {
  if (field === null) return "(không dùng)";
  const known = fieldOptions(profile).find((o) => o.field === field);
  if (known) return known.label;
  const ind = parseIndicatorField(field);
  // A field from a saved mapping the profile no longer has: its part, never the raw id.
  return ind ? `Chỉ số không có trong phương pháp này — ${PART_LABELS[ind.part]}` : "Trường không có trong phương pháp này";
}
