/**
 * Rating (METHOD.md §5): the band of the total's percent of the maximum (or of the converted
 * total's), checked against a rating the table prints.
 */
import type { Band } from "../model/profile";
import { foldText } from "../model/text";
import type { UnitRow } from "../model/units";
import type { Report } from "./groups";
import { EPSILON } from "./indicator";
import { divideRounded } from "./round";
import type { CompiledProfile } from "./types";

/** The first band whose lower bound the percent reaches; the last band takes anything lower. */
export function bandFor(bands: readonly Band[], percent: number): Band {
  return bandInOrder([...bands].sort((a, b) => b.min - a.min), percent);
}

/** bandFor on bands already sorted by lower bound, highest first. */
function bandInOrder(sorted: readonly Band[], percent: number): Band {
  for (const b of sorted) if (percent >= b.min - EPSILON) return b;
  return sorted[sorted.length - 1];
}

/** The unit's band, null without a rating or a total. */
export function ratingOf(row: UnitRow, total: number | null, converted: number | null, c: CompiledProfile, report: Report): Band | null {
  const { profile } = c;
  if (!(profile.rating && total !== null)) return null;
  let band: Band | null = null;
  const percent =
    profile.rating.on === "converted" && profile.scale && converted !== null
      ? divideRounded(converted, profile.scale.max, 100, 6)
      : profile.total
        ? divideRounded(total, profile.total.max, 100, 6)
        : null;
  if (percent !== null) band = bandInOrder(c.bandsHighFirst, percent);
  const printedRating = row.texts?.rating;
  if (band && printedRating) {
    const printedBand = recogniseBand(profile.rating.bands, printedRating);
    if (printedBand && printedBand.key !== band.key) {
      report("rating", "rating-mismatch", "warning", `Xếp loại in sẵn “${printedRating.trim()}” khác xếp loại tính được “${band.label}”`);
    }
  }
  return band;
}

/** A printed rating ("Tốt", "TỐT", "TB", "Trung bình") → its band, or null when unknown. */
function recogniseBand(bands: readonly Band[], text: string): Band | null {
  const t = bandText(text);
  if (!t) return null;
  const synonyms: Record<string, string> = { tb: "trung-binh", "trung binh": "trung-binh", "xuat sac": "xuat-sac" };
  return (
    bands.find((b) => bandText(b.label) === t || bandText(b.key) === t) ??
    bands.find((b) => b.key === synonyms[t]) ??
    null
  );
}

/** Folded, with hyphens as spaces, so a band key ("trung-binh") compares with its label. */
function bandText(s: string): string {
  return foldText(s).replace(/[\s-]+/g, " ").trim();
}
