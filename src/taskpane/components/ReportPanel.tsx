/**
 * "Báo cáo": the Vietnamese narrative with its copy buttons, the comparison with the last period
 * (a sheet of this workbook scored with the same profile) and "Lập phụ lục", which writes the
 * appendix sheet and its charts through the report adapter. Loaded as its own chunk. Every
 * result is announced once, in the pane's action bar (see status.ts).
 */
import * as React from "react";
import type { Grid } from "../../model/grid";
import type { ReportAdapter } from "../../adapters/office/report";
import { useAnnounce, type Announce } from "../status";
import { errorMessage } from "../errors";
import type { RunResult, ScoringService } from "../scoring";
import type { SheetsOutcome } from "../added-sheets";
import type { Comparison, Narrative } from "../../report/types";
import { messageOf, titleInputs, type TitleInputs } from "../report/build";
import { AppendixFields } from "./AppendixFields";
import { NarrativeBlock } from "./NarrativeBlock";
import { PreviousPeriodBlock, usePreviousPeriod, type Act } from "./PreviousPeriod";
import { useReportStyles } from "./report-styles";

export interface ReportPanelProps {
  run: RunResult;
  /** The grid the run scored (for the title rows above the table). */
  grid: Grid | null;
  scoring: ScoringService;
  /** Without it (no adapter given), only the narrative is shown. */
  report?: ReportAdapter;
  /** The pane is busy with another action. */
  busy?: boolean;
  /** Records sheets just added with the last write (so "Hoàn tác" removes them); says what undo will do. */
  onSheetsAdded?(names: string[]): Promise<SheetsOutcome>;
}

/** One action of the panel at a time, its label shown while it runs, its error announced. */
function useAction(announce: Announce): { working: string | null; act: Act } {
  const [working, setWorking] = React.useState<string | null>(null);
  const act: Act = async (label, action) => {
    setWorking(label);
    try {
      await action();
    } catch (e) {
      announce({ intent: "error", text: errorMessage(e) });
    } finally {
      setWorking(null);
    }
  };
  return { working, act };
}

/** The title rows, prefilled from the rows above the table; a re-read of another table brings others. */
function useTitleInputs(grid: Grid | null, headerTop: number): [TitleInputs, React.Dispatch<React.SetStateAction<TitleInputs>>] {
  const [inputs, setInputs] = React.useState<TitleInputs>(() => titleInputs(grid, headerTop));
  const gridSheet = grid?.sheet ?? null;
  React.useEffect(() => setInputs(titleInputs(grid, headerTop)), [gridSheet, headerTop]);
  return [inputs, setInputs];
}

/** The narrative, written in the scoring worker (seconds at thousands of units); null until it comes. */
function useNarrative(scoring: ScoringService, run: RunResult, comparison: Comparison | null, announce: Announce): Narrative | null {
  const [narrative, setNarrative] = React.useState<{ run: RunResult; comparison: Comparison | null; narrative: Narrative } | null>(null);
  React.useEffect(() => {
    let current = true;
    scoring.narrative(run, comparison).then(
      (n) => current && setNarrative({ run, comparison, narrative: n }),
      (e: unknown) => current && announce({ intent: "error", text: errorMessage(e) }),
    );
    return () => {
      current = false;
    };
  }, [scoring, run, comparison]);
  return narrative && narrative.run === run && narrative.comparison === comparison ? narrative.narrative : null;
}

export function ReportPanel({ run, grid, scoring, report, busy, onSheetsAdded }: ReportPanelProps): React.JSX.Element {
  const styles = useReportStyles();
  const announce = useAnnounce();
  const [inputs, setInputs] = useTitleInputs(grid, run.read.layout.headerTop);
  const { working, act } = useAction(announce);
  const period = usePreviousPeriod({ run, gridSheet: grid?.sheet ?? null, scoring, report, act, announce });
  const { comparison } = period;
  const narrative = useNarrative(scoring, run, comparison, announce);
  const disabled = Boolean(busy) || working !== null;

  const writeAppendix = () =>
    act("Đang lập phụ lục…", async () => {
      if (!report) return;
      const done = await report.writeAppendix(await scoring.appendixPlan(run, inputs, comparison, narrative ?? undefined));
      const notes = done.notesSheetName ? ` và trang "${done.notesSheetName}" (số đơn vị theo xếp loại, nhận xét)` : "";
      const charts = done.charts ? " với 2 biểu đồ" : " (Excel này chưa vẽ được biểu đồ qua phần bổ trợ)";
      const undo = await onSheetsAdded?.([done.sheetName, ...(done.notesSheetName ? [done.notesSheetName] : [])]);
      // Made, but with something for the clerk to know or do (no charts, a sheet to delete by hand): a warning.
      const intent = !done.charts || undo?.leftToUser ? "warning" : "success";
      announce({ intent, text: `Đã lập trang "${done.sheetName}"${notes}${charts}.${undo ? ` ${undo.text}` : ""}` });
    });

  const writeScorecards = () =>
    act("Đang lập phiếu điểm…", async () => {
      if (!report) return;
      const name = await report.writeScorecards(await scoring.scorecardPlan(run, inputs, comparison));
      const undo = await onSheetsAdded?.([name]);
      announce({ intent: undo?.leftToUser ? "warning" : "success", text: `Đã lập trang "${name}": mỗi đơn vị một trang A4 để in.${undo ? ` ${undo.text}` : ""}` });
    });

  return (
    <div className={styles.root}>
      {narrative ? (
        <NarrativeBlock narrative={narrative} groupMessage={() => messageOf(run, inputs, comparison)} />
      ) : (
        <div className={styles.note} role="status">
          Đang soạn nhận xét…
        </div>
      )}
      {report && <PreviousPeriodBlock period={period} disabled={disabled} />}
      {report && <AppendixFields inputs={inputs} onInputs={setInputs} disabled={disabled} onAppendix={() => void writeAppendix()} onScorecards={() => void writeScorecards()} />}
      {working && (
        <div className={styles.note} role="status">
          {working}
        </div>
      )}
    </div>
  );
}

export default ReportPanel;
