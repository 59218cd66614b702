/**
 * The method sheet read back as a method: sections found by their titles, the general rows by
 * their labels and each table by its header row (matched as the table reader matches headers),
 * cells read as the reader reads them, the result validated by the one ProfileSchema, and every
 * mistake named by its cell (`'Phương pháp chấm điểm'!C12: "mười" không phải là số`).
 */
import { cellAt, gridWidth, type Grid } from "../../model/grid";
import { METHOD_SHEET, ProfileSchema, type Profile } from "../../model/profile";
import { STRONG_MATCH } from "../../model/table";
import type { Problem } from "../../model/units";
import { normalizeHeader } from "../../reader";
import { phraseScore } from "../../reader/match";
import { assembleMethod, type TableRows } from "./assemble";
import { cellText } from "./cells";
import { Collector, setAt } from "./collector";
import { INFO_ROWS, INFO_TITLE, NOTES_TITLE, TABLES, type TableSpec } from "./layout";

export type MethodSheetReading = { profile: Profile; problems?: undefined } | { profile?: undefined; problems: Problem[] };

interface Section {
  title: string;
  /** Sheet row of the title, and the rows after it up to the next title (exclusive). */
  row: number;
  col: number;
  end: number;
}

const ALL_TITLES = [INFO_TITLE, ...TABLES.map((t) => t.title), NOTES_TITLE];
const TITLE_KEYS = new Map(ALL_TITLES.map((t) => [normalizeHeader(t).key, t]));

/** "III. CÁC CHỈ SỐ" → "CÁC CHỈ SỐ" when it is a section title. */
function sectionTitle(text: string): string | undefined {
  return TITLE_KEYS.get(normalizeHeader(text.replace(/^\s*([IVXLC]+|\d+)\s*[.)]\s*/i, "")).key);
}

/** The first non-blank cell of a row (and whether it is the only one), or null. */
function firstCell(grid: Grid, row: number): { col: number; text: string; alone: boolean } | null {
  const values = grid.values[row - grid.origin.row] ?? [];
  for (let i = 0; i < values.length; i++) {
    const text = cellText(values[i] ?? null);
    if (text !== "") return { col: grid.origin.col + i, text, alone: values.slice(i + 1).every((v) => cellText(v ?? null) === "") };
  }
  return null;
}

function sectionsOf(grid: Grid, c: Collector): Map<string, Section> {
  const found: Section[] = [];
  const bottom = grid.origin.row + grid.values.length;
  for (let row = grid.origin.row; row < bottom; row++) {
    const first = firstCell(grid, row);
    // A title stands alone on its row: "Xếp loại" beside a spelling is a table's row, not a title.
    const title = first?.alone ? sectionTitle(first.text) : undefined;
    if (!title || !first) continue;
    if (found.some((s) => s.title === title)) c.problem(row, first.col, `mục “${title}” có hai lần; giữ một`);
    else found.push({ title, row, col: first.col, end: bottom });
  }
  found.forEach((s, i) => (s.end = found[i + 1]?.row ?? bottom));
  return new Map(found.map((s) => [s.title, s]));
}

/** Best of `headers` for a cell's words, when it matches as strongly as a table header must. */
function bestHeader<T extends { header: string }>(text: string, headers: T[]): T | undefined {
  let best: T | undefined;
  let bestScore = STRONG_MATCH;
  for (const h of headers) {
    const s = phraseScore(normalizeHeader(h.header), normalizeHeader(text)).score;
    if (s >= bestScore && (best === undefined || s > bestScore)) [best, bestScore] = [h, s];
  }
  return best;
}

/** The general rows: label in the section's column, value beside it. */
function readInfo(section: Section, c: Collector): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const rows = INFO_ROWS.map((r) => ({ ...r, header: r.label }));
  for (let row = section.row + 1; row < section.end; row++) {
    const label = cellText(cellAt(c.grid, row, section.col));
    if (label === "") continue;
    const spec = bestHeader(label, rows);
    const valueCol = section.col + 1;
    if (!spec) {
      if (cellText(cellAt(c.grid, row, valueCol)) !== "") c.problem(row, section.col, `không rõ mục “${label}”; các mục: ${INFO_ROWS.map((r) => r.label).join(", ")}`);
      continue;
    }
    if (values.has(spec.key)) {
      c.problem(row, section.col, `mục “${spec.label}” có hai lần; giữ một`);
      continue;
    }
    values.set(spec.key, c.read(spec.kind, row, valueCol, spec.key));
  }
  return values;
}

/** Columns the items cannot do without: a table missing one says so at its header. */
const REQUIRED: Record<TableSpec["list"], string[]> = {
  groups: ["id", "label", "max"],
  indicators: ["id", "label", "max"],
  "rating.bands": ["min", "label"],
  flags: ["field", "op", "threshold"],
  aggregateRows: ["name"],
  columns: ["field", "label"],
  aliases: ["item", "alias"],
};

/** One table's rows as objects (keys nested as "rule.target" says), each cell's path placed. */
function readTable(spec: TableSpec, section: Section, c: Collector): TableRows {
  let headerRow = section.row + 1;
  while (headerRow < section.end && firstCell(c.grid, headerRow) === null) headerRow++;
  c.place(spec.list, section.row, section.col);
  if (headerRow >= section.end) return { rows: [], rowCells: [], columns: new Map() };
  const columns = new Map<string, number>();
  for (let col = section.col; col < section.col + Math.max(gridWidth(c.grid), 1); col++) {
    const h = bestHeader(cellText(cellAt(c.grid, headerRow, col)), spec.columns);
    if (h && !columns.has(h.key)) columns.set(h.key, col);
  }
  const rows: Record<string, unknown>[] = [];
  const rowCells: number[] = [];
  for (let row = headerRow + 1; row < section.end; row++) {
    if (firstCell(c.grid, row) === null) continue;
    const item: Record<string, unknown> = {};
    const path = `${spec.list}[${rows.length}]`;
    c.place(path, row, section.col);
    for (const column of spec.columns) {
      const col = columns.get(column.key);
      if (col === undefined) continue;
      const value = c.read(column.kind, row, col, `${path}.${column.key}`);
      if (value !== undefined) setAt(item, column.key, value);
    }
    rows.push(item);
    rowCells.push(row);
  }
  const missing = REQUIRED[spec.list].filter((k) => !columns.has(k));
  if (rows.length > 0 && missing.length > 0) {
    const headers = missing.map((k) => `“${spec.columns.find((col) => col.key === k)?.header}”`).join(", ");
    c.problem(headerRow, section.col, `bảng “${spec.title}” thiếu cột ${headers}`);
    rows.forEach((_, i) => missing.forEach((k) => c.alreadySaid(`${spec.list}[${i}].${k}`)));
  }
  return { rows, rowCells, columns };
}

/**
 * The method a sheet holds, or every mistake in it, each naming its cell. `sheetName` is the
 * name shown in the problems (the grid's own by default).
 */
export function sheetToMethod(grid: Grid, sheetName: string = grid.sheet || METHOD_SHEET): MethodSheetReading {
  const c = new Collector(grid, sheetName);
  const sections = sectionsOf(grid, c);
  const info = sections.get(INFO_TITLE);
  if (!info) {
    c.problem(grid.origin.row, grid.origin.col, `không thấy mục “${INFO_TITLE}” (tên, mã, phiên bản của phương pháp); lập lại trang này từ phần bổ trợ hoặc lệnh chiso766 profiles sheet`);
    return { problems: c.problems };
  }
  const general = readInfo(info, c);
  const tables = new Map<TableSpec["list"], TableRows>();
  for (const spec of TABLES) {
    const section = sections.get(spec.title);
    tables.set(spec.list, section ? readTable(spec, section, c) : { rows: [], rowCells: [], columns: new Map() });
  }
  const raw = assembleMethod(general, tables, c);
  c.addSchemaProblems(raw, { row: info.row, col: info.col });
  if (c.problems.length > 0) return { problems: c.sortedProblems() };
  return { profile: ProfileSchema.parse(raw) };
}

/** The lines that report a sheet's problems: `'Phương pháp chấm điểm'!C12: "mười" không phải là số`. */
export function methodSheetLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.cell ? `${p.cell}: ` : ""}${p.message}`);
}

