/**
 * What the report panel computes, kept apart from React: the title block prefilled from the
 * rows above the table, the comparison with the last period's sheet, the narrative and the
 * appendix plan (the same planAppendix/buildNarrative/compareResults calls as the CLI's report).
 */
import type { ScoreResult } from "../../model/units";
import { DEFAULT_APPENDIX_TITLE, planAppendix } from "../../report/appendix";
import { periodIn, sourceLabels, titleInputs, titleLines, type TitleInputs } from "../../report/title";
import { compareResults, type MethodRef } from "../../report/compare";
import { buildNarrative } from "../../report/narrative";
import { buildGroupMessage } from "../../report/message";
import { planScorecards } from "../../report/scorecard";
import type { AppendixPlan, Comparison, Narrative, SheetPlan } from "../../report/types";
import type { RunResult } from "../../pipeline";
import type { ReadResult } from "../../model/table";

/** The parts of a run the report reads (what the worker keeps of the last run). */
export type ReportRun = Pick<RunResult, "scored" | "profile"> & { read: Pick<ReadResult, "units" | "mapping"> };

/** The report's heavy steps, done in the scoring worker (thousands of units take seconds). */
export type ReportWork =
  | { what: "narrative"; comparison: Comparison | null }
  | { what: "appendix"; inputs: TitleInputs; comparison: Comparison | null; narrative?: Narrative }
  | { what: "scorecards"; inputs: TitleInputs; comparison: Comparison | null };

export type ReportValue<W extends ReportWork> = W extends { what: "narrative" } ? Narrative : W extends { what: "appendix" } ? AppendixPlan : SheetPlan;

export function doReportWork<W extends ReportWork>(run: ReportRun, work: W): ReportValue<W> {
  const value =
    work.what === "narrative"
      ? narrativeOf(run, work.comparison)
      : work.what === "appendix"
        ? appendixPlanOf(run, work.inputs, work.comparison, work.narrative ?? narrativeOf(run, work.comparison))
        : scorecardPlanOf(run, work.inputs, work.comparison);
  return value as ReportValue<W>;
}

export { titleInputs, titleLines, type TitleInputs };

export interface PreviousPeriod {
  sheet: string;
  /** Label used in the appendix header and the narrative ("Tháng 4"); default the sheet name. */
  label: string;
  scored: ScoreResult;
  /** The method it was scored with: another one (or another version) makes the periods not comparable. */
  method?: MethodRef;
}

/** The comparison when both periods were scored by the same method and version, else null. */
function comparable(comparison: Comparison | null): Comparison | null {
  return comparison && !comparison.notComparable ? comparison : null;
}

export function compareWithPrevious(run: Pick<RunResult, "profile" | "plan" | "scored">, previous: PreviousPeriod | null): Comparison | null {
  if (!previous) return null;
  const methods = previous.method ? { current: run.profile, previous: previous.method } : undefined;
  const names = { current: `trang "${run.plan.sheet}"`, previous: `trang "${previous.sheet}"` };
  return compareResults(run.scored, previous.scored, { previousPeriod: previous.label, names, ...(methods ? { methods } : {}) });
}

export function narrativeOf(run: ReportRun, comparison: Comparison | null): Narrative {
  return buildNarrative(run.scored, run.profile, { ...(comparison ? { comparison } : {}), sourceRows: run.read.units });
}

export function appendixPlanOf(run: ReportRun, inputs: TitleInputs, comparison: Comparison | null, narrative: Narrative): AppendixPlan {
  const title = inputs.title.trim() || DEFAULT_APPENDIX_TITLE;
  return planAppendix(run.scored, run.profile, {
    title: title.split("\n").filter((l) => l.trim() !== ""),
    period: inputs.period.trim() || undefined,
    cutoffDate: inputs.cutoffDate.trim() || undefined,
    referenceLines: inputs.references.split("\n").map((l) => l.trim()).filter(Boolean),
    sourceLabels: sourceLabels(run.read.mapping),
    // Different methods: no previous-period columns printed as if comparable (the narrative says why).
    ...(comparison && !comparison.notComparable ? { previous: comparison } : {}),
    sourceRows: run.read.units,
    narrative,
  });
}

/** The chat-group message ("Sao chép tin nhắn"): the same period and cut-off date as the appendix. */
export function messageOf(run: Pick<ReportRun, "scored" | "profile">, inputs: TitleInputs, comparison: Comparison | null): string {
  const message = buildGroupMessage(run.scored, run.profile, {
    period: inputs.period.trim() || periodIn(inputs.title) || undefined,
    cutoffDate: inputs.cutoffDate.trim() || undefined,
    comparison: comparable(comparison),
  });
  // Periods scored by different methods: no rises and drops, the reason instead (as the CLI says it).
  return comparison?.notComparable ? `${message.trimEnd()}\n${comparison.notComparable}\n` : message;
}

/** The "Phiếu điểm" sheet: a page per unit, with the period and cut-off date of the appendix. */
export function scorecardPlanOf(run: ReportRun, inputs: TitleInputs, comparison: Comparison | null): SheetPlan {
  return planScorecards(run.scored, run.profile, {
    period: inputs.period.trim() || periodIn(inputs.title) || undefined,
    cutoffDate: inputs.cutoffDate.trim() || undefined,
    comparison: comparable(comparison),
  });
}
