/**
 * The one workbook of the playground: a FakeWorkbookModel (the in-memory workbook of the
 * unit-test fake) owned by the page, so it outlives the task pane when the pane reloads, the way
 * a workbook outlives an add-in in Excel. The stand-in Office.js in the pane's frame runs the
 * fake's Excel API over this model and calls changed() after each sync.
 */
import type { CellRange } from "../../src/model/grid";
import { FakeWorkbookModel, type FakeSheet } from "../../fake-excel/model";
import type { FakeExcel } from "../../fake-excel/api";
import type { CellView, SheetView, WorkbookView } from "./view-model";
import type { CellAlignment, SheetData } from "./xlsx";

/** What the page shares with the pane's frame (window.parent.chiso766Playground). */
export interface PlaygroundHost {
  model: FakeWorkbookModel;
  /**
   * The fake Excel over the model, the page's own: a sync's commands run in a task of the page,
   * as Excel runs them in its own process, not in the pane's.
   */
  excel?: FakeExcel;
  /** The stand-in reports that a batch changed the workbook (or the selection). */
  changed(): void;
  /** Name of the workbook file, for Office.context.document.url. */
  fileName: string;
}

declare global {
  interface Window {
    chiso766Playground?: PlaygroundHost;
  }
}

class FakeSheetView implements SheetView {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly widths: (number | null)[],
    private readonly alignments: (CellAlignment | null)[][],
  ) {}

  get name(): string {
    return this.sheet.name;
  }

  get visibility() {
    return this.sheet.visibility;
  }

  usedSize(): { rows: number; cols: number } {
    const used = this.sheet.usedRange(false);
    return used ? { rows: used.bottom + 1, cols: used.right + 1 } : { rows: 0, cols: 0 };
  }

  cell(row: number, col: number): CellView {
    const c = this.sheet.cell(row, col);
    return { value: c.value === "" ? null : c.value, numberFormat: c.numberFormat, underline: c.underline, alignment: this.alignments[row]?.[col] ?? null };
  }

  merges(): CellRange[] {
    return this.sheet.merges;
  }

  columnWidth(col: number): number | null {
    return this.widths[col] ?? null;
  }
}

export class PlaygroundWorkbook implements WorkbookView {
  readonly model: FakeWorkbookModel;
  private readonly listeners = new Set<() => void>();
  private readonly widths = new Map<string, (number | null)[]>();
  private readonly alignments = new Map<string, (CellAlignment | null)[][]>();

  constructor(sheets: SheetData[]) {
    this.model = FakeWorkbookModel.create(sheets);
    for (const s of sheets) {
      this.widths.set(s.name, s.columnWidths);
      this.alignments.set(s.name, s.alignments);
    }
    // Excel opens a workbook on its first visible sheet.
    const firstVisible = sheets.find((s) => s.visibility === "Visible");
    if (firstVisible) this.model.activeSheet = firstVisible.name;
  }

  sheets(): SheetView[] {
    return this.model.sheets.map((s) => new FakeSheetView(s, this.widths.get(s.name) ?? [], this.alignments.get(s.name) ?? []));
  }

  activeSheet(): string {
    return this.model.activeSheet;
  }

  activate(sheet: string): void {
    if (sheet === this.model.activeSheet) return;
    this.model.activeSheet = sheet;
    this.model.selection = { top: 0, left: 0, bottom: 0, right: 0 };
    this.notify();
  }

  selection(): { sheet: string; range: CellRange } {
    return { sheet: this.model.activeSheet, range: this.model.selection };
  }

  select(sheet: string, range: CellRange): void {
    this.model.activeSheet = sheet;
    this.model.selection = { ...range };
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }
}
