/**
 * The report adapter against the fake Excel: sheets listed (never the add-in's state sheet),
 * another sheet read through the same read path, the appendix written with its formatting,
 * page setup and two charts in a fixed number of syncs, and replaced (not duplicated) on rerun.
 */
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { cellFormat, sheetExtras } from "../../fake-excel/sheets-extra";
import { createOfficeAdapter } from "../../src/adapters/office/adapter";
import { createReportAdapter } from "../../src/adapters/office/report";
import { STATE_SHEET } from "../../src/model/plan";
import { DEFAULT_APPENDIX_SHEET, planAppendix } from "../../src/report/appendix";
import { planScorecards } from "../../src/report/scorecard";
import { getProfile } from "../../src/profiles";
import { RATING_COLORS } from "../../src/report/charts";
import { defaultScoring } from "../../src/taskpane/scoring";
import { runScoring } from "../../src/pipeline";
import { mappingOf, stateAfterWrite } from "../../src/plan/state";
import { PHU_TAN_SHEET, phuTanGrid } from "../office/phu-tan-grid";
import ExcelJS from "exceljs";
import { applyAppendixPlan } from "../../src/adapters/exceljs/appendix";
import { gridFromWorksheet } from "../../src/adapters/exceljs";
import { sheetFingerprintText } from "../../src/plan/sheet-fingerprint";
import { buildNarrative } from "../../src/report/narrative";

const PREVIOUS = "Tuần trước";

function setup(units = 18, options: { userSheet?: string } = {}) {
  const current = phuTanGrid(units);
  const model = FakeWorkbookModel.fromGrid(current);
  model.addSheetFrom({ ...phuTanGrid(units), name: PREVIOUS });
  if (options.userSheet) model.addSheetFrom({ name: options.userSheet, values: [["ghi chú của tôi"]] });
  const excel = new FakeExcel(model);
  const workbook = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const report = createReportAdapter({ run: excel.run, workbook, charts: true });
  const scoring = defaultScoring();
  const run = runScoring(current, { profiles: scoring.profiles });
  const plan = planAppendix(run.scored, run.profile, { title: "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN", period: "Tháng 5 (Tuần 01)", sourceRows: run.read.units });
  return { excel, model, workbook, report, run, plan, scoring };
}

describe("report adapter on the fake Excel", () => {
  test("lists the sheets in tab order, the active one marked, never the state sheet", async () => {
    const { report, workbook, run } = setup();
    // A write creates the add-in's very hidden state sheet.
    const state = stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) });
    await workbook.apply(run.plan, state);
    const sheets = await report.listSheets();
    expect(sheets.map((s) => s.name)).toEqual([PHU_TAN_SHEET, PREVIOUS]);
    expect(sheets.find((s) => s.active)?.name).toBe(PHU_TAN_SHEET);
    expect(sheets.map((s) => s.name)).not.toContain(STATE_SHEET);
  });

  test("reads another sheet through the workbook's read path", async () => {
    const { report, model } = setup();
    model.sheet(PREVIOUS)!.update(8, 1, { value: "XÃ MỚI" });
    const snap = await report.readSheet(PREVIOUS);
    expect(snap.grid.sheet).toBe(PREVIOUS);
    expect(snap.address.startsWith(`'${PREVIOUS}'!`)).toBe(true);
    expect(snap.grid.values[8 - snap.grid.origin.row][1]).toBe("XÃ MỚI");
    expect(model.activeSheet).toBe(PHU_TAN_SHEET); // reading does not switch sheets
  });

  test("writes the appendix: values in rank order, fonts, page setup, two coloured charts", async () => {
    const { report, model, plan, excel } = setup();
    excel.resetStats();
    const done = await report.writeAppendix(plan);
    expect(done).toEqual({ sheetName: DEFAULT_APPENDIX_SHEET, notesSheetName: "Nhận xét xếp loại", charts: true });
    const sheet = model.sheet(DEFAULT_APPENDIX_SHEET)!;
    const grid = model.sheetGrid(DEFAULT_APPENDIX_SHEET)!;
    const texts = grid.values.flat().filter((v) => typeof v === "string");
    expect(texts).toContain("BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN");
    // Units in rank order, as the plan lays them out, and numbers stay numbers.
    const nameCol = plan.columns.find((c) => c.field === "name")!.col;
    const totalCol = plan.columns.find((c) => c.field === "total")!.col;
    const shown = plan.rows.map((r) => sheet.cell(r.row, nameCol).value);
    expect(shown).toEqual(plan.rows.map((r) => r.unit.name));
    const totals = plan.rows.filter((r) => !r.unit.aggregate).map((r) => sheet.cell(r.row, totalCol).value as number);
    expect(totals.every((t) => typeof t === "number")).toBe(true);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(model.activeSheet).toBe(DEFAULT_APPENDIX_SHEET);

    expect(cellFormat(sheet, plan.layout.dataTop, nameCol, "font.name")).toBe("Times New Roman");
    expect(cellFormat(sheet, plan.layout.headerTop, nameCol, "font.bold")).toBe(true);
    expect(cellFormat(sheet, plan.layout.dataTop, nameCol, "borders.EdgeTop.style")).toBe("Continuous");
    const extras = sheetExtras(sheet);
    expect(extras.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: `$${plan.layout.headerTop + 1}:$${plan.layout.headerBottom + 1}` });
    expect(extras.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: plan.print.fitToHeight });
    // The mark sits in the first-page footer, which Excel keeps but does not print (state "Default").
    expect(String(extras.pageLayout["firstPage.leftFooter"])).toContain("chiso766");
    expect(extras.pageLayout["headersFooters.state"]).toBe("Default");
    expect(String(extras.pageLayout.leftFooter ?? "")).not.toContain("chiso766");
    expect(String(extras.pageLayout.centerFooter ?? "")).not.toContain("chiso766");
    expect(extras.frozenRows).toBe(plan.layout.headerBottom + 1);
    expect(sheet.merges.length).toBe(plan.merges.length);

    expect(extras.charts.map((c) => c.type)).toEqual(["BarClustered"]);
    const [totalsChart] = extras.charts;
    // The ratings chart sits beside the rating counts, on the notes sheet.
    const notesExtras = sheetExtras(model.sheet(plan.notes!.sheetName)!);
    expect(notesExtras.charts.map((c) => c.type)).toEqual(["ColumnClustered"]);
    const [ratingsChart] = notesExtras.charts;
    const ranked = plan.rows.filter((r) => !r.unit.aggregate);
    expect(totalsChart.series[0].pointColors[0]).toBe(RATING_COLORS[ranked[0].unit.ratingKey!]);
    expect(Object.keys(totalsChart.series[0].pointColors)).toHaveLength(ranked.length);
    expect(ratingsChart.title).toBe("Số đơn vị theo xếp loại");
    // Fixed request count: sheet lookup, (old appendix footers,) write, charts.
    expect(excel.stats.syncs).toBeLessThanOrEqual(4);
  });

  test("the number of syncs does not grow with the number of units", async () => {
    const small = setup(18);
    small.excel.resetStats();
    await small.report.writeAppendix(small.plan);
    const large = setup(400);
    large.excel.resetStats();
    await large.report.writeAppendix(large.plan);
    expect(large.excel.stats.syncs).toBe(small.excel.stats.syncs);
  });

  test("a rerun replaces its own appendix; a user's sheet of that name is kept", async () => {
    const { report, model, plan } = setup(18, { userSheet: DEFAULT_APPENDIX_SHEET });
    const first = await report.writeAppendix(plan);
    expect(first.sheetName).toBe(`${DEFAULT_APPENDIX_SHEET} (2)`);
    const second = await report.writeAppendix(plan);
    expect(second.sheetName).toBe(`${DEFAULT_APPENDIX_SHEET} (2)`);
    expect(model.sheets.map((s) => s.name)).toEqual([PHU_TAN_SHEET, PREVIOUS, DEFAULT_APPENDIX_SHEET, `${DEFAULT_APPENDIX_SHEET} (2)`, "Nhận xét xếp loại"]);
    expect(model.sheet(DEFAULT_APPENDIX_SHEET)!.cell(0, 0).value).toBe("ghi chú của tôi");
  });

  test("the scorecard sheet: a page break before each unit but the first, in the same one write", async () => {
    const { report, model, plan: appendix, excel } = setup();
    const run = appendix.rows.map((r) => r.unit);
    const cards = planScorecards({ profileId: "an-giang-tuan", units: run, problems: [] }, getProfile("an-giang-tuan")!, { period: "Tháng 5" });
    excel.resetStats();
    const name = await report.writeScorecards(cards);
    expect(name).toBe("Phiếu điểm");
    expect(sheetExtras(model.sheet(name)!).pageBreaks).toEqual(cards.pageBreaks);
    expect(excel.stats.syncs).toBeLessThanOrEqual(2);
  });

  test("without the chart API the appendix is written and the report says no charts", async () => {
    const { model, workbook, plan, excel } = setup();
    const report = createReportAdapter({ run: excel.run, workbook, charts: false });
    const done = await report.writeAppendix(plan);
    expect(done.charts).toBe(false);
    expect(sheetExtras(model.sheet(done.sheetName)!).charts).toHaveLength(0);
  });
});

describe("the sheets the pane adds, as the CLI sees them", () => {
  test("the appendix and its notes sheet written by the pane and by the CLI have the same fingerprint text", async () => {
    const { excel, report, run, workbook } = setup();
    const narrative = buildNarrative(run.scored, run.profile, { sourceRows: run.read.units });
    const plan = planAppendix(run.scored, run.profile, { title: "BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN", period: "Tháng 5 (Tuần 01)", sourceRows: run.read.units, narrative });
    const done = await report.writeAppendix(plan);
    const names = [done.sheetName, done.notesSheetName!];
    expect(done.notesSheetName).toBeTruthy();
    const wb = new ExcelJS.Workbook();
    applyAppendixPlan(wb, plan);
    const inPane = await workbook.readSheetValues!(names);
    for (const [i, name] of names.entries()) {
      const pane = sheetFingerprintText(inPane[i]!);
      expect(pane.split("\n").length).toBeGreaterThan(10);
      expect(pane).toBe(sheetFingerprintText(gridFromWorksheet(wb.getWorksheet(name)!)));
    }
    // One cell typed in the pane's sheet changes its text.
    excel.model.userEdit(names[0], "A1", "Bảng của tôi");
    const edited = await workbook.readSheetValues!([names[0]]);
    expect(sheetFingerprintText(edited[0]!)).not.toBe(sheetFingerprintText(gridFromWorksheet(wb.getWorksheet(names[0])!)));
  });
});
