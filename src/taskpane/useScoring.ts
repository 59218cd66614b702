/**
 * The task pane's state and actions: read the table, score it, change the method or a column,
 * write, undo, confirm an overwrite. The App component only lays these out. Reading and
 * scoring are in pane-reads.ts, the writing actions in pane-writes.ts, progress and "Hủy" in
 * useProgress.ts; the scoring itself runs in the scoring worker.
 */
import * as React from "react";
import type { WorkbookAdapter, WorkbookSnapshot } from "../adapters/office/adapter";
import { publishedCheckLines } from "../plan/outputs";
import { whyNoTable } from "../model/no-table";
import type { ColumnMapping, ColumnMatch } from "../model/table";
import type { LevelOverrides, RankingChoice } from "../model/choices";
import type { Problem } from "../model/units";
import type { ProfileSource, RunResult, ScoringService } from "./scoring";
import { CancelledError } from "./scoring-client";
import { errorMessage } from "./errors";
import { onePerCell } from "../model/problems";
import { METHOD_SHEET } from "../model/profile";
import type { MethodSheetAdapter } from "../adapters/office/method-sheet";
import { readSheetMethod, writeSheetMethod } from "./method-sheet";
import { readSnapshot, scoreSnapshot, type PaneMemory, type PaneReads, type ScoreOptions } from "./pane-reads";
import { applyWrite, undoLastWrite, undoWords, writeResults, type PaneWrites, type PendingWrite } from "./pane-writes";
import { useProgress, type Busy as BusyStep } from "./useProgress";
import type { Notice, NoticeIntent } from "./status";

export type { PendingWrite };
/** What the pane is doing, or null when idle. */
export type Busy = BusyStep | null;

/**
 * The columns to keep as they are on the next run: those the user chose here and those kept
 * from the workbook's saved run. Columns found by their headers are found again, so they stay
 * "found by header" instead of turning into "chosen by the user".
 */
function keptMapping(mapping: ColumnMatch[]): ColumnMapping {
  return Object.fromEntries(mapping.filter((m) => m.source === "mapping").map((m) => [m.letter, m.field]));
}

export interface ScoringPane {
  snapshot: WorkbookSnapshot | null;
  result: RunResult | null;
  problems: Problem[];
  /** Where the method came from, as the user would say it: chosen here, saved in the workbook, or detected. */
  profileSource: ProfileSource | null;
  /** Letters of the columns whose field the user chose in this pane. */
  chosenColumns: ReadonlySet<string>;
  busy: Busy;
  error: string | null;
  notice: Notice | null;
  pending: PendingWrite | null;
  /** The last write asked about: the dialog stays mounted (closed) so focus and aria come back. */
  asked: PendingWrite | null;
  /** The sheet changed since the preview was computed (worksheet onChanged). */
  stale: boolean;
  /** What changed between the preview's read and a write attempt (nothing was written). */
  changed: string | null;
  /** Why there is no table to write to; then write, undo and the report are off. */
  noTable: string | null;
  /** Published columns compared with the recomputed values, one line each. */
  checkLines: string[];
  useSelection: boolean;
  canUndo: boolean;
  /** What "Hoàn tác" puts back (the workbook's last write), or null when there is nothing to undo. */
  undoText: string | null;
  setUseSelection(on: boolean): void;
  reload(): void;
  changeProfile(profileId: string): void;
  changeField(letter: string, field: string | null): void;
  /** Levels for the whole table ({} = as the table tells, dropping a level column chosen here). */
  changeLevels(levels: LevelOverrides): void;
  /** The column holding each unit's level (a whole-table level chosen before is dropped). */
  changeLevelColumn(letter: string): void;
  changeRanking(choice: RankingChoice): void;
  write(): void;
  undo(): void;
  confirmPending(): void;
  cancelPending(): void;
  selectCell(cell: string): void;
  /** Mistakes of the workbook's sheet "Phương pháp chấm điểm", each at its cell (then nothing is scored by it). */
  methodProblems: Problem[];
  /** The method sheet exists with other content: waiting for the user to agree to replace it. */
  methodAsk: boolean;
  writeMethodSheet(): void;
  confirmMethodSheet(): void;
  cancelMethodSheet(): void;
}

/** What the pane says of a state it cannot use: a newer one stops writes, a broken one is replaced. */
function stateIssueText(issue: NonNullable<WorkbookSnapshot["stateIssue"]>): string {
  return issue.kind === "newer" ? `${issue.message} Không ghi gì vào sổ.` : `${issue.message} Đã bỏ qua: chấm như sổ chưa từng chấm; lần ghi sau thay dữ liệu này.`;
}

/** The state setters the pane's actions show their results with. */
interface PaneView {
  setProfileSource(source: ProfileSource): void;
  setResult(run: RunResult): void;
  setSnapshot(snap: WorkbookSnapshot): void;
  setStale(stale: boolean): void;
  setChanged(text: string | null): void;
  setAsked(request: PendingWrite): void;
  setPending(request: PendingWrite): void;
  /** Reads the workbook's method sheet before scoring; false: it is broken, nothing is scored. */
  readMethod(): Promise<boolean>;
}

/** Scoring, loading and asking, bound to this render's state, for the actions in pane-writes.ts. */
function paneWrites(reads: PaneReads, shown: Pick<PaneWrites, "snapshot" | "result" | "useSelection">, view: PaneView): PaneWrites {
  const { memory, progress, adapter } = reads;
  const score = async (snap: WorkbookSnapshot, options: ScoreOptions, cancellable = true) => {
    const { run, source } = await scoreSnapshot(reads, snap, options, cancellable);
    view.setProfileSource(source);
    view.setResult(run);
    return run;
  };
  const showSnapshot = (snap: WorkbookSnapshot) => {
    memory.current.scoredSheet = snap.grid.sheet;
    view.setSnapshot(snap);
    view.setStale(false);
  };
  const load = async (selection: boolean, options: ScoreOptions = {}, cancellable = true) => {
    progress.show("Đang đọc bảng…", undefined, cancellable);
    const snap = await readSnapshot(reads, selection);
    showSnapshot(snap);
    if (snap.stateIssue) reads.setNotice(stateIssueText(snap.stateIssue), "warning");
    // The workbook's own method sheet comes before scoring: a broken one scores nothing.
    if (!(await view.readMethod())) return;
    await score(snap, options, cancellable);
    // Tell the preview when the sheet changes under it (ExcelApi 1.7; a no-op elsewhere).
    await adapter.watch?.(snap.grid.sheet, () => {
      if (!memory.current.writing) view.setStale(true);
    });
  };
  const keep = (): ScoreOptions => (shown.result ? { profileId: memory.current.chosenProfile ?? undefined, mapping: keptMapping(shown.result.read.mapping) } : {});
  const ask = (request: PendingWrite) => {
    view.setAsked(request);
    view.setPending(request);
  };
  return { ...reads, ...shown, score, load, keep, showSnapshot, setChanged: view.setChanged, ask, stateIssueText };
}

/** The actions that score the same snapshot again with another choice: method, column, levels, ranking. */
function rescoreActions(pane: PaneWrites, act: (action: () => Promise<void>) => void, setChosenColumns: React.Dispatch<React.SetStateAction<ReadonlySet<string>>>) {
  const { snapshot, result, memory } = pane;
  const rescore = (change: (current: RunResult) => ScoreOptions | null) =>
    act(async () => {
      if (!snapshot || !result) return;
      const options = change(result);
      if (options) await pane.score(snapshot, options);
    });
  const kept = (run: RunResult) => keptMapping(run.read.mapping);
  return {
    changeProfile: (profileId: string) =>
      act(async () => {
        if (!snapshot) return;
        memory.current.chosenProfile = profileId;
        setChosenColumns(new Set());
        await pane.score(snapshot, { profileId, mapping: {} });
      }),
    changeField: (letter: string, field: string | null) =>
      rescore((run) => {
        setChosenColumns((letters) => new Set([...letters, letter]));
        return { profileId: run.profile.id, mapping: { ...kept(run), [letter]: field } };
      }),
    changeLevels: (levels: LevelOverrides) =>
      rescore((run) => {
        memory.current.chosen = { ...memory.current.chosen, levels };
        const mapping = kept(run);
        if (!levels.table) for (const m of run.read.mapping) if (m.field === "level" && m.source === "mapping") delete mapping[m.letter];
        return { profileId: run.profile.id, mapping };
      }),
    changeLevelColumn: (letter: string) =>
      rescore((run) => {
        memory.current.chosen = { ...memory.current.chosen, levels: {} };
        setChosenColumns((letters) => new Set([...letters, letter]));
        return { profileId: run.profile.id, mapping: { ...kept(run), [letter]: "level" } };
      }),
    changeRanking: (ranking: RankingChoice) =>
      rescore((run) => {
        memory.current.chosen = { ...memory.current.chosen, ranking };
        return { profileId: run.profile.id, mapping: kept(run) };
      }),
  };
}

/** "Phương pháp chấm điểm": the method in use written into its sheet, asking before replacing the user's. */
async function putMethodSheet(pane: PaneWrites, methodSheet: MethodSheetAdapter | undefined, replace: boolean, setMethodAsk: (ask: boolean) => void): Promise<void> {
  setMethodAsk(false);
  const profile = pane.result?.profile;
  if (!methodSheet || !profile) return;
  pane.progress.show("Đang ghi trang phương pháp chấm điểm…", 0.5, false);
  const memory = pane.memory.current;
  memory.writing = true;
  try {
    const done = await writeSheetMethod(methodSheet, pane.scoring.readMethodSheet, profile, replace);
    if (done === "ask") setMethodAsk(true);
    else if (done === "same") pane.setNotice(`Trang “${METHOD_SHEET}” đã ghi đúng phương pháp đang dùng.`, "info");
    else pane.setNotice(`Đã ghi phương pháp “${profile.name}” vào trang “${METHOD_SHEET}”. Sửa các ô của trang rồi bấm Đọc lại bảng: bảng được chấm theo trang đó.`);
  } finally {
    setTimeout(() => (memory.writing = false), 500);
  }
}

export function useScoring(adapter: WorkbookAdapter, scoring: ScoringService, methodSheet?: MethodSheetAdapter): ScoringPane {
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot | null>(null);
  const [result, setResult] = React.useState<RunResult | null>(null);
  const [useSelection, setUseSelection] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNoticeState] = React.useState<Notice | null>(null);
  const setNotice = React.useCallback((text: string | null, intent: NoticeIntent = "success") => setNoticeState(text === null ? null : { intent, text }), []);
  const [pending, setPending] = React.useState<PendingWrite | null>(null);
  const [asked, setAsked] = React.useState<PendingWrite | null>(null);
  const [stale, setStale] = React.useState(false);
  const [changed, setChanged] = React.useState<string | null>(null);
  const [chosenColumns, setChosenColumns] = React.useState<ReadonlySet<string>>(new Set());
  const [profileSource, setProfileSource] = React.useState<ProfileSource | null>(null);
  const memory = React.useRef<PaneMemory>({ knownFormulas: null, writing: false, chosenProfile: null, lastRun: null, scoredSheet: null, chosen: {}, sheetMethod: null });
  const [methodProblems, setMethodProblems] = React.useState<Problem[]>([]);
  const [methodAsk, setMethodAsk] = React.useState(false);
  const progress = useProgress();

  const noTable = result && snapshot ? whyNoTable(result, snapshot.grid.sheet) : null;
  const readMethod = async () => {
    const own = await readSheetMethod(methodSheet, scoring.readMethodSheet);
    memory.current.sheetMethod = own.profile;
    setMethodProblems(own.problems);
    if (own.problems.length > 0 && memory.current.chosenProfile === null) {
      setResult(null);
      return false;
    }
    return true;
  };
  const view: PaneView = { setProfileSource, setResult, setSnapshot, setStale, setChanged, setAsked, setPending, readMethod };
  const pane = paneWrites({ adapter, scoring, progress, memory, setNotice }, { snapshot, result, useSelection }, view);

  /** Run one user action: progress shown, errors shown, "Hủy" said plainly, never two at once. */
  const act = (action: () => Promise<void>) =>
    void (async () => {
      setError(null);
      setNotice(null);
      setChanged(null);
      progress.begin();
      try {
        await action();
      } catch (e) {
        if (e instanceof CancelledError) setNotice(e.message, "info");
        else setError(errorMessage(e));
      } finally {
        progress.end();
      }
    })();

  const first = React.useRef(pane);
  React.useEffect(() => act(() => first.current.load(false)), []);

  const problems: Problem[] = React.useMemo(
    () => (result ? onePerCell([...result.read.problems, ...result.scored.problems, ...result.scored.units.flatMap((u) => u.problems)]) : []),
    [result],
  );
  const checkLines = React.useMemo(() => (result ? publishedCheckLines(result.plan.checks) : []), [result]);

  return {
    ...{ asked, stale, changed, noTable, snapshot, result, problems, profileSource, chosenColumns, error, notice, pending, useSelection, setUseSelection },
    ...rescoreActions(pane, act, setChosenColumns),
    busy: progress.busy,
    checkLines: noTable ? [] : checkLines,
    canUndo: Boolean(snapshot?.state?.lastRun) && !noTable,
    undoText: snapshot?.state?.lastRun && !noTable ? undoWords(snapshot.state.lastRun) : null,
    reload: () => act(() => pane.load(useSelection)),
    write: () => act(() => writeResults(pane, noTable)),
    undo: () => act(() => undoLastWrite(pane)),
    confirmPending: () =>
      act(async () => {
        const request = pending;
        setPending(null);
        if (request) await applyWrite(pane, request, true);
      }),
    cancelPending: () => setPending(null),
    selectCell: (cell) => act(() => adapter.selectCell(cell)),
    methodProblems,
    methodAsk,
    writeMethodSheet: () => act(() => putMethodSheet(pane, methodSheet, false, setMethodAsk)),
    confirmMethodSheet: () => act(() => putMethodSheet(pane, methodSheet, true, setMethodAsk)),
    cancelMethodSheet: () => setMethodAsk(false),
  };
}
