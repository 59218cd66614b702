#!/usr/bin/env node
// chiso766 command line. In a checkout it runs the TypeScript sources through ts-node
// (transpile only), so no build step is needed; an installed package without ts-node runs the
// compiled CLI (npm run build:node → dist-node/).
const path = require("node:path");
const fs = require("node:fs");

const root = path.join(__dirname, "..");
const source = path.join(root, "src", "cli", "main.ts");
const compiled = path.join(root, "dist-node", "src", "cli", "main.js");

function hasTsNode() {
  try {
    require.resolve("ts-node", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

let cli;
if (fs.existsSync(source) && hasTsNode()) {
  require(require.resolve("ts-node", { paths: [root] })).register({
    project: path.join(root, "tsconfig.json"),
    transpileOnly: true,
    compilerOptions: { module: "commonjs", moduleResolution: "node" },
  });
  cli = require(source);
} else if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  process.stderr.write("chiso766: thiếu ts-node và chưa có bản biên dịch (chạy: npm run build:node).\n");
  process.exit(70);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 70;
  },
);
