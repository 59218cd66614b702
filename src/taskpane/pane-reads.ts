/**
 * How the pane reads the workbook and scores what it read: the table (the scored sheet, not
 * the tool's appendix), the sheet of the last run for undo, and the run with its method's source.
 */
import type * as React from "react";
import type { WorkbookAdapter, WorkbookSnapshot } from "../adapters/office/adapter";
import { isAppendixSheet } from "../model/plan";
import type { Profile } from "../model/profile";
import { isMethodSheet } from "./method-sheet";
import type { ColumnMapping } from "../model/table";
import type { LevelOverrides, RankingChoice } from "../model/choices";
import type { Progress } from "./useProgress";
import type { NoticeIntent } from "./status";
import type { ProfileSource, RunResult, ScoringService } from "./scoring";

export type ScoreOptions = { profileId?: string; mapping?: ColumnMapping; levels?: LevelOverrides; ranking?: RankingChoice };

/** What the pane remembers between actions (refs: they change without a re-render). */
export interface PaneMemory {
  /** Formulas the write's check found in target cells (a read brings values only), per sheet. */
  knownFormulas: { sheet: string; formulas: Record<string, string> } | null;
  /** Set while the tool writes: its own changes are not "the sheet changed". */
  writing: boolean;
  /** The method the user picked in this pane, if any: a re-read keeps it. */
  chosenProfile: string | null;
  lastRun: { run: RunResult; source: ProfileSource } | null;
  /** The sheet of the table last read: where to go back to from the tool's appendix sheet. */
  scoredSheet: string | null;
  /** Levels and ranking the user set in this pane (until then, the workbook's stored ones apply). */
  chosen: { levels?: LevelOverrides; ranking?: RankingChoice };
  /** The method of the workbook's sheet "Phương pháp chấm điểm", used unless the user picks one here. */
  sheetMethod: Profile | null;
}

export interface PaneReads {
  adapter: WorkbookAdapter;
  scoring: ScoringService;
  progress: Progress;
  memory: React.MutableRefObject<PaneMemory>;
  /** The last action's result other than an error; "success" unless said. */
  setNotice(text: string | null, intent?: NoticeIntent): void;
}

/** The grid with the formulas a write's check found in it (a read brings values only). */
export function withKnownFormulas(memory: PaneMemory, snap: WorkbookSnapshot): WorkbookSnapshot {
  const known = memory.knownFormulas;
  return known && known.sheet === snap.grid.sheet ? { ...snap, grid: { ...snap.grid, formulas: { ...snap.grid.formulas, ...known.formulas } } } : snap;
}

/** Read the table (the scored sheet, not the tool's appendix), with the formulas known for it. */
export async function readSnapshot(pane: PaneReads, selection: boolean): Promise<WorkbookSnapshot> {
  const { adapter, memory } = pane;
  let snap = await adapter.read({ selection });
  // The active sheet is the appendix the tool made ("Lập phụ lục" leaves it open): read the
  // table it came from instead of scoring the appendix itself.
  const source = snap.state?.lastRun?.sheet ?? memory.current.scoredSheet;
  const open = snap.grid.sheet;
  if (!selection && (isAppendixSheet(open) || isMethodSheet(open)) && source && source !== open) {
    try {
      snap = await adapter.read({ sheet: source });
      pane.setNotice(`Trang đang mở là ${isMethodSheet(open) ? "phương pháp chấm điểm" : "phụ lục do công cụ lập"}; đã đọc bảng ở trang ${source}.`, "info");
    } catch {
      // Renamed or deleted since: score what is open, and say so.
      pane.setNotice(`Không còn trang ${source} của lần chấm trước; đã đọc trang đang mở.`, "warning");
    }
  }
  pane.progress.check();
  return withKnownFormulas(memory.current, snap);
}

/**
 * Undo compares the whole sheet of the last run with what the tool wrote there: read that
 * sheet's used range, whatever sheet is open (the appendix, say) and whatever is selected.
 */
export async function readForUndo(pane: PaneReads, known: string | undefined): Promise<WorkbookSnapshot> {
  const snap = await pane.adapter.read(known ? { sheet: known } : {});
  const last = snap.state?.lastRun;
  const read = last && last.sheet !== snap.grid.sheet ? await pane.adapter.read({ sheet: last.sheet }) : snap;
  pane.progress.check();
  return read;
}

/** Score a snapshot in the worker; says where the method came from as the user would. */
export async function scoreSnapshot(pane: PaneReads, snap: WorkbookSnapshot, options: ScoreOptions, cancellable = true): Promise<{ run: RunResult; source: ProfileSource }> {
  const memoryNow = pane.memory.current;
  const method = memoryNow.chosenProfile === null ? (memoryNow.sheetMethod ?? undefined) : undefined;
  const run = await pane.scoring.run(snap.grid, { ...memoryNow.chosen, ...options, state: snap.state, ...(method ? { method } : {}) }, pane.progress.control(cancellable));
  const memory = pane.memory.current;
  // A re-run that passes the same method along is not the user choosing it: say where it first came from.
  const previous = memory.lastRun;
  const sameMethod = previous !== null && previous.run.profile.id === run.profile.id;
  const source: ProfileSource = memory.chosenProfile === run.profile.id ? "option" : sameMethod ? previous.source : run.profileSource;
  memory.lastRun = { run, source };
  return { run, source };
}
