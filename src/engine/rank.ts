/**
 * Ranking (METHOD.md §5). The portal's tie rule is unknown, so all three common rules exist:
 * competition "1, 2, 2, 4" (default), dense "1, 2, 2, 3" and sequential "1, 2, 3, 4".
 * The result never depends on the order of the input rows.
 */
import type { Profile } from "../model/profile";
import type { ScoredUnit } from "../model/units";

export type TieRule = "competition" | "dense" | "sequential";

export interface Rankable {
  /** Identity of the item in the caller's list (returned as the map key). */
  id: number;
  value: number;
  /** Tie-breakers for the sequential rule, compared in this order. */
  name: string;
  row: number;
}

/** Ranks by value, highest first. */
export function rankValues(items: readonly Rankable[], tie: TieRule): Map<number, number> {
  // Bucket by value first: names are compared only among equal values (few per bucket), not
  // along the whole sort; 100k units with 2-decimal totals share values a lot.
  const buckets = new Map<number, Rankable[]>();
  for (const item of items) {
    const bucket = buckets.get(item.value);
    if (bucket) bucket.push(item);
    else buckets.set(item.value, [item]);
  }
  const values = [...buckets.keys()].sort((a, b) => b - a);
  const sorted: Rankable[] = [];
  for (const value of values) {
    const bucket = buckets.get(value)!;
    // Names only order equal values for the sequential rule; the others rank a bucket alike.
    if (bucket.length > 1 && tie === "sequential") bucket.sort((a, b) => compareText(a.name, b.name) || a.row - b.row || a.id - b.id);
    for (const item of bucket) sorted.push(item);
  }
  const ranks = new Map<number, number>();
  let dense = 0;
  let previous: number | null = null;
  let competition = 0;
  sorted.forEach((item, index) => {
    if (previous === null || item.value !== previous) {
      dense += 1;
      competition = index + 1;
      previous = item.value;
    }
    ranks.set(item.id, tie === "sequential" ? index + 1 : tie === "dense" ? dense : competition);
  });
  return ranks;
}

/** Code-point comparison: deterministic on every machine, unlike locale collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * rankValues for the rules that depend on values alone (competition, dense), on a plain list of
 * values: rank i of values[i]. No object per item, one numeric sort and a binary search per
 * value. Null when a value is NaN (rankValues decides those).
 */
export function ranksByValue(values: Float64Array, tie: Exclude<TieRule, "sequential">): Int32Array | null {
  const n = values.length;
  const ascending = Float64Array.from(values).sort();
  if (n > 0 && ascending[n - 1] !== ascending[n - 1]) return null;
  // Distinct values, ascending (−0 and 0 are one value, as in rankValues' buckets).
  const distinct = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (count === 0 || ascending[i] !== distinct[count - 1]) distinct[count++] = ascending[i];
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // Competition: 1 + how many values are higher; dense: 1 + how many distinct values are.
    ranks[i] = tie === "dense" ? count - countAtMost(distinct, count, values[i]) + 1 : n - countAtMost(ascending, n, values[i]) + 1;
  }
  return ranks;
}

/** How many of the first `length` (ascending) values are ≤ x. */
function countAtMost(sorted: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Beyond this many hundredths between the lowest and highest value (per value ranked), ranksByHundredths gives way to the sort. */
const SPAN_PER_VALUE = 8;

/**
 * ranksByValue for values that are all whole hundredths (totals are): a count per hundredth
 * instead of a sort, then each rank from the counts above it. Null when a value is not a whole
 * number of hundredths or the values spread too far for the counts (ranksByValue decides those).
 */
export function ranksByHundredths(values: Float64Array, tie: Exclude<TieRule, "sequential">): Int32Array | null {
  const n = values.length;
  if (n === 0) return new Int32Array(0);
  const keys = new Float64Array(n);
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // +0: −0 and 0 are one value, as in rankValues' buckets.
    const k = Math.round(v * 100) + 0;
    if (k / 100 !== v || !(Math.abs(k) < 2 ** 50)) return null;
    keys[i] = k;
    if (k < lowest) lowest = k;
    if (k > highest) highest = k;
  }
  const span = highest - lowest + 1;
  if (span > SPAN_PER_VALUE * n + 1024) return null;
  // above[j]: how many values (competition) or distinct values (dense) are above hundredth lowest + j.
  const above = new Float64Array(span);
  for (let i = 0; i < n; i++) above[keys[i] - lowest] += 1;
  let sum = 0;
  for (let j = span - 1; j >= 0; j--) {
    const here = above[j];
    above[j] = sum;
    sum += tie === "dense" ? (here > 0 ? 1 : 0) : here;
  }
  // Whole numbers from an Int32Array are stored in the units as small integers, not boxed.
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = above[keys[i] - lowest] + 1;
  return ranks;
}

/**
 * Sets ranks from the units' totals gathered during score(): `totals[u]` the total of a unit
 * that is ranked, NaN for one that is not (aggregate, or no total); `scopes[u]` its scope
 * (the level's position among the call's levels) when the ranking is per level, else null.
 * Units are only written to, not read (the sequential rule, which needs names, goes to rankUnits).
 */
export function rankByTotals(scored: ScoredUnit[], ranking: NonNullable<Profile["ranking"]>, totals: Float64Array, scopes: Uint8Array | null): void {
  const tie = ranking.tie;
  if (tie === "sequential") return rankUnits(scored, ranking);
  const n = totals.length;
  let scopeCount = 1;
  if (scopes !== null) for (let u = 0; u < n; u++) if (scopes[u] >= scopeCount) scopeCount = scopes[u] + 1;
  // Units grouped by scope (a counting sort), in input order within each.
  const start = new Int32Array(scopeCount + 1);
  for (let u = 0; u < n; u++) if (totals[u] === totals[u]) start[(scopes === null ? 0 : scopes[u]) + 1] += 1;
  for (let s = 0; s < scopeCount; s++) start[s + 1] += start[s];
  const ids = new Int32Array(start[scopeCount]);
  const values = new Float64Array(start[scopeCount]);
  const next = start.slice(0, scopeCount);
  for (let u = 0; u < n; u++) {
    const total = totals[u];
    if (total !== total) continue;
    const at = next[scopes === null ? 0 : scopes[u]]++;
    ids[at] = u;
    values[at] = total;
  }
  for (let s = 0; s < scopeCount; s++) {
    const scopeValues = values.subarray(start[s], start[s + 1]);
    const ranks = ranksByHundredths(scopeValues, tie) ?? ranksByValue(scopeValues, tie);
    if (ranks === null) return rankUnits(scored, ranking);
    for (let k = 0; k < ranks.length; k++) scored[ids[start[s] + k]].rank = ranks[k];
  }
}

/** Sets the ranks of the non-aggregate units with a total, per level when the ranking's scope says so. */
export function rankUnits(scored: ScoredUnit[], ranking: NonNullable<Profile["ranking"]>): void {
  const byScope = new Map<string, number[]>();
  scored.forEach((u, i) => {
    if (u.aggregate || u.total === null) return;
    const scope = ranking.scope === "level" ? (u.level ?? "") : "";
    const ids = byScope.get(scope);
    if (ids) ids.push(i);
    else byScope.set(scope, [i]);
  });
  const tie = ranking.tie;
  for (const ids of byScope.values()) {
    if (tie !== "sequential") {
      const ranks = ranksByValue(Float64Array.from(ids, (i) => scored[i].total!), tie);
      if (ranks !== null) {
        for (let k = 0; k < ids.length; k++) scored[ids[k]].rank = ranks[k];
        continue;
      }
    }
    const ranks = rankValues(
      ids.map((i) => ({ id: i, value: scored[i].total!, name: scored[i].key || scored[i].name, row: scored[i].row })),
      tie,
    );
    for (const [i, rank] of ranks) scored[i].rank = rank;
  }
}
