/**
 * The task pane's scoring worker: reading the grid into a table, scoring and planning the write
 * run here, off the thread that keeps the pane (and Excel's view of it) responsive. Long replies
 * go in slices (splitReply), so taking one in never blocks the pane for long.
 */
import { z } from "zod";
import { createAnswerer } from "./scoring-answer";
import { splitReply, type ScoringRequest } from "./scoring-protocol";

// zod would otherwise probe `new Function` once; the pane's CSP forbids code from strings.
z.config({ jitless: true });

const scope = self as unknown as { onmessage: ((event: MessageEvent<ScoringRequest>) => void) | null; postMessage(message: unknown): void };
const answer = createAnswerer();
scope.onmessage = (event) =>
  answer(event.data, (reply) => {
    for (const message of splitReply(reply)) scope.postMessage(message);
  });
