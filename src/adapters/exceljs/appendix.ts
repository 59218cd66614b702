/**
 * The CLI's report: the appendix and notes sheets (see sheet-plan.ts), the last period's
 * scores for the comparison, and the SVG charts written beside the output.
 */
import { promises as fs } from "node:fs";
import type ExcelJS from "exceljs";
import type { Profile } from "../../model/profile";
import type { ScoreResult, UnitRow } from "../../model/units";
import { runScoring } from "../../pipeline";
import { DEFAULT_APPENDIX_TITLE, planAppendix } from "../../report/appendix";
import { periodIn, sourceLabels } from "../../report/title";
import { planScorecards } from "../../report/scorecard";
import { renderReportCharts } from "../../report/charts";
import { compareResults, type MethodRef } from "../../report/compare";
import { buildNarrative } from "../../report/narrative";
import type { TitleInputs } from "../../report/title";
import type { AppendixPlan, Comparison, Narrative } from "../../report/types";
import { gridFromWorksheet, loadWorkbook, pickSheet, readState, WorkbookError } from "./index";
import { applySheetPlan } from "./sheet-plan";

/**
 * Writes the appendix sheet and, beside it, the notes sheet (rating counts and narrative).
 * Returns the appendix sheet written (its name may differ from the plan's when the user
 * already has a sheet of that name the tool did not write).
 */
export function applyAppendixPlan(wb: ExcelJS.Workbook, plan: AppendixPlan): ExcelJS.Worksheet {
  const ws = applySheetPlan(wb, plan);
  if (plan.notes) applySheetPlan(wb, plan.notes);
  return ws;
}

/** What `--report` / `--previous` add to a CLI run: the sheet written, the narrative and the SVG charts. */
export interface CliReport {
  sheetName: string;
  /** The notes sheet written (rating counts and narrative), when there is one. */
  notesSheetName: string | null;
  narrative: Narrative;
  comparison: Comparison | null;
  svg: { totals: string; ratings: string };
  /** The SVG files written (set by the CLI after saving). */
  files?: string[];
}

/** The last period scored for the comparison, with the method its file was last scored under (when it says). */
export interface PreviousPeriod {
  scored: ScoreResult;
  method: MethodRef | null;
}

/** The id, name and version of the method stored in a scored workbook's state, if it names them. */
function storedMethod(workbook: ExcelJS.Workbook): MethodRef | null {
  const stored = readState(workbook).state?.profile as Record<string, unknown> | undefined;
  if (!stored || typeof stored !== "object") return null;
  const { id, name, version } = stored;
  return typeof id === "string" && typeof name === "string" && typeof version === "string" ? { id, name, version } : null;
}

/**
 * Scores the last period's file (a scored workbook or a plain table) with the same profile,
 * for the comparison. Throws WorkbookError with a Vietnamese message when it cannot.
 */
export async function scorePreviousFile(file: string, profile: Profile, profiles: Profile[]): Promise<PreviousPeriod> {
  const { workbook } = await loadWorkbook(file);
  const grid = gridFromWorksheet(pickSheet(workbook));
  try {
    const scored = runScoring(grid, { profiles: profiles.some((p) => p.id === profile.id) ? profiles : [...profiles, profile], profileId: profile.id, state: null }).scored;
    return { scored, method: storedMethod(workbook) };
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
  run: { scored: ScoreResult; profile: Profile; read?: { units: UnitRow[]; mapping?: { field: string | null; header: string }[] } },
  options: { previous?: ScoreResult | PreviousPeriod; previousPeriod?: string; titles?: Partial<TitleInputs>; names?: { current: string; previous: string } } = {},
): CliReport {
  const { scored, profile } = run;
  const previous = options.previous && "scored" in options.previous ? options.previous : options.previous ? { scored: options.previous, method: null } : null;
  const methods = previous?.method ? { current: profile, previous: previous.method } : undefined;
  const comparison = previous ? compareResults(scored, previous.scored, { previousPeriod: options.previousPeriod, methods, names: options.names }) : null;
  const narrative = buildNarrative(scored, profile, { ...(comparison ? { comparison } : {}), sourceRows: run.read?.units });
  const t = options.titles ?? {};
  const lines = (text: string | undefined) => (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  const plan = planAppendix(scored, profile, {
    title: lines(t.title).length > 0 ? lines(t.title) : DEFAULT_APPENDIX_TITLE,
    period: t.period?.trim() || undefined,
    cutoffDate: t.cutoffDate?.trim() || undefined,
    referenceLines: lines(t.references),
    // Different methods: no previous-period columns printed as if comparable (the narrative says why).
    ...(comparison && !comparison.notComparable ? { previous: comparison } : {}),
    sourceRows: run.read?.units,
    sourceLabels: run.read?.mapping ? sourceLabels(run.read.mapping) : undefined,
    narrative,
  });
  const ws = applyAppendixPlan(wb, plan);
  const notesSheetName = plan.notes ? (wb.worksheets[wb.worksheets.length - 1]?.name ?? null) : null;
  return { sheetName: ws.name, notesSheetName, narrative, comparison, svg: renderReportCharts(scored, profile) };
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

/** Adds the "Phiếu điểm" sheet (a page per unit); returns its name. */
export function addScorecards(
  wb: ExcelJS.Workbook,
  run: { scored: ScoreResult; profile: Profile },
  options: { previous?: ScoreResult; titles?: Partial<TitleInputs> } = {},
): string {
  const comparison = options.previous ? compareResults(run.scored, options.previous) : null;
  const t = options.titles ?? {};
  const plan = planScorecards(run.scored, run.profile, {
    period: t.period?.trim() || periodIn(t.title ?? "") || undefined,
    cutoffDate: t.cutoffDate?.trim() || undefined,
    comparison,
  });
  return applySheetPlan(wb, plan).name;
}
