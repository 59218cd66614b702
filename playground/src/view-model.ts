/**
 * What the grid needs to know about a workbook, whatever holds it (the fake Excel workbook
 * the stand-in Office.js works on). Read-only except for the user's own actions: picking a
 * sheet and selecting cells, which Excel's API then reports to the add-in.
 */
import type { CellRange, CellValue } from "../../src/model/grid";
import type { CellAlignment, SheetVisibility } from "./xlsx";

export interface CellView {
  value: CellValue;
  numberFormat: string | null;
  underline: boolean;
  /** As the file set it (the add-in does not change alignment). */
  alignment: CellAlignment | null;
}

export interface SheetView {
  name: string;
  visibility: SheetVisibility;
  /** Number of rows and columns from A1 that hold anything. */
  usedSize(): { rows: number; cols: number };
  cell(row: number, col: number): CellView;
  merges(): CellRange[];
  columnWidth(col: number): number | null;
}

export interface WorkbookView {
  sheets(): SheetView[];
  activeSheet(): string;
  activate(sheet: string): void;
  /** The selected range of the active sheet. */
  selection(): { sheet: string; range: CellRange };
  select(sheet: string, range: CellRange): void;
  /** Called after every change (a synced batch of the add-in, or the user's selection). */
  subscribe(listener: () => void): () => void;
}
