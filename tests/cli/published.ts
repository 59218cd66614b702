/**
 * What the published appendices print, as the CLI tests compare it with the scored example
 * workbooks (examples/*.xlsx, built from the same seeds). Derived from the one transcription in
 * tests/fixtures/seeds.
 */
import { columnLetters } from "../../src/model/grid";
import { dienBienRows, phuTanRows } from "../fixtures/seeds";

export interface PublishedRow {
  /** 1-based sheet row in examples/phu-tan-2024-05-tuan-01.xlsx (data starts at row 7). */
  row: number;
  name: string;
  rating: string;
  change: number;
  /** A1 addresses of the underlined cells. */
  underlined: string[];
}

/** Phú Tân (seeds/phu-tan-an-giang-2024-05-tuan-01.txt, Phụ lục 1), TOÀN HUYỆN first. */
export function phuTanPublished(): PublishedRow[] {
  return phuTanRows().map((r, i) => {
    const row = 7 + i;
    return { row, name: r.name, rating: r.rating, change: r.change, underlined: r.underlinedColumns.map((c) => `${columnLetters(c)}${row}`) };
  });
}

/** Điện Biên Phủ appendix, 9/2023 (seeds/dien-bien-phu-2023-09.txt): Điểm được, quy đổi, Xếp loại. */
export const DIEN_BIEN_PUBLISHED: [string, number, number, string][] = dienBienRows().map((r) => [r.name, r.diemDuoc, r.quyDoi, r.xepLoai]);
