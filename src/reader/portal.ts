/**
 * Whether a table came from the national portal (its own column codes), and the ranking
 * convention the portal follows there (METHOD.md §5, §8), so the user can tell its published
 * positions from the ranks chiso766 computes.
 */
import type { ReadResult } from "../model/table";
import { plainFolded } from "./units";

const PORTAL_CODES = /^(row stt|loai coquan|capdonviid|tong score|ten coquan|ma coquan|totalscore|scoredelta|departmentlevel|departmenttype)$/;

/** The portal's column codes found in the table's headers ("ROW_STT", "TONG_SCORE"), or none. */
export function portalColumns(read: ReadResult): string[] {
  return read.mapping.filter((m) => PORTAL_CODES.test(plainFolded(m.header.split(" › ").pop() ?? ""))).map((m) => m.header);
}

/** How the portal ranks, in words, when the table is one of its exports; null otherwise. */
export function portalRankingNote(read: ReadResult): string | null {
  const codes = portalColumns(read);
  if (codes.length === 0) return null;
  return (
    `Bảng xuất từ Cổng Dịch vụ công quốc gia (cột ${codes.join(", ")}): cổng đánh số một danh sách chung mọi đơn vị của tỉnh ` +
    `(sở, ban, ngành và xã cùng một danh sách), điểm bằng nhau vẫn xếp liền nhau theo thứ tự của cổng; ` +
    `vị trí đó (ROW_STT) là số liệu đã công bố, không tính lại được từ một phần danh sách`
  );
}
