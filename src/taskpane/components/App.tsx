import * as React from "react";
import { Button, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { MethodSheetAdapter } from "../../adapters/office/method-sheet";
import { MethodPicker, MethodSheetProblems, ReplaceMethodSheet } from "./MethodControls";
import type { WorkbookAdapter } from "../../adapters/office/adapter";
import type { ReportAdapter } from "../../adapters/office/report";
import { formatViNumber } from "../../report/format";
import type { RunResult, ScoringService } from "../scoring";
import { AnnounceContext, type PaneStatus } from "../status";
import { useScoring, type ScoringPane } from "../useScoring";
import { recordAddedSheets } from "../added-sheets";
import { ActionBar } from "./ActionBar";
import { MappingTable } from "./MappingTable";
import { PaneNotices } from "./PaneNotices";
import { Preview } from "./Preview";
import { ProblemList } from "./ProblemList";
import { LevelControl } from "./LevelControl";
import { ProfileSection } from "./ProfileSection";

/**
 * Laid out for Excel's pane (320–350 px wide): one column, nothing wider than the pane; the
 * action bar first (see ActionBar). The state and the actions live in useScoring.
 */
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`, minWidth: 0, boxSizing: "border-box" },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  progressLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  adapter: WorkbookAdapter;
  scoring: ScoringService;
  /** Appendix, charts and the previous period's sheet; without it the pane shows the narrative only. */
  report?: ReportAdapter;
  /** The workbook's sheet "Phương pháp chấm điểm": read before scoring, written by its button. */
  methodSheet?: MethodSheetAdapter;
}

/** Asked only when a write would overwrite other data: loaded then, not with the pane. */
const ConflictDialog = React.lazy(() => import(/* webpackChunkName: "conflict" */ "./ConflictDialog"));

/** The report panel (narrative, appendix, comparison) in its own chunk: first render stays small. */
const ReportPanel = React.lazy(() => import(/* webpackChunkName: "report" */ "./ReportPanel"));

/** A titled section of the pane, its heading named for screen readers. */
function PaneSection({ id, title, children }: { id: string; title: React.ReactNode; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** The sections shown once a table is scored: method, columns, levels, preview, problems, report. */
function ResultSections({ pane, scoring, report, adapter, result }: { pane: ScoringPane; scoring: ScoringService; report?: ReportAdapter; adapter: WorkbookAdapter; result: RunResult }): React.JSX.Element {
  const styles = useStyles();
  const ids = React.useId();
  const disabled = pane.busy !== null;
  const onSheetsAdded = (names: string[]) => recordAddedSheets(adapter, result.plan.sheet, names);
  return (
    <>
      <ProfileSection result={result} scoring={scoring} profileSource={pane.profileSource} disabled={disabled} onChange={pane.changeProfile} />

      <PaneSection id={`${ids}-columns`} title="Các cột">
        <MappingTable profile={result.profile} mapping={result.read.mapping} chosen={pane.chosenColumns} disabled={disabled} outputs={result.plan.columns} onChange={pane.changeField} />
      </PaneSection>

      <PaneSection id={`${ids}-levels`} title="Cấp đơn vị và xếp hạng">
        <LevelControl run={result} disabled={disabled} onLevels={pane.changeLevels} onLevelColumn={pane.changeLevelColumn} onRanking={pane.changeRanking} />
      </PaneSection>

      <PaneSection id={`${ids}-preview`} title="Xem trước kết quả">
        <Preview profile={result.profile} units={result.scored.units} plan={result.plan} effect={result.effect} />
      </PaneSection>

      <PaneSection id={`${ids}-problems`} title={`Vấn đề (${formatViNumber(pane.problems.length)})`}>
        <ProblemList problems={pane.problems} onSelectCell={pane.selectCell} />
      </PaneSection>

      <PaneSection id={`${ids}-report`} title="Báo cáo">
        <React.Suspense fallback={<div className={styles.progressLabel}>Đang tải phần báo cáo…</div>}>
          <ReportPanel run={result} grid={pane.snapshot?.grid ?? null} scoring={scoring} report={report} busy={disabled} onSheetsAdded={onSheetsAdded} />
        </React.Suspense>
      </PaneSection>
    </>
  );
}

/** "Chỉ dùng vùng đang chọn" and the method sheet's button. */
function PaneToolbar({ pane, methodSheet }: { pane: ScoringPane; methodSheet?: MethodSheetAdapter }): React.JSX.Element {
  const styles = useStyles();
  const disabled = pane.busy !== null;
  return (
    <div className={styles.toolbar}>
      <Switch label="Chỉ dùng vùng đang chọn" checked={pane.useSelection} disabled={disabled} onChange={(_, d) => pane.setUseSelection(d.checked)} />
      {methodSheet && (
        <Button size="small" disabled={disabled || !pane.result} onClick={pane.writeMethodSheet}>
          Ghi trang phương pháp
        </Button>
      )}
    </div>
  );
}

/** The last action's result, the pane's own or one the report panel announced (the latest wins). */
function usePaneStatus(error: string | null, notice: PaneStatus | null): [PaneStatus | null, React.Dispatch<React.SetStateAction<PaneStatus | null>>] {
  const [status, setStatus] = React.useState<PaneStatus | null>(null);
  React.useEffect(() => {
    setStatus(error ? { intent: "error", text: error } : notice);
  }, [error, notice]);
  return [status, setStatus];
}

export function App({ adapter, scoring, report, methodSheet }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const pane = useScoring(adapter, scoring, methodSheet);
  const { result, busy, pending, asked, noTable } = pane;
  const writeButton = React.useRef<HTMLButtonElement>(null);
  const disabled = busy !== null;
  const [status, setStatus] = usePaneStatus(pane.error, pane.notice);

  return (
    <AnnounceContext.Provider value={setStatus}>
      <div className={styles.root}>
        <ActionBar
          busy={busy}
          status={status}
          canWrite={result !== null && noTable === null}
          canUndo={pane.canUndo}
          undoText={pane.undoText}
          onWrite={pane.write}
          onUndo={pane.undo}
          onReload={pane.reload}
          writeButton={writeButton}
        />

        <PaneToolbar pane={pane} methodSheet={methodSheet} />

        {pane.methodAsk && result && <ReplaceMethodSheet methodName={result.profile.name} onReplace={pane.confirmMethodSheet} onKeep={pane.cancelMethodSheet} />}

        {(!result || noTable) && !busy && <MethodPicker scoring={scoring} disabled={disabled} onChange={pane.changeProfile} />}

        {pane.methodProblems.length > 0 && !result && <MethodSheetProblems problems={pane.methodProblems} onSelectCell={pane.selectCell} />}

        <PaneNotices changed={pane.changed} stale={pane.stale} noTable={noTable} checkLines={pane.checkLines} />

        {result && !noTable && <ResultSections pane={pane} scoring={scoring} report={report} adapter={adapter} result={result} />}

        {asked && (
          <React.Suspense fallback={null}>
            <ConflictDialog
              open={pending !== null}
              kind={asked.kind}
              sheet={asked.plan.sheet}
              conflicts={asked.plan.conflicts}
              onConfirm={pane.confirmPending}
              onCancel={pane.cancelPending}
              returnFocus={writeButton}
            />
          </React.Suspense>
        )}
      </div>
    </AnnounceContext.Provider>
  );
}
