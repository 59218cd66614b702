/**
 * The part of the fake Excel API the report uses (src/adapters/office/appendix.ts, charts.ts and
 * report.ts): listing and deleting sheets, cell formatting beyond underlines (fonts, alignment,
 * wrap, borders, merges, column widths, row heights), page layout, frozen panes and charts.
 *
 * Values and number formats of a new sheet land in the grid like any other write (api.ts);
 * what Excel only renders — formatting, page setup, charts — is recorded per sheet here, with
 * the same queue-then-sync semantics, so tests can read back exactly what was asked for.
 * api.ts wires these into its proxies; nothing here calls them directly.
 */
import { FakeExcelError } from "./address";
import type { FakeSheet } from "./model";
import type { CellRange } from "../src/model/grid";

/** What a proxy needs from its request context (FakeRequestContext satisfies it). */
export interface ExtraContext {
  enqueue(op: { what: string; bytes: number; run(): number }): void;
}

/** A handle's target, resolved when the sync applies the command. */
export type ResolveAreas = () => { sheet: FakeSheet; range: CellRange }[] | null;
export type ResolveSheet = () => FakeSheet | null;

/** A formatting command as applied: property path ("font.bold", "borders.EdgeTop.style") and value. */
export interface FormatRecord {
  range: CellRange;
  property: string;
  value: unknown;
}

export interface ChartSeriesRecord {
  name?: string;
  /** Category labels (setXAxisValues). */
  xValues?: CellRange;
  hasDataLabels?: boolean;
  /** Point index → fill colour. */
  pointColors: Record<number, string>;
}

export interface ChartRecord {
  type: string;
  source: CellRange;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  /** Top-left cell the chart was placed at. */
  position?: CellRange;
  width?: number;
  height?: number;
  categoryReversePlotOrder?: boolean;
  series: ChartSeriesRecord[];
}

export interface SheetExtras {
  formats: FormatRecord[];
  /** Column index → width in points. */
  columnWidths: Map<number, number>;
  /** Row index → height in points. */
  rowHeights: Map<number, number>;
  /** Page layout properties as set ("orientation", "paperSize", "zoom", "leftMargin", "printTitleRows", "leftFooter"…). */
  pageLayout: Record<string, unknown>;
  frozenRows: number;
  /** 0-based rows that start a new printed page (horizontalPageBreaks.add). */
  pageBreaks: number[];
  charts: ChartRecord[];
}

const extras = new WeakMap<FakeSheet, SheetExtras>();

/** The recorded formatting, page layout and charts of a sheet (empty for a sheet never touched). */
export function sheetExtras(sheet: FakeSheet): SheetExtras {
  let e = extras.get(sheet);
  if (!e) {
    e = { formats: [], columnWidths: new Map(), rowHeights: new Map(), pageLayout: {}, frozenRows: 0, pageBreaks: [], charts: [] };
    extras.set(sheet, e);
  }
  return e;
}

/** The last value set for a format property on a cell, or undefined (for read-back in tests). */
export function cellFormat(sheet: FakeSheet, row: number, col: number, property: string): unknown {
  const hits = sheetExtras(sheet).formats.filter(
    (f) => f.property === property && row >= f.range.top && row <= f.range.bottom && col >= f.range.left && col <= f.range.right,
  );
  return hits.length > 0 ? hits[hits.length - 1].value : undefined;
}

const bytesOf = (value: unknown) => (JSON.stringify(value) ?? "").length;

function missing(): never {
  throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
}

function notLoaded(property: string): never {
  throw new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Queues "set <property> = value" on every area of a range handle. */
export function queueFormat(context: ExtraContext, areas: ResolveAreas, property: string, value: unknown): void {
  context.enqueue({
    what: `set format ${property}`,
    bytes: 50 + property.length + bytesOf(value),
    run: () => {
      const targets = areas() ?? missing();
      for (const { sheet, range } of targets) {
        const e = sheetExtras(sheet);
        if (property === "columnWidth") for (let c = range.left; c <= range.right; c++) e.columnWidths.set(c, Number(value));
        else if (property === "rowHeight") for (let r = range.top; r <= range.bottom; r++) e.rowHeights.set(r, Number(value));
        else e.formats.push({ range: { ...range }, property, value });
      }
      return 0;
    },
  });
}

/** Range.merge(across): the merged areas join the sheet's merges (the grid draws them). */
export function queueMerge(context: ExtraContext, areas: ResolveAreas, across: boolean): void {
  context.enqueue({
    what: "merge",
    bytes: 50,
    run: () => {
      for (const { sheet, range } of areas() ?? missing()) {
        const pieces = across ? Array.from({ length: range.bottom - range.top + 1 }, (_, i) => ({ ...range, top: range.top + i, bottom: range.top + i })) : [{ ...range }];
        const overlaps = (a: CellRange, b: CellRange) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
        sheet.merges = sheet.merges.filter((m) => !pieces.some((p) => overlaps(m, p))).concat(pieces);
      }
      return 0;
    },
  });
}

/** Range.format.borders: getItem(edge) with style, weight and colour setters. */
export class FakeBorders {
  constructor(
    private readonly context: ExtraContext,
    private readonly areas: ResolveAreas,
  ) {}

  getItem(edge: string): { style: string; weight: string; color: string } {
    const context = this.context;
    const areas = this.areas;
    const setter = (part: string) => (value: string) => queueFormat(context, areas, `borders.${edge}.${part}`, value);
    const border = {} as { style: string; weight: string; color: string };
    for (const part of ["style", "weight", "color"] as const) {
      Object.defineProperty(border, part, { set: setter(part), get: () => notLoaded(`borders.${edge}.${part}`), enumerable: true });
    }
    return border;
  }
}

/** Worksheet.pageLayout: property writes recorded; headersFooters.defaultForAllPages loadable. */
export class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: FakeHeaderFooter; firstPage: FakeHeaderFooter; state: string };

  constructor(
    private readonly context: ExtraContext,
    private readonly sheet: ResolveSheet,
  ) {
    const group = { defaultForAllPages: new FakeHeaderFooter(context, sheet), firstPage: new FakeHeaderFooter(context, sheet, "firstPage.") } as FakePageLayout["headersFooters"];
    // headersFooters.state ("Default": the first-page footer is kept but not printed).
    Object.defineProperty(group, "state", { set: (value: unknown) => this.queueSet("headersFooters.state", value), get: () => notLoaded("state"), enumerable: true });
    this.headersFooters = group;
    for (const property of ["orientation", "paperSize", "centerHorizontally", "centerVertically", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"]) {
      Object.defineProperty(this, property, {
        set: (value: unknown) => this.queueSet(property, value),
        get: () => notLoaded(property),
        enumerable: true,
      });
    }
  }

  private queueSet(property: string, value: unknown): void {
    this.context.enqueue({
      what: `set pageLayout.${property}`,
      bytes: 60 + bytesOf(value),
      run: () => {
        sheetExtras(this.sheet() ?? missing()).pageLayout[property] = typeof value === "object" && value !== null ? { ...value } : value;
        return 0;
      },
    });
  }

  /** Recorded as the A1 address of the range ("A1:M30"). */
  setPrintArea(range: string | { address?: string; getAddressA1?: () => string }): void {
    this.queueSet("printArea", typeof range === "string" ? range : "range");
  }

  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeExcelError("InvalidArgument", `setPrintTitleRows: "${rows}" is not a row range`);
    this.queueSet("printTitleRows", rows);
  }
}

/** PageLayout.headersFooters.defaultForAllPages (or .firstPage, stored under "firstPage.…"): footers set and read back after load + sync. */
export class FakeHeaderFooter {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    private readonly context: ExtraContext,
    private readonly sheet: ResolveSheet,
    private readonly prefix = "",
  ) {
    for (const property of ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"]) {
      Object.defineProperty(this, property, {
        set: (value: string) =>
          this.context.enqueue({
            what: `set ${property}`,
            bytes: 60 + bytesOf(value),
            run: () => {
              sheetExtras(this.sheet() ?? missing()).pageLayout[this.prefix + property] = value;
              return 0;
            },
          }),
        get: () => (this.loaded.has(property) ? this.loaded.get(property) : notLoaded(property)),
        enumerable: true,
      });
    }
  }

  load(names: string | string[]): this {
    const props = (Array.isArray(names) ? names : names.split(",")).map((n) => n.trim()).filter(Boolean);
    this.context.enqueue({
      what: `load ${props.join(",")}`,
      bytes: 40 + bytesOf(props),
      run: () => {
        const layout = sheetExtras(this.sheet() ?? missing()).pageLayout;
        let bytes = 0;
        for (const p of props) {
          // Excel gives "" for a footer never set.
          const value = (layout[this.prefix + p] as string | undefined) ?? "";
          this.loaded.set(p, value);
          bytes += bytesOf(value) + p.length + 4;
        }
        return bytes;
      },
    });
    return this;
  }
}

/** Worksheet.freezePanes.freezeRows(n). */
export class FakeFreezePanes {
  constructor(
    private readonly context: ExtraContext,
    private readonly sheet: ResolveSheet,
  ) {}

  freezeRows(count: number): void {
    this.context.enqueue({
      what: `freezeRows ${count}`,
      bytes: 50,
      run: () => {
        sheetExtras(this.sheet() ?? missing()).frozenRows = count;
        return 0;
      },
    });
  }
}

/** Worksheet.horizontalPageBreaks: add(range) records the range's top row as a manual page break. */
export class FakePageBreaks {
  constructor(
    private readonly context: ExtraContext,
    private readonly sheet: ResolveSheet,
  ) {}

  add(range: RangeHandle): void {
    this.context.enqueue({
      what: "horizontalPageBreaks.add",
      bytes: 60,
      run: () => {
        sheetExtras(this.sheet() ?? missing()).pageBreaks.push(rangeOf(range).top);
        return 0;
      },
    });
  }
}

/** A range handle as the chart calls pass it (FakeRange satisfies it). */
export interface RangeHandle {
  resolve(): { sheet: FakeSheet; range: CellRange } | null;
}

const rangeOf = (handle: RangeHandle): CellRange => ({ ...(handle.resolve() ?? missing()).range });

/** Worksheet.charts: add() records a chart; its properties and series are recorded as set. */
export class FakeCharts {
  constructor(
    private readonly context: ExtraContext,
    private readonly sheet: ResolveSheet,
  ) {}

  add(type: string, sourceData: RangeHandle, seriesBy = "Auto"): FakeChart {
    const holder: { record: ChartRecord | null } = { record: null };
    this.context.enqueue({
      what: `add chart ${type}`,
      bytes: 80,
      run: () => {
        const sheet = this.sheet() ?? missing();
        const source = rangeOf(sourceData);
        // One series per column ("Columns") or per row, as Excel would create for the source.
        const count = seriesBy === "Rows" ? source.bottom - source.top + 1 : Math.max(1, source.right - source.left + (source.right > source.left ? 0 : 1));
        holder.record = { type, source, seriesBy, series: Array.from({ length: count }, () => ({ pointColors: {} })) };
        sheetExtras(sheet).charts.push(holder.record);
        return 0;
      },
    });
    return new FakeChart(this.context, holder);
  }
}

type ChartHolder = { record: ChartRecord | null };

function queueChart(context: ExtraContext, holder: ChartHolder, what: string, change: (chart: ChartRecord) => void): void {
  context.enqueue({
    what,
    bytes: 60,
    run: () => {
      change(holder.record ?? missing());
      return 0;
    },
  });
}

export class FakeChart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  readonly series: { getItemAt(index: number): FakeChartSeries };

  constructor(
    private readonly context: ExtraContext,
    private readonly holder: ChartHolder,
  ) {
    const setOnly = <T>(what: string, change: (chart: ChartRecord, value: T) => void) => ({
      set: (value: T) => queueChart(context, holder, what, (c) => change(c, value)),
      get: () => notLoaded(what),
      enumerable: true,
    });
    this.title = Object.defineProperty({} as { text: string }, "text", setOnly<string>("title.text", (c, v) => (c.title = v)));
    this.legend = Object.defineProperty({} as { visible: boolean }, "visible", setOnly<boolean>("legend.visible", (c, v) => (c.legendVisible = v)));
    this.axes = {
      categoryAxis: Object.defineProperty({} as { reversePlotOrder: boolean }, "reversePlotOrder", setOnly<boolean>("reversePlotOrder", (c, v) => (c.categoryReversePlotOrder = v))),
    };
    this.series = { getItemAt: (index) => new FakeChartSeries(context, holder, index) };
    Object.defineProperty(this, "width", setOnly<number>("width", (c, v) => (c.width = v)));
    Object.defineProperty(this, "height", setOnly<number>("height", (c, v) => (c.height = v)));
  }

  setPosition(startCell: RangeHandle): void {
    queueChart(this.context, this.holder, "setPosition", (c) => (c.position = rangeOf(startCell)));
  }
}

export class FakeChartSeries {
  readonly points: { getItemAt(index: number): { format: { fill: { setSolidColor(color: string): void } } } };

  constructor(
    private readonly context: ExtraContext,
    private readonly holder: ChartHolder,
    private readonly index: number,
  ) {
    const series = (c: ChartRecord) => c.series[index] ?? missing();
    this.points = {
      getItemAt: (point) => ({
        format: { fill: { setSolidColor: (color) => queueChart(context, holder, `point ${point} colour`, (c) => (series(c).pointColors[point] = color)) } },
      }),
    };
    for (const [property, apply] of [
      ["name", (s: ChartSeriesRecord, v: unknown) => (s.name = String(v))],
      ["hasDataLabels", (s: ChartSeriesRecord, v: unknown) => (s.hasDataLabels = Boolean(v))],
    ] as const) {
      Object.defineProperty(this, property, {
        set: (value: unknown) => queueChart(context, holder, `series.${property}`, (c) => apply(series(c), value)),
        get: () => notLoaded(`series.${property}`),
        enumerable: true,
      });
    }
  }

  setXAxisValues(source: RangeHandle): void {
    queueChart(this.context, this.holder, "setXAxisValues", (c) => ((c.series[this.index] ?? missing()).xValues = rangeOf(source)));
  }
}
