/**
 * The playground's own bundles, apart from the add-in's build (webpack.config.js at the root):
 *   page.js    the playground page (grid, file loading) — exceljs stays external: the page loads
 *              exceljs' own browser bundle, already minified, instead of re-bundling 1 MB;
 *   office.js  the Office.js stand-in the task pane loads in place of Microsoft's CDN script:
 *              the unit-test fake (fake-excel/) bundled for the browser.
 * Usage: npx webpack --mode production --config playground/webpack.config.js
 */
const path = require("path");

module.exports = (_env, argv) => ({
  mode: argv.mode || "production",
  context: path.resolve(__dirname, ".."),
  target: "web",
  entry: {
    page: "./playground/src/page.ts",
    office: "./playground/src/office-standin.ts",
  },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    clean: true,
  },
  devtool: "source-map",
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: { transpileOnly: true, configFile: path.resolve(__dirname, "..", "tsconfig.json") },
      },
    ],
  },
  externals: { exceljs: "ExcelJS" },
  performance: { hints: false },
  stats: "errors-warnings",
});
