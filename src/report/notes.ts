/**
 * The notes sheet beside the appendix: the number of units per rating (also the data of the
 * rating chart) and the narrative, portrait A4 with no repeated rows, so nothing of the table's
 * header prints over the text.
 */
import type { Profile } from "../model/profile";
import type { ScoreResult } from "../model/units";
import { fixedFormat } from "./appendix-columns";
import { ratingName } from "./charts";
import { A4_MARGINS, SheetBuilder } from "./sheet";
import type { Narrative, NotesPlan } from "./types";

export const DEFAULT_NOTES_SHEET = "Nhận xét xếp loại";

/** Column widths (character units) that fill a portrait A4 page. */
const NOTES_WIDTHS = [26, 14, 18, 18, 18];

export interface NotesOptions {
  narrative?: Narrative;
  sheetName?: string;
  period?: string;
  cutoffDate?: string;
}

/** The rating counts and the narrative on their own sheet; null when the profile rates nothing and there is no narrative. */
export function planNotes(scored: ScoreResult, profile: Profile, options: NotesOptions): NotesPlan | null {
  const paragraphs = options.narrative?.paragraphs ?? [];
  if (!profile.rating && paragraphs.length === 0) return null;
  const b = new SheetBuilder(NOTES_WIDTHS.length - 1);
  const chars = NOTES_WIDTHS.reduce((n, w) => n + w, 0);
  let row = 0;
  b.textLine(row++, "NHẬN XÉT KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", chars, { bold: true, horizontal: "center", vertical: "middle" });
  if (options.period) b.textLine(row++, options.period, chars, { bold: true, horizontal: "center", vertical: "middle" });
  if (options.cutoffDate) b.textLine(row++, `(Thời gian chốt số liệu: ${options.cutoffDate})`, chars, { italic: true, horizontal: "center", vertical: "middle" });
  row++;

  let ratingTable: NotesPlan["ratingTable"] = null;
  if (profile.rating) {
    const top = row;
    b.set(row, 0, "Xếp loại");
    b.set(row, 1, "Số đơn vị");
    b.style({ range: { top: row, bottom: row, left: 0, right: 1 }, bold: true, horizontal: "center" });
    row++;
    const ranked = scored.units.filter((u) => !u.aggregate);
    const keys: string[] = [];
    for (const band of [...profile.rating.bands].sort((x, y) => y.min - x.min)) {
      keys.push(band.key);
      b.set(row, 0, ratingName(band.key, band.label));
      b.set(row, 1, ranked.filter((u) => u.ratingKey === band.key).length, fixedFormat(0));
      row++;
    }
    b.style({ range: { top, bottom: row - 1, left: 0, right: 1 }, border: true });
    b.style({ range: { top: top + 1, bottom: row - 1, left: 1, right: 1 }, horizontal: "center" });
    ratingTable = { top, bottom: row - 1, left: 0, keys };
    row++;
  }

  let narrativeTop: number | null = null;
  if (paragraphs.length > 0) {
    narrativeTop = row;
    for (const p of paragraphs) {
      const text = p.kind === "bullet" ? `- ${p.text}` : p.kind === "subbullet" ? `+ ${p.text}` : p.text;
      b.textLine(row++, text, chars, { horizontal: "left", vertical: "top", bold: p.kind === "heading" });
    }
  }
  const sheet = b.build(
    options.sheetName ?? DEFAULT_NOTES_SHEET,
    NOTES_WIDTHS,
    { orientation: "portrait", paperSize: "A4", fitToWidth: 1, fitToHeight: 0, repeatRows: null, margins: { ...A4_MARGINS, left: 0.7, right: 0.6 } },
    0,
    Math.max(0, row - 1),
  );
  return { ...sheet, ratingTable, narrativeTop };
}
