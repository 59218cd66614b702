/**
 * The playground server: the real task pane build (dist/) beside a workbook grid, on
 * 127.0.0.1 only, without Excel.
 *
 *   /                      the playground page (playground/index.html)
 *   /playground/*          the page bundle and the Office.js stand-in (playground/dist/)
 *   /vendor/exceljs.min.js exceljs' own browser bundle (reads .xlsx files in the page)
 *   /pane/*                dist/ as built; in HTML files the Office.js CDN script URL is pointed
 *                          at the stand-in. That one URL is the only difference from what Excel
 *                          loads: the add-in's code does not know it runs in the playground.
 *   /api/examples          the example workbooks (examples/*.xlsx) as JSON
 *   /examples/<name>.xlsx  one example workbook
 *
 * Usage: node playground/serve.js [--port 3100] [--no-build]
 * Env:   PLAYGROUND_PORT (default 3100), PLAYGROUND_PANE_DIR (default dist/)
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { ensureAllBuilt, root } = require("./build");

const HOST = "127.0.0.1";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const STAND_IN_URL = "/playground/office.js";
/** The task pane build served at /pane/ (PLAYGROUND_PANE_DIR: another build of it, e.g. a copy). */
const paneDir = path.resolve(root, process.env.PLAYGROUND_PANE_DIR || "dist");

const mimeTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Resolves a URL path inside a folder; null when it would escape the folder. */
function safeJoin(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(dir, "." + path.posix.normalize("/" + decoded));
  return full === dir || full.startsWith(dir + path.sep) ? full : null;
}

/** Points the CDN Office.js script at the stand-in (HTML served from dist/ only). */
function rewriteOfficeScript(html) {
  return html.split(OFFICE_JS_CDN).join(STAND_IN_URL);
}

function send(res, status, body, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

const missingBuildPage = `<!doctype html><meta charset="utf-8"><body style="font-family:sans-serif;padding:12px">
<p>Chưa có bản dựng của ngăn tác vụ (<code>dist/taskpane.html</code>).</p>
<p>Chạy <code>npm run build</code> rồi mở lại ngăn, hoặc chạy <code>npm run playground</code> (tự dựng khi cần).</p></body>`;

function sendFile(res, file, transform) {
  fs.readFile(file, (err, data) => {
    if (err && file === path.join(paneDir, "taskpane.html")) return send(res, 404, missingBuildPage, mimeTypes[".html"]);
    if (err) return send(res, 404, "Không tìm thấy tệp\n");
    const type = mimeTypes[path.extname(file).toLowerCase()] || "application/octet-stream";
    return send(res, 200, transform ? transform(data.toString("utf8")) : data, type);
  });
}

function listExamples() {
  const dir = path.join(root, "examples");
  let names = [];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$"));
  } catch {
    names = [];
  }
  return names.sort().map((name) => ({ name, url: `/examples/${encodeURIComponent(name)}` }));
}

function handler(req, res) {
  const url = new URL(req.url, `http://${HOST}`);
  const p = url.pathname;
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "Method not allowed\n");
  if (p === "/" || p === "/index.html") return sendFile(res, path.join(__dirname, "index.html"));
  if (p === "/api/examples") return send(res, 200, JSON.stringify(listExamples()), mimeTypes[".json"]);
  if (p === "/vendor/exceljs.min.js") return sendFile(res, require.resolve("exceljs/dist/exceljs.min.js", { paths: [root] }));
  const mounts = [
    ["/playground/", path.join(__dirname, "dist"), null],
    ["/examples/", path.join(root, "examples"), null],
    ["/pane/", paneDir, (file) => (file.endsWith(".html") ? rewriteOfficeScript : null)],
  ];
  for (const [prefix, dir, transformFor] of mounts) {
    if (!p.startsWith(prefix)) continue;
    const file = safeJoin(dir, p.slice(prefix.length));
    if (!file) return send(res, 400, "Bad path\n");
    return sendFile(res, file, transformFor ? transformFor(file) : null);
  }
  if (p === "/favicon.ico") return send(res, 204, "");
  return send(res, 404, "Không tìm thấy\n");
}

/** Starts the server on 127.0.0.1 (port 0: any free port). Resolves to { url, close }. */
function startPlayground({ port = 0 } = {}) {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve({
        url: `http://${HOST}:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
        server,
      });
    });
  });
}

module.exports = { startPlayground, rewriteOfficeScript, OFFICE_JS_CDN, STAND_IN_URL, paneDir };

if (require.main === module) {
  const args = process.argv.slice(2);
  const portArg = args.indexOf("--port");
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PLAYGROUND_PORT || 3100);
  try {
    if (!args.includes("--no-build")) ensureAllBuilt();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
  startPlayground({ port }).then(
    ({ url }) => console.log(`Playground: ${url}  (Ctrl+C để dừng)`),
    (err) => {
      console.error(`playground: cannot listen on ${HOST}:${port}: ${err.message}`);
      process.exit(1);
    },
  );
}
