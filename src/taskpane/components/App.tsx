import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Label,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookAdapter, WorkbookSnapshot } from "../../adapters/office/adapter";
import type { ReportAdapter } from "../../adapters/office/report";
import type { ColumnMapping } from "../../model/table";
import { isAppendixSheet, type WorkbookState, type WritePlan } from "../../model/plan";
import type { Problem } from "../../model/units";
import { mappingOf } from "../../plan";
import { formatViNumber } from "../../report/format";
import type { RunResult, ScoringService } from "../scoring";
import { errorMessage, yieldToEventLoop } from "../errors";
import { MappingTable } from "./MappingTable";
import { Preview } from "./Preview";
import { WrappingSelect } from "./WrappingSelect";
import { ProblemList } from "./ProblemList";

/**
 * Laid out for Excel's pane (320–350 px wide): one column, nothing wider than the pane, the
 * write/undo bar stuck to the bottom so it stays in reach while the preview scrolls.
 */
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`, minWidth: 0, boxSizing: "border-box" },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", "& summary": { cursor: "pointer", color: tokens.colorBrandForegroundLink } },
  candidates: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  tableInfo: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  barButtons: { display: "flex", gap: tokens.spacingHorizontalS },
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

type Busy = { label: string; value: number } | null;

/** A write waiting for the user to agree to overwrite cells holding other data. */
interface PendingWrite {
  kind: "write" | "undo";
  plan: WritePlan;
  state: WorkbookState;
}

const SOURCE_LABELS = { option: "Do bạn chọn", state: "Đã dùng lần trước trong sổ này", detected: "Nhận diện theo tiêu đề cột" } as const;

/** What the pane says of a state it cannot use: a newer one stops writes, a broken one is replaced. */
function stateIssueText(issue: NonNullable<WorkbookSnapshot["stateIssue"]>): string {
  return issue.kind === "newer" ? `${issue.message} Không ghi gì vào sổ.` : `${issue.message} Đã bỏ qua: chấm như sổ chưa từng chấm; lần ghi sau thay dữ liệu này.`;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function App({ adapter, scoring, report }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const profileSelectId = React.useId();
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot | null>(null);
  const [result, setResult] = React.useState<RunResult | null>(null);
  const [useSelection, setUseSelection] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<PendingWrite | null>(null);
  /** The sheet of the table last read: where to go back to from the tool's appendix sheet. */
  const scoredSheet = React.useRef<string | null>(null);

  /** Run one user action: progress shown, errors shown, never two at once. */
  const act = React.useCallback(async (action: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const score = React.useCallback(
    async (snap: WorkbookSnapshot, options: { profileId?: string; mapping?: ColumnMapping }) => {
      setBusy({ label: "Đang chấm điểm…", value: 0.5 });
      await yieldToEventLoop();
      const run = scoring.run(snap.grid, { ...options, state: snap.state });
      await yieldToEventLoop();
      setResult(run);
    },
    [scoring],
  );

  const load = React.useCallback(
    async (selection: boolean, options: { profileId?: string; mapping?: ColumnMapping } = {}) => {
      setBusy({ label: "Đang đọc bảng…", value: 0.2 });
      await yieldToEventLoop();
      let snap = await adapter.read({ selection });
      // The active sheet is the appendix the tool made ("Lập phụ lục" leaves it open): read the
      // table it came from instead of scoring the appendix itself.
      const source = snap.state?.lastRun?.sheet ?? scoredSheet.current;
      if (!selection && isAppendixSheet(snap.grid.sheet) && source && source !== snap.grid.sheet) {
        try {
          snap = await adapter.read({ sheet: source });
          setNotice(`Trang đang mở là phụ lục do công cụ lập; đã đọc bảng ở trang ${source}.`);
        } catch {
          // Renamed or deleted since: score what is open, and say so.
          setNotice(`Không còn trang ${source} của lần chấm trước; đã đọc trang đang mở.`);
        }
      }
      scoredSheet.current = snap.grid.sheet;
      setSnapshot(snap);
      if (snap.stateIssue) setNotice(stateIssueText(snap.stateIssue));
      await score(snap, options);
    },
    [adapter, score],
  );

  React.useEffect(() => {
    void act(() => load(false));
  }, [act, load]);

  const changeProfile = (profileId: string) =>
    act(async () => {
      if (!snapshot) return;
      await score(snapshot, { profileId, mapping: {} });
    });

  const changeField = (letter: string, field: string | null) =>
    act(async () => {
      if (!snapshot || !result) return;
      await score(snapshot, { profileId: result.profile.id, mapping: { ...mappingOf(result.read.mapping), [letter]: field } });
    });

  const apply = async (write: PendingWrite, overwrite: boolean) => {
    setBusy({ label: write.kind === "write" ? "Đang ghi kết quả…" : "Đang hoàn tác…", value: 0.8 });
    await yieldToEventLoop();
    const report = await adapter.apply(write.plan, write.state, { overwriteConflicts: overwrite });
    const keep = result ? { profileId: result.profile.id, mapping: mappingOf(result.read.mapping) } : {};
    await load(useSelection, keep);
    setNotice(write.kind === "write" ? `Đã ghi ${formatViNumber(report.cells)} ô vào trang ${write.plan.sheet}.` : `Đã hoàn tác: trang ${write.plan.sheet} đã trở lại như trước lần ghi.`);
  };

  const write = () =>
    act(async () => {
      if (!result) return;
      // A newer version's state is never overwritten.
      if (snapshot?.stateIssue?.kind === "newer") throw new Error(stateIssueText(snapshot.stateIssue));
      const state = scoring.stateAfterWrite(result.plan, result.profile, result.read.mapping);
      const request: PendingWrite = { kind: "write", plan: result.plan, state };
      if (result.plan.conflicts.length > 0) setPending(request);
      else await apply(request, false);
    });

  const undo = () =>
    act(async () => {
      setBusy({ label: "Đang đọc dữ liệu hoàn tác…", value: 0.3 });
      // Undo compares the whole sheet of the last run with what the tool wrote there: read that
      // sheet's used range, whatever sheet is open (the appendix, say) and whatever is selected.
      const known = snapshot?.state?.lastRun?.sheet;
      let snap = await adapter.read(known ? { sheet: known } : {});
      const last = snap.state?.lastRun;
      if (last && last.sheet !== snap.grid.sheet) snap = await adapter.read({ sheet: last.sheet });
      const state = snap.state;
      if (snap.stateIssue) throw new Error(stateIssueText(snap.stateIssue));
      if (!state?.lastRun) {
        setNotice("Sổ này chưa có lần ghi nào để hoàn tác.");
        return;
      }
      const request: PendingWrite = { kind: "undo", plan: scoring.planUndo(state, snap.grid), state: scoring.stateAfterUndo(state) };
      if (request.plan.conflicts.length > 0) setPending(request);
      else await apply(request, false);
    });

  const confirmPending = () =>
    act(async () => {
      const request = pending;
      setPending(null);
      if (request) await apply(request, true);
    });

  const selectCell = (cell: string) => act(() => adapter.selectCell(cell));

  const problems: Problem[] = result ? [...result.read.problems, ...result.scored.problems, ...result.scored.units.flatMap((u) => u.problems)] : [];
  const canUndo = Boolean(snapshot?.state?.lastRun);
  const disabled = busy !== null;

  const chosen = result?.read.candidates.find((c) => c.id === result.profile.id) ?? result?.read.candidates[0];
  const others = result ? result.read.candidates.filter((c) => c !== chosen).slice(0, 3) : [];
  const profileName = (id: string) => scoring.profiles.find((p) => p.id === id)?.name ?? id;

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Button size="small" onClick={() => void act(() => load(useSelection))} disabled={disabled}>
          Đọc lại bảng
        </Button>
        <Switch label="Chỉ dùng vùng đang chọn" checked={useSelection} disabled={disabled} onChange={(_, d) => setUseSelection(d.checked)} />
      </div>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <>
          <div className={styles.section}>
            <Label htmlFor={profileSelectId}>Phương pháp chấm điểm</Label>
            <WrappingSelect
              id={profileSelectId}
              value={result.profile.id}
              disabled={disabled}
              options={[
                ...scoring.profiles.map((p) => ({ value: p.id, label: p.name })),
                ...(scoring.profiles.some((p) => p.id === result.profile.id) ? [] : [{ value: result.profile.id, label: result.profile.name }]),
              ]}
              onChange={(id) => void changeProfile(id)}
            />
            <div className={styles.why}>
              {SOURCE_LABELS[result.profileSource]}
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

          <div className={styles.section}>
            <Subtitle2>Các cột</Subtitle2>
            <MappingTable profile={result.profile} mapping={result.read.mapping} disabled={disabled} onChange={(l, f) => void changeField(l, f)} />
          </div>

          <div className={styles.section}>
            <Subtitle2>Xem trước kết quả</Subtitle2>
            <Preview profile={result.profile} units={result.scored.units} plan={result.plan} />
          </div>

          <div className={styles.section}>
            <Subtitle2>Vấn đề ({formatViNumber(problems.length)})</Subtitle2>
            <ProblemList problems={problems} onSelectCell={(c) => void selectCell(c)} />
          </div>

          <div className={styles.section}>
            <Subtitle2>Báo cáo</Subtitle2>
            <React.Suspense fallback={<div className={styles.progressLabel}>Đang tải phần báo cáo…</div>}>
              <ReportPanel run={result} grid={snapshot?.grid ?? null} scoring={scoring} report={report} busy={disabled} />
            </React.Suspense>
          </div>
        </>
      )}

      <div className={styles.bar} role="region" aria-label="Ghi kết quả và hoàn tác">
        {busy && (
          <div role="status">
            <ProgressBar value={busy.value} aria-label={busy.label} />
            <span className={styles.progressLabel}>{busy.label}</span>
          </div>
        )}
        <div className={styles.barButtons}>
          <Button appearance="primary" onClick={() => void write()} disabled={disabled || !result}>
            Ghi kết quả
          </Button>
          <Button onClick={() => void undo()} disabled={disabled || !canUndo}>
            Hoàn tác
          </Button>
        </div>
      </div>

      {pending && (
        <React.Suspense fallback={null}>
          <ConflictDialog
            kind={pending.kind}
            sheet={pending.plan.sheet}
            conflicts={pending.plan.conflicts}
            onConfirm={() => void confirmPending()}
            onCancel={() => setPending(null)}
          />
        </React.Suspense>
      )}
    </div>
  );
}
