/**
 * Builds what the playground serves, only when it is missing or older than its sources:
 * the add-in (dist/, the repository's own webpack config, untouched) and the playground's own
 * bundles (playground/dist/: the page and the Office.js stand-in).
 *
 * Webpack does not rewrite an output whose content did not change, so output mtimes cannot
 * tell "up to date" from "stale"; a stamp file written after each successful build can.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
// One stamp folder per checkout: git worktrees may share one node_modules, and another
// checkout's newer stamp must not pass this one's stale build off as fresh.
const stampDir = path.join(root, "node_modules", ".cache", "chiso766-playground", require("crypto").createHash("sha256").update(root).digest("hex").slice(0, 12));

/** Newest mtime (ms) of the files under the given paths; missing paths count as 0. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      const base = path.basename(p);
      if (base === "node_modules" || base === "dist" || base.startsWith(".")) return;
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

function stampTime(name) {
  try {
    return fs.statSync(path.join(stampDir, name)).mtimeMs;
  } catch {
    return 0;
  }
}

function writeStamp(name) {
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(path.join(stampDir, name), new Date().toISOString());
}

function runWebpack(args, label, log) {
  log(`playground: building ${label} (webpack ${args.join(" ")}) ...`);
  const started = Date.now();
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const res = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (res.status !== 0) {
    const out = `${res.stdout || ""}\n${res.stderr || ""}`.trim();
    throw new Error(`webpack failed for ${label} (exit ${res.status}):\n${out.slice(-4000)}`);
  }
  log(`playground: ${label} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const targets = {
  addin: {
    label: "the add-in (dist/)",
    output: "dist/taskpane.html",
    sources: ["src", "assets", "webpack.config.js", "manifest.xml", "tsconfig.json", "package.json"],
    args: ["--mode", "production"],
  },
  playground: {
    label: "the playground (playground/dist/)",
    output: "playground/dist/page.js",
    sources: ["playground/src", "playground/webpack.config.js", "fake-excel", "src/model"],
    args: ["--mode", "production", "--config", "playground/webpack.config.js"],
  },
};

/** Builds the target when its output is missing or a source changed since the last build. */
function ensureBuilt(name, { force = false, log = console.log } = {}) {
  const t = targets[name];
  const outputExists = fs.existsSync(path.join(root, t.output));
  const stamp = stampTime(`${name}.stamp`);
  if (!force && outputExists && stamp >= newestMtime(t.sources)) return false;
  runWebpack(t.args, t.label, log);
  writeStamp(`${name}.stamp`);
  return true;
}

function ensureAllBuilt(options) {
  ensureBuilt("addin", options);
  ensureBuilt("playground", options);
}

module.exports = { ensureBuilt, ensureAllBuilt, root };
