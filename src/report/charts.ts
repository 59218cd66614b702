/**
 * The report's two charts as data — totals by unit (sorted, coloured by rating) and the number
 * of units per rating — and a small SVG renderer for the CLI, where exceljs cannot draw Excel
 * charts. The add-in draws the same data through the Excel API (adapters/office/charts.ts).
 */
import type { Profile } from "../model/profile";
import type { ScoreResult } from "../model/units";
import { formatViNumber } from "./format";
import { ratingWord } from "./narrative";
import { textWidth } from "./sheet";
import type { ChartData } from "./types";

/** Colour per band key: greens for good, orange and red for weak; grey when unrated. */
export const RATING_COLORS: Record<string, string> = {
  "xuat-sac": "#1B5E20",
  tot: "#43A047",
  kha: "#1E88E5",
  "trung-binh": "#FB8C00",
  yeu: "#E53935",
};
export const UNRATED_COLOR = "#9E9E9E";

export function ratingColor(key: string | null): string {
  return (key && RATING_COLORS[key]) || UNRATED_COLOR;
}

/** Which score the charts show: the converted score when the profile rates on it (Điện Biên), else the total. */
function chartScore(profile: Profile): { pick: "total" | "converted"; label: string; max: number | null } {
  if (profile.rating?.on === "converted" && profile.scale) return { pick: "converted", label: profile.scale.label, max: profile.scale.max };
  return { pick: "total", label: profile.total?.label ?? "Tổng điểm", max: profile.total?.max ?? null };
}

/** Totals by unit, highest first; aggregate rows and units without a total are left out. */
export function totalsChart(scored: ScoreResult, profile: Profile, title = "Tổng điểm theo đơn vị"): ChartData {
  const { pick, label, max } = chartScore(profile);
  const bars = scored.units
    .filter((u) => !u.aggregate && u[pick] !== null)
    .sort((a, b) => (b[pick] as number) - (a[pick] as number) || (a.rank ?? 0) - (b.rank ?? 0) || a.row - b.row)
    .map((u) => ({ label: u.name, value: u[pick] as number, ratingKey: u.ratingKey, ratingLabel: u.rating === null ? null : ratingName(u.ratingKey, u.rating) }));
  return { title, valueLabel: label, max, bars };
}

/** Number of units per rating band, in the profile's band order (best first). */
export function ratingsChart(scored: ScoreResult, profile: Profile, title = "Số đơn vị theo xếp loại"): ChartData {
  const bands = profile.rating ? [...profile.rating.bands].sort((a, b) => b.min - a.min) : [];
  const units = scored.units.filter((u) => !u.aggregate);
  const bars = bands.map((b) => ({
    label: ratingName(b.key, b.label),
    value: units.filter((u) => u.ratingKey === b.key).length,
    ratingKey: b.key,
    ratingLabel: ratingName(b.key, b.label),
  }));
  return { title, valueLabel: "Số đơn vị", max: null, bars };
}

/** One label scheme for every chart and count table: "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu" (never "TB" or "XUẤT SẮC"). */
export function ratingName(key: string | null, label: string): string {
  return capitalise(ratingWord(key, label));
}

/** Pixels a label takes at `fontPx` in Times New Roman: the sheet's estimate and a tenth more (a viewer may substitute a wider serif). */
function labelPx(text: string, fontPx: number): number {
  // textWidth counts 7-pixel units at 13 pt (17.3 px).
  return (1.1 * textWidth(text) * 7 * fontPx) / 17.3;
}

/** Text and attribute escaping for XML: &, <, >, quotes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

export const SVG_FONT_FAMILY = "Times New Roman, Times, serif";

export interface SvgOptions {
  width?: number;
  /** Legend of rating colours (for the totals chart). */
  legend?: { key: string; label: string }[];
}

/** A horizontal bar chart: one row per bar, the label left, the value at the bar's end. */
export function renderBarChartSvg(chart: ChartData, options: SvgOptions = {}): string {
  const rowH = 26;
  // Wide enough for the longest unit name, whole ("UBND phường Mường Thanh", never "ND phường …").
  const labelW = Math.ceil(Math.max(120, 16 + Math.max(0, ...chart.bars.map((b) => labelPx(b.label, 14)))));
  const width = Math.max(options.width ?? 900, labelW + 480);
  const top = 56 + (options.legend && options.legend.length > 0 ? 24 : 0);
  const plotW = width - labelW - 80;
  // Room under the plot for the tick labels and, below them, the axis title with its descenders.
  const height = top + Math.max(1, chart.bars.length) * rowH + 56;
  const max = Math.max(chart.max ?? 0, ...chart.bars.map((b) => b.value), 1);
  const x = (v: number) => labelW + (plotW * v) / max;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(SVG_FONT_FAMILY)}" font-size="14">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${width / 2}" y="28" text-anchor="middle" font-size="18" font-weight="bold">${escapeXml(chart.title)}</text>`,
  );
  if (options.legend && options.legend.length > 0) {
    let lx = labelW;
    for (const item of options.legend) {
      out.push(`<rect x="${lx}" y="44" width="14" height="14" fill="${ratingColor(item.key)}"/>`);
      out.push(`<text x="${lx + 20}" y="56">${escapeXml(item.label)}</text>`);
      lx += 40 + item.label.length * 8;
    }
  }
  // Gridlines at fifths of the axis, labelled the Vietnamese way.
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5;
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${height - 50}" stroke="#DDDDDD"/>`);
    out.push(`<text x="${gx}" y="${height - 34}" text-anchor="middle" font-size="12">${escapeXml(formatViNumber(v, { maxDecimals: 1 }))}</text>`);
  }
  chart.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const w = Math.max(0, x(b.value) - labelW);
    out.push(`<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${escapeXml(b.label)}</text>`);
    out.push(
      `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${ratingColor(b.ratingKey)}">` +
        `<title>${escapeXml(`${b.label}: ${formatViNumber(b.value)}${b.ratingLabel ? ` (${b.ratingLabel})` : ""}`)}</title></rect>`,
    );
    out.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 17}">${escapeXml(formatViNumber(b.value))}</text>`);
  });
  out.push(`<text x="${labelW + plotW / 2}" y="${height - 12}" text-anchor="middle" font-size="12">${escapeXml(chart.valueLabel)}</text>`);
  out.push("</svg>");
  return out.join("\n") + "\n";
}

/** Both report charts as SVG: totals by unit (with a legend of ratings) and units per rating. */
export function renderReportCharts(scored: ScoreResult, profile: Profile): { totals: string; ratings: string } {
  const legend = profile.rating
    ? [...profile.rating.bands].sort((a, b) => b.min - a.min).map((b) => ({ key: b.key, label: ratingName(b.key, b.label) }))
    : [];
  return {
    totals: renderBarChartSvg(totalsChart(scored, profile), { legend }),
    ratings: renderBarChartSvg(ratingsChart(scored, profile)),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi-VN") + s.slice(1);
}
