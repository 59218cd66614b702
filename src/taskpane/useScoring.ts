/**
 * The task pane's state and actions: read the table, score it, change the method or a column,
 * write, undo, confirm an overwrite. The App component only lays these out.
 */
import * as React from "react";
import { SheetChangedError, type WorkbookAdapter, type WorkbookSnapshot } from "../adapters/office/adapter";
import { gridChanges, type GridChange } from "../plan/diff";
import { publishedCheckLines } from "../plan/outputs";
import { whyNoTable } from "../pipeline";
import { changedText } from "./changes";
import type { ColumnMapping, ColumnMatch } from "../model/table";
import type { LevelOverrides, RankingChoice } from "../model/choices";
import { isAppendixSheet, type WorkbookState, type WritePlan } from "../model/plan";
import { METHOD_SHEET, type Profile } from "../model/profile";
import type { Problem } from "../model/units";
import { formatViNumber } from "../report/format";
import type { ProfileSource, RunResult, ScoringService } from "./scoring";
import { errorMessage, yieldToEventLoop } from "./errors";
import { onePerCell } from "./problems";
import type { MethodSheetAdapter } from "../adapters/office/method-sheet";
import { isMethodSheet, readSheetMethod, writeSheetMethod } from "./method-sheet";

export type Busy = { label: string; value: number } | null;

/** A write waiting for the user to agree to overwrite cells holding other data. */
export interface PendingWrite {
  kind: "write" | "undo";
  plan: WritePlan;
  state: WorkbookState;
}

type ScoreOptions = { profileId?: string; mapping?: ColumnMapping; levels?: LevelOverrides; ranking?: RankingChoice };

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
  notice: string | null;
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

export function useScoring(adapter: WorkbookAdapter, scoring: ScoringService, methodSheet?: MethodSheetAdapter): ScoringPane {
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot | null>(null);
  const [result, setResult] = React.useState<RunResult | null>(null);
  const [useSelection, setUseSelection] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<PendingWrite | null>(null);
  const [asked, setAsked] = React.useState<PendingWrite | null>(null);
  const [stale, setStale] = React.useState(false);
  const [changed, setChanged] = React.useState<string | null>(null);
  /** Formulas the write's check found in target cells (a read brings values only), per sheet. */
  const knownFormulas = React.useRef<{ sheet: string; formulas: Record<string, string> } | null>(null);
  /** Set while the tool writes: its own changes are not "the sheet changed". */
  const writing = React.useRef(false);
  const [chosenColumns, setChosenColumns] = React.useState<ReadonlySet<string>>(new Set());
  const [profileSource, setProfileSource] = React.useState<ProfileSource | null>(null);
  /** The method the user picked in this pane, if any: a re-read keeps it. */
  const chosenProfile = React.useRef<string | null>(null);
  /** Levels and ranking the user set in this pane (until then, the workbook's stored ones apply). */
  const chosen = React.useRef<{ levels?: LevelOverrides; ranking?: RankingChoice }>({});
  const lastRun = React.useRef<{ run: RunResult; source: ProfileSource } | null>(null);
  /** The sheet of the table last read: where to go back to from the tool's appendix sheet. */
  const scoredSheet = React.useRef<string | null>(null);
  /** The method of the workbook's sheet "Phương pháp chấm điểm", used unless the user picks one here. */
  const sheetMethod = React.useRef<Profile | null>(null);
  const [methodProblems, setMethodProblems] = React.useState<Problem[]>([]);
  const [methodAsk, setMethodAsk] = React.useState(false);

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
    async (snap: WorkbookSnapshot, options: ScoreOptions): Promise<RunResult> => {
      setBusy({ label: "Đang chấm điểm…", value: 0.5 });
      await yieldToEventLoop();
      const method = chosenProfile.current === null ? (sheetMethod.current ?? undefined) : undefined;
      const run = scoring.run(snap.grid, { ...chosen.current, ...options, state: snap.state, ...(method ? { method } : {}) });
      await yieldToEventLoop();
      // A re-run that passes the same method along is not the user choosing it: say where it first came from.
      const previous = lastRun.current;
      const sameMethod = previous !== null && previous.run.profile.id === run.profile.id;
      const source: ProfileSource = chosenProfile.current === run.profile.id ? "option" : sameMethod ? previous.source : run.profileSource;
      lastRun.current = { run, source };
      setProfileSource(source);
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
      const open = snap.grid.sheet;
      if (!selection && (isAppendixSheet(open) || isMethodSheet(open)) && source && source !== open) {
        try {
          snap = await adapter.read({ sheet: source });
          setNotice(`Trang đang mở là ${isMethodSheet(open) ? "phương pháp chấm điểm" : "phụ lục do công cụ lập"}; đã đọc bảng ở trang ${source}.`);
        } catch {
          // Renamed or deleted since: score what is open, and say so.
          setNotice(`Không còn trang ${source} của lần chấm trước; đã đọc trang đang mở.`);
        }
      }
      return withKnownFormulas(snap);
    },
    [adapter],
  );

  const withKnownFormulas = (snap: WorkbookSnapshot): WorkbookSnapshot => {
    const known = knownFormulas.current;
    return known && known.sheet === snap.grid.sheet ? { ...snap, grid: { ...snap.grid, formulas: { ...snap.grid.formulas, ...known.formulas } } } : snap;
  };

  const load = React.useCallback(
    async (selection: boolean, options: ScoreOptions = {}) => {
      setBusy({ label: "Đang đọc bảng…", value: 0.2 });
      await yieldToEventLoop();
      const snap = await readSnapshot(selection);
      scoredSheet.current = snap.grid.sheet;
      setSnapshot(snap);
      setStale(false);
      if (snap.stateIssue) setNotice(stateIssueText(snap.stateIssue));
      // The workbook's own method sheet comes before scoring: a broken one scores nothing.
      const own = await readSheetMethod(methodSheet);
      sheetMethod.current = own.profile;
      setMethodProblems(own.problems);
      if (own.problems.length > 0 && chosenProfile.current === null) {
        setResult(null);
        return;
      }
      await score(snap, options);
      // Tell the preview when the sheet changes under it (ExcelApi 1.7; a no-op elsewhere).
      await adapter.watch?.(snap.grid.sheet, () => {
        if (!writing.current) setStale(true);
      });
    },
    [adapter, readSnapshot, score, methodSheet],
  );

  React.useEffect(() => {
    void act(() => load(false));
  }, [act, load]);

  const keep = (): ScoreOptions => (result ? { profileId: chosenProfile.current ?? undefined, mapping: keptMapping(result.read.mapping) } : {});

  const ask = (request: PendingWrite) => {
    setAsked(request);
    setPending(request);
  };

  /** The sheet is not what the preview was computed from: show the new preview and what changed. */
  const showChanged = async (fresh: WorkbookSnapshot, changes: GridChange[], formulas: string[]): Promise<RunResult> => {
    scoredSheet.current = fresh.grid.sheet;
    setSnapshot(fresh);
    setStale(false);
    const run = await score(fresh, keep());
    setChanged(changedText(fresh.grid.sheet, changes, formulas));
    return run;
  };

  /** Nothing was written (SheetChangedError): read again, so the next write is computed from the sheet as it is. */
  const afterRefusal = async (request: PendingWrite, e: SheetChangedError) => {
    knownFormulas.current = { sheet: e.sheet, formulas: e.formulas };
    const changes = e.changed.map((c) => ({ address: c.address, was: c.was, now: c.now }));
    if (request.kind === "undo") {
      const snap = withKnownFormulas(await readForUndo());
      if (changes.length > 0) setChanged(changedText(snap.grid.sheet, changes, e.newFormulas));
      if (snap.state?.lastRun) ask({ kind: "undo", plan: scoring.planUndo(snap.state, snap.grid), state: scoring.stateAfterUndo(snap.state) });
      return;
    }
    const run = await showChanged(await readSnapshot(useSelection), changes, e.newFormulas);
    // Only formulas were news: ask about them now (the new plan lists them as conflicts).
    if (changes.length === 0 && run.plan.conflicts.length > 0) ask({ kind: "write", plan: run.plan, state: scoring.stateAfterWrite(run.plan, run.profile, run.read.mapping, run.choices) });
  };

  const apply = async (request: PendingWrite, overwrite: boolean) => {
    setBusy({ label: request.kind === "write" ? "Đang ghi kết quả…" : "Đang hoàn tác…", value: 0.8 });
    await yieldToEventLoop();
    let written;
    writing.current = true;
    try {
      written = await adapter.apply(request.plan, request.state, { overwriteConflicts: overwrite });
    } catch (e) {
      if (!(e instanceof SheetChangedError)) throw e;
      await afterRefusal(request, e);
      return;
    } finally {
      // onChanged arrives after the sync: the tool's own echo is ignored a moment longer.
      setTimeout(() => (writing.current = false), 500);
    }
    await load(useSelection, keep());
    setNotice(
      request.kind === "write"
        ? `Đã ghi ${formatViNumber(written.cells)} ô vào trang ${request.plan.sheet}.`
        : `Đã hoàn tác: trang ${request.plan.sheet} đã trở lại như trước lần ghi.`,
    );
  };

  const readForUndo = async (): Promise<WorkbookSnapshot> => {
    // Undo compares the whole sheet of the last run with what the tool wrote there: read that
    // sheet's used range, whatever sheet is open (the appendix, say) and whatever is selected.
    const known = snapshot?.state?.lastRun?.sheet;
    const snap = await adapter.read(known ? { sheet: known } : {});
    const last = snap.state?.lastRun;
    return last && last.sheet !== snap.grid.sheet ? adapter.read({ sheet: last.sheet }) : snap;
  };

  /** "Phương pháp chấm điểm": the method in use written into its sheet, asking before replacing the user's. */
  const putMethodSheet = async (replace: boolean) => {
    setMethodAsk(false);
    const profile = result?.profile;
    if (!methodSheet || !profile) return;
    setBusy({ label: "Đang ghi trang phương pháp chấm điểm…", value: 0.5 });
    writing.current = true;
    try {
      const done = await writeSheetMethod(methodSheet, profile, replace);
      if (done === "ask") setMethodAsk(true);
      else if (done === "same") setNotice(`Trang “${METHOD_SHEET}” đã ghi đúng phương pháp đang dùng.`);
      else setNotice(`Đã ghi phương pháp “${profile.name}” vào trang “${METHOD_SHEET}”. Sửa các ô của trang rồi bấm Đọc lại bảng: bảng được chấm theo trang đó.`);
    } finally {
      setTimeout(() => (writing.current = false), 500);
    }
  };

  const problems: Problem[] = React.useMemo(
    () => (result ? onePerCell([...result.read.problems, ...result.scored.problems, ...result.scored.units.flatMap((u) => u.problems)]) : []),
    [result],
  );

  const noTable = result && snapshot ? whyNoTable(result, snapshot.grid.sheet) : null;
  const checkLines = React.useMemo(() => (result ? publishedCheckLines(result.plan.checks) : []), [result]);

  return {
    asked,
    stale,
    changed,
    noTable,
    checkLines: noTable ? [] : checkLines,
    snapshot,
    result,
    problems,
    profileSource,
    chosenColumns,
    busy,
    error,
    notice,
    pending,
    useSelection,
    canUndo: Boolean(snapshot?.state?.lastRun) && !noTable,
    setUseSelection,
    reload: () => void act(() => load(useSelection)),
    changeProfile: (profileId) =>
      void act(async () => {
        chosenProfile.current = profileId;
        // No table read yet (or the method sheet stopped it): read with the method picked here.
        if (!snapshot || !result) {
          await load(useSelection, { profileId, mapping: {} });
          return;
        }
        setChosenColumns(new Set());
        await score(snapshot, { profileId, mapping: {} });
      }),
    changeField: (letter, field) =>
      void act(async () => {
        if (!snapshot || !result) return;
        setChosenColumns((letters) => new Set([...letters, letter]));
        await score(snapshot, { profileId: result.profile.id, mapping: { ...keptMapping(result.read.mapping), [letter]: field } });
      }),
    changeLevels: (levels) =>
      void act(async () => {
        if (!snapshot || !result) return;
        chosen.current = { ...chosen.current, levels };
        const mapping = keptMapping(result.read.mapping);
        if (!levels.table) for (const m of result.read.mapping) if (m.field === "level" && m.source === "mapping") delete mapping[m.letter];
        await score(snapshot, { profileId: result.profile.id, mapping });
      }),
    changeLevelColumn: (letter) =>
      void act(async () => {
        if (!snapshot || !result) return;
        chosen.current = { ...chosen.current, levels: {} };
        setChosenColumns((letters) => new Set([...letters, letter]));
        await score(snapshot, { profileId: result.profile.id, mapping: { ...keptMapping(result.read.mapping), [letter]: "level" } });
      }),
    changeRanking: (ranking) =>
      void act(async () => {
        if (!snapshot || !result) return;
        chosen.current = { ...chosen.current, ranking };
        await score(snapshot, { profileId: result.profile.id, mapping: keptMapping(result.read.mapping) });
      }),
    write: () =>
      void act(async () => {
        if (!result || !snapshot || noTable) return;
        // A newer version's state is never overwritten.
        if (snapshot.stateIssue?.kind === "newer") throw new Error(stateIssueText(snapshot.stateIssue));
        setBusy({ label: "Đang kiểm tra bảng trước khi ghi…", value: 0.5 });
        // What is written is computed from the sheet as it is now: a cell typed or fixed since
        // the preview (an input or a result cell) means a new preview, not a write.
        const fresh = await readSnapshot(useSelection);
        const changes = gridChanges(snapshot.grid, fresh.grid);
        if (changes.length > 0) {
          await showChanged(fresh, changes, []);
          return;
        }
        const state = scoring.stateAfterWrite(result.plan, result.profile, result.read.mapping, result.choices);
        const request: PendingWrite = { kind: "write", plan: result.plan, state };
        if (result.plan.conflicts.length > 0) ask(request);
        else await apply(request, false);
      }),
    undo: () =>
      void act(async () => {
        setBusy({ label: "Đang đọc dữ liệu hoàn tác…", value: 0.3 });
        const snap = await readForUndo();
        const state = snap.state;
        if (snap.stateIssue) throw new Error(stateIssueText(snap.stateIssue));
        if (!state?.lastRun) {
          setNotice("Sổ này chưa có lần ghi nào để hoàn tác.");
          return;
        }
        const request: PendingWrite = { kind: "undo", plan: scoring.planUndo(state, withKnownFormulas(snap).grid), state: scoring.stateAfterUndo(state) };
        if (request.plan.conflicts.length > 0) ask(request);
        else await apply(request, false);
      }),
    confirmPending: () =>
      void act(async () => {
        const request = pending;
        setPending(null);
        if (request) await apply(request, true);
      }),
    cancelPending: () => setPending(null),
    selectCell: (cell) => void act(() => adapter.selectCell(cell)),
    methodProblems,
    methodAsk,
    writeMethodSheet: () => void act(() => putMethodSheet(false)),
    confirmMethodSheet: () => void act(() => putMethodSheet(true)),
    cancelMethodSheet: () => setMethodAsk(false),
  };
}
