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
export function ranksByValue(values: Float64Array, tie: Exclude<TieRule, "sequential">): Float64Array | null {
  const n = values.length;
  const ascending = Float64Array.from(values).sort();
  if (n > 0 && ascending[n - 1] !== ascending[n - 1]) return null;
  // Distinct values, ascending (−0 and 0 are one value, as in rankValues' buckets).
  const distinct = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (count === 0 || ascending[i] !== distinct[count - 1]) distinct[count++] = ascending[i];
  const ranks = new Float64Array(n);
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
