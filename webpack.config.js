/**
 * Builds the Excel add-in into dist/: taskpane.html + commands.html with their bundles, the
 * icons and manifest.xml. Office.js itself is not bundled: the HTML loads it from Microsoft's CDN.
 *
 *   npm run build                                   production build (manifest keeps localhost URLs)
 *   CHISO766_URL=https://host/path/ npm run build   production build whose manifest points at host/path/
 *   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs certificates
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = 3000;

/** The one production base URL, from CHISO766_URL; must be https and end with "/". */
function productionUrl() {
  const raw = process.env.CHISO766_URL;
  if (!raw) return null;
  const url = raw.endsWith("/") ? raw : `${raw}/`;
  if (!/^https:\/\/[^/]+\//.test(url)) throw new Error(`CHISO766_URL must be an https:// URL, got "${raw}"`);
  return url;
}

/**
 * HTTPS options for the dev server. Reuses the certificates office-addin-dev-certs keeps in
 * ~/.office-addin-dev-certs; when they are missing, generates them offline (installing the CA
 * into the system store needs sudo: `npx office-addin-dev-certs install`, see README).
 */
async function httpsOptions() {
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!files.every((f) => fs.existsSync(f))) {
    fs.mkdirSync(defaults.certificateDirectory, { recursive: true });
    await generateCertificates(...files, defaults.daysUntilCertificateExpires, defaults.domain);
    console.warn(`Generated development certificates in ${defaults.certificateDirectory}; trust ca.crt (or run "npx office-addin-dev-certs install") so Office accepts https://localhost:${PORT}.`);
  }
  return { ca: fs.readFileSync(files[0]), cert: fs.readFileSync(files[1]), key: fs.readFileSync(files[2]) };
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const prodUrl = production ? productionUrl() : null;
  if (production && !prodUrl) console.warn("CHISO766_URL is not set: dist/manifest.xml keeps https://localhost:3000/ URLs.");
  const serving = Boolean(env && env.WEBPACK_SERVE);

  return {
    mode: production ? "production" : "development",
    // No source maps in the shipped pane; development keeps maps that need no eval (the pane's CSP forbids it).
    devtool: production ? false : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/*.html", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (prodUrl ? content.toString().split(DEV_URL).join(prodUrl) : content),
          },
        ],
      }),
    ],
    // The task pane budget (≤ 200 KB gzip) is checked by the build report, not webpack's raw-size hint.
    performance: { hints: false },
    devServer: {
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: serving ? { type: "https", options: await httpsOptions() } : "https",
    },
  };
};
