/**
 * Why a budget fails, as found by profiling (node --cpu-prof) and by the Office bench's
 * per-operation byte counts. BENCHMARKS.md prints the entry of each budget that fails, so the
 * numbers above it and the explanation stay side by side. Update an entry when the code changes.
 */
export const WHY_IT_FAILS: Record<string, string> = {
  // Keyed by the budget's name; an entry goes here when a budget fails and the reason is known.
  "No pane main-thread task over 200 ms": `
At 3,838 rows of the indicator table (66 columns) the pane's own frame still has single tasks of
0.2–0.4 s; the group table (10 columns) and every 400-row case stay under 200 ms. Profiling the
pane in Chromium (tracing and the CPU profiler) found them outside the scoring worker: the Office
adapter's write turning the new state into cell-sized chunks (stateToChunks / packLastRun) and
checking the target cells, the adapter's read turning Excel's answer into a grid, and React
drawing the preview. The worker now sends its long lists in slices and prepares the write, so
receiving results no longer blocks. What is left is to build the state's chunks in the worker
and to draw the preview in parts. Under load these tasks grow, so the 200 ms budget is not
shown to hold on a slow PC.
`,
};
