/**
 * Hostile states for the codec, CLI and pane tests: a real stored state and fast-check
 * mutations of it (any part replaced by other JSON, removed, or by a value an attacker picks).
 */
import fc from "fast-check";

/** Values an attacker tries first: huge or impossible addresses, non-scalars, sizes, code-like text. */
const NASTY: unknown[] = [
  "ZZZ1",
  "A1048577",
  "A99999999",
  "XFE1",
  "A0",
  "",
  "__proto__",
  { formula: "WEBSERVICE(\"http://x\")" },
  '=WEBSERVICE("http://x")',
  "=[a.xlsx]S!A1",
  { richText: [] },
  [[[[]]]],
  null,
  -1,
  1e308,
  2_000_000,
  0.5,
  "x".repeat(40000),
  true,
  2,
  "r",
];

type Json = unknown;

/** Every path to a value inside `root` (objects and arrays walked, at most `limit` paths). */
function paths(root: Json, limit = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: Json, path: (string | number)[]) => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(root, []);
  return out;
}

type Mutation = { at: number; kind: "replace" | "remove" | "nasty" | "grow"; value: Json; nasty: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("replace", "remove", "nasty", "nasty", "grow"),
  value: fc.jsonValue({ maxDepth: 2 }),
  nasty: fc.nat({ max: NASTY.length - 1 }),
});

/** `root` (deep-copied) with the mutations applied in turn. */
export function mutate(root: Json, mutations: Mutation[]): Json {
  let doc = JSON.parse(JSON.stringify(root)) as Json;
  for (const m of mutations) {
    const all = paths(doc);
    const path = all[m.at % all.length];
    const value = JSON.parse(JSON.stringify(m.kind === "nasty" ? NASTY[m.nasty] : m.value) ?? "null") as Json;
    if (path.length === 0) {
      doc = m.kind === "remove" ? null : value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], doc) as Record<string | number, Json>;
    const key = path[path.length - 1];
    if (m.kind === "remove") {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === "grow" && Array.isArray(parent[key])) {
      // A list claiming many more entries (as a few zipped bytes can).
      const list = parent[key] as Json[];
      parent[key] = list.concat(new Array<Json>(3_000).fill(list[0] ?? null));
    } else parent[key] = value;
  }
  return doc;
}
