/**
 * Why a budget fails, as found by profiling (node --cpu-prof) and by the Office bench's
 * per-operation byte counts. BENCHMARKS.md prints the entry of each budget that fails, so the
 * numbers above it and the explanation stay side by side. Update an entry when the code changes.
 */
export const WHY_IT_FAILS: Record<string, string> = {
  "Engine ≤ 3× floor at 100k units": `
The engine was 100–200× its floor: decimal.js for every ratio, point and sum, an O(n²) rank
bucket and per-unit work repeated for every unit; those are fixed (see "What was optimised").
Since then (measured side by side with the previous engine, alternating runs, 9 each, under load
4–5): each unit's \`indicators\` record is built on first read from typed-array columns (no 21
\`{ ratio, points }\` objects per unit during score()), the table's fields (\`options.fields\`) spare
the lookups of printed ratio/points, group and total cells a counts-only table does not have,
ranks for the competition and dense rules come from one numeric sort (names only order ties for
the sequential rule), and units and records have one shape across calls: 6.5–7.1× → 4.2–4.7×
the floor (CPU time 5.8–7.5× → 3.8–4.8×). Reading every unit's indicators afterwards (the CLI's
JSON summary) pays the records back: 6.8–7.7× in total, about what eager records cost. What is
left, by profile: the ScoredUnit objects themselves (17 fields, a groups record and boxed
doubles, ≈ 400 B per unit) that outlive the call, so the young-generation GC copies 40 MB per
100k units (≈ 35 % of score()); two defineProperty calls per unit for the lazy record (≈ 50 ms
at 100k); the floor has no per-unit output at all. Getting under 3× needs a columnar result
(typed arrays, per-unit objects built on demand by the few consumers that want them), which
changes the ScoredUnit contract in src/model/units.ts shared by the plan, the report, the CLI and
the task pane: a decision for the lead.`,
  "CLI ≤ 1.3× I/O floor at 10k rows": `
Per phase at 10k rows (bench/cli-phases.ts, in process, next to the floor): reader ≈ 0.3 s
(was 0.5–0.6 s: cell addresses are now built only when read, typed numbers need only range
checks, blank checks no longer stringify numbers), of which ≈ 0.1–0.2 s is header matching
(candidatesFor over 7 profiles × 45 header cells, independent of rows); grid ≈ 0.15 s, engine
≈ 0.15 s, plan ≈ 0.2 s, state ≈ 0.25 s (90,000 addressed snapshot/written records → packed
runs), apply ≈ 0.1 s. The save renders 20 % more cells than the floor's; unstyled cells now
share one style object per kind during the save (exceljs rendered a style to XML for every
cell: about a third of a save), which the floor does not do. Left: header matching cached
per distinct header text across profiles, and a state built from the plan's blocks without
per-cell address strings; a loaded 2-core machine puts the ratio between 1.45× and 1.7×.`,
  "Syncs ≤ 3 at every size": `
Holds up to 2,000 rows (read 1 + write 2). Beyond, it cannot hold together with "no sync
payload above 5 MB", which Excel on the web enforces: the read must bring back every value and
number format (about 14 bytes per cell of this 45-column layout + 8 blank columns: 7.2 MB at
10k rows, 72 MB at 100k), so it needs at least ⌈bytes / 5 MB⌉ syncs (2 at 10k, 15 at 100k; the
Office rows give this floor per phase). The adapter reads in tiles packed under 4 MB estimated
per sync (src/adapters/office/read.ts): 10k rows 3 read syncs, 100k rows 22 (≈ 3.4 MB each;
the estimate keeps 15 % margin over the first tile's measured bytes per cell, and Excel's own
envelope is not in the fake's count). Per-cell number formats cannot be avoided: the reader
needs them (a fraction formatted "0%" is a percent) and undo restores them, and Excel has no
"uniform number format" probe (Range.numberFormat is always a 2-D array); they are about two
thirds of the read ("General" travels as 10 bytes per cell, a count as 3–6). The write is 2 syncs while it fits one 4 MB request (up to ≈ 10k rows); at 100k rows its
25 MB of state and values need ≥ 6 requests (it makes 1 + 8). Proposed budget for the lead:
read = 1 sync up to 2k rows and ≤ 1.5 × ⌈bytes / 5 MB⌉ + 1 above; write ≤ 3 syncs up to 10k rows.`,
  "No sync payload above 5 MB": `
Fixed: the read was one 28 MB response at 10k rows (20.8 MB of it per-cell underline properties)
and 280 MB at 100k. Now underlines are probed per column (load "format/font/underline": one
value when uniform, null when mixed) and only mixed columns fetch per-cell properties, in row
slices; values and formats are read in tiles under 4 MB estimated; the state sheet in slices
too. If this fails again, look at the estimates in src/adapters/office/read.ts (READ_BUDGET_BYTES,
ESTIMATE_MARGIN, FIRST_ROWS × FIRST_COLUMNS) or a new unsliced load.`,
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
| Engine (src/engine/index.ts, rank.ts) | Lazy \`indicators\` records from typed-array columns (own accessor replaced by a data property on first read; JSON, spread, structuredClone, toEqual identical: tests/engine/lazy-fields.test.ts); \`options.fields\` skips lookups of columns the table does not have; competition/dense ranks by one numeric sort; one shape per unit and record across calls | 100k: 6.5–7.1× floor (after reading every record: 6.9–7.9×) | 100k: 4.2–4.7× floor (after reading every record: 6.8–7.7×) |
| Engine, all of the above | score() on synthetic qd766 units, median | 10k: 1,787 ms (210× floor); 100k: 66,691 ms (217× floor, one run) | 10k ≈ 95 ms; 100k 0.86–0.91 s (7.2–8.4× floor over four full runs) |
| State (src/plan/state.ts) | Undo data packed in runs of adjacent cells with blank snapshots as one digit (old packing still read) | 10k rows × 9 columns: 3.2 MB | 1.2 MB |
| Office write (src/adapters/office/adapter.ts) | State split into request-sized slices; number formats one command per column; values split alone | 10k: 4 syncs, requests 3.44 + 1.13 MB; 100k: one 35 MB request; formatting commands 2 → 5 with rows | 10k: 3 syncs, 2.4 MB; 100k: every write request ≤ 3.7 MB; formatting commands constant |
| Office read (src/adapters/office/read.ts, fake-excel) | Underlines probed per column (uniform → one value, mixed → null) and fetched per cell only for mixed columns; values + formats in tiles packed under 4 MB per sync, the first tile (2,000 rows × 64 columns) speculative in the same sync as the state and merged areas; state sheet sliced; retry with smaller pieces if Excel refuses a response as too large | one sync: 10k rows ↓27.9 MB, 100k ↓279.5 MB (Excel on the web refuses above 5 MB: no table over ≈ 1,800 rows could be read) | ≤ 2k rows: 1 sync (+1 if a column's underlines are mixed); 10k: 3 syncs, largest ↓3.48 MB; 100k: 22 syncs, largest ↓3.49 MB, ≈ 72 MB in all |
| Reader (src/reader/normalize.ts, numbers.ts, index.ts; src/model/grid.ts) | Tone-placement memo per word, unit-name prefixes once, per-column field kind and maximum once, percent-format check without regex for "General", sheet-name quoting remembered | 10k rows: ≈ 0.9 s | ≈ 0.45 s |
| exceljs write (src/adapters/exceljs/index.ts) | One style object per (style, format) instead of one per output cell | 90k style renders on save | shared |
`;
