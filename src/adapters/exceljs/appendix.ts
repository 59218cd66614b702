/**
 * Applies an AppendixPlan to an exceljs Workbook: a new sheet (replacing one the tool wrote
 * before under that name), values with number formats, fonts, borders, merges, widths and
 * the print setup (landscape A4, one page wide, header rows repeated on every page).
 */
import { promises as fs } from "node:fs";
import type ExcelJS from "exceljs";
import type { Profile } from "../../model/profile";
import type { ScoreResult, UnitRow } from "../../model/units";
import { runScoring } from "../../pipeline";
import { DEFAULT_APPENDIX_TITLE, planAppendix } from "../../report/appendix";
import { renderReportCharts } from "../../report/charts";
import { compareResults } from "../../report/compare";
import { buildNarrative } from "../../report/narrative";
import type { AppendixPlan, AppendixStyle, Comparison, Narrative } from "../../report/types";
import { gridFromWorksheet, loadWorkbook, pickSheet, WorkbookError } from "./index";

/** Left footer that marks a sheet as written by chiso766 (and numbers the printed pages). */
export const APPENDIX_FOOTER = "&L&8chiso766&R&8Trang &P/&N";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function ownedByTool(ws: ExcelJS.Worksheet): boolean {
  return (ws.headerFooter?.oddFooter ?? "").includes("chiso766");
}

/**
 * The sheet name to use when `wanted` is the user's own sheet: "Phụ lục xếp loại (2)", "Phụ lục xếp loại (3)"…,
 * reusing (and removing) one the tool wrote on an earlier run.
 */
function freeName(wb: ExcelJS.Workbook, wanted: string): string {
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`.slice(-31);
    const ws = wb.getWorksheet(name);
    if (!ws) return name;
    if (ownedByTool(ws)) {
      wb.removeWorksheet(ws.id);
      return name;
    }
  }
}

/**
 * Writes the appendix sheet. Returns the sheet written (its name may differ from the plan's
 * when the user already has a sheet of that name the tool did not write).
 */
export function applyAppendixPlan(wb: ExcelJS.Workbook, plan: AppendixPlan): ExcelJS.Worksheet {
  let name = plan.sheetName;
  const existing = wb.getWorksheet(name);
  if (existing) {
    if (ownedByTool(existing)) wb.removeWorksheet(existing.id);
    else name = freeName(wb, name);
  }
  const { print, layout } = plan;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      orientation: print.orientation,
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: print.fitToHeight,
      printTitlesRow: `${print.repeatRows.top + 1}:${print.repeatRows.bottom + 1}`,
      horizontalCentered: true,
      margins: print.margins,
    },
    headerFooter: { oddFooter: APPENDIX_FOOTER, differentFirst: false, differentOddEven: false },
    views: [{ state: "frozen", ySplit: layout.headerBottom + 1, xSplit: 0 }],
  });

  plan.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  // Every cell of the used area gets the sheet font, so blank bordered cells print alike.
  const fonts = new Map<string, Partial<ExcelJS.Font>>();
  const fontOf = (r: number, c: number) => {
    const key = `${r}:${c}`;
    let f = fonts.get(key);
    if (!f) {
      f = { name: plan.font.name, size: plan.font.size };
      fonts.set(key, f);
    }
    return f;
  };
  for (let r = 0; r <= layout.lastRow; r++) for (let c = 0; c <= layout.lastCol; c++) fontOf(r, c);

  plan.values.forEach((rowValues, r) => {
    rowValues.forEach((value, c) => {
      if (value === undefined || value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      const fmt = plan.numberFormats[r]?.[c];
      if (fmt) cell.numFmt = fmt;
    });
  });

  const alignments = new Map<string, Partial<ExcelJS.Alignment>>();
  const borders = new Set<string>();
  const applyStyle = (s: AppendixStyle) => {
    for (let r = s.range.top; r <= s.range.bottom; r++) {
      for (let c = s.range.left; c <= s.range.right; c++) {
        const key = `${r}:${c}`;
        const f = fontOf(r, c);
        if (s.bold !== undefined) f.bold = s.bold;
        if (s.italic !== undefined) f.italic = s.italic;
        if (s.underline !== undefined) f.underline = s.underline ? "single" : false;
        if (s.size !== undefined) f.size = s.size;
        if (s.horizontal || s.vertical || s.wrap !== undefined) {
          const a = alignments.get(key) ?? {};
          if (s.horizontal) a.horizontal = s.horizontal;
          if (s.vertical) a.vertical = s.vertical;
          if (s.wrap !== undefined) a.wrapText = s.wrap;
          alignments.set(key, a);
        }
        if (s.border) borders.add(key);
      }
    }
  };
  plan.styles.forEach(applyStyle);

  for (const [key, font] of fonts) {
    const [r, c] = key.split(":").map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    cell.font = font;
    const a = alignments.get(key);
    if (a) cell.alignment = a;
    if (borders.has(key)) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  for (const { row, height } of plan.rowHeights) ws.getRow(row + 1).height = height;
  return ws;
}

/** What `--report` / `--previous` add to a CLI run: the sheet written, the narrative and the SVG charts. */
export interface CliReport {
  sheetName: string;
  narrative: Narrative;
  comparison: Comparison | null;
  svg: { totals: string; ratings: string };
  /** The SVG files written (set by the CLI after saving). */
  files?: string[];
}

/**
 * Scores the last period's file (a scored workbook or a plain table) with the same profile,
 * for the comparison. Throws WorkbookError with a Vietnamese message when it cannot.
 */
export async function scorePreviousFile(file: string, profile: Profile, profiles: Profile[]): Promise<ScoreResult> {
  const { workbook } = await loadWorkbook(file);
  const grid = gridFromWorksheet(pickSheet(workbook));
  try {
    return runScoring(grid, { profiles: profiles.some((p) => p.id === profile.id) ? profiles : [...profiles, profile], profileId: profile.id, state: null }).scored;
  } catch (e) {
    throw new WorkbookError(`Không dùng được bảng kỳ trước trong "${file}": ${(e as Error).message}`);
  }
}

/**
 * Adds the appendix sheet ("Phụ lục") with the narrative under it to the workbook and returns
 * the narrative and the SVG charts; the caller saves the workbook and writes the SVG files.
 */
export function addReport(
  wb: ExcelJS.Workbook,
  run: { scored: ScoreResult; profile: Profile; read?: { units: UnitRow[] } },
  options: { previous?: ScoreResult; previousPeriod?: string; title?: string; period?: string; cutoffDate?: string } = {},
): CliReport {
  const { scored, profile } = run;
  const comparison = options.previous ? compareResults(scored, options.previous, { previousPeriod: options.previousPeriod }) : null;
  const narrative = buildNarrative(scored, profile, comparison ? { comparison } : {});
  const plan = planAppendix(scored, profile, {
    title: options.title ?? DEFAULT_APPENDIX_TITLE,
    period: options.period,
    cutoffDate: options.cutoffDate,
    ...(comparison ? { previous: comparison } : {}),
    sourceRows: run.read?.units,
    narrative,
  });
  const ws = applyAppendixPlan(wb, plan);
  return { sheetName: ws.name, narrative, comparison, svg: renderReportCharts(scored, profile) };
}

/** "out/ket-qua.xlsx" → "out/ket-qua.tong-diem.svg" and "out/ket-qua.xep-loai.svg". */
export function chartPaths(out: string): { totals: string; ratings: string } {
  const base = out.replace(/\.xlsx$/i, "");
  return { totals: `${base}.tong-diem.svg`, ratings: `${base}.xep-loai.svg` };
}

/** Writes the two SVG charts beside the output workbook; returns their paths. */
export async function writeChartFiles(out: string, svg: { totals: string; ratings: string }): Promise<string[]> {
  const paths = chartPaths(out);
  await fs.writeFile(paths.totals, svg.totals, "utf8");
  await fs.writeFile(paths.ratings, svg.ratings, "utf8");
  return [paths.totals, paths.ratings];
}
