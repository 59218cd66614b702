/** The names a mistyped one most likely meant, for "not found" messages that offer a correction. */
import { editDistance } from "../reader/normalize";
import { plainFolded } from "../reader/units";

/**
 * Up to `count` of `names` closest to `wanted`, accents and case aside: a name containing the
 * typed text (or contained in it) first, then the fewest typing mistakes (at most a third of the
 * name, at most 4). Empty when nothing is close.
 */
export function closestNames(wanted: string, names: readonly string[], count = 3): string[] {
  const w = plainFolded(wanted);
  if (w === "") return [];
  const scored: { name: string; cost: number }[] = [];
  for (const name of new Set(names)) {
    const n = plainFolded(name);
    if (n === "") continue;
    const limit = Math.min(4, Math.max(1, Math.floor(Math.max(w.length, n.length) / 3)));
    const contains = w.length >= 2 && (n.includes(w) || w.includes(n)) ? 0.5 : Infinity;
    const distance = editDistance(w, n, limit);
    const cost = Math.min(contains, distance <= limit ? distance : Infinity);
    if (cost < Infinity) scored.push({ name, cost });
  }
  return scored
    .sort((a, b) => a.cost - b.cost)
    .slice(0, count)
    .map((s) => s.name);
}

/** `"A", "B" hoặc "C"` — names quoted and joined for a sentence. */
export function orWords(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} hoặc ${quoted[quoted.length - 1]}`;
}
