/**
 * Methods stored by chiso766 0.2 and earlier named aggregate rows as regular expressions
 * ("aggregatePatterns"). The ones the tool itself wrote are the built-ins' list, replaced here
 * by the same names as words; any other pattern is left for validation to report.
 */
import { getProfile } from "./index";

/** The exact patterns the built-in methods used to store. */
const LEGACY_BUILTIN_PATTERNS = new Set([
  "^to[aà]n\\s+(huy[eệ]n|t[iỉ]nh|th[aà]nh\\s+ph[oố]|th[iị]\\s+x[aã]|x[aã])\\b",
  "^t[oổ]ng\\s+c[oộ]ng",
  "^t[ỷỉ]\\s+l[eệ]\\s+chung",
  "^c[oộ]ng\\b",
  "^t[oổ]ng\\s+h[oợ]p\\s+chung",
]);

export function upgradeStoredProfile(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input) || !("aggregatePatterns" in input)) return input;
  const { aggregatePatterns, ...rest } = input as Record<string, unknown>;
  const builtinOnly = Array.isArray(aggregatePatterns) && aggregatePatterns.every((p) => typeof p === "string" && LEGACY_BUILTIN_PATTERNS.has(p));
  if (!builtinOnly || "aggregateRows" in rest) return input;
  return { ...rest, aggregateRows: getProfile("qd766")?.aggregateRows ?? [] };
}
