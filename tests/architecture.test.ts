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

/** The rooms of src/ and the rooms each may import (ARCHITECTURE.md); a room always imports itself. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  reader: ["model"],
  engine: ["model"],
  profiles: ["model", "reader"],
  plan: ["model"],
  report: ["model", "reader", "engine"],
  "pipeline.ts": ["model", "reader", "engine", "profiles", "plan"],
  "index.ts": ["model", "reader", "engine", "profiles", "plan", "report", "pipeline.ts"],
  adapters: ["model", "reader", "plan", "report", "pipeline.ts"],
  cli: ["model", "reader", "engine", "profiles", "plan", "report", "pipeline.ts", "adapters"],
  taskpane: ["model", "reader", "engine", "profiles", "plan", "report", "pipeline.ts", "adapters"],
  commands: [],
};

function roomOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("rooms", () => {
  const files = sourceFiles(SRC);

  test("each room imports only the rooms ARCHITECTURE.md allows it", () => {
    const offending: string[] = [];
    for (const file of files) {
      const room = roomOf(file);
      const allowed = ALLOWED[room];
      if (!allowed) {
        offending.push(`${path.relative(SRC, file)}: a room ARCHITECTURE.md does not list`);
        continue;
      }
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) continue;
        const target = resolveLocal(file, spec);
        if (!target || !target.startsWith(SRC)) continue;
        const to = roomOf(target);
        if (to !== room && !allowed.includes(to)) offending.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(offending).toEqual([]);
  });

  test.each(["engine", "reader", "plan", "model"])("no import cycle inside src/%s", (room) => {
    const inRoom = files.filter((f) => roomOf(f) === room);
    const edges = new Map(inRoom.map((f) => [f, importsOf(f).flatMap((s) => (s.startsWith(".") ? [resolveLocal(f, s)] : [])).filter((t): t is string => t !== null && roomOf(t) === room)]));
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.basename(x)).join(" → "));
        return;
      }
      state.set(f, "open");
      for (const t of edges.get(f) ?? []) visit(t, [...trail, f]);
      state.set(f, "done");
    };
    for (const f of inRoom) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
