/**
 * The pane's writing actions: "Ghi kết quả", "Hoàn tác", and agreeing to overwrite. A write is
 * computed from the sheet as it is now; a refused one (the sheet changed) writes nothing and
 * shows the new preview. "Hủy" works until Excel starts writing.
 */
import { SheetChangedError, type WorkbookSnapshot } from "../adapters/office/adapter";
import type { GridChange } from "../plan/diff";
import { nothingToWriteText } from "../plan/effect";
import type { AddedSheet, WorkbookState, WritePlan } from "../model/plan";
import { removeAddedSheets, sheetNames } from "./added-sheets";
import { formatViDateTime, formatViNumber } from "../report/format";
import { unrestorableFormulas } from "../plan/formula-check";
import { changedText, unrestorableText } from "./changes";
import { readForUndo, readSnapshot, withKnownFormulas, type PaneReads, type ScoreOptions } from "./pane-reads";
import type { RunResult } from "./scoring";

/** A write waiting for the user to agree to overwrite cells holding other data. */
export interface PendingWrite {
  kind: "write" | "undo";
  plan: WritePlan;
  state: WorkbookState;
  /** An undo's: the sheets its run added (the appendix), removed unless edited since. */
  sheets?: AddedSheet[];
  /** A write's: the cells whose value it changes, as the preview counted them ("sẽ ghi 57 ô"). */
  changes?: number;
}

export interface PaneWrites extends PaneReads {
  snapshot: WorkbookSnapshot | null;
  result: RunResult | null;
  useSelection: boolean;
  /** Score a snapshot and show it as the preview. */
  score(snap: WorkbookSnapshot, options: ScoreOptions, cancellable?: boolean): Promise<RunResult>;
  /** Read the table and score it again. */
  load(selection: boolean, options?: ScoreOptions, cancellable?: boolean): Promise<void>;
  /** The method and columns to keep on the next run. */
  keep(): ScoreOptions;
  showSnapshot(snap: WorkbookSnapshot): void;
  setChanged(text: string | null): void;
  ask(request: PendingWrite): void;
  /** Why a newer or broken saved state stops writing, in Vietnamese. */
  stateIssueText(issue: NonNullable<WorkbookSnapshot["stateIssue"]>): string;
}

/** A write that would replace formulas undo could not write back is refused, never asked about. */
function refuseUnrestorable(plan: WritePlan): void {
  const cells = unrestorableFormulas(plan.previous);
  if (cells.length > 0) throw new Error(unrestorableText(plan.sheet, cells));
}

/** The sheet is not what the preview was computed from: show the new preview and what changed. */
async function showChanged(pane: PaneWrites, fresh: WorkbookSnapshot, changes: GridChange[], formulas: string[]): Promise<RunResult> {
  pane.showSnapshot(fresh);
  const run = await pane.score(fresh, pane.keep());
  pane.setChanged(changedText(fresh.grid.sheet, changes, formulas));
  return run;
}

/** Nothing was written (SheetChangedError): read again, so the next write is computed from the sheet as it is. */
async function afterRefusal(pane: PaneWrites, request: PendingWrite, e: SheetChangedError): Promise<void> {
  const memory = pane.memory.current;
  memory.knownFormulas = { sheet: e.sheet, formulas: e.formulas };
  const changes = e.changed.map((c) => ({ address: c.address, was: c.was, now: c.now }));
  if (request.kind === "undo") {
    const snap = withKnownFormulas(memory, await readForUndo(pane, pane.snapshot?.state?.lastRun?.sheet));
    if (changes.length > 0) pane.setChanged(changedText(snap.grid.sheet, changes, e.newFormulas));
    if (snap.state?.lastRun) {
      const plan = await pane.scoring.planUndo(snap.state, snap.grid, pane.progress.control());
      pane.ask({ kind: "undo", plan, state: pane.scoring.stateAfterUndo(snap.state), sheets: snap.state.lastRun.sheets });
    }
    return;
  }
  const fresh = await readSnapshot(pane, pane.useSelection);
  const run = await showChanged(pane, fresh, changes, e.newFormulas);
  if (unrestorableFormulas(run.plan.previous).length > 0) {
    // Not "the tool writes there when you agree": it will not, so only the typed changes are news.
    pane.setChanged(changes.length > 0 ? changedText(fresh.grid.sheet, changes, []) : null);
    refuseUnrestorable(run.plan);
  }
  // Only formulas were news: ask about them now (the new plan lists them as conflicts).
  if (changes.length === 0 && run.plan.conflicts.length > 0) {
    const { state } = await pane.scoring.prepareWrite(run);
    if (state) pane.ask({ kind: "write", plan: run.plan, state });
  }
}

/** Excel writes: from here on "Hủy" is gone (stopping would leave a half-done write). */
export async function applyWrite(pane: PaneWrites, request: PendingWrite, overwrite: boolean): Promise<void> {
  if (request.kind === "write") refuseUnrestorable(request.plan);
  pane.progress.check();
  pane.progress.show(request.kind === "write" ? "Đang ghi kết quả…" : "Đang hoàn tác…", 0.8, false);
  const memory = pane.memory.current;
  let written;
  memory.writing = true;
  try {
    written = await pane.adapter.apply(request.plan, request.state, { overwriteConflicts: overwrite });
  } catch (e) {
    if (!(e instanceof SheetChangedError)) throw e;
    await afterRefusal(pane, request, e);
    return;
  } finally {
    // onChanged arrives after the sync: the tool's own echo is ignored a moment longer.
    setTimeout(() => (memory.writing = false), 500);
  }
  // The cells are back; then the appendix of that write goes (before the read: it may be the open sheet).
  const sheets = request.kind === "undo" && request.sheets?.length ? await removeAddedSheets(pane.adapter, request.sheets) : null;
  await pane.load(pane.useSelection, pane.keep(), false);
  pane.setNotice(
    request.kind === "write"
      ? // The count the preview promised: the adapter also rewrites cells of a block that already hold their value.
        `Đã ghi ${formatViNumber(request.changes ?? written.cells)} ô vào trang ${request.plan.sheet}.`
      : `Đã hoàn tác trên trang ${request.plan.sheet}: các ô công cụ đã ghi trở lại như trước khi chấm điểm; giá trị bạn tự nhập vẫn giữ.${sheets?.text ? ` ${sheets.text}` : ""}`,
    // A sheet left for the clerk to delete is something to do, not only a success.
    sheets?.leftToUser ? "warning" : "success",
  );
}

/** "Ghi kết quả": checks the sheet is still what the preview was computed from, then writes. */
export async function writeResults(pane: PaneWrites, noTable: string | null): Promise<void> {
  const { result, snapshot } = pane;
  if (!result || !snapshot || noTable) return;
  // A newer version's state is never overwritten.
  if (snapshot.stateIssue?.kind === "newer") throw new Error(pane.stateIssueText(snapshot.stateIssue));
  pane.progress.show("Đang kiểm tra bảng trước khi ghi…");
  // What is written is computed from the sheet as it is now: a cell typed or fixed since
  // the preview (an input or a result cell) means a new preview, not a write.
  const fresh = await readSnapshot(pane, pane.useSelection);
  // The comparison, counting the cells and building the state (undo data) run in the scoring worker.
  const { changes, cells, state } = await pane.scoring.prepareWrite(result, fresh.grid);
  if (changes.length > 0 || !state) {
    await showChanged(pane, fresh, changes, []);
    return;
  }
  // A write that changes nothing is not made: no new state, and undo keeps the last real write.
  if (cells === 0) {
    pane.setNotice(`${nothingToWriteText(result.plan)} Sổ không thay đổi.${snapshot.state?.lastRun ? ` ${undoWords(snapshot.state.lastRun)}` : ""}`, "info");
    return;
  }
  refuseUnrestorable(result.plan);
  const request: PendingWrite = { kind: "write", plan: result.plan, state, changes: result.effect.valueCells };
  if (result.plan.conflicts.length > 0) pane.ask(request);
  else await applyWrite(pane, request, false);
}

/** What "Hoàn tác" would undo: "“Hoàn tác” trả lại 58 ô trên trang Phụ lục 1 như trước lần ghi lúc 10:32 ngày 07/12/2026." */
export function undoWords(lastRun: NonNullable<WorkbookState["lastRun"]>): string {
  const sheets = lastRun.sheets?.length ? ` và xóa ${sheetNames(lastRun.sheets.map((s) => s.name))} lập sau lần ghi đó (nếu chưa bị sửa)` : "";
  return `“Hoàn tác” trả lại ${formatViNumber(lastRun.written.length)} ô trên trang ${lastRun.sheet} như trước lần ghi lúc ${formatViDateTime(lastRun.at)}${sheets}.`;
}

/** "Hoàn tác": puts back what the last write changed, from the snapshots saved with it. */
export async function undoLastWrite(pane: PaneWrites): Promise<void> {
  pane.progress.show("Đang đọc dữ liệu hoàn tác…");
  const snap = await readForUndo(pane, pane.snapshot?.state?.lastRun?.sheet);
  const state = snap.state;
  if (snap.stateIssue) throw new Error(pane.stateIssueText(snap.stateIssue));
  if (!state?.lastRun) {
    pane.setNotice("Sổ này chưa có lần ghi nào để hoàn tác.", "info");
    return;
  }
  const plan = await pane.scoring.planUndo(state, withKnownFormulas(pane.memory.current, snap).grid, pane.progress.control());
  const request: PendingWrite = { kind: "undo", plan, state: pane.scoring.stateAfterUndo(state), sheets: state.lastRun.sheets };
  if (request.plan.conflicts.length > 0) pane.ask(request);
  else await applyWrite(pane, request, false);
}
