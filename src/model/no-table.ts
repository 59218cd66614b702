import type { ReadResult } from "./table";
import type { ScoreResult } from "./units";

/**
 * Why a run has no table to write to (no header row naming the method's columns, or no unit
 * row under it), in Vietnamese; null when it has one. Nothing is written then: the pane shows
 * this alone and the CLI exits 2.
 */
export function whyNoTable(run: { read: Pick<ReadResult, "mapping" | "layout">; scored: Pick<ScoreResult, "units"> }, sheet: string): string | null {
  const described = run.read.mapping.filter((m) => m.field !== null && !["name", "stt", "code", "level"].includes(m.field));
  if (described.length === 0) {
    return `Trang ${sheet} không có bảng chỉ số: không thấy dòng tiêu đề nào có tên cột chỉ số hay điểm (ví dụ “Tổng điểm”, “Tỷ lệ hồ sơ đúng hạn”). Hãy mở trang có bảng cần chấm điểm, hoặc chọn vùng bảng và bật “Chỉ dùng vùng đang chọn”.`;
  }
  if (run.scored.units.length === 0) {
    return `Trang ${sheet} có dòng tiêu đề (dòng ${run.read.layout.headerTop + 1}–${run.read.layout.headerBottom + 1}) nhưng không có dòng đơn vị nào bên dưới: chưa có gì để chấm điểm.`;
  }
  return null;
}
