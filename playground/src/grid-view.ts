/**
 * Draws the active sheet like Excel: sheet tabs, column letters, row numbers, values shown
 * with their number formats, underlines, merged cells and the selected cells. Every cell
 * carries data-cell="D7" so tests and people can find it.
 */
import { a1, columnLetters, rangeA1, type CellRange } from "../../src/model/grid";
import type { SheetView, WorkbookView } from "./view-model";
import { alignmentOf, formatCell } from "./number-format";

/** Blank rows and columns shown past the used area, where added output columns appear. */
const EXTRA_ROWS = 4;
const EXTRA_COLS = 3;
const MIN_ROWS = 20;
const MIN_COLS = 8;
const ROW_HEADER_PX = 42;

function inRange(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Excel's column width unit (characters of the default font) to CSS pixels, roughly. */
function widthPx(width: number | null): number {
  return Math.max(24, Math.round((width ?? 9) * 7 + 5));
}

export class GridView {
  private anchor: { row: number; col: number } | null = null;
  private readonly unsubscribe: () => void;
  private readonly onMouseDown = (e: MouseEvent) => this.onCellClick(e);

  constructor(
    private readonly workbook: WorkbookView,
    private readonly host: { grid: HTMLElement; tabs: HTMLElement; nameBox: HTMLElement; formulaBar: HTMLElement },
  ) {
    this.unsubscribe = workbook.subscribe(() => this.render());
    host.grid.addEventListener("mousedown", this.onMouseDown);
  }

  /** Stops drawing: another workbook takes the grid (a pane still running on this one may sync). */
  dispose(): void {
    this.unsubscribe();
    this.host.grid.removeEventListener("mousedown", this.onMouseDown);
  }

  private activeSheetView(): SheetView | undefined {
    const name = this.workbook.activeSheet();
    return this.workbook.sheets().find((s) => s.name === name);
  }

  private onCellClick(e: MouseEvent): void {
    const td = (e.target as HTMLElement).closest("td[data-cell]") as HTMLElement | null;
    if (!td) return;
    const row = Number(td.dataset.row);
    const col = Number(td.dataset.col);
    const sheet = this.workbook.activeSheet();
    if (e.shiftKey && this.anchor) {
      this.workbook.select(sheet, {
        top: Math.min(this.anchor.row, row),
        left: Math.min(this.anchor.col, col),
        bottom: Math.max(this.anchor.row, row),
        right: Math.max(this.anchor.col, col),
      });
    } else {
      this.anchor = { row, col };
      this.workbook.select(sheet, { top: row, left: col, bottom: row, right: col });
    }
    e.preventDefault();
  }

  render(): void {
    this.renderTabs();
    const sheet = this.activeSheetView();
    const { grid, nameBox, formulaBar } = this.host;
    grid.replaceChildren();
    if (!sheet) return;
    const selection = this.workbook.selection();
    const sel = selection.sheet === sheet.name ? selection.range : null;
    nameBox.textContent = sel ? rangeA1(sel) : "";
    const active = sel ? sheet.cell(sel.top, sel.left) : null;
    formulaBar.textContent = active?.value === null || active === null ? "" : String(active.value);

    const used = sheet.usedSize();
    const rows = Math.max(used.rows + EXTRA_ROWS, MIN_ROWS);
    const cols = Math.max(used.cols + EXTRA_COLS, MIN_COLS);
    const merges = sheet.merges();
    const covered = new Set<string>();
    const spanAt = new Map<string, CellRange>();
    for (const m of merges) {
      spanAt.set(`${m.top},${m.left}`, m);
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }

    const table = el("table", "sheet");
    table.dataset.sheet = sheet.name;
    const colgroup = el("colgroup");
    colgroup.append(el("col", "rowhead-col"));
    let tableWidth = ROW_HEADER_PX;
    for (let c = 0; c < cols; c++) {
      const colEl = el("col");
      const px = widthPx(sheet.columnWidth(c));
      colEl.style.width = `${px}px`;
      tableWidth += px;
      colgroup.append(colEl);
    }
    // Fixed layout with the file's widths, like Excel: long text is clipped or wrapped, not widened.
    table.style.width = `${tableWidth}px`;
    table.append(colgroup);

    const thead = el("thead");
    const headRow = el("tr");
    headRow.append(el("th", "corner"));
    for (let c = 0; c < cols; c++) {
      const th = el("th", "colhead", columnLetters(c));
      if (sel && c >= sel.left && c <= sel.right) th.classList.add("hl");
      headRow.append(th);
    }
    thead.append(headRow);
    table.append(thead);

    const tbody = el("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = el("tr");
      const th = el("th", "rowhead", String(r + 1));
      if (sel && r >= sel.top && r <= sel.bottom) th.classList.add("hl");
      tr.append(th);
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const cell = sheet.cell(r, c);
        const td = el("td", undefined, formatCell(cell.value, cell.numberFormat));
        td.dataset.cell = a1(r, c);
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        const span = spanAt.get(`${r},${c}`);
        if (span) {
          td.rowSpan = span.bottom - span.top + 1;
          td.colSpan = span.right - span.left + 1;
          td.classList.add("merged");
        }
        td.style.textAlign = cell.alignment?.horizontal ?? alignmentOf(cell.value);
        if (cell.alignment?.wrap) td.classList.add("wrap");
        if (cell.underline) td.classList.add("u");
        if (sel && inRange(sel, r, c)) td.classList.add(sel.top === r && sel.left === c ? "sel-active" : "sel");
        tr.append(td);
      }
      tbody.append(tr);
    }
    table.append(tbody);
    grid.append(table);
  }

  private renderTabs(): void {
    const { tabs } = this.host;
    tabs.replaceChildren();
    const active = this.workbook.activeSheet();
    for (const s of this.workbook.sheets()) {
      // Very hidden sheets (the add-in's state) are invisible in Excel's tabs too.
      if (s.visibility === "VeryHidden") continue;
      const b = el("button", "tab", s.visibility === "Hidden" ? `${s.name} (ẩn)` : s.name);
      b.type = "button";
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(s.name === active));
      b.dataset.sheet = s.name;
      b.addEventListener("click", () => this.workbook.activate(s.name));
      tabs.append(b);
    }
  }
}
