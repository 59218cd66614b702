/**
 * The worker's side of the scoring protocol: reading, scoring and planning, reading the method
 * sheet, and the work on a run it scored (the report's steps, preparing the write). The worker
 * runs it; the pane loads it on demand (its own chunk) only where no worker can start.
 */
import { runScoring, type RunResult } from "../pipeline";
import { planUndo } from "../plan";
import type { Grid } from "../model/grid";
import { gridChanges } from "../plan/diff";
import { cellsChanged } from "../plan/effect";
import { mappingOf, stateAfterWrite } from "../plan/state";
import { sheetToMethod } from "../profiles/sheet/read";
import { errorMessage } from "./errors";
import { doReportWork } from "./report/build";
import { mergeRequestParts, paneRunOf, type PreparedWrite, type RunValue, type RunWork, type ScoringReply, type ScoringRequest } from "./scoring-protocol";

/** Does one request, posting its progress and then its result or a message saying why not. */
export type Answerer = (request: ScoringRequest, post: (reply: ScoringReply) => void) => void;

/** A run the worker keeps, with the grid it read. */
interface KeptRun {
  run: RunResult;
  read: Grid;
}

/** Runs kept for later work: the current one and one more (the previous period the report compares with). */
const KEPT_RUNS = 2;

/** The write of `run` (scored from `read`), unless the sheet is no longer what it read. */
function prepareWrite({ run, read }: KeptRun, now: Grid | undefined): PreparedWrite {
  const changes = now ? gridChanges(read, now) : [];
  if (changes.length > 0) return { changes, cells: 0, state: null };
  const { plan, profile, choices } = run;
  return { changes, cells: cellsChanged(plan), state: stateAfterWrite(plan, { profile, mapping: mappingOf(run.read.mapping), choices }) };
}

function workOn(kept: KeptRun, work: RunWork): RunValue<RunWork> {
  return work.what === "write" ? prepareWrite(kept, work.now) : doReportWork(kept.run, work);
}

/**
 * The whole worker. It keeps its last runs whole and sends the pane each without the cells
 * read (PaneRun); work on a run then names it by id, and carries its inputs only to a worker
 * that has not got it.
 */
export function createAnswerer(): Answerer {
  const kept = new Map<number, KeptRun>();
  const keep = (id: number, run: RunResult, read: Grid) => {
    kept.set(id, { run, read });
    for (const old of kept.keys()) if (kept.size > KEPT_RUNS) kept.delete(old);
  };
  // Slices of a request's grids, sent ahead of it (splitRequest).
  const parts = new Map<number, { list: number; items: unknown[] }[]>();
  return (message, post) => {
    if (message.kind === "part") {
      const received = parts.get(message.id);
      if (received) received.push(message);
      else parts.set(message.id, [message]);
      return;
    }
    const request = mergeRequestParts(message, parts.get(message.id) ?? []);
    parts.delete(message.id);
    const { id } = request;
    try {
      if (request.kind === "run") {
        const result = runScoring(request.grid, { ...request.options, onProgress: (progress) => post({ id, kind: "progress", progress }) });
        keep(id, result, request.grid);
        post({ id, kind: "ran", result: paneRunOf(result) });
      } else if (request.kind === "planUndo") {
        post({ id, kind: "plannedUndo", plan: planUndo(request.state, request.grid) });
      } else if (request.kind === "readMethod") {
        post({ id, kind: "methodRead", reading: sheetToMethod(request.grid) });
      } else {
        if (request.rerun) keep(request.runId, runScoring(request.rerun.grid, request.rerun.options), request.rerun.grid);
        const run = kept.get(request.runId);
        post({ id, kind: "onRun", value: run ? workOn(run, request.work) : null });
      }
    } catch (e) {
      post({ id, kind: "failed", message: errorMessage(e) });
    }
  };
}
