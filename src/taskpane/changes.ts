/** Texts of the write flow: what changed in the sheet since the preview was computed. */
import type { GridChange } from "../plan/diff";
import type { CellSnapshot } from "../model/plan";
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

/** Formula text shown in a message: long ones cut, so the message still fits the pane. */
const FORMULA_SHOWN = 40;

/**
 * Why a write is refused (as the CLI refuses it): cells whose formula undo could not write back
 * (unrestorableFormulas), each named with its formula, and what to do instead.
 */
export function unrestorableText(sheet: string, cells: CellSnapshot[]): string {
  const formula = (v: unknown) => {
    const text = String(v);
    return text.length > FORMULA_SHOWN ? `${text.slice(0, FORMULA_SHOWN)}…` : text;
  };
  const shown = cells.slice(0, NAMED).map((c) => `${c.address} (${formula(c.value)})`);
  const more = cells.length > NAMED ? ` và ${formatViNumber(cells.length - NAMED)} ô khác` : "";
  return (
    `Chưa ghi gì: trên trang ${sheet}, ô ${shown.join(", ")}${more} có công thức mà “Hoàn tác” không thể ghi lại ` +
    `(chỉ ghi lại công thức dùng các hàm thông thường trên ô của sổ này). Hãy tự xóa hoặc chép giá trị các công thức này, ` +
    `hoặc chọn cột khác cho kết quả trong “Các cột”, rồi bấm “Ghi kết quả”.`
  );
}
