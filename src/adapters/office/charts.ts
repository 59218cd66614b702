/**
 * The report's two charts drawn by Excel on the appendix sheet: totals by unit (bars sorted as
 * the table, each coloured by its rating) and the number of units per rating (from the rating
 * table under the appendix). One batch, one sync.
 */
import { RATING_COLORS, UNRATED_COLOR } from "../../report/charts";
import type { AppendixPlan } from "../../report/types";

const colorOf = (key: string | null) => (key && RATING_COLORS[key]) || UNRATED_COLOR;

/**
 * Adds the totals chart right of the appendix table on `sheetName` (outside the printed page:
 * the print area is the table) and the ratings chart beside the rating counts on the notes sheet.
 */
export async function addAppendixCharts(context: Excel.RequestContext, plan: AppendixPlan, sheetName: string, notesSheetName: string | null): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const scoreField = plan.columns.some((c) => c.field === "converted") ? "converted" : "total";
  const scoreCol = plan.columns.find((c) => c.field === scoreField);
  const nameCol = plan.columns.find((c) => c.field === "name");
  const ranked = plan.rows.filter((r) => !r.unit.aggregate);
  const chartLeft = plan.layout.lastCol + 2;

  if (scoreCol && nameCol && ranked.length > 0) {
    // Ranked rows are contiguous unless the table has level sections (their label rows plot as gaps).
    const first = ranked[0].row;
    const count = ranked[ranked.length - 1].row - first + 1;
    const values = ws.getRangeByIndexes(first, scoreCol.col, count, 1);
    const chart = ws.charts.add("BarClustered", values, "Columns");
    chart.title.text = "Tổng điểm theo đơn vị";
    chart.legend.visible = false;
    chart.setPosition(ws.getRangeByIndexes(plan.layout.headerTop, chartLeft, 1, 1));
    // Wide enough that Excel prints each unit name whole beside its bar.
    const longest = Math.max(0, ...ranked.map((r) => r.unit.name.length));
    chart.width = Math.max(520, 300 + 8 * longest);
    chart.height = Math.max(260, 22 * count + 80);
    chart.axes.categoryAxis.reversePlotOrder = true; // highest first, as in the table
    const series = chart.series.getItemAt(0);
    series.name = scoreCol.label;
    series.setXAxisValues(ws.getRangeByIndexes(first, nameCol.col, count, 1));
    series.hasDataLabels = true;
    const byRow = new Map(ranked.map((r) => [r.row, r.unit.ratingKey]));
    for (let i = 0; i < count; i++) series.points.getItemAt(i).format.fill.setSolidColor(colorOf(byRow.get(first + i) ?? null));
  }

  const t = plan.notes?.ratingTable;
  if (t && notesSheetName && plan.notes && t.bottom > t.top) {
    const notes = context.workbook.worksheets.getItem(notesSheetName);
    const data = notes.getRangeByIndexes(t.top, t.left, t.bottom - t.top + 1, 2);
    const chart = notes.charts.add("ColumnClustered", data, "Columns");
    chart.title.text = "Số đơn vị theo xếp loại";
    chart.legend.visible = false;
    chart.setPosition(notes.getRangeByIndexes(t.top, plan.notes.lastCol + 2, 1, 1));
    chart.width = 420;
    chart.height = 260;
    const series = chart.series.getItemAt(0);
    series.hasDataLabels = true;
    t.keys.forEach((key, i) => series.points.getItemAt(i).format.fill.setSolidColor(colorOf(key)));
  }
  await context.sync();
}
