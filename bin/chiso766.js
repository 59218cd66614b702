#!/usr/bin/env node
// chiso766 command line: runs the compiled bundle (dist-node/chiso766.js), built by `npm ci`
// in a checkout (the `prepare` script) and shipped inside the npm package.
const path = require("node:path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "dist-node", "chiso766.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /chiso766\.js/.test(e.message)) {
    process.stderr.write("chiso766: chưa có bản biên dịch của dòng lệnh (chạy: npm run build:cli).\n");
    process.exit(70);
  }
  throw e;
}
// A closed pipe (`chiso766 profiles | head`) ends the output, not the program with a stack trace.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 70;
  },
);
