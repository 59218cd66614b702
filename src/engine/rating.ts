/**
 * Rating (METHOD.md §5): the band of the total's percent of the maximum (or of the converted
 * total's), checked against a rating the table prints.
 */
import type { Band, Profile } from "../model/profile";
import type { ProfileShape } from "./compile";
import { foldText } from "../model/text";
import { EPSILON } from "./indicator";
import { report, type UnitContext } from "./problems";
import { divideRounded } from "./round";

/** The first band whose lower bound the percent reaches; the last band takes anything lower. */
export function bandFor(bands: readonly Band[], percent: number): Band {
  return bandInOrder([...bands].sort((a, b) => b.min - a.min), percent);
}

/** bandFor on bands already sorted by lower bound, highest first. */
function bandInOrder(sorted: readonly Band[], percent: number): Band {
  for (const b of sorted) if (percent >= b.min - EPSILON) return b;
  return sorted[sorted.length - 1];
}

/**
 * ratingOf's band for a total given as whole hundredths k ≥ 0 (total = k / 100), when the
 * profile rates the total (not the converted total): thresholds in hundredths found once, so
 * that a unit needs no division. The percent is a non-decreasing function of the total
 * (exact decimal rounding of total / max × 100), so "percent reaches the band" holds from one
 * total upwards: its lowest k, found by a search on the very computation ratingOf makes. Null
 * when ratingOf must decide (no rating, no total maximum, or a rating on the converted total).
 */
export function bandOfHundredths(profile: Profile, shape: ProfileShape): ((k: number) => Band) | null {
  const rating = profile.rating;
  const totalMax = profile.total?.max;
  if (!rating || totalMax === undefined || (rating.on === "converted" && profile.scale) || shape.bandsHighFirst.length === 0) return null;
  const bands = shape.bandsHighFirst;
  const reaches = (k: number, band: Band) => divideRounded(k / 100, totalMax, 100, 6) >= band.min - EPSILON;
  const lowest = Float64Array.from(bands, (band) => {
    if (reaches(0, band)) return 0;
    let hi = 1;
    while (!reaches(hi, band)) {
      hi *= 2;
      if (hi > 2 ** 50) return Infinity;
    }
    let lo = hi / 2;
    // reaches(lo) is false, reaches(hi) true.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (reaches(mid, band)) hi = mid;
      else lo = mid;
    }
    return hi;
  });
  const last = bands[bands.length - 1];
  return (k) => {
    for (let b = 0; b < lowest.length; b++) if (k >= lowest[b]) return bands[b];
    return last;
  };
}

/** The unit's band, null without a rating or a total. */
export function ratingOf(ctx: UnitContext, total: number | null, converted: number | null, profile: Profile, shape: ProfileShape): Band | null {
  if (!(profile.rating && total !== null)) return null;
  let band: Band | null = null;
  const percent =
    profile.rating.on === "converted" && profile.scale && converted !== null
      ? divideRounded(converted, profile.scale.max, 100, 6)
      : profile.total
        ? divideRounded(total, profile.total.max, 100, 6)
        : null;
  if (percent !== null) band = bandInOrder(shape.bandsHighFirst, percent);
  const printedRating = ctx.row.texts?.rating;
  if (band && printedRating) {
    const printedBand = recogniseBand(profile.rating.bands, printedRating);
    if (printedBand && printedBand.key !== band.key) {
      report(ctx, "rating", "rating-mismatch", "warning", `Xếp loại in sẵn “${printedRating.trim()}” khác xếp loại tính được “${band.label}”`);
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
