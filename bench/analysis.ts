/**
 * Why a budget fails, as found by profiling (node --cpu-prof) and by the Office bench's
 * per-operation byte counts. BENCHMARKS.md prints the entry of each budget that fails, so the
 * numbers above it and the explanation stay side by side. Update an entry when the code changes.
 */
export const WHY_IT_FAILS: Record<string, string> = {
  // Every budget passed in the last full run (BENCHMARKS.md); an entry goes here, keyed by the
  // budget's name, when one fails and the reason is known.
};
