/**
 * What the report panel computes, kept apart from React: the title block prefilled from the
 * rows above the table, the comparison with the last period's sheet, the narrative and the
 * appendix plan (the same planAppendix/buildNarrative/compareResults calls as the CLI's report).
 */
import type { Grid } from "../../model/grid";
import type { ScoreResult } from "../../model/units";
import { DEFAULT_APPENDIX_TITLE, planAppendix } from "../../report/appendix";
import { compareResults } from "../../report/compare";
import { buildNarrative } from "../../report/narrative";
import type { AppendixPlan, Comparison, Narrative } from "../../report/types";
import type { RunResult } from "../scoring";

export interface TitleInputs {
  title: string;
  period: string;
  cutoffDate: string;
}

const CUTOFF = /chốt số liệu\s*:?\s*(.+?)\)?\s*$/i;
const PERIOD_LINE = /^(tháng|tuần|quý|năm|kỳ|6 tháng)\b/i;

/** The text of each row above the table's header (merged title cells give one text per row). */
export function titleLines(grid: Grid, headerTop: number): string[] {
  const lines: string[] = [];
  const last = Math.min(headerTop - grid.origin.row, grid.values.length);
  for (let r = 0; r < last; r++) {
    const texts = (grid.values[r] ?? []).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
    const distinct = [...new Set(texts)];
    if (distinct.length > 0) lines.push(distinct.join(" "));
  }
  return lines;
}

/**
 * Title, period and cut-off date from the title rows: "(Thời gian chốt số liệu: Ngày 06/5/2024)"
 * gives the date, a line starting "Tháng …"/"Tuần …" the period, other lines (but the
 * "(Kèm theo Báo cáo …)" reference) the title; with no title rows, the national title.
 */
export function titleInputs(grid: Grid | null, headerTop: number): TitleInputs {
  const out: TitleInputs = { title: "", period: "", cutoffDate: "" };
  const title: string[] = [];
  for (const line of grid ? titleLines(grid, headerTop) : []) {
    const cutoff = CUTOFF.exec(line);
    if (cutoff) out.cutoffDate = cutoff[1].trim();
    else if (PERIOD_LINE.test(line) && !out.period) out.period = line;
    else if (!line.startsWith("(")) title.push(line);
  }
  out.title = title.length > 0 ? title.join("\n") : DEFAULT_APPENDIX_TITLE;
  return out;
}

export interface PreviousPeriod {
  sheet: string;
  /** Label used in the appendix header and the narrative ("Tháng 4"); default the sheet name. */
  label: string;
  scored: ScoreResult;
}

export function compareWithPrevious(run: RunResult, previous: PreviousPeriod | null): Comparison | null {
  return previous ? compareResults(run.scored, previous.scored, { previousPeriod: previous.label }) : null;
}

export function narrativeOf(run: RunResult, comparison: Comparison | null): Narrative {
  return buildNarrative(run.scored, run.profile, comparison ? { comparison } : {});
}

export function appendixPlanOf(run: RunResult, inputs: TitleInputs, comparison: Comparison | null, narrative: Narrative): AppendixPlan {
  const title = inputs.title.trim() || DEFAULT_APPENDIX_TITLE;
  return planAppendix(run.scored, run.profile, {
    title: title.split("\n").filter((l) => l.trim() !== ""),
    period: inputs.period.trim() || undefined,
    cutoffDate: inputs.cutoffDate.trim() || undefined,
    ...(comparison ? { previous: comparison } : {}),
    sourceRows: run.read.units,
    narrative,
  });
}
