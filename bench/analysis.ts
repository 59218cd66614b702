/**
 * Why a budget fails, as found by profiling (node --cpu-prof) and by the Office bench's
 * per-operation byte counts. BENCHMARKS.md prints the entry of each budget that fails, so the
 * numbers above it and the explanation stay side by side. Update an entry when the code changes.
 */
export const WHY_IT_FAILS: Record<string, string> = {
  "CLI ≤ 1.3× I/O floor at 10k rows": `
Was 1.46–1.64×; now 1.36–1.48× over full runs of the bench, each the median of nine runs a side
(three floor and three CLI processes, alternating, and which goes first alternating too; one
round alone ranges 1.26–1.55× on this shared 2-core machine). Where the ≈ 1 s between floor and
CLI goes at 10k rows, in process:
- The output itself, ≈ 0.17×: the scored file holds 526k cells against the floor's 436k (nine
  result columns × 10,000 units) plus the undo state. In a fresh process exceljs saves the
  loaded scored file in 1.80 s against 1.34 s for the input, and any 90,000 added cells cost
  the same +0.40 s whether integers, decimals, texts, with or without a number format
  (≈ 4.4 µs a cell: exceljs renders each cell to XML pieces, joins them and deflates in JS).
- GC during that save, ≈ 0.05×: 19–20 scavenges instead of 14 and one mark-compact the floor's
  save does not need (--trace-gc: +0.14 s of pauses). Garbage left by the phases before the save
  is not the cause: 100 MB more of it costs ≈ +75 ms, 50 MB kept to the old generation ≈ +55 ms.
- Everything between load and save, ≈ 0.13×: grid 33 ms, reader 79, engine 48, plan 90, apply 48
  (exceljs creating 90,000 cells), state 43, summary 2 — ≈ 0.34 s (was ≈ 0.7 s, then ≈ 0.49 s).
  Warm and alone the same phases take ≈ 0.22 s; after exceljs has built its ≈ 175 MB of workbook
  objects every scavenge costs more.
So 1.3× leaves ≈ 0.2 s for reading, scoring, planning and applying 10,000 rows × 45 columns
once the output costs ≈ 0.6 s of the 0.8 s allowed: even at their warm, isolated speed the
phases would give ≈ 1.31×. Making the shared load or save faster does not help (the floor uses
the same functions, so the ratio grows); writing fewer cells would leave out results the
published tables have.`,
  "Syncs ≤ 3 at every size": `
Holds at 10, 1,000 and 10,000 rows (read 1 + write 2; 10,000 rows was 5). At 100,000 rows it
cannot hold together with "no sync payload above 5 MB", which Excel on the web enforces on every
request and response, whatever the code: the values alone are ≈ 22 MB (100,000 rows × 45
columns of counts and names as JSON), the formats and values of the 900,000 cells about to
change ≈ 13 MB (undo must restore their formats; the values show the sheet did not change since
the read), and the values, formats and undo state to write ≈ 17 MB, so a correct read + write
needs at least 5 + 3 + 4 = 12 syncs there (the Office rows give this floor per phase). The
adapter makes 17 (read 6 + write 11; was 31): requests are packed to 4 MB estimated, with the
margin kept for text-heavy tables. What changed: the read brings values for every cell but
number formats only for the first 1,000 rows and for columns whose sample holds a percent format
(src/adapters/office/read.ts: the reader needs formats only to read "85%" as 85), no values for
the blank columns right of the used range, and the first sync asks for 12,000 rows; the write
reads the formats of the cells it changes in its first request, which it already made for the
state-sheet lookup (src/plan/refresh.ts; a cell changed since the read stops the write). No
Vietnamese list of units comes near 100,000 rows (about 3,300 commune-level units in the whole
country since July 2025), so every real table meets the budget; at 100k the 5 MB cap, not the
code, sets the count.`,
  "No sync payload above 5 MB": `
Fixed: the read was one 28 MB response at 10k rows (20.8 MB of it per-cell underline properties)
and 280 MB at 100k. Now underlines are probed per column (load "format/font/underline": one
value when uniform, null when mixed) and only mixed columns fetch per-cell properties, in row
slices; values and formats are read in tiles under 4 MB estimated; the state sheet in slices
too. If this fails again, look at the estimates in src/adapters/office/read.ts (READ_BUDGET_BYTES,
ESTIMATE_MARGIN, VALUE_ROWS / FORMAT_ROWS × FIRST_COLUMNS) or a new unsliced load.`,
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
| Office read and write (src/adapters/office/read.ts, adapter.ts; src/plan/refresh.ts; Grid.partialFormats) | Read values for every cell but number formats only for the first 1,000 rows and for percent columns, and no values for the blank columns right of the used range; the first sync asks for 12,000 rows of values; the write reads the formats of the cells it will change in its first request (the state-sheet lookup it already made), completes the undo snapshots, and refuses to write if those cells changed since the read | 10k: 5 syncs (read 3 + write 2), read ↓7.20 MB; 100k: 31 syncs (read 22 + write 9), ↓72 MB | 10k: 3 syncs (read 1 + write 2), read ↓2.63 MB; 100k: 17 syncs (read 6 + write 11) |
| Engine (src/engine/common-path.ts, index.ts) | Common path for units given as plain counts in a counts table (nearly every unit): indicators written straight into the typed-array columns with one exact integer division per rounding (⌊(2·num + den)/(2·den)⌋ for half-up), groups and total summed as whole hundredths, no intermediate objects; a blank, a bad count, counts ≥ 3.5·10⁹, a zero denominator the profile calls missing or printed values to check go to the general path; fast-check proves both paths give identical results on every built-in profile (tests/engine/common-path.test.ts) | 100k: 4.5–4.9× floor | |
| Engine (src/engine/records.ts) | Groups records of the common path as an object literal compiled once per list of group ids (keys as JSON strings; the constructors where code cannot be compiled, or for "__proto__"): V8 allocates literals straight in the old generation, so 100k records are no longer copied out of the young generation | | ≈ −10 % of score() |
| Engine (src/engine/rating.ts, rank.ts, index.ts) | Band from thresholds in total hundredths found once per call on divideRounded itself; ranks from totals gathered in typed arrays, by counting hundredths instead of sorting, stored as small integers; aggregate names tested in the scoring loop; province row looked for only when a unit needs inheritance | | |
| Engine, this round | score() on synthetic qd766 units, median, three full runs under load 2–3.3 | 10k: 4.6–5.9× floor; 100k: 522–599 ms (4.5–4.9× floor; reading every record 8.6–10.2×) | 10k: 3.7–4.2×; 100k: 265–341 ms, 2.14–2.53× floor; reading every record 6.3–7.0× |
| State (src/plan/state.ts, touched.ts, lazy.ts; src/plan/write.ts) | Last run packed in column segments (written values as one list, texts as indexes into a dictionary, underlined offsets, blank snapshots as one digit) straight from the plan's touched cells; the state's written/previous and the plan's previous built only when read (the two older packings still read) | 10k rows: state 1.22 MB (1.55 MB in the sheet XML), build + write ≈ 170 ms | 0.44 MB, ≈ 15 ms (≈ 70 ms in a cold run); the state sheet saves in ≈ 80 ms |
| Plan (src/plan/write.ts, ranges.ts) | Planned cells as slots instead of objects; touched keys sorted in a Float64Array; blocks from the sorted keys | 10k: ≈ 100 ms | ≈ 55 ms |
| Reader (src/reader/units.ts, index.ts) | Aggregate patterns joined into one alternation where equivalent; a name folded once for aggregate and level; row values records copied from a template | 10k: ≈ 160 ms | ≈ 140 ms |
| exceljs grid (src/adapters/exceljs/index.ts) | Missing cells read without creating them (same format and underline as getCell); no underline matrix when nothing is underlined | 10k: ≈ 100 ms in a run | ≈ 60 ms |
| CLI (src/cli/score.ts, summary.ts) | Only the workbook and the text to print outlive the scoring before the save; scores printed with toFixed below 1,000 (same text as Intl, property-tested) | peak RSS 953 MB; summary ≈ 40–90 ms | 866–877 MB; ≈ 30–50 ms |
| Reader (src/reader/normalize.ts, numbers.ts, index.ts; src/model/grid.ts) | Tone-placement memo per word, unit-name prefixes once, per-column field kind and maximum once, percent-format check without regex for "General", sheet-name quoting remembered | 10k rows: ≈ 0.9 s | ≈ 0.45 s |
| exceljs write (src/adapters/exceljs/index.ts) | One style object per (style, format) instead of one per output cell | 90k style renders on save | shared |
| Reader (src/reader/index.ts, normalize.ts, units.ts, match.ts; src/model/text.ts) | Regex literals on row paths made module constants (a literal is a new object per call); canonicalText scans words without split/map/join and returns unchanged text as is; ASCII and precomposed names folded per character (each character's result from the slow path; property-tested against it, tests/reader/fast-paths.test.ts); the row record copied from a fast-properties template; no closures or texts record per row; blank cells skipped before parsing; addresses only for problems | 10k rows: ≈ 84 MB allocated, ≈ 125 ms warm (≈ 190 ms in the CLI) | ≈ 15 MB, ≈ 62 ms warm (≈ 79 ms in the CLI) |
| exceljs grid, plan (src/adapters/exceljs/index.ts, src/plan/ranges.ts, write.ts) | Rows whose number formats repeat the row above share its array (grids and blocks are only read); row arrays sized once; planned values sized once | grid ≈ 26 MB, plan ≈ 50 MB allocated | ≈ 5 MB, ≈ 35 MB |
| CLI summary (src/cli/summary.ts, score.ts) | The units table prints at most 300 units (a province's whole list) and says how many more there are: the scored file and --json hold every unit | 10k: ≈ 35 ms, 19 MB | ≈ 2 ms |
| Bench (bench/cli.ts) | The CLI and its floor measured in three alternating processes each (nine runs a side) instead of one: one process can run 15 % slower than the next | one median of three runs a side | median of nine; each round's ratio in the note |
`;
