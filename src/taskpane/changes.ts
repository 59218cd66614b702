/** Texts of the write flow: what changed in the sheet since the preview was computed. */
import type { GridChange } from "../plan/diff";
import { viValue } from "../plan/outputs";
import { formatViNumber } from "../report/format";

/** Cells named in a message; the rest counted. */
const NAMED = 5;

/** "Trang … đã thay đổi … nên chưa ghi gì: D8 (trống) → “Khá”; … và 3 ô khác. …" */
export function changedText(sheet: string, changes: GridChange[], formulas: string[]): string {
  const shown = changes.slice(0, NAMED).map((c) => `${c.address} ${viValue(c.was)} → ${viValue(c.now)}`);
  const more = changes.length > NAMED ? ` và ${formatViNumber(changes.length - NAMED)} ô khác` : "";
  const parts: string[] = [];
  if (changes.length > 0) {
    parts.push(`Trang ${sheet} đã thay đổi sau lần đọc bảng nên chưa ghi gì: ${shown.join("; ")}${more}. Kết quả bên dưới đã tính lại theo bảng hiện tại; hãy xem lại rồi bấm “Ghi kết quả”.`);
  }
  if (formulas.length > 0) {
    const extra = formulas.length > NAMED ? ` và ${formatViNumber(formulas.length - NAMED)} ô khác` : "";
    parts.push(`Ô ${formulas.slice(0, NAMED).join(", ")}${extra} có công thức: công cụ chỉ ghi vào đó khi bạn đồng ý.`);
  }
  return parts.join(" ");
}

/** Shown while the sheet has changed since the preview (worksheet onChanged). */
export const STALE_TEXT = "Bảng đã thay đổi — kết quả đang hiển thị chưa cập nhật. Bấm “Đọc lại bảng” để tính lại.";
