/**
 * The part of the Excel JavaScript API the adapter uses, as structural types. The real
 * `Excel.RequestContext` satisfies them (checked below at compile time), and so does the fake
 * in fake-excel/, which is how the same adapter code runs in Excel, in Jest and in the playground.
 */

type Underline = Excel.RangeUnderlineStyle | "None" | "Single" | "Double" | "SingleAccountant" | "DoubleAccountant";
type Visibility = Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlFont {
  /** Read after load("format/font/underline"): Excel gives null when the cells' underlines differ. */
  underline: Underline;
}

export interface XlFormat {
  readonly font: XlFont;
}

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  /** Comma-separated, sheet-qualified addresses of the areas. */
  readonly address: string;
  readonly format: XlFormat;
  load(propertyNames?: string | string[]): XlRangeAreas;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  numberFormat: unknown[][];
  /** A formula cell's formula ("=SUM(A1:A3)"), any other cell's value. */
  readonly formulas: unknown[][];
  readonly format: XlFormat;
  load(propertyNames?: string | string[]): XlRange;
  getCellProperties(options: Excel.CellPropertiesLoadOptions): XlClientResult<Excel.CellProperties[][]>;
  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void;
  /** ExcelApi 1.13: call only when isSetSupported says so. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  /** The cell may lie outside the range (it must stay on the sheet). */
  getCell(row: number, column: number): XlRange;
  getEntireColumn(): XlRange;
  getIntersection(anotherRange: XlRange | string): XlRange;
  /** ExcelApi 1.4. */
  getIntersectionOrNullObject(anotherRange: XlRange | string): XlRange;
  /** "Formats": fonts, fills, borders, alignment and number formats only (ExcelApi 1.1). */
  clear(applyTo?: "All" | "Formats"): void;
  /** ExcelApi 1.9: the formats of `source` (a sheet-less address on the same sheet). */
  copyFrom(source: string, copyType: "Formats"): void;
  merge(across?: boolean): void;
  unmerge(): void;
  select(): void;
}

/** What the adapter reads of a worksheet's onChanged event. */
export interface XlChangedArgs {
  address: string;
  /** ExcelApi 1.14: "ThisLocalAddin" when this add-in made the change. */
  triggerSource?: string;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  /** ExcelApi 1.7. */
  readonly onChanged: { add(handler: (args: XlChangedArgs) => Promise<unknown>): unknown };
  readonly name: string;
  visibility: Visibility;
  load(propertyNames?: string | string[]): XlWorksheet;
  activate(): void;
  getRange(address?: string): XlRange;
  getRanges(address?: string): XlRangeAreas;
  /** ExcelApi 1.7; 0-based. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  delete(): void;
}

export interface XlWorksheetCollection {
  getActiveWorksheet(): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  getSelectedRange(): XlRange;
}

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** Excel.run, or the fake's run: one batch with its own request context. */
export type XlRun = <T>(batch: (context: XlRequestContext) => Promise<T>) => Promise<T>;

// Compile-time proof that the real API fits the subset (a type error here means it drifted).
type Fits<A, B> = A extends B ? true : false;
export const REAL_EXCEL_FITS_SUBSET: Fits<Excel.RequestContext, XlRequestContext> = true;
