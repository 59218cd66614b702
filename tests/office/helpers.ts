/** Shared helpers of the adapter tests: a fake Excel around a grid, and a plan built like planWrite builds one. */
import { FakeExcel, FakeWorkbookModel, type FakeCell, type FakeExcelOptions } from "../../fake-excel";
import { createOfficeAdapter, type WorkbookAdapter } from "../../src/adapters/office";
import { a1, cellAt, formatAt, underlineAt, type CellValue, type Grid } from "../../src/model/grid";
import { STATE_SHEET, type CellSnapshot, type WritePlan } from "../../src/model/plan";
import { cellRanges, valueBlocks } from "../../src/plan";

export function fakeFor(grid: Grid, options?: FakeExcelOptions): { excel: FakeExcel; adapter: WorkbookAdapter } {
  const excel = new FakeExcel(FakeWorkbookModel.fromGrid(grid), options);
  const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: excel.isSetSupported("ExcelApi", "1.13") });
  return { excel, adapter };
}

/** Every cell of the workbook except the state sheet (what the user sees). */
export function visibleCells(excel: FakeExcel): Record<string, FakeCell> {
  const all = excel.model.snapshot();
  return Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(`${STATE_SHEET}!`)));
}

/**
 * A plan shaped like the Phú Tân run: three output columns right of the table (header on the
 * second header row, one value per data row), underline set on some score cells and cleared
 * on others. Values depend on the row so nothing is coincidentally equal.
 */
export function outputPlan(grid: Grid, tableWidth = grid.values[0].length, dataTop = 3): WritePlan {
  const left = grid.origin.col + tableWidth;
  const bottom = grid.origin.row + grid.values.length - 1;
  const cells: { row: number; col: number; value: CellValue; numberFormat: string | null }[] = [];
  const headers = ["Xếp loại", "Xếp hạng", "Tăng/giảm"];
  headers.forEach((h, i) => cells.push({ row: dataTop - 1, col: left + i, value: h, numberFormat: null }));
  for (let row = dataTop; row <= bottom; row++) {
    const n = row - dataTop;
    cells.push({ row, col: left, value: n % 5 === 0 ? "Khá" : "Tốt", numberFormat: null });
    cells.push({ row, col: left + 1, value: n === 0 ? null : n, numberFormat: "0" });
    cells.push({ row, col: left + 2, value: Math.round((n % 13) * 37 - 200) / 100, numberFormat: "+0.00;-0.00;0.00" });
  }
  const set: { row: number; col: number }[] = [];
  const clear: { row: number; col: number }[] = [];
  for (let row = dataTop; row <= bottom; row++) {
    const flagged = (row - dataTop) % 7 === 3;
    if (flagged) set.push({ row, col: 2 }, { row, col: left });
    else if (underlineAt(grid, row, 2)) clear.push({ row, col: 2 });
  }
  const touched = new Map<string, { row: number; col: number }>();
  for (const c of [...cells, ...set, ...clear]) touched.set(a1(c.row, c.col), c);
  const previous: CellSnapshot[] = [...touched.entries()].map(([address, c]) => ({
    address,
    value: cellAt(grid, c.row, c.col),
    // As planWrite snapshots a cell: "General" outside the grid's formats (null means "not read").
    numberFormat: formatAt(grid, c.row, c.col) ?? "General",
    underline: underlineAt(grid, c.row, c.col),
  }));
  return {
    sheet: grid.sheet,
    columns: headers.map((header, i) => ({ field: ["rating", "rank", "change"][i], col: left + i, letter: "", header, added: true })),
    blocks: valueBlocks(cells),
    underline: { set: cellRanges(set), clear: cellRanges(clear) },
    previous,
    conflicts: [],
  };
}
