/**
 * The architecture rule, checked on the source: the library entry (model, reader, engine,
 * profiles, plan, pipeline, report) imports nothing from Office, React, exceljs or the file
 * system, so it runs unchanged in the task pane, the CLI and any other host.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "..", "src");
const FORBIDDEN = /^(react|react-dom|exceljs|csv-parse|@fluentui\/.*|office-.*|node:.*|fs|path|os|child_process)$/;

function importsOf(file: string): string[] {
  if (file.endsWith(".json")) return [];
  const text = fs.readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)) specs.push(m[1]);
  for (const m of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) specs.push(m[1]);
  for (const m of text.matchAll(/\b(?:require|import)\(\s*"([^"]+)"\s*\)/g)) specs.push(m[1]);
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  // Data files (the built-in methods) import nothing.
  if (spec.endsWith(".json")) return fs.existsSync(base) ? base : null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every file reachable from `entry` through relative imports, with its package imports. */
function closure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const packages: string[] = [];
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) {
        const target = resolveLocal(file, spec);
        if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
        queue.push(target);
      } else packages.push(spec);
    }
    seen.set(file, packages);
  }
  return seen;
}

describe("architecture", () => {
  const files = closure(path.join(SRC, "index.ts"));

  test("the library entry reaches the pure steps", () => {
    const rel = [...files.keys()].map((f) => path.relative(SRC, f).split(path.sep)[0]);
    for (const part of ["model", "reader", "engine", "profiles", "plan", "report", "pipeline.ts"]) expect(rel).toContain(part);
  });

  test("nothing reachable from it imports Office, React, exceljs or the file system", () => {
    const offending = [...files].flatMap(([file, pkgs]) =>
      pkgs.filter((p) => FORBIDDEN.test(p)).map((p) => `${path.relative(SRC, file)} → ${p}`),
    );
    expect(offending).toEqual([]);
  });

  test("no adapter, CLI or task pane file is reachable from it", () => {
    const layers = [...files.keys()].map((f) => path.relative(SRC, f)).filter((f) => /^(adapters|cli|taskpane|commands)\//.test(f));
    expect(layers).toEqual([]);
  });
});
