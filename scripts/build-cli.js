#!/usr/bin/env node
/**
 * Builds what the npm package ships for Node: the CLI and the library as single JavaScript
 * bundles in dist-node/ (exceljs, zod, decimal.js and csv-parse inside), so an installed
 * package starts without TypeScript tooling and without installing any dependency.
 * Runs on `npm ci` (the `prepare` script), before `npm pack`, and before `npm run example`.
 */
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Smaller bundles parse faster at every start; the third-party licences go to a .LEGAL.txt.
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
  absWorkingDir: root,
};

async function build() {
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist-node/chiso766.js" }),
    esbuild.build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist-node/index.js" }),
  ]);
}

build().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
