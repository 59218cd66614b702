/**
 * The in-memory workbook behind the fake Excel API: sheets of cells addressed by 0-based
 * (row, col), each cell with a value, a number format and an underline. The proxies in api.ts
 * read and change it only while a sync() applies the queued commands.
 */
import type { CellRange, CellValue, Grid } from "../src/model/grid";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeCell {
  /** Excel's view of a value: blanks are "" (never null), like Range.values. */
  value: string | number | boolean;
  numberFormat: string;
  underline: boolean;
  /** A formula ("=SUM(A1:A3)"); `value` is then its last calculated result (the fake does not calculate). */
  formula?: string;
  /** The cell's look beyond number format and underline (font, fill, borders…), as one token. */
  style?: string;
}

/** What Excel's worksheet onChanged event says (the part the adapter reads). */
export interface FakeChangedEvent {
  address: string;
  /** "ThisLocalAddin" for changes this add-in's API calls made, "Unknown" for the user's. */
  triggerSource: "ThisLocalAddin" | "Unknown";
  changeType: "RangeEdited";
  source: "Local";
}

export const BLANK_CELL: Readonly<FakeCell> = Object.freeze({ value: "", numberFormat: "General", underline: false });

function cellA1(row: number, col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

/** A cached used range (undefined: not known) with one more cell in it. */
function grown(box: CellRange | null | undefined, row: number, col: number): CellRange | null | undefined {
  if (box === undefined) return undefined;
  if (box === null) return { top: row, left: col, bottom: row, right: col };
  // The cache's own object (usedRange hands out copies).
  if (row < box.top) box.top = row;
  if (row > box.bottom) box.bottom = row;
  if (col < box.left) box.left = col;
  if (col > box.right) box.right = col;
  return box;
}

export class FakeSheet {
  visibility: SheetVisibility = "Visible";
  readonly cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  /** The same cells by row and column: a read of 250,000 cells builds no key strings. */
  private readonly byRow: (FakeCell | undefined)[][] = [];

  constructor(public name: string) {}

  cell(row: number, col: number): Readonly<FakeCell> {
    return this.byRow[row]?.[col] ?? BLANK_CELL;
  }

  /** Called with every changed cell (the model collects them for onChanged). */
  onUpdate: ((sheet: FakeSheet, row: number, col: number) => void) | null = null;

  /** Change part of a cell; a cell back to all defaults is dropped (keeps the used range honest). */
  update(row: number, col: number, change: Partial<FakeCell>): void {
    const k = key(row, col);
    const had = this.byRow[row]?.[col];
    const next = { ...(had ?? BLANK_CELL), ...change };
    if (next.formula === undefined) delete next.formula;
    if (next.style === undefined) delete next.style;
    if (next.value === "" && next.numberFormat === "General" && !next.underline && next.formula === undefined && next.style === undefined) {
      this.cells.delete(k);
      if (this.byRow[row]) this.byRow[row][col] = undefined;
      if (had) this.usedCache = [undefined, had.value === "" ? this.usedCache[1] : undefined];
    } else {
      this.cells.set(k, next);
      (this.byRow[row] ??= [])[col] = next;
      // A cell set grows the cached used range in place: a write of thousands of cells is not
      // followed by a walk over every cell of the sheet.
      this.usedCache[0] = grown(this.usedCache[0], row, col);
      if (next.value !== "") this.usedCache[1] = grown(this.usedCache[1], row, col);
      else if (had && had.value !== "") this.usedCache[1] = undefined;
    }
    this.onUpdate?.(this, row, col);
  }

  clear(range: CellRange): void {
    this.usedCache = [undefined, undefined];
    for (const k of [...this.cells.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= range.top && r <= range.bottom && c >= range.left && c <= range.right) {
        this.cells.delete(k);
        this.byRow[r][c] = undefined;
      }
    }
  }

  /** usedRange(false), usedRange(true) until a cell changes: every proxy chained on a used range resolves it. */
  private usedCache: [CellRange | null | undefined, CellRange | null | undefined] = [undefined, undefined];

  /** Bounding box of the cells holding a value (valuesOnly) or anything at all; null when empty. */
  usedRange(valuesOnly: boolean): CellRange | null {
    const slot = valuesOnly ? 1 : 0;
    const cached = this.usedCache[slot];
    if (cached !== undefined) return cached === null ? null : { ...cached };
    const box = this.computeUsedRange(valuesOnly);
    this.usedCache[slot] = box === null ? null : { ...box };
    return box;
  }

  private computeUsedRange(valuesOnly: boolean): CellRange | null {
    let box: CellRange | null = null;
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === "") continue;
      const comma = k.indexOf(",");
      const r = Number(k.slice(0, comma));
      const c = Number(k.slice(comma + 1));
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
      }
    }
    return box;
  }
}

export interface FakeSheetInit {
  name: string;
  /** 0-based sheet position of values[0][0]; defaults to A1. */
  origin?: { row: number; col: number };
  values: CellValue[][];
  numberFormats?: (string | null)[][];
  underlines?: boolean[][];
  merges?: CellRange[];
  visibility?: SheetVisibility;
}

/** The whole workbook: sheets in tab order, the active sheet and the selection. */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  activeSheet = "";
  selection: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };
  /** Counts each suspendApiCalculationUntilNextSync(), so tests can see the write asked for it. */
  calculationSuspensions = 0;

  static create(sheets: FakeSheetInit[]): FakeWorkbookModel {
    const model = new FakeWorkbookModel();
    for (const init of sheets) model.addSheetFrom(init);
    return model;
  }

  /** A workbook of one sheet holding a reader Grid (values, formats, underlines, merges). */
  static fromGrid(grid: Grid): FakeWorkbookModel {
    return FakeWorkbookModel.create([
      {
        name: grid.sheet,
        origin: grid.origin,
        values: grid.values,
        numberFormats: grid.numberFormats,
        underlines: grid.underlines,
        merges: grid.merges,
      },
    ]);
  }

  addSheetFrom(init: FakeSheetInit): FakeSheet {
    const sheet = this.addSheet(init.name);
    const origin = init.origin ?? { row: 0, col: 0 };
    init.values.forEach((row, r) =>
      row.forEach((value, c) => {
        sheet.update(origin.row + r, origin.col + c, {
          value: value ?? "",
          numberFormat: init.numberFormats?.[r]?.[c] ?? "General",
          underline: init.underlines?.[r]?.[c] ?? false,
        });
      }),
    );
    sheet.merges = init.merges ? init.merges.map((m) => ({ ...m })) : [];
    if (init.visibility) sheet.visibility = init.visibility;
    return sheet;
  }

  /** worksheet.onChanged handlers by sheet name (lower case). */
  private readonly changeHandlers = new Map<string, ((event: FakeChangedEvent) => unknown)[]>();
  /** Cells changed since the last flush, per sheet, with who changed them. */
  private pendingChanges = new Map<FakeSheet, CellRange>();
  /** While set, changes are the add-in's own (a sync applying its commands). */
  addinWriting = false;
  private pendingSource: FakeChangedEvent["triggerSource"] = "Unknown";

  onChanged(sheetName: string, handler: (event: FakeChangedEvent) => unknown): () => void {
    const k = sheetName.toLowerCase();
    const list = this.changeHandlers.get(k) ?? [];
    list.push(handler);
    this.changeHandlers.set(k, list);
    return () => this.changeHandlers.set(k, (this.changeHandlers.get(k) ?? []).filter((h) => h !== handler));
  }

  private noteChange(sheet: FakeSheet, row: number, col: number): void {
    const box = this.pendingChanges.get(sheet);
    if (!box) this.pendingChanges.set(sheet, { top: row, left: col, bottom: row, right: col });
    else Object.assign(box, { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) });
    if (this.addinWriting) this.pendingSource = "ThisLocalAddin";
  }

  /** Tell the onChanged handlers what changed (asynchronously, as Excel does). */
  flushChanges(): void {
    const changes = [...this.pendingChanges];
    const triggerSource = this.pendingSource;
    this.pendingChanges = new Map();
    this.pendingSource = "Unknown";
    for (const [sheet, box] of changes) {
      const handlers = this.changeHandlers.get(sheet.name.toLowerCase()) ?? [];
      const address = box.top === box.bottom && box.left === box.right ? cellA1(box.top, box.left) : `${cellA1(box.top, box.left)}:${cellA1(box.bottom, box.right)}`;
      for (const h of handlers) setTimeout(() => void h({ address, triggerSource, changeType: "RangeEdited", source: "Local" }), 0);
    }
  }

  /**
   * The user types into a cell (what Excel does between two of the add-in's requests): a value,
   * or a formula with its shown result. Fires onChanged.
   */
  userEdit(sheetName: string, address: string, value: string | number | boolean | null, formula?: string): void {
    const sheet = this.sheet(sheetName);
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!sheet || !m) throw new Error(`userEdit: no cell ${sheetName}!${address}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    sheet.update(Number(m[2]) - 1, col - 1, { value: value ?? "", formula });
    this.flushChanges();
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`Sheet "${name}" already exists`);
    const sheet = new FakeSheet(name);
    sheet.onUpdate = (s, r, c) => this.noteChange(s, r, c);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet | null {
    const lower = name.toLowerCase(); // Excel sheet names are case-insensitive
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  /**
   * A sheet's used area as a Grid (values, formats, underlines, merges): what the playground
   * draws and what tests compare. Blank values are null, as in the reader's Grid.
   */
  sheetGrid(name: string): Grid | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const used = sheet.usedRange(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const underlines: boolean[][] = [];
    for (let r = used.top; r <= used.bottom; r++) {
      const cells = Array.from({ length: used.right - used.left + 1 }, (_, i) => sheet.cell(r, used.left + i));
      values.push(cells.map((c) => (c.value === "" ? null : c.value)));
      numberFormats.push(cells.map((c) => c.numberFormat));
      underlines.push(cells.map((c) => c.underline));
    }
    return { sheet: sheet.name, origin: { row: used.top, col: used.left }, values, numberFormats, underlines, merges: sheet.merges.map((m) => ({ ...m })) };
  }

  /**
   * Every cell of every sheet as plain data ("Sheet1!D7" → cell), for before/after comparisons
   * in tests and for the playground's grid view.
   */
  snapshot(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const sheet of this.sheets) {
      for (const [k, cell] of sheet.cells) out[`${sheet.name}!${k}`] = { ...cell };
    }
    return out;
  }
}
