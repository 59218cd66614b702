import * as React from "react";
import { Button, MessageBar, MessageBarBody, ProgressBar, Label, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookAdapter } from "../../adapters/office/adapter";
import type { ReportAdapter } from "../../adapters/office/report";
import { formatViNumber } from "../../report/format";
import { STALE_TEXT } from "../changes";
import type { ScoringService } from "../scoring";
import { AnnounceContext, type PaneStatus } from "../status";
import { useScoring } from "../useScoring";
import { MappingTable } from "./MappingTable";
import { Preview } from "./Preview";
import { WrappingSelect } from "./WrappingSelect";
import { ProblemList } from "./ProblemList";
import { versionText } from "../../model/profile";

/**
 * Laid out for Excel's pane (320–350 px wide): one column, nothing wider than the pane. The
 * action bar is first, stuck to the top: "Ghi kết quả" is the first Tab stop and every action's
 * result is shown (and announced) there, wherever the pane is scrolled.
 */
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`, minWidth: 0, boxSizing: "border-box" },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", "& summary": { cursor: "pointer", color: tokens.colorBrandForegroundLink } },
  candidates: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  tableInfo: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  barButtons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { minWidth: 0, overflowWrap: "anywhere", ":empty": { display: "none" } },
  progressLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  adapter: WorkbookAdapter;
  scoring: ScoringService;
  /** Appendix, charts and the previous period's sheet; without it the pane shows the narrative only. */
  report?: ReportAdapter;
}

/** Asked only when a write would overwrite other data: loaded then, not with the pane. */
const ConflictDialog = React.lazy(() => import(/* webpackChunkName: "conflict" */ "./ConflictDialog"));

/** The report panel (narrative, appendix, comparison) in its own chunk: first render stays small. */
const ReportPanel = React.lazy(() => import(/* webpackChunkName: "report" */ "./ReportPanel"));

const SOURCE_LABELS = { option: "Do bạn chọn", state: "Đã dùng lần trước trong sổ này", detected: "Nhận diện theo tiêu đề cột" } as const;

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function App({ adapter, scoring, report }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const profileSelectId = React.useId();
  const pane = useScoring(adapter, scoring);
  const { snapshot, result, problems, busy, error, notice, pending, asked, noTable, useSelection } = pane;
  const writeButton = React.useRef<HTMLButtonElement>(null);
  const disabled = busy !== null;
  const ids = React.useId();
  /** The last action's result, the pane's own or one the report panel announced (the latest wins). */
  const [status, setStatus] = React.useState<PaneStatus | null>(null);
  React.useEffect(() => {
    setStatus(error ? { intent: "error", text: error } : notice ? { intent: "success", text: notice } : null);
  }, [error, notice]);

  const chosen = result?.read.candidates.find((c) => c.id === result.profile.id) ?? result?.read.candidates[0];
  const others = result ? result.read.candidates.filter((c) => c !== chosen).slice(0, 3) : [];
  const profileName = (id: string) => scoring.profiles.find((p) => p.id === id)?.name ?? id;

  return (
    <AnnounceContext.Provider value={setStatus}>
      <div className={styles.root}>
        <div className={styles.bar} role="region" aria-label="Ghi kết quả và hoàn tác">
          <div className={styles.barButtons}>
            <Button ref={writeButton} size="small" appearance="primary" onClick={pane.write} disabled={disabled || !result || noTable !== null}>
              Ghi kết quả
            </Button>
            <Button size="small" onClick={pane.undo} disabled={disabled || !pane.canUndo}>
              Hoàn tác
            </Button>
            <Button size="small" onClick={pane.reload} disabled={disabled}>
              Đọc lại bảng
            </Button>
          </div>
          {/* Always in the page, so screen readers announce what is put in it. */}
          <div className={styles.status} role="status" aria-live="polite" aria-atomic="true" data-pane-status>
            {busy ? (
              <>
                <ProgressBar value={busy.value} aria-label={busy.label} />
                <span className={styles.progressLabel}>{busy.label}</span>
                {busy.cancel && (
                  <Button size="small" onClick={busy.cancel}>
                    Hủy
                  </Button>
                )}
              </>
            ) : (
              status &&
              status.intent !== "error" && (
                <MessageBar intent={status.intent}>
                  <MessageBarBody>{status.text}</MessageBarBody>
                </MessageBar>
              )
            )}
          </div>
          <div className={styles.status} role="alert" data-pane-error>
            {!busy && status?.intent === "error" && (
              <MessageBar intent="error">
                <MessageBarBody>{status.text}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </div>

        <div className={styles.toolbar}>
          <Switch label="Chỉ dùng vùng đang chọn" checked={useSelection} disabled={disabled} onChange={(_, d) => pane.setUseSelection(d.checked)} />
        </div>

        {pane.changed && (
          <MessageBar intent="warning">
            <MessageBarBody>{pane.changed}</MessageBarBody>
          </MessageBar>
        )}
        {pane.stale && !pane.changed && (
          <MessageBar intent="warning">
            <MessageBarBody>{STALE_TEXT}</MessageBarBody>
          </MessageBar>
        )}
        {noTable && (
          <MessageBar intent="warning">
            <MessageBarBody>{noTable}</MessageBarBody>
          </MessageBar>
        )}
        {pane.checkLines.length > 0 && (
          <MessageBar intent="info">
            <MessageBarBody>
              {pane.checkLines.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}

        {result && !noTable && (
          <>
            <div className={styles.section}>
              <Label htmlFor={profileSelectId}>
                Phương pháp chấm điểm
              </Label>
              <WrappingSelect
                id={profileSelectId}
                value={result.profile.id}
                disabled={disabled}
                options={[
                  ...scoring.profiles.map((p) => ({ value: p.id, label: p.name })),
                  ...(scoring.profiles.some((p) => p.id === result.profile.id) ? [] : [{ value: result.profile.id, label: result.profile.name }]),
                ]}
                onChange={pane.changeProfile}
              />
              <div className={styles.why}>{versionText(result.profile)}</div>
              <div className={styles.why}>
                {SOURCE_LABELS[pane.profileSource ?? result.profileSource]}
                {chosen && ` · khớp ${percent(chosen.score)}`}
              </div>
              {chosen && (
                <details className={styles.details}>
                  <summary>Vì sao chọn phương pháp này?</summary>
                  <div>{chosen.reason}</div>
                  {others.length > 0 && (
                    <ul className={styles.candidates} aria-label="Phương pháp khác">
                      {others.map((c) => (
                        <li key={c.id}>
                          {profileName(c.id)}: khớp {percent(c.score)}
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              )}
              <div className={styles.tableInfo}>
                Bảng {snapshot?.address} · tiêu đề dòng {result.read.layout.headerTop + 1}–{result.read.layout.headerBottom + 1} · dữ liệu dòng {result.read.layout.dataTop + 1}–
                {result.read.layout.dataBottom + 1}
              </div>
            </div>

            <section className={styles.section} aria-labelledby={`${ids}-columns`}>
              <Subtitle2 as="h2" id={`${ids}-columns`} className={styles.heading}>
                Các cột
              </Subtitle2>
              <MappingTable profile={result.profile} mapping={result.read.mapping} chosen={pane.chosenColumns} disabled={disabled} onChange={pane.changeField} />
            </section>

            <section className={styles.section} aria-labelledby={`${ids}-preview`}>
              <Subtitle2 as="h2" id={`${ids}-preview`} className={styles.heading}>
                Xem trước kết quả
              </Subtitle2>
              <Preview profile={result.profile} units={result.scored.units} plan={result.plan} />
            </section>

            <section className={styles.section} aria-labelledby={`${ids}-problems`}>
              <Subtitle2 as="h2" id={`${ids}-problems`} className={styles.heading}>
                Vấn đề ({formatViNumber(problems.length)})
              </Subtitle2>
              <ProblemList problems={problems} onSelectCell={pane.selectCell} />
            </section>

            <section className={styles.section} aria-labelledby={`${ids}-report`}>
              <Subtitle2 as="h2" id={`${ids}-report`} className={styles.heading}>
                Báo cáo
              </Subtitle2>
              <React.Suspense fallback={<div className={styles.progressLabel}>Đang tải phần báo cáo…</div>}>
                <ReportPanel run={result} grid={snapshot?.grid ?? null} scoring={scoring} report={report} busy={disabled} />
              </React.Suspense>
            </section>
          </>
        )}

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
