#!/usr/bin/env node
/**
 * The package as users get it: `npm pack`, install the tarball into an empty folder and globally
 * (under a temporary prefix), then run the installed `chiso766 --version` and score a shipped
 * example with it. Nothing from the checkout's node_modules is on the path: the installed
 * package must run on its own. Run by .ci/run; about ten seconds.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const { version } = require("../package.json");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
}

function fail(message) {
  process.stderr.write(`check-package: ${message}\n`);
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso766-pack-"));
try {
  const packed = JSON.parse(run(npm, ["pack", "--json", "--pack-destination", dir], { cwd: root }));
  const tarball = path.join(dir, packed[0].filename);
  if (packed[0].filename !== `chiso766-${version}.tgz`) fail(`unexpected tarball name ${packed[0].filename}`);
  const shipped = packed[0].files.map((f) => f.path);
  for (const needed of ["bin/chiso766.js", "dist-node/chiso766.js", "dist-node/index.js", "CHANGELOG.md"]) {
    if (!shipped.includes(needed)) fail(`the tarball lacks ${needed}`);
  }
  const stray = shipped.filter((f) => /^(src|tests|bench|node_modules)\//.test(f) || f.endsWith(".ts") && !f.endsWith(".d.ts"));
  if (stray.length) fail(`the tarball holds sources: ${stray.slice(0, 5).join(", ")}`);

  // Into an empty folder, with a PATH that has node but nothing from the checkout.
  const app = path.join(dir, "app");
  fs.mkdirSync(app);
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}/usr/bin${path.delimiter}/bin`, npm_config_audit: "false", npm_config_fund: "false" };
  run(npm, ["install", "--no-package-lock", tarball], { cwd: app, env });
  const installed = fs.readdirSync(path.join(app, "node_modules")).filter((n) => !n.startsWith("."));
  if (installed.join() !== "chiso766") fail(`installing the tarball pulled in more packages: ${installed.join(", ")}`);
  const bin = path.join(app, "node_modules", ".bin", "chiso766");
  const shown = run(bin, ["--version"], { cwd: app, env }).trim();
  if (shown !== version) fail(`chiso766 --version printed "${shown}", package.json says ${version}`);
  const example = path.join(app, "node_modules", "chiso766", "examples", "phu-tan-2024-05-tuan-01.xlsx");
  const out = path.join(app, "phu-tan-cham-diem.xlsx");
  const printed = run(bin, ["score", example, "--out", out], { cwd: app, env });
  if (!fs.existsSync(out) || fs.statSync(out).size < 5000) fail("chiso766 score wrote no result file");
  if (!/18 đơn vị và 1 dòng tổng hợp/.test(printed) || !/Gạch chân thêm 9 ô/.test(printed)) fail(`chiso766 score did not score the 18 units (and the district row) of the example:\n${printed}`);

  // Globally, as `npm install -g ./chiso766-<version>.tgz` does, under a throw-away prefix.
  const prefix = path.join(dir, "global");
  run(npm, ["install", "-g", "--prefix", prefix, tarball], { cwd: dir, env });
  const globalBin = process.platform === "win32" ? path.join(prefix, "chiso766.cmd") : path.join(prefix, "bin", "chiso766");
  const globalShown = run(globalBin, ["--version"], { cwd: dir, env }).trim();
  if (globalShown !== version) fail(`global chiso766 --version printed "${globalShown}"`);

  process.stdout.write(`check-package: chiso766-${version}.tgz (${(fs.statSync(tarball).size / 1024).toFixed(0)} KB, ${shipped.length} files) installs alone and scores ${path.basename(example)}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
