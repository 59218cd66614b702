/**
 * The worker's side of the scoring protocol: reading, scoring and planning one request, or
 * reading the method sheet. The
 * worker runs it; the pane loads it on demand (its own chunk) only where no worker can start.
 */
import { runScoring } from "../pipeline";
import { planUndo } from "../plan";
import { sheetToMethod } from "../profiles/sheet/read";
import { errorMessage } from "./errors";
import type { ScoringReply, ScoringRequest } from "./scoring-protocol";

/** Does one request, posting its progress and then its result or a message saying why not. */
export function answer(request: ScoringRequest, post: (reply: ScoringReply) => void): void {
  const { id } = request;
  try {
    if (request.kind === "run") {
      const result = runScoring(request.grid, { ...request.options, onProgress: (progress) => post({ id, kind: "progress", progress }) });
      post({ id, kind: "ran", result });
    } else if (request.kind === "planUndo") {
      post({ id, kind: "plannedUndo", plan: planUndo(request.state, request.grid) });
    } else {
      post({ id, kind: "methodRead", reading: sheetToMethod(request.grid) });
    }
  } catch (e) {
    post({ id, kind: "failed", message: errorMessage(e) });
  }
}
