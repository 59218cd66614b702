/**
 * The appendix's footnote in words: the method and its version, the rating bands, the tie rule,
 * what an underline means, and which rows are aggregates. Pure text from the profile.
 */
import type { FieldId } from "../model/fields";
import { versionText, type Band, type Profile } from "../model/profile";
import { inputErrorText, type InputError, type ScoredUnit } from "../model/units";
import { formatViNumber } from "./format";

function bandRangeText(bands: Band[], i: number): string {
  const band = bands[i];
  if (i === 0) return `từ ${formatViNumber(band.min)}% trở lên`;
  const upper = bands[i - 1].min;
  if (i === bands.length - 1 && band.min <= 0) return `dưới ${formatViNumber(upper)}%`;
  return `từ ${formatViNumber(band.min)}% đến dưới ${formatViNumber(upper)}%`;
}

/** "Xếp loại theo tỷ lệ … : Xuất sắc từ 90% trở lên; Tốt từ 80% đến dưới 90%; …". */
export function ratingFootnote(profile: Profile): string | null {
  if (!profile.rating) return null;
  const bands = [...profile.rating.bands].sort((a, b) => b.min - a.min);
  const onConverted = profile.rating.on === "converted" && profile.scale;
  const basis = onConverted
    ? `${profile.scale?.label ?? "Tổng điểm quy đổi"} so với ${formatViNumber(profile.scale?.max ?? 0)} điểm`
    : `${profile.total?.label ?? "Tổng điểm"} so với điểm tối đa${profile.total ? ` ${formatViNumber(profile.total.max)} điểm` : ""}`;
  const parts = bands.map((b, i) => `${b.label}: ${bandRangeText(bands, i)}`);
  return `Xếp loại theo tỷ lệ ${basis}: ${parts.join("; ")}.`;
}

/** The tie rule in words, with its pattern. */
export function tieFootnote(profile: Profile): string | null {
  if (!profile.ranking) return null;
  const rule = {
    competition: "các đơn vị bằng điểm cùng hạng, hạng kế tiếp bỏ qua số hạng tương ứng (1, 2, 2, 4)",
    dense: "các đơn vị bằng điểm cùng hạng, hạng kế tiếp liền sau (1, 2, 2, 3)",
    sequential: "các đơn vị bằng điểm xếp lần lượt theo tên đơn vị (1, 2, 3, 4)",
    "table-order": "các đơn vị bằng điểm xếp lần lượt theo thứ tự trong bảng (1, 2, 3, 4)",
  }[profile.ranking.tie];
  const scope = profile.ranking.scope === "level" ? "; sở, ban, ngành và xã, phường xếp hạng riêng" : "";
  return `Xếp hạng theo tổng điểm từ cao xuống thấp: ${rule}${scope}. STT theo thứ tự xếp hạng.`;
}

function flagFootnote(profile: Profile, labelOf: (field: FieldId) => string): string | null {
  if (profile.flags.length === 0) return null;
  const parts = profile.flags.map((f) => {
    const op = f.op === "below" ? "dưới" : "trên";
    return `${labelOf(f.field)} ${op} ${formatViNumber(f.threshold)}`;
  });
  return `Số liệu gạch chân: ${parts.join("; ")}.`;
}

/** The method the table was scored by, with its version and the period it applies to. */
export function methodFootnote(profile: Profile): string {
  return `Phương pháp: ${profile.name} (${versionText(profile)}).`;
}

/** "Chưa xếp loại, xếp hạng do số liệu có ô lỗi: UBND xã A (ô 'Phụ lục 1'!D6 có lỗi: …)." */
function inputErrorFootnote(units: readonly ScoredUnit[]): string | null {
  const bad = units.filter((u) => u.notRated !== undefined);
  if (bad.length === 0) return null;
  return `Chưa xếp loại, xếp hạng do số liệu có ô lỗi: ${bad.map((u) => `${u.name} (${inputErrorText(u.notRated as InputError)})`).join("; ")}.`;
}

/** Every footnote line of the appendix, in print order. */
export function appendixFootnotes(profile: Profile, units: readonly ScoredUnit[], labelOf: (field: FieldId) => string): string[] {
  const aggregates = units.filter((u) => u.aggregate);
  return [
    methodFootnote(profile),
    ratingFootnote(profile),
    tieFootnote(profile),
    flagFootnote(profile, labelOf),
    aggregates.length > 0 ? `Dòng ${aggregates.map((u) => u.name).join(", ")} là số liệu chung, không xếp hạng, không gạch chân.` : null,
    inputErrorFootnote(units),
  ].filter((n): n is string => n !== null);
}
