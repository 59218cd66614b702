#!/usr/bin/env node
/**
 * The CLI's I/O floor, one fresh process: exceljs alone reads the input workbook and writes the
 * same scored workbook the CLI wrote (the changed cells with their number formats and
 * underlines, and the state sheet), given as a JSON list of cell changes (bench/cli.ts).
 *   node bench/io-floor.js <input.xlsx> <changes.json> <output.xlsx>
 * Plain JavaScript, so that its start-up is node + exceljs and nothing else.
 */
const fs = require("node:fs");
const ExcelJS = require("exceljs");

async function main() {
  const [input, changes, output] = process.argv.slice(2);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  const { sheets } = JSON.parse(fs.readFileSync(changes, "utf8"));
  for (const sheet of sheets) {
    const ws = workbook.getWorksheet(sheet.name) || workbook.addWorksheet(sheet.name, { state: sheet.state });
    for (const [row, col, value, numFmt, underline] of sheet.cells) {
      const cell = ws.getCell(row, col);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      // exceljs, not Office.js: nothing to sync.
      // eslint-disable-next-line office-addins/call-sync-before-read
      if (underline !== null) cell.font = { ...cell.font, underline };
    }
  }
  await workbook.xlsx.writeFile(output);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e.message}\n`);
  process.exit(1);
});
