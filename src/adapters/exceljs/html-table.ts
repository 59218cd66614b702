/**
 * Portals export tables as HTML saved under an .xls name. Such a file is read as its largest
 * table: cell texts only (no script, style or link is followed), spans laid out as Excel shows
 * them and kept as merged areas.
 */
import { Parser } from "htmlparser2";

export interface HtmlTable {
  rows: string[][];
  /** Merged areas from colspan/rowspan, 0-based and inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/** Whether the text looks like HTML holding a table (what portals save as .xls). */
export function isHtmlTable(text: string): boolean {
  const head = text.slice(0, 4000).trimStart().toLowerCase();
  return (head.startsWith("<") || head.includes("<html")) && /<table[\s>]/i.test(text.slice(0, 200000));
}

const span = (v: string | undefined): number => Math.min(Math.max(Number.parseInt(v ?? "1", 10) || 1, 1), 1000);

/** Every top-level table of the HTML, each laid out in a grid. */
export function htmlTables(html: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  let depth = 0;
  let table: HtmlTable | null = null;
  let taken: Set<string> = new Set();
  let row = -1;
  let cell: { text: string; col: number; colspan: number; rowspan: number } | null = null;
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "script" || name === "style") skip++;
        if (name === "table") {
          depth++;
          if (depth === 1) {
            table = { rows: [], merges: [] };
            taken = new Set();
            row = -1;
          }
        }
        if (depth !== 1 || !table) return;
        if (name === "tr") {
          row++;
          table.rows[row] ??= [];
        } else if ((name === "td" || name === "th") && row >= 0) {
          let col = 0;
          while (taken.has(`${row},${col}`)) col++;
          cell = { text: "", col, colspan: span(attrs.colspan), rowspan: span(attrs.rowspan) };
        } else if (name === "br" && cell) cell.text += "\n";
      },
      ontext(text) {
        if (cell && skip === 0) cell.text += text;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip = Math.max(0, skip - 1);
        if (name === "table") {
          if (depth === 1 && table) tables.push(table);
          depth = Math.max(0, depth - 1);
        }
        if (depth !== 1 || !table || !cell || (name !== "td" && name !== "th")) return;
        const c = cell;
        cell = null;
        for (let r = 0; r < c.rowspan; r++) {
          const cells = (table.rows[row + r] ??= []);
          for (let k = 0; k < c.colspan; k++) {
            taken.add(`${row + r},${c.col + k}`);
            cells[c.col + k] = r === 0 && k === 0 ? c.text.replace(/[ \t\r\n\u00a0]+/g, " ").trim() : "";
          }
        }
        if (c.rowspan > 1 || c.colspan > 1) table.merges.push({ top: row, left: c.col, bottom: row + c.rowspan - 1, right: c.col + c.colspan - 1 });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  for (const t of tables) for (let r = 0; r < t.rows.length; r++) t.rows[r] = Array.from(t.rows[r] ?? [], (v) => v ?? "");
  return tables;
}

/** The table with the most cells, or null when the HTML has none. */
export function largestHtmlTable(html: string): HtmlTable | null {
  let best: HtmlTable | null = null;
  let size = 0;
  for (const t of htmlTables(html)) {
    const n = t.rows.reduce((s, r) => s + r.length, 0);
    if (n > size) [best, size] = [t, n];
  }
  return best;
}
