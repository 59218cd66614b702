/**
 * Starts the scoring worker. Kept apart because `import.meta.url` is what webpack needs to
 * bundle the worker as its own script, and only the pane's entry (not the tests) loads this.
 */
export function startScoringWorker(): Worker {
  return new Worker(new URL("./scoring.worker.ts", import.meta.url));
}
