/**
 * What the task pane loads before it can show anything (≤ 200 KB gzip, checked by the bench on
 * a real build): the pane's UI, the Office adapter and the worker's client. The scoring code
 * (reader, engine, write and undo planning, the method sheet's reader) and the report's are
 * reached only through `import()` (chunks loaded when needed) or the worker; this follows the
 * static imports from the entry, so putting one of them back on the first load fails here at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "..", "..", "src");

/** Imports that stay in the bundle: `import type` and `import()` are not followed. */
function runtimeImports(file: string): string[] {
  if (file.endsWith(".json")) return [];
  const text = fs.readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm)) specs.push(m[1]);
  for (const m of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) specs.push(m[1]);
  return specs;
}

function resolveLocal(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(SRC, from)}: cannot resolve ${spec}`);
}

/** Files (relative to src/) and packages the entry reaches through static imports. */
function firstLoad(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) queue.push(resolveLocal(file, spec));
      else packages.add(spec);
    }
  }
  return { files: [...files].map((f) => path.relative(SRC, f).split(path.sep).join("/")), packages: [...packages] };
}

describe("the task pane's first load", () => {
  const { files, packages } = firstLoad(path.join(SRC, "taskpane", "index.tsx"));

  test("reaches the pane, the Office adapter and the worker's client", () => {
    for (const f of ["taskpane/components/App.tsx", "adapters/office/adapter.ts", "taskpane/scoring-client.ts", "taskpane/start-worker.ts"]) expect(files).toContain(f);
  });

  test("carries no scoring, planning or report code: those load with the worker or on demand", () => {
    const heavy = files.filter((f) =>
      /^(pipeline\.ts|engine\/(?!round\.ts$)|reader\/(?!numbers\.ts$|normalize\.ts$)|plan\/(write|undo|touched)\.ts$|profiles\/sheet\/read\.ts$|report\/(?!format\.ts$)|taskpane\/scoring-answer\.ts$)/.test(f),
    );
    expect(heavy).toEqual([]);
  });

  test("loads no package the pane does not need at first", () => {
    expect(packages.filter((p) => !/^(react|react-dom(\/client)?|@fluentui\/react-(components|icons)|zod|decimal\.js)$/.test(p))).toEqual([]);
  });
});
