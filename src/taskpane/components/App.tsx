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
import { SheetChangedError, type WorkbookAdapter, type WorkbookSnapshot } from "../../adapters/office/adapter";
import type { ReportAdapter } from "../../adapters/office/report";
import type { ColumnMapping } from "../../model/table";
import { isAppendixSheet, type WorkbookState, type WritePlan } from "../../model/plan";
import type { Problem } from "../../model/units";
import { mappingOf, outputSpecs } from "../../plan";
import { gridChanges, type GridChange } from "../../plan/diff";
import { publishedCheckLines, viValue, withoutOutputs } from "../../plan/outputs";
import { whyNoTable } from "../../pipeline";
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

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** "Bảng đã thay đổi …: D8 (trống) → “Khá”, … và 3 ô khác." */
function changedText(sheet: string, changes: GridChange[], formulas: string[]): string {
  const shown = changes.slice(0, 5).map((c) => `${c.address} ${viValue(c.was)} → ${viValue(c.now)}`);
  const more = changes.length > 5 ? ` và ${formatViNumber(changes.length - 5)} ô khác` : "";
  const parts: string[] = [];
  if (changes.length > 0) parts.push(`Trang ${sheet} đã thay đổi sau lần đọc bảng nên chưa ghi gì: ${shown.join("; ")}${more}. Kết quả bên dưới đã tính lại theo bảng hiện tại; hãy xem lại rồi bấm “Ghi kết quả”.`);
  if (formulas.length > 0) parts.push(`Ô ${formulas.slice(0, 5).join(", ")}${formulas.length > 5 ? ` và ${formatViNumber(formulas.length - 5)} ô khác` : ""} có công thức: công cụ chỉ ghi vào đó khi bạn đồng ý.`);
  return parts.join(" ");
}

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
  /** The last write asked about: the dialog stays mounted (closed) so focus and aria come back. */
  const [asked, setAsked] = React.useState<PendingWrite | null>(null);
  /** The sheet changed since the preview was computed (worksheet onChanged). */
  const [stale, setStale] = React.useState(false);
  /** What changed between the preview's read and a write attempt. */
  const [changed, setChanged] = React.useState<string | null>(null);
  /** Formulas the write's check found in target cells (the read brings values only), per sheet. */
  const knownFormulas = React.useRef<{ sheet: string; formulas: Record<string, string> } | null>(null);
  /** Set while the tool writes: its own changes are not "the sheet changed". */
  const writing = React.useRef(false);
  const writeButton = React.useRef<HTMLButtonElement>(null);
  /** The sheet of the table last read: where to go back to from the tool's appendix sheet. */
  const scoredSheet = React.useRef<string | null>(null);

  /** Run one user action: progress shown, errors shown, never two at once. */
  const act = React.useCallback(async (action: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    setChanged(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const score = React.useCallback(
    async (snap: WorkbookSnapshot, options: { profileId?: string; mapping?: ColumnMapping }): Promise<RunResult> => {
      setBusy({ label: "Đang chấm điểm…", value: 0.5 });
      await yieldToEventLoop();
      const run = scoring.run(snap.grid, { ...options, state: snap.state });
      await yieldToEventLoop();
      setResult(run);
      return run;
    },
    [scoring],
  );

  /** Read the table (the scored sheet, not the tool's appendix), with the formulas known for it. */
  const readSnapshot = React.useCallback(
    async (selection: boolean): Promise<WorkbookSnapshot> => {
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
      const known = knownFormulas.current;
      if (known && known.sheet === snap.grid.sheet) snap = { ...snap, grid: { ...snap.grid, formulas: { ...snap.grid.formulas, ...known.formulas } } };
      return snap;
    },
    [adapter],
  );

  const load = React.useCallback(
    async (selection: boolean, options: { profileId?: string; mapping?: ColumnMapping } = {}) => {
      setBusy({ label: "Đang đọc bảng…", value: 0.2 });
      await yieldToEventLoop();
      const snap = await readSnapshot(selection);
      scoredSheet.current = snap.grid.sheet;
      setSnapshot(snap);
      setStale(false);
      await score(snap, options);
      // Tell the preview when the sheet changes under it (ExcelApi 1.7; a no-op elsewhere).
      await adapter.watch?.(snap.grid.sheet, () => {
        if (!writing.current) setStale(true);
      });
    },
    [adapter, readSnapshot, score],
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
      const kept = withoutOutputs(mappingOf(result.read.mapping), outputSpecs(result.profile).map((s) => s.field));
      await score(snapshot, { profileId: result.profile.id, mapping: { ...kept, [letter]: field } });
    });

  // Output columns are placed again on each run: only the user's own choice fixes one.
  const keep = () => (result ? { profileId: result.profile.id, mapping: withoutOutputs(mappingOf(result.read.mapping), outputSpecs(result.profile).map((s) => s.field)) } : {});

  /** The sheet is not what the preview was computed from: show the new preview and what changed. */
  const showChanged = async (fresh: WorkbookSnapshot, changes: GridChange[], formulas: string[]) => {
    scoredSheet.current = fresh.grid.sheet;
    setSnapshot(fresh);
    setStale(false);
    const run = await score(fresh, keep());
    setChanged(changedText(fresh.grid.sheet, changes, formulas));
    return run;
  };

  const apply = async (write: PendingWrite, overwrite: boolean) => {
    setBusy({ label: write.kind === "write" ? "Đang ghi kết quả…" : "Đang hoàn tác…", value: 0.8 });
    await yieldToEventLoop();
    let report;
    writing.current = true;
    try {
      report = await adapter.apply(write.plan, write.state, { overwriteConflicts: overwrite });
    } catch (e) {
      if (!(e instanceof SheetChangedError)) throw e;
      // Nothing was written: read again, so the next write is computed from the sheet as it is.
      knownFormulas.current = { sheet: e.sheet, formulas: e.formulas };
      const fresh = write.kind === "write" ? await readSnapshot(useSelection) : await adapter.read({ sheet: write.plan.sheet });
      const changes = e.changed.map((c) => ({ address: c.address, was: c.was, now: c.now }));
      const run = await showChanged(fresh, changes, Object.keys(e.formulas));
      // Only formulas were news: ask about them now (the new plan lists them as conflicts).
      if (write.kind === "write" && changes.length === 0 && run.plan.conflicts.length > 0) {
        ask({ kind: "write", plan: run.plan, state: scoring.stateAfterWrite(run.plan, run.profile, run.read.mapping) });
      }
      return;
    } finally {
      // onChanged arrives after the sync: the tool's own echo is ignored a moment longer.
      setTimeout(() => (writing.current = false), 500);
    }
    await load(useSelection, keep());
    setNotice(write.kind === "write" ? `Đã ghi ${formatViNumber(report.cells)} ô vào trang ${write.plan.sheet}.` : `Đã hoàn tác: trang ${write.plan.sheet} đã trở lại như trước lần ghi.`);
  };

  const write = () =>
    act(async () => {
      if (!result || !snapshot) return;
      setBusy({ label: "Đang kiểm tra bảng trước khi ghi…", value: 0.5 });
      // What is written is computed from the sheet as it is now: a cell typed or fixed since
      // the preview (an input or a result cell) means a new preview, not a write.
      const fresh = await readSnapshot(useSelection);
      const changes = gridChanges(snapshot.grid, fresh.grid);
      if (changes.length > 0) {
        await showChanged(fresh, changes, []);
        return;
      }
      const state = scoring.stateAfterWrite(result.plan, result.profile, result.read.mapping);
      const request: PendingWrite = { kind: "write", plan: result.plan, state };
      if (result.plan.conflicts.length > 0) ask(request);
      else await apply(request, false);
    });

  const ask = (request: PendingWrite) => {
    setAsked(request);
    setPending(request);
  };

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
      if (!state?.lastRun) {
        setNotice("Sổ này chưa có lần ghi nào để hoàn tác.");
        return;
      }
      const request: PendingWrite = { kind: "undo", plan: scoring.planUndo(state, snap.grid), state: scoring.stateAfterUndo(state) };
      if (request.plan.conflicts.length > 0) ask(request);
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
  const noTable = result && snapshot ? whyNoTable(result, snapshot.grid.sheet) : null;
  const canUndo = Boolean(snapshot?.state?.lastRun) && !noTable;
  const disabled = busy !== null;
  const checkLines = result && !noTable ? publishedCheckLines(result.plan.checks) : [];

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
      {changed && (
        <MessageBar intent="warning">
          <MessageBarBody>{changed}</MessageBarBody>
        </MessageBar>
      )}
      {stale && !changed && (
        <MessageBar intent="warning">
          <MessageBarBody>Bảng đã thay đổi — kết quả đang hiển thị chưa cập nhật. Bấm “Đọc lại bảng” để tính lại.</MessageBarBody>
        </MessageBar>
      )}
      {noTable && (
        <MessageBar intent="warning">
          <MessageBarBody>{noTable}</MessageBarBody>
        </MessageBar>
      )}
      {checkLines.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {checkLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      {result && !noTable && (
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
          <Button ref={writeButton} appearance="primary" onClick={() => void write()} disabled={disabled || !result || noTable !== null}>
            Ghi kết quả
          </Button>
          <Button onClick={() => void undo()} disabled={disabled || !canUndo}>
            Hoàn tác
          </Button>
        </div>
      </div>

      {asked && (
        <React.Suspense fallback={null}>
          <ConflictDialog
            open={pending !== null}
            kind={asked.kind}
            sheet={asked.plan.sheet}
            conflicts={asked.plan.conflicts}
            onConfirm={() => void confirmPending()}
            onCancel={() => setPending(null)}
            returnFocus={writeButton}
          />
        </React.Suspense>
      )}
    </div>
  );
}
