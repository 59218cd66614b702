/**
 * Charts in an .xlsx: exceljs reads the cells and images of a file but does not write its charts
 * back, so a workbook saved by the tool has none of them. The user is told before anything is
 * written, and a file is never overwritten with its charts lost.
 */
import JSZip from "jszip";

/** How many charts the package holds (chart parts, whether on a sheet or a chart sheet). */
export async function chartCount(data: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(data);
  return Object.keys(zip.files).filter((name) => /^xl\/charts\/chart[^/]*\.xml$/i.test(name)).length;
}

/** What the user reads before the tool writes a copy of a workbook with charts. */
export function chartsDroppedNote(file: string, charts: number): string {
  return `Tệp "${file}" có ${charts} biểu đồ. chiso766 chưa chép được biểu đồ sang tệp nó ghi: tệp kết quả sẽ không có ${charts === 1 ? "biểu đồ này" : "các biểu đồ này"} (tệp "${file}" vẫn giữ nguyên). Hình ảnh và số liệu vẫn được giữ.`;
}
