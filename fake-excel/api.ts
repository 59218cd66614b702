/**
 * A typed fake of the part of the Excel JavaScript API that the add-in uses, with Office.js
 * batching semantics:
 *  - proxies (worksheets, ranges, range areas) are handles resolved only when sync() runs;
 *  - property writes, method calls and load() are queued and applied in order on sync();
 *  - reading a property that was not loaded and synced throws PropertyNotLoaded, and reading
 *    isNullObject before a sync throws too;
 *  - *OrNullObject handles resolve to null objects, and handles chained on them do as well;
 *  - each sync counts as one request: its size is estimated (JSON bytes of what would travel),
 *    and requests or responses over the configured limits fail like Excel on the web (5 MB).
 * Pure TypeScript with no Node-only imports, so the playground can bundle it for the browser.
 */
import { FakeExcelError, parseArea, parseAreas, qualifiedAddress, type SheetArea } from "./address";
import { FakeWorkbookModel, type FakeChangedEvent, type FakeSheet } from "./model";
import { queueClearFormats, queueCopyFormats, queueUnmerge } from "./copy-formats";
import { FakeBorders, FakeCharts, FakeFreezePanes, FakePageBreaks, FakePageLayout, queueFormat, queueMerge } from "./sheets-extra";
import type { CellRange } from "../src/model/grid";
import type {
  XlClientResult,
  XlFont,
  XlFormat,
  XlRange,
  XlRangeAreas,
  XlRequestContext,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from "../src/adapters/office/excel-subset";

/** Excel on the web rejects requests and responses above 5 MB. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** Largest request (one sync's queued commands) accepted, in bytes; default 5 MB. */
  requestLimitBytes?: number;
  /** Largest response (one sync's loaded data) accepted, in bytes; default 5 MB. */
  responseLimitBytes?: number;
  /** Highest ExcelApi version reported as supported; default "1.13" (merged areas available). */
  excelApiVersion?: string;
  /**
   * Awaited between the add-in's request and Excel applying it (the playground: a task of its
   * own, as a request crossing to Excel's process is); default none, the commands run at once.
   */
  roundTrip?: () => Promise<void>;
}

export interface FakeExcelStats {
  /** Excel.run batches started. */
  runs: number;
  /** context.sync() calls, including the implicit one Excel.run makes for leftover commands. */
  syncs: number;
  /** Commands queued (property sets, method calls, loads). */
  queuedOps: number;
  /** Estimated size of each request and response, one entry per sync, in bytes. */
  requestBytes: number[];
  responseBytes: number[];
}

interface QueuedOp {
  /** Short description, for debugging failed batches. */
  what: string;
  /** Estimated request bytes of this command. */
  bytes: number;
  /** Applies the command; returns the estimated response bytes. */
  run(): number;
}

const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();

/** UTF-8 bytes of a value's JSON form: what would travel between the add-in and Excel. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  return encoder ? encoder.encode(text).length : text.length;
}

function notLoaded(property: string): never {
  throw new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function propertyList(names: string | string[] | undefined): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(",");
  return list.map((n) => n.trim()).filter((n) => n !== "");
}

function underlineStyle(on: boolean): "None" | "Single" {
  return on ? "Single" : "None";
}

function isUnderlined(style: unknown): boolean {
  if (style === "None") return false;
  if (style === "Single" || style === "Double" || style === "SingleAccountant" || style === "DoubleAccountant") return true;
  throw new FakeExcelError("InvalidArgument", `Kiểu gạch chân không hợp lệ: ${String(style)}`);
}

function forEachCell(range: CellRange, fn: (row: number, col: number) => void): void {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) fn(r, c);
}

/** Base of every handle: load bookkeeping, null-object state and the PropertyNotLoaded rule. */
abstract class FakeProxy<Target> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {
    context.track(this);
  }

  /** What the handle points at now, or null for a null object; throws like Excel when invalid. */
  abstract readonly resolve: () => Target | null;
  /** Value of a loadable property of the resolved target. */
  protected abstract read(target: Target, property: string): unknown;
  protected abstract readonly loadable: readonly string[];

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded("isNullObject");
    return this.nullState;
  }

  /** Called after each sync for handles created before it. */
  settle(): void {
    try {
      this.nullState = this.resolve() === null;
    } catch {
      this.nullState = true;
    }
  }

  protected queueLoad(names: string | string[] | undefined): void {
    const props = propertyList(names);
    if (props.length === 0) throw new FakeExcelError("InvalidArgument", "load() without property names loads everything; name the properties");
    for (const p of props) if (!this.loadable.includes(p)) throw new FakeExcelError("PropertyNotFound", `Unknown property '${p}'`);
    this.context.enqueue({
      what: `load ${props.join(",")}`,
      bytes: 40 + jsonBytes(props),
      run: () => {
        const target = this.resolve();
        let bytes = 0;
        for (const p of props) {
          const value = target === null ? null : this.read(target, p);
          this.loaded.set(p, value);
          bytes += jsonBytes(value) + p.length + 4;
        }
        return bytes;
      },
    });
  }

  protected loadedValue<T>(property: string): T {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as T;
  }
}

class FakeFont implements XlFont {
  constructor(
    private readonly owner: { context: FakeRequestContext; areas(): { sheet: FakeSheet; range: CellRange }[] | null; loadedUnderline(): XlFont["underline"] },
  ) {}

  get underline(): XlFont["underline"] {
    return this.owner.loadedUnderline();
  }

  set underline(style: XlFont["underline"]) {
    const on = isUnderlined(style);
    this.owner.context.enqueue({
      what: `set underline ${style}`,
      bytes: 60,
      run: () => {
        const areas = this.owner.areas();
        if (areas === null) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
        for (const { sheet, range } of areas) forEachCell(range, (r, c) => sheet.update(r, c, { underline: on }));
        return 0;
      },
    });
  }

  // Font properties the appendix sets; recorded per sheet (sheets-extra.ts), not drawn.
  set name(value: string) {
    queueFormat(this.owner.context, this.owner.areas, "font.name", value);
  }
  set size(value: number) {
    queueFormat(this.owner.context, this.owner.areas, "font.size", value);
  }
  set bold(value: boolean) {
    queueFormat(this.owner.context, this.owner.areas, "font.bold", value);
  }
  set italic(value: boolean) {
    queueFormat(this.owner.context, this.owner.areas, "font.italic", value);
  }
  set color(value: string) {
    queueFormat(this.owner.context, this.owner.areas, "font.color", value);
  }
}

class FakeRangeFormat implements XlFormat {
  readonly font: FakeFont;
  constructor(private readonly owner: ConstructorParameters<typeof FakeFont>[0]) {
    this.font = new FakeFont(owner);
  }

  // Alignment, wrap, sizes and borders the appendix sets; recorded per sheet (sheets-extra.ts).
  set horizontalAlignment(value: string) {
    queueFormat(this.owner.context, this.owner.areas, "horizontalAlignment", value);
  }
  set verticalAlignment(value: string) {
    queueFormat(this.owner.context, this.owner.areas, "verticalAlignment", value);
  }
  set wrapText(value: boolean) {
    queueFormat(this.owner.context, this.owner.areas, "wrapText", value);
  }
  set columnWidth(value: number) {
    queueFormat(this.owner.context, this.owner.areas, "columnWidth", value);
  }
  set rowHeight(value: number) {
    queueFormat(this.owner.context, this.owner.areas, "rowHeight", value);
  }
  get borders(): FakeBorders {
    return new FakeBorders(this.owner.context, this.owner.areas);
  }
}

interface ResolvedRange {
  sheet: FakeSheet;
  range: CellRange;
}

export class FakeRange extends FakeProxy<ResolvedRange> implements XlRange {
  protected readonly loadable = ["values", "numberFormat", "formulas", "address", "rowIndex", "columnIndex", "rowCount", "columnCount", "format/font/underline"] as const;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    readonly resolve: () => ResolvedRange | null,
  ) {
    super(context);
    this.format = new FakeRangeFormat({
      context,
      areas: () => {
        const target = this.resolve();
        return target ? [target] : null;
      },
      loadedUnderline: () => this.loadedValue("format/font/underline"),
    });
  }

  protected read({ sheet, range }: ResolvedRange, property: string): unknown {
    switch (property) {
      case "values":
        return rows(range, (r, c) => sheet.cell(r, c).value);
      case "numberFormat":
        return rows(range, (r, c) => sheet.cell(r, c).numberFormat);
      case "formulas":
        return rows(range, (r, c) => sheet.cell(r, c).formula ?? sheet.cell(r, c).value);
      case "address":
        return qualifiedAddress(sheet.name, range);
      case "rowIndex":
        return range.top;
      case "columnIndex":
        return range.left;
      case "rowCount":
        return range.bottom - range.top + 1;
      case "columnCount":
        return range.right - range.left + 1;
      case "format/font/underline": {
        // Like Excel: a uniform value, or null when the cells differ.
        const seen = new Set<boolean>();
        forEachCell(range, (r, c) => seen.add(sheet.cell(r, c).underline));
        return seen.size === 1 ? underlineStyle([...seen][0]) : null;
      }
      default:
        throw new FakeExcelError("PropertyNotFound", property);
    }
  }

  load(propertyNames?: string | string[]): FakeRange {
    this.queueLoad(propertyNames);
    return this;
  }

  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(values: unknown[][]) {
    this.queueGrid("values", values, (sheet, r, c, v) => {
      // Office.js: null leaves the cell unchanged; "" clears it.
      if (v === null || v === undefined) return;
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new FakeExcelError("InvalidArgument", `Giá trị không hợp lệ: ${String(v)}`);
      // Like Excel, a leading "'" is the text prefix: the rest is kept as text, whatever it is.
      if (typeof v === "string" && v.startsWith("'")) sheet.update(r, c, { value: v.slice(1), formula: undefined });
      // Like Excel, text starting with "=" in a cell not formatted as text is a formula; the
      // fake does not calculate, so the cell keeps showing its last result.
      else if (typeof v === "string" && v.startsWith("=") && sheet.cell(r, c).numberFormat !== "@") sheet.update(r, c, { formula: v });
      else sheet.update(r, c, { value: v, formula: undefined });
    });
  }

  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.queueGrid("numberFormat", formats, (sheet, r, c, v) => {
      if (v === null || v === undefined) return; // null: keep the current format
      if (typeof v !== "string") throw new FakeExcelError("InvalidArgument", `Định dạng số không hợp lệ: ${String(v)}`);
      sheet.update(r, c, { numberFormat: v });
    });
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }

  private queueGrid(what: string, grid: unknown[][], apply: (sheet: FakeSheet, r: number, c: number, v: unknown) => void): void {
    this.context.enqueue({
      what: `set ${what}`,
      bytes: 40 + jsonBytes(grid),
      run: () => {
        const target = this.resolve();
        if (!target) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
        const { sheet, range } = target;
        const height = range.bottom - range.top + 1;
        const width = range.right - range.left + 1;
        if (!Array.isArray(grid) || grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== width)) {
          throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${qualifiedAddress(sheet.name, range)}).`);
        }
        grid.forEach((row, i) => row.forEach((v, j) => apply(sheet, range.top + i, range.left + j, v)));
        return 0;
      },
    });
  }

  getCellProperties(options: Excel.CellPropertiesLoadOptions): XlClientResult<Excel.CellProperties[][]> {
    const result = new FakeClientResult<Excel.CellProperties[][]>();
    const wantsUnderline = options.format?.font?.underline === true;
    this.context.enqueue({
      what: "getCellProperties",
      bytes: 40 + jsonBytes(options),
      run: () => {
        const target = this.resolve();
        if (!target) {
          result.settle(null as unknown as Excel.CellProperties[][]); // chained on a null object
          return 4;
        }
        const value = rows(target.range, (r, c): Excel.CellProperties =>
          wantsUnderline ? { format: { font: { underline: underlineStyle(target.sheet.cell(r, c).underline) } } } : {},
        );
        result.settle(value);
        return jsonBytes(value);
      },
    });
    return result;
  }

  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    this.queueGrid("cellProperties", cellPropertiesData, (sheet, r, c, v) => {
      const style = (v as Excel.SettableCellProperties).format?.font?.underline;
      if (style !== undefined) sheet.update(r, c, { underline: isUnderlined(style) });
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.context, () => {
      const target = this.resolve();
      if (!target) return null;
      const inside = target.sheet.merges.filter((m) => overlaps(m, target.range));
      return inside.length === 0 ? null : inside.map((range) => ({ sheet: target.sheet, range }));
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      if (!target) return null;
      const range = { ...target.range, bottom: target.range.bottom + deltaRows, right: target.range.right + deltaColumns };
      if (range.bottom < range.top || range.right < range.left) throw new FakeExcelError("InvalidArgument", "getResizedRange outside the range");
      return { sheet: target.sheet, range: insideSheet(range, "getResizedRange") };
    });
  }

  /** Like Excel: the cell may lie outside this range, as long as it is on the sheet. */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      if (!target) return null;
      const r = target.range.top + row;
      const c = target.range.left + column;
      return { sheet: target.sheet, range: insideSheet({ top: r, left: c, bottom: r, right: c }, "getCell") };
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      if (!target) return null;
      return { sheet: target.sheet, range: { top: 0, left: target.range.left, bottom: SHEET_LAST_ROW, right: target.range.right } };
    });
  }

  /** Excel throws when the ranges do not overlap (the OrNullObject form gives a null object instead). */
  getIntersection(anotherRange: FakeRange | string): FakeRange {
    return this.intersection(anotherRange, true);
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    return this.intersection(anotherRange, false);
  }

  private intersection(anotherRange: FakeRange | string, mustOverlap: boolean): FakeRange {
    const other = typeof anotherRange === "string" ? parseArea(anotherRange) : null;
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      if (!target) return null;
      const second = other ? this.areaOn(target.sheet, other) : (anotherRange as FakeRange).resolve();
      if (!second || second.sheet !== target.sheet || !overlaps(second.range, target.range)) {
        if (mustOverlap) throw new FakeExcelError("InvalidArgument", "The ranges do not intersect.");
        return null;
      }
      const a = target.range;
      const b = second.range;
      return {
        sheet: target.sheet,
        range: { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) },
      };
    });
  }

  private areaOn(sheet: FakeSheet, area: SheetArea): ResolvedRange {
    if (area.sheet !== null && area.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw new FakeExcelError("InvalidArgument", `Địa chỉ "${area.sheet}" không thuộc trang tính ${sheet.name}`);
    }
    return { sheet, range: area.range };
  }

  /** Range.merge(across): recorded in the sheet's merged areas. */
  merge(across = false): void {
    queueMerge(
      this.context,
      () => {
        const target = this.resolve();
        return target ? [target] : null;
      },
      across,
    );
  }

  copyFrom(source: string, copyType: "Formats"): void {
    if (copyType !== "Formats") throw new FakeExcelError("InvalidArgument", `copyFrom ${String(copyType)} is not in the fake`);
    this.context.requireApi("1.9", "Range.copyFrom");
    queueCopyFormats(this.context, this.resolve, source);
  }

  unmerge(): void {
    queueUnmerge(this.context, this.resolve);
  }

  clear(applyTo: "All" | "Formats" = "All"): void {
    if (applyTo === "Formats") return queueClearFormats(this.context, this.resolve);
    this.context.enqueue({
      what: "clear",
      bytes: 40,
      run: () => {
        const target = this.resolve();
        if (!target) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
        target.sheet.clear(target.range);
        return 0;
      },
    });
  }

  select(): void {
    this.context.enqueue({
      what: "select",
      bytes: 40,
      run: () => {
        const target = this.resolve();
        if (!target) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
        const model = this.context.model;
        model.activeSheet = target.sheet.name;
        model.selection = { ...target.range };
        return 0;
      },
    });
  }
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (0-based last indexes). */
const SHEET_LAST_ROW = 1048575;
const SHEET_LAST_COLUMN = 16383;

function insideSheet(range: CellRange, what: string): CellRange {
  if (range.top < 0 || range.left < 0 || range.bottom > SHEET_LAST_ROW || range.right > SHEET_LAST_COLUMN) {
    throw new FakeExcelError("InvalidArgument", `${what}: the range would extend beyond the worksheet`);
  }
  return range;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function rows<T>(range: CellRange, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: T[] = [];
    for (let c = range.left; c <= range.right; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

export class FakeRangeAreas extends FakeProxy<ResolvedRange[]> implements XlRangeAreas {
  protected readonly loadable = ["address", "areaCount", "format/font/underline"] as const;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    readonly resolve: () => ResolvedRange[] | null,
  ) {
    super(context);
    this.format = new FakeRangeFormat({ context, areas: () => this.resolve(), loadedUnderline: () => this.loadedValue("format/font/underline") });
  }

  protected read(areas: ResolvedRange[], property: string): unknown {
    if (property === "address") return areas.map((a) => qualifiedAddress(a.sheet.name, a.range)).join(",");
    if (property === "areaCount") return areas.length;
    const seen = new Set<boolean>();
    for (const a of areas) forEachCell(a.range, (r, c) => seen.add(a.sheet.cell(r, c).underline));
    return seen.size === 1 ? underlineStyle([...seen][0]) : null;
  }

  load(propertyNames?: string | string[]): FakeRangeAreas {
    this.queueLoad(propertyNames);
    return this;
  }

  get address(): string {
    return this.loadedValue("address");
  }
}

class FakeClientResult<T> implements XlClientResult<T> {
  private settled = false;
  private result: T | undefined;
  settle(value: T): void {
    this.result = value;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) notLoaded("value");
    return this.result as T;
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> implements XlWorksheet {
  protected readonly loadable = ["name", "visibility", "position"] as const;

  constructor(
    context: FakeRequestContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(context);
  }

  protected read(sheet: FakeSheet, property: string): unknown {
    if (property === "name") return sheet.name;
    if (property === "visibility") return sheet.visibility;
    return this.context.model.sheets.indexOf(sheet);
  }

  load(propertyNames?: string | string[]): FakeWorksheet {
    this.queueLoad(propertyNames);
    return this;
  }

  get name(): string {
    return this.loadedValue("name");
  }

  get visibility(): XlWorksheet["visibility"] {
    return this.loadedValue("visibility");
  }
  set visibility(value: XlWorksheet["visibility"]) {
    this.context.enqueue({
      what: `set visibility ${value}`,
      bytes: 50,
      run: () => {
        const sheet = this.mustResolve();
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw new FakeExcelError("InvalidArgument", String(value));
        sheet.visibility = value;
        return 0;
      },
    });
  }

  private mustResolve(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return sheet;
  }

  activate(): void {
    this.context.enqueue({
      what: "activate",
      bytes: 40,
      run: () => {
        this.context.model.activeSheet = this.mustResolve().name;
        return 0;
      },
    });
  }

  private areaIn(sheet: FakeSheet, area: SheetArea): ResolvedRange {
    if (area.sheet !== null && area.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw new FakeExcelError("InvalidArgument", `Địa chỉ "${area.sheet}" không thuộc trang tính ${sheet.name}`);
    }
    return { sheet, range: area.range };
  }

  getRange(address?: string): FakeRange {
    // Parse now so a malformed address fails where it is written, as Excel would on sync.
    const area = address === undefined ? null : parseArea(address);
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      if (area === null) return { sheet, range: { top: 0, left: 0, bottom: SHEET_LAST_ROW, right: SHEET_LAST_COLUMN } };
      return this.areaIn(sheet, area);
    });
  }

  getRanges(address?: string): FakeRangeAreas {
    this.context.requireApi("1.9", "Worksheet.getRanges");
    if (address !== undefined && address.length > 8192) {
      // Excel truncates silently; the fake refuses, so the adapter's chunking is tested.
      throw new FakeExcelError("InvalidArgument", `getRanges address longer than 8192 characters (${address.length})`);
    }
    const areas = address === undefined ? [] : parseAreas(address);
    return new FakeRangeAreas(this.context, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      return areas.map((a) => this.areaIn(sheet, a));
    });
  }

  /** Like Excel: an empty sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      return { sheet, range: sheet.usedRange(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      const used = sheet.usedRange(valuesOnly === true);
      return used ? { sheet, range: used } : null;
    });
  }

  /** 0-based, like Excel's Worksheet.getRangeByIndexes. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeExcelError("InvalidArgument", "getRangeByIndexes: rowCount and columnCount must be at least 1");
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      const range = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      return { sheet, range: insideSheet(range, "getRangeByIndexes") };
    });
  }

  delete(): void {
    this.context.enqueue({
      what: "delete sheet",
      bytes: 40,
      run: () => {
        const model = this.context.model;
        const sheet = this.mustResolve();
        if (model.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
          throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        model.sheets.splice(model.sheets.indexOf(sheet), 1);
        if (model.activeSheet.toLowerCase() === sheet.name.toLowerCase()) model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")?.name ?? "";
        return 0;
      },
    });
  }

  /** ExcelApi 1.7: handlers get what changed after each sync or user edit (asynchronously). */
  get onChanged(): { add(handler: (args: FakeChangedEvent) => Promise<unknown>): { remove(): void } } {
    const context = this.context;
    return {
      add: (handler) => {
        context.requireApi("1.7", "Worksheet.onChanged");
        let remove: (() => void) | null = null;
        context.enqueue({
          what: "onChanged.add",
          bytes: 40,
          run: () => {
            remove = context.model.onChanged(this.mustResolve().name, handler);
            return 0;
          },
        });
        return { remove: () => remove?.() };
      },
    };
  }

  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.context, () => this.resolve());
  }

  get charts(): FakeCharts {
    return new FakeCharts(this.context, () => this.resolve());
  }

  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, () => this.resolve());
  }

  get horizontalPageBreaks(): FakePageBreaks {
    return new FakePageBreaks(this.context, () => this.resolve());
  }
}

class FakeWorksheets implements XlWorksheetCollection {
  private loadedItems: { name: string; visibility: FakeSheet["visibility"]; position: number }[] | null = null;

  constructor(private readonly context: FakeRequestContext) {}

  /** load("items/name,items/visibility"): the sheets in tab order, readable after the sync. */
  load(propertyNames: string | string[]): FakeWorksheets {
    const props = propertyList(propertyNames);
    const allowed = ["items/name", "items/visibility", "items/position"];
    for (const p of props) if (!allowed.includes(p)) throw new FakeExcelError("PropertyNotFound", `Unknown property '${p}'`);
    this.context.enqueue({
      what: `load worksheets ${props.join(",")}`,
      bytes: 40 + jsonBytes(props),
      run: () => {
        this.loadedItems = this.context.model.sheets.map((s, position) => ({ name: s.name, visibility: s.visibility, position }));
        return jsonBytes(this.loadedItems);
      },
    });
    return this;
  }

  get items(): { name: string; visibility: FakeSheet["visibility"]; position: number }[] {
    if (this.loadedItems === null) notLoaded("items");
    return this.loadedItems;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(this.context.model.activeSheet));
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.model.sheet(key);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist. (${key})`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key));
  }

  add(name?: string): FakeWorksheet {
    const sheetName = name ?? `Sheet${this.context.model.sheets.length + 1}`;
    this.context.enqueue({
      what: `add sheet ${sheetName}`,
      bytes: 50 + sheetName.length,
      run: () => {
        if (this.context.model.sheet(sheetName)) throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${sheetName})`);
        this.context.model.addSheet(sheetName);
        return 0;
      },
    });
    return new FakeWorksheet(this.context, () => this.context.model.sheet(sheetName));
  }
}

class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(private readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheets(context);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        context.enqueue({
          what: "suspendApiCalculationUntilNextSync",
          bytes: 40,
          run: () => {
            context.model.calculationSuspensions++;
            return 0;
          },
        }),
    };
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const model = this.context.model;
      const sheet = model.sheet(model.activeSheet);
      return sheet ? { sheet, range: { ...model.selection } } : null;
    });
  }
}

export class FakeRequestContext implements XlRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: QueuedOp[] = [];
  private fresh: FakeProxy<unknown>[] = [];

  constructor(private readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): FakeWorkbookModel {
    return this.excel.model;
  }

  get pending(): number {
    return this.queue.length;
  }

  track(proxy: FakeProxy<unknown>): void {
    this.fresh.push(proxy);
  }

  enqueue(op: QueuedOp): void {
    this.excel.stats.queuedOps++;
    this.queue.push(op);
  }

  requireApi(version: string, what: string): void {
    if (!this.excel.isSetSupported("ExcelApi", version)) throw new FakeExcelError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    const { stats, options } = this.excel;
    const ops = this.queue;
    const proxies = this.fresh;
    this.queue = [];
    this.fresh = [];
    stats.syncs++;
    // A failed sync leaves its handles unresolved; a later sync (after a caught error) resolves them.
    const fail = (code: string, message: string): never => {
      this.fresh = proxies.concat(this.fresh);
      throw new FakeExcelError(code, message);
    };
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    stats.requestBytes.push(requestBytes);
    if (requestBytes > options.requestLimitBytes) fail("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    if (this.excel.roundTrip) await this.excel.roundTrip();
    // The user's edits that land before this request reaches Excel (see FakeExcel.beforeSync).
    for (const edit of this.excel.beforeSync.splice(0)) edit(this.model);
    let responseBytes = 0;
    this.model.addinWriting = true;
    try {
      for (const op of ops) responseBytes += op.run(); // like Excel: commands before a failure stay applied
    } catch (e) {
      this.fresh = proxies.concat(this.fresh);
      throw e;
    } finally {
      this.model.addinWriting = false;
      this.model.flushChanges();
    }
    stats.responseBytes.push(responseBytes);
    if (responseBytes > options.responseLimitBytes) fail("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    for (const proxy of proxies) proxy.settle();
    await Promise.resolve();
  }
}

/** One fake Excel application around a workbook model, with counters shared by every batch. */
export class FakeExcel {
  readonly stats: FakeExcelStats = { runs: 0, syncs: 0, queuedOps: 0, requestBytes: [], responseBytes: [] };
  /** Edits applied at the start of the next sync, once each: a user typing while a request travels. */
  readonly beforeSync: ((model: FakeWorkbookModel) => void)[] = [];
  readonly options: Required<Omit<FakeExcelOptions, "roundTrip">>;
  readonly roundTrip: (() => Promise<void>) | undefined;

  constructor(
    public model: FakeWorkbookModel,
    options: FakeExcelOptions = {},
  ) {
    this.roundTrip = options.roundTrip;
    this.options = {
      requestLimitBytes: options.requestLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT,
      responseLimitBytes: options.responseLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT,
      excelApiVersion: options.excelApiVersion ?? "1.13",
    };
  }

  /** Excel.run: a fresh request context; commands left queued at the end are synced, as Office.js does. */
  run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  };

  isSetSupported(name: string, minVersion = "1.1"): boolean {
    if (name !== "ExcelApi") return false;
    const [maj, min] = minVersion.split(".").map(Number);
    const [hasMaj, hasMin] = this.options.excelApiVersion.split(".").map(Number);
    return hasMaj > maj || (hasMaj === maj && hasMin >= (min ?? 0));
  }

  resetStats(): void {
    Object.assign(this.stats, { runs: 0, syncs: 0, queuedOps: 0, requestBytes: [], responseBytes: [] });
  }
}
