/**
 * Ranking (METHOD.md §5): by total, highest first, among the units that are ranked (not
 * aggregates, with a total, no unusable input cell), in one list or one per level. Tie rules:
 * competition "1, 2, 2, 4", dense "1, 2, 2, 3", or tied units numbered one after another by name
 * ("sequential") or by their order in the table ("table-order"). The result never depends on the
 * order of the input.
 */
import type { Profile, TieRule } from "../model/profile";
import type { ScoredUnit } from "../model/units";

export interface Rankable {
  /** Identity of the item in the caller's list (returned as the map key). */
  id: number;
  value: number;
  /** Orders tied items for "sequential" (name, then row) and "table-order" (row). */
  name: string;
  row: number;
}

/** Code-point comparison: deterministic on every machine, unlike locale collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tieOrder(tie: TieRule): (a: Rankable, b: Rankable) => number {
  if (tie === "sequential") return (a, b) => compareText(a.name, b.name) || a.row - b.row || a.id - b.id;
  return (a, b) => a.row - b.row || a.id - b.id;
}

/** Ranks by value, highest first: item id → rank. */
export function rankValues(items: readonly Rankable[], tie: TieRule): Map<number, number> {
  const breakTie = tieOrder(tie);
  const sorted = [...items].sort((a, b) => b.value - a.value || breakTie(a, b));
  const ranks = new Map<number, number>();
  let dense = 0;
  let competition = 0;
  sorted.forEach((item, index) => {
    if (index === 0 || item.value !== sorted[index - 1].value) {
      dense += 1;
      competition = index + 1;
    }
    ranks.set(item.id, tie === "competition" ? competition : tie === "dense" ? dense : index + 1);
  });
  return ranks;
}

/** The ranks of scored units (null for those not ranked), per level when the profile says so. */
export function ranksOf(units: readonly ScoredUnit[], ranking: NonNullable<Profile["ranking"]>): (number | null)[] {
  const scopes = new Map<string, Rankable[]>();
  units.forEach((u, id) => {
    if (u.aggregate || u.total === null || u.notRated !== undefined) return;
    const scope = ranking.scope === "level" ? (u.level ?? "") : "";
    const item: Rankable = { id, value: u.total, name: u.key || u.name, row: u.row };
    const list = scopes.get(scope);
    if (list) list.push(item);
    else scopes.set(scope, [item]);
  });
  const ranks: (number | null)[] = units.map(() => null);
  for (const items of scopes.values()) for (const [id, rank] of rankValues(items, ranking.tie)) ranks[id] = rank;
  return ranks;
}
