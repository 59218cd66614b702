/**
 * Report sheets are merged without exceljs's check of each merge against every earlier one
 * (quadratic in the score cards' tens of thousands of merges): the sheet must hold exactly the
 * merges exceljs makes one by one, before and after saving, and overlapping merges still fail.
 */
import ExcelJS from "exceljs";
import { applySheetPlan } from "../../src/adapters/exceljs/sheet-plan";
import { rangeA1 } from "../../src/model/grid";
import { planScorecards } from "../../src/report/scorecard";
import type { SheetPlan } from "../../src/report/types";
import { dienBienProfile, dienBienResult } from "./fixtures/dien-bien";

const plan = planScorecards(dienBienResult(), dienBienProfile, { period: "Tháng 9 năm 2023" });
const sorted = (merges: string[]) => [...merges].sort();
const mergesOf = (ws: ExcelJS.Worksheet) => sorted((ws.model as { merges?: string[] }).merges ?? []);

/** What exceljs gives merging the plan's ranges one at a time. */
function oneByOne(p: SheetPlan): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet("x");
  for (const m of p.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return ws;
}

describe("merges of a report sheet", () => {
  test("are the plan's, as exceljs makes them one by one, cell by cell", () => {
    expect(plan.merges.length).toBeGreaterThan(20);
    const ws = applySheetPlan(new ExcelJS.Workbook(), plan);
    const reference = oneByOne(plan);
    expect(mergesOf(ws)).toEqual(sorted(plan.merges.map((m) => rangeA1(m))));
    expect(mergesOf(ws)).toEqual(mergesOf(reference));
    for (const m of plan.merges) {
      for (let c = m.left; c <= m.right; c++) {
        const [written, expected] = [ws, reference].map((sheet) => sheet.getCell(m.top + 1, c + 1));
        expect([written.isMerged, written.master.address]).toEqual([true, expected.master.address]);
      }
    }
  });

  test("are kept in the saved file", async () => {
    const wb = new ExcelJS.Workbook();
    applySheetPlan(wb, plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    expect(mergesOf(back.worksheets[0])).toEqual(sorted(plan.merges.map((m) => rangeA1(m))));
  });

  test("that overlap are refused, as exceljs refuses them", () => {
    const overlapping: SheetPlan = { ...plan, merges: [...plan.merges, { ...plan.merges[0], right: plan.merges[0].right }] };
    expect(() => applySheetPlan(new ExcelJS.Workbook(), overlapping)).toThrow("Cannot merge already merged cells");
  });
});
