/**
 * The worker's side of the scoring protocol: reading, scoring and planning, reading the method
 * sheet, and the report's work on the last run. The worker runs it; the pane loads it on demand
 * (its own chunk) only where no worker can start.
 */
import { runScoring } from "../pipeline";
import { planUndo } from "../plan";
import { sheetToMethod } from "../profiles/sheet/read";
import { errorMessage } from "./errors";
import { doReportWork, type ReportRun } from "./report/build";
import { reportRunOf, type ScoringReply, type ScoringRequest } from "./scoring-protocol";

/** Does one request, posting its progress and then its result or a message saying why not. */
export type Answerer = (request: ScoringRequest, post: (reply: ScoringReply) => void) => void;

/**
 * The whole worker. It keeps the last run it scored for the report's work on it (the pane keeps
 * its own copy), so a report request carries the run only to a worker that has not got it.
 */
export function createAnswerer(): Answerer {
  let lastRun: { id: number; run: ReportRun } | null = null;
  return (request, post) => {
    const { id } = request;
    try {
      if (request.kind === "run") {
        const result = runScoring(request.grid, { ...request.options, onProgress: (progress) => post({ id, kind: "progress", progress }) });
        lastRun = { id, run: reportRunOf(result) };
        post({ id, kind: "ran", result });
      } else if (request.kind === "planUndo") {
        post({ id, kind: "plannedUndo", plan: planUndo(request.state, request.grid) });
      } else if (request.kind === "readMethod") {
        post({ id, kind: "methodRead", reading: sheetToMethod(request.grid) });
      } else {
        if (request.run) lastRun = { id: request.runId, run: request.run };
        const run = lastRun?.id === request.runId ? lastRun.run : null;
        post({ id, kind: "reported", value: run ? doReportWork(run, request.work) : null });
      }
    } catch (e) {
      post({ id, kind: "failed", message: errorMessage(e) });
    }
  };
}
