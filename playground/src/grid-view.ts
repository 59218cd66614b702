/**
 * Draws the active sheet like Excel: sheet tabs, column letters, row numbers, values shown
 * with their number formats, underlines, merged cells and the selected cells. Every drawn cell
 * carries data-cell="D7" so tests and people can find it.
 *
 * Only the cells in view (and a margin around them) are drawn (grid-html.ts): Excel draws its
 * grid in another process, and here a redraw after a sync of the pane must not cost more for
 * 3,838 rows × 66 columns than for 40 × 10. Scrolling draws what comes into view.
 */
import { a1, rangeA1, type CellRange } from "../../src/model/grid";
import type { SheetView, WorkbookView } from "./view-model";
import { areaInView, covers, ROW_HEADER_PX, sheetHtml, widthPx, type DrawnArea, type SheetLayout, type Viewport } from "./grid-html";

/** Blank rows and columns shown past the used area, where added output columns appear. */
const EXTRA_ROWS = 4;
const EXTRA_COLS = 3;
const MIN_ROWS = 20;
const MIN_COLS = 8;
/** Rows and columns drawn around the visible ones, so a short scroll shows drawn cells at once. */
const MARGIN = { rows: 15, cols: 4 };
/** Height of a one-line row until one is measured (td height 21 px plus the shared border). */
const DEFAULT_ROW_PX = 22;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class GridView {
  private anchor: { row: number; col: number } | null = null;
  private readonly unsubscribe: () => void;
  private readonly onMouseDown = (e: MouseEvent) => this.onCellClick(e);
  private readonly onScroll = () => this.scheduleScrollDraw();
  /** What was drawn last: scrolling within it draws nothing, and the same drawing is not redrawn. */
  private drawn: { area: DrawnArea; layout: SheetLayout; html: string } | null = null;
  private drawnTabs = "";
  /** The selection last drawn: a new one (from the add-in) is scrolled into view, as Excel does. */
  private shownSelection = "";
  private rowPx = DEFAULT_ROW_PX;
  private measured = false;
  private scrollFrame = 0;

  constructor(
    private readonly workbook: WorkbookView,
    private readonly host: { grid: HTMLElement; scroller: HTMLElement; tabs: HTMLElement; nameBox: HTMLElement; formulaBar: HTMLElement },
  ) {
    this.unsubscribe = workbook.subscribe(() => this.render());
    host.grid.addEventListener("mousedown", this.onMouseDown);
    host.scroller.addEventListener("scroll", this.onScroll, { passive: true });
  }

  /** Stops drawing: another workbook takes the grid (a pane still running on this one may sync). */
  dispose(): void {
    this.unsubscribe();
    this.host.grid.removeEventListener("mousedown", this.onMouseDown);
    this.host.scroller.removeEventListener("scroll", this.onScroll);
    cancelAnimationFrame(this.scrollFrame);
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

  /** The scrolled viewport over the cells. Read before the DOM changes: a read after would force a layout. */
  private viewport(): Viewport {
    const { scrollTop, scrollLeft, clientHeight, clientWidth } = this.host.scroller;
    return { top: scrollTop, left: scrollLeft, height: clientHeight, width: Math.max(0, clientWidth - ROW_HEADER_PX) };
  }

  private scheduleScrollDraw(): void {
    if (this.scrollFrame !== 0) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      if (this.drawn && !covers(this.drawn.area, this.drawn.layout, this.viewport())) this.render();
    });
  }

  /** A selection the add-in made (not a click in view) is brought into view before drawing. */
  private revealSelection(sheet: string, sel: CellRange | null, view: Viewport, layout: SheetLayout): boolean {
    const key = sel ? `${sheet}!${rangeA1(sel)}` : sheet;
    if (key === this.shownSelection) return false;
    this.shownSelection = key;
    if (!sel) return false;
    const top = sel.top * layout.rowPx;
    if (top < view.top || top + layout.rowPx > view.top + view.height) view.top = Math.max(0, top - view.height / 3);
    const left = layout.widths.slice(0, sel.left).reduce((s, w) => s + w, 0);
    if (left < view.left || left + (layout.widths[sel.left] ?? 0) > view.left + view.width) view.left = Math.max(0, left - view.width / 3);
    return true;
  }

  render(): void {
    const view = this.viewport();
    this.renderTabs();
    const sheet = this.activeSheetView();
    const { grid, nameBox, formulaBar, scroller } = this.host;
    if (!sheet) {
      grid.replaceChildren();
      this.drawn = null;
      return;
    }
    const selection = this.workbook.selection();
    const sel = selection.sheet === sheet.name ? selection.range : null;
    nameBox.textContent = sel ? rangeA1(sel) : "";
    const active = sel ? sheet.cell(sel.top, sel.left) : null;
    formulaBar.textContent = active?.value === null || active === null ? "" : String(active.value);

    const used = sheet.usedSize();
    const cols = Math.max(used.cols + EXTRA_COLS, MIN_COLS);
    const layout: SheetLayout = { rows: Math.max(used.rows + EXTRA_ROWS, MIN_ROWS), rowPx: this.rowPx, widths: Array.from({ length: cols }, (_, c) => widthPx(sheet.columnWidth(c))) };
    const scrolledTo = { ...view };
    const reveal = this.revealSelection(sheet.name, sel, view, layout);
    const area = areaInView(layout, view, MARGIN, sheet.merges());
    const html = sheetHtml(sheet, layout, area, sel);
    // Most syncs of the pane only read: the same drawing is not drawn again.
    if (html !== this.drawn?.html) grid.innerHTML = html;
    this.drawn = { area, layout, html };
    if (view.top !== scrolledTo.top) scroller.scrollTop = view.top;
    if (view.left !== scrolledTo.left) scroller.scrollLeft = view.left;
    this.measureRow(grid);
    if (reveal && sel) grid.querySelector(`td[data-cell="${a1(sel.top, sel.left)}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  /** The height of a one-line row, taken once from a drawn row, so spacers match drawn rows. */
  private measureRow(grid: HTMLElement): void {
    if (this.measured) return;
    const plain = [...grid.querySelectorAll("tbody tr")].filter((tr) => !tr.classList.contains("spacer") && !tr.querySelector("td.wrap, td.merged"));
    const heights = plain.map((tr) => tr.getBoundingClientRect().height).filter((h) => h > 0);
    if (heights.length === 0) return;
    this.rowPx = Math.min(...heights);
    this.measured = true;
  }

  private renderTabs(): void {
    const { tabs } = this.host;
    const active = this.workbook.activeSheet();
    // Very hidden sheets (the add-in's state) are invisible in Excel's tabs too.
    const shown = this.workbook.sheets().filter((s) => s.visibility !== "VeryHidden");
    const key = JSON.stringify([active, shown.map((s) => [s.name, s.visibility])]);
    if (key === this.drawnTabs) return;
    this.drawnTabs = key;
    tabs.replaceChildren();
    for (const s of shown) {
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
