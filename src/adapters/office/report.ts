/**
 * The report's side of the Office.js adapter: list the workbook's sheets, read another sheet's
 * table (the last period's) through the same read path as the scored table, and write the
 * appendix sheet with its two charts. Like adapter.ts, the only code here that calls Excel;
 * errors reach the pane, never swallowed.
 *
 * Requests: listSheets 1 sync; readSheet as adapter.read; writeAppendix 2–3 syncs for the sheet
 * (see appendix.ts) + 1 for the charts, whatever the number of units.
 */
import { STATE_SHEET } from "../../model/plan";
import type { AppendixPlan, SheetPlan } from "../../report/types";
import type { WorkbookAdapter, WorkbookSnapshot } from "./adapter";
import type { XlRequestContext, XlRun } from "./excel-subset";

export interface SheetInfo {
  name: string;
  /** False for hidden and very hidden sheets (the add-in's own state sheet is never listed). */
  visible: boolean;
  /** The sheet the user is on. */
  active: boolean;
}

export interface AppendixReport {
  /** The sheet written: the plan's name, or "… (2)" when the user has a sheet of that name. */
  sheetName: string;
  /** The notes sheet written beside it (rating counts and narrative), if any. */
  notesSheetName: string | null;
  /** Whether Excel drew the two charts (false when this Excel lacks the chart API). */
  charts: boolean;
}

/** What the pane's report panel gets as a prop, beside the WorkbookAdapter. */
export interface ReportAdapter {
  /** The workbook's sheets in tab order, with the active one marked. */
  listSheets(): Promise<SheetInfo[]>;
  /** A sheet's table read like the active one (values, formats, underlines, merges). */
  readSheet(name: string): Promise<WorkbookSnapshot>;
  /** Writes the appendix sheet, then (when Excel can) the two charts on it. */
  writeAppendix(plan: AppendixPlan): Promise<AppendixReport>;
  /** Writes the "Phiếu điểm" sheet (a page per unit); returns its name. */
  writeScorecards(plan: SheetPlan): Promise<string>;
}

export interface ReportAdapterOptions {
  /** Excel.run (or the fake's run). */
  run: XlRun;
  /** The workbook adapter, whose read path (ReadOptions.sheet) reads the other sheet. */
  workbook: Pick<WorkbookAdapter, "read">;
  /**
   * Whether the chart calls addAppendixCharts makes are available: Series.setXAxisValues needs
   * ExcelApi 1.12 (the manifest asks for 1.9, so older Excel writes the appendix without charts).
   */
  charts: boolean;
}

/** The subset's context is the real Excel.RequestContext inside Excel (see excel-subset.ts). */
const excelContext = (context: XlRequestContext) => context as unknown as Excel.RequestContext;

interface SheetListItem {
  name: string;
  visibility: string;
}

export function createReportAdapter(options: ReportAdapterOptions): ReportAdapter {
  const { run, workbook, charts } = options;

  async function listSheets(): Promise<SheetInfo[]> {
    return run(async (context) => {
      const ctx = excelContext(context);
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return (sheets.items as unknown as SheetListItem[])
        .filter((s) => s.name !== STATE_SHEET)
        .map((s) => ({ name: s.name, visible: s.visibility === "Visible", active: s.name === active.name }));
    });
  }

  async function writeAppendix(plan: AppendixPlan): Promise<AppendixReport> {
    // Loaded on first use: the task pane's first render does not need the appendix code.
    const [{ writeSheetPlans }, { addAppendixCharts }] = await Promise.all([
      import(/* webpackChunkName: "report" */ "./appendix"),
      import(/* webpackChunkName: "report" */ "./charts"),
    ]);
    return run(async (context) => {
      const [sheetName, notesSheetName = null] = await writeSheetPlans(excelContext(context), plan.notes ? [plan, plan.notes] : [plan]);
      if (!charts) return { sheetName, notesSheetName, charts: false };
      try {
        await addAppendixCharts(excelContext(context), plan, sheetName, notesSheetName);
      } catch (e) {
        // The sheet is written (its own sync succeeded); say so, and why the charts are missing.
        throw new Error(`Đã lập trang "${sheetName}" nhưng Excel không vẽ được biểu đồ: ${e instanceof Error ? e.message : String(e)}`);
      }
      return { sheetName, notesSheetName, charts: true };
    });
  }

  async function writeScorecards(plan: SheetPlan): Promise<string> {
    const { writeSheetPlans } = await import(/* webpackChunkName: "report" */ "./appendix");
    return run(async (context) => (await writeSheetPlans(excelContext(context), [plan]))[0]);
  }

  return { listSheets, readSheet: (name) => workbook.read({ sheet: name }), writeAppendix, writeScorecards };
}
