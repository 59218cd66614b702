/**
 * Why a budget fails, as found by profiling (node --cpu-prof) and by the Office bench's
 * per-operation byte counts. BENCHMARKS.md prints the entry of each budget that fails, so the
 * numbers above it and the explanation stay side by side. Update an entry when the code changes.
 */
export const WHY_IT_FAILS: Record<string, string> = {
  "Engine ≤ 3× floor at 100k units": `
The engine was 100–200× its floor: decimal.js for every ratio, point and sum (about 1 µs per
operation, 20+ per indicator), an O(n²) rank bucket, and per-unit work repeated for every unit
(indicator field names, profile filters, regular expressions). Those are fixed (see "What was
optimised"); what remains is the output itself. For every unit score() returns a ScoredUnit with
an \`indicators\` record of 21 \`{ ratio, points }\` objects (each with two boxed doubles), a
groups record and problem/flag arrays: about 2 KB per unit that survive the call, so 100k units
allocate and promote about 200 MB, and the young-generation GC copies it. A CPU profile puts
about half of score() in allocating those results and in GC; the floor writes integers into
typed arrays and allocates nothing per unit. Getting under 3× needs a columnar result (typed
arrays of ratios, points, groups and totals, with per-unit objects built on demand by the few
consumers that want them), which changes the ScoredUnit contract in src/model/units.ts shared
by the plan, the report, the CLI and the task pane: a decision for the lead.`,
  "CLI ≤ 1.3× I/O floor at 10k rows": `
Per phase at 10k rows (median of the bench's in-process runs): exceljs load ≈ the floor's; then
grid ≈ 0.1–0.2 s, table reader ≈ 0.45 s (was 0.9 s), engine ≈ 0.1 s (was ≈ 4 s), write plan
≈ 0.2 s, applying the plan and the state ≈ 0.25 s, and the save ≈ 0.3–0.5 s slower than the
floor's because the output adds 90,000 cells (+20 %) and 1.2 MB of undo state (was 3.2 MB).
Left: the reader builds a cell-address string and parses every one of the 45 cells of each row
and normalises every unit name (≈ 25 µs per row); and exceljs renders one style per cell on
save (the floor pays that too). Reaching 1.3× would need the reader to address cells lazily
(compute "Sheet!D7" only for problems) and to skip re-parsing numbers exceljs already typed.`,
  "Syncs ≤ 3 at every size": `
The write stays at 2 syncs while it fits one 4 MB request. The read is one sync of values,
number formats and per-cell underline properties for the whole used range: 2.8 MB at 1k rows,
28 MB at 10k and 280 MB at 100k. Excel on the web rejects any request or response above 5 MB,
so a correct read of a large table must be split into requests under the cap: 100k rows × 53
columns of values and formats alone are about 72 MB, at least 18 requests. "≤ 3 syncs" and
"≤ 5 MB per sync" cannot both hold beyond about 5,000 rows of this 45-column layout; the
budgets need the lead's decision (e.g. ≤ 3 syncs up to 1k rows, and syncs ∝ size above).`,
  "No sync payload above 5 MB": `
The read response (see the Office rows above). Per operation at 10k rows: getCellProperties for
underlines 20.8 MB, values + number formats 7.2 MB. Proposed fix in src/adapters/office
(adapter.read): (1) load the range's format/font/underline first (one value; null only when
underlines are mixed) and fetch per-cell underlines only for mixed columns — a fresh table then
sends no underline data at all; (2) read values and number formats in row slices under 4 MB
(the first slice in the same sync as the state and merged areas, so small tables keep one read
sync). The write side no longer exceeds the cap at any size (state and values are split).`,
  "Formatting operations do not grow with rows": `
Number formats are written one command per output column and the state sheet's text format in
one command; an oversized block is split for its values only. If this fails again, look for a
new per-piece or per-row formatting command in writeWork (src/adapters/office/adapter.ts).`,
};

/** What the bench led to, with the numbers before and after (same machine, same inputs). */
export const OPTIMISED = `
| Where | Change | Before | After |
|---|---|---|---|
| Engine (src/engine/round.ts, indicator.ts) | Exact integer rounding of counts (⌊(2·num + den)/(2·den)⌋) and float shortcuts that defer to decimal.js only within a few ulps of a tie; proved equal to decimal.js by fast-check (tests/engine/round-fast.test.ts) | decimal.js for every value | decimal.js only at near-ties |
| Engine (src/engine/index.ts) | Ranks: O(n²) list copying per scope → push; sort by value buckets | 100k units: quadratic | ≈ 0.6 µs per unit |
| Engine | Profile-derived data once per call (members, maxima, bands, one joined aggregate pattern, field names); a unit's intermediate outcomes die before the next unit; the common indicator (counts, nothing to report) returns its result object directly; fixed-shape records | | |
| Engine, all of the above | score() on synthetic qd766 units, median | 10k: 1,787 ms (210× floor); 100k: 66,691 ms (217× floor, one run) | 10k ≈ 95 ms; 100k 0.86–0.91 s (7.2–8.4× floor over four full runs) |
| State (src/plan/state.ts) | Undo data packed in runs of adjacent cells with blank snapshots as one digit (old packing still read) | 10k rows × 9 columns: 3.2 MB | 1.2 MB |
| Office write (src/adapters/office/adapter.ts) | State split into request-sized slices; number formats one command per column; values split alone | 10k: 4 syncs, requests 3.44 + 1.13 MB; 100k: one 35 MB request; formatting commands 2 → 5 with rows | 10k: 3 syncs, 2.4 MB; 100k: every write request ≤ 3.7 MB; formatting commands constant |
| Reader (src/reader/normalize.ts, numbers.ts, index.ts; src/model/grid.ts) | Tone-placement memo per word, unit-name prefixes once, per-column field kind and maximum once, percent-format check without regex for "General", sheet-name quoting remembered | 10k rows: ≈ 0.9 s | ≈ 0.45 s |
| exceljs write (src/adapters/exceljs/index.ts) | One style object per (style, format) instead of one per output cell | 90k style renders on save | shared |
`;
