/**
 * A method as a sheet a clerk edits like any table: the general rows, then one table per list
 * (groups, indicators, rating bands, underlines, aggregate rows, other columns, header
 * spellings), every choice in Vietnamese words. sheetToMethod (read.ts) reads it back exactly.
 */
import { METHOD_SHEET, type Profile } from "../../model/profile";
import type { CellValue } from "../../model/grid";
import type { MethodSheet, MethodSheetLook } from "../../model/method-sheet";
import { LEVEL_LABELS, type Level } from "../../model/fields";
import { INFO_ROWS, INFO_TITLE, NOTES, NOTES_TITLE, TABLES, type CellKind, type TableSpec } from "./layout";
import { fieldWords, itemWords, LIST_SEPARATOR, METHOD_SHEET_TITLE, ZERO_DENOMINATOR_CHOICES, type Choice } from "./words";

export type { MethodSheet, MethodSheetLook };

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** A value at a dotted path ("total.max"); undefined through a null or missing step. */
export function valueAt(object: unknown, path: string): unknown {
  let v: unknown = object;
  for (const part of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function choiceWords(choices: Choice<unknown>[], value: unknown): string | null {
  const found = choices.find((c) => c.value === value) ?? (value === undefined ? choices.find((c) => c.value === null) : undefined);
  return found ? found.words[0] : null;
}

interface Names {
  groups: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
}

/** One cell's content for a value of a kind. */
function cellFor(kind: CellKind, value: unknown, names: Names): CellValue {
  switch (kind.type) {
    case "choice":
      return choiceWords(kind.choices, value ?? undefined);
    case "choices":
      return Array.isArray(value) && value.length > 0 ? value.map((v) => choiceWords(kind.choices, v) ?? String(v)).join(LIST_SEPARATOR) : null;
    case "list":
      return Array.isArray(value) && value.length > 0 ? value.join(LIST_SEPARATOR) : null;
    case "field":
      return typeof value === "string" ? fieldWords(value, names.groups, names.indicators) : null;
    case "fields":
      return Array.isArray(value) && value.length > 0 ? value.map((f: string) => fieldWords(f, names.groups, names.indicators)).join(LIST_SEPARATOR) : null;
    case "levelChoices": {
      const entries = Object.entries((value ?? {}) as Record<string, string>);
      return entries.length > 0 ? entries.map(([level, policy]) => `${LEVEL_LABELS[level as Level] ?? level}: ${choiceWords(ZERO_DENOMINATOR_CHOICES, policy) ?? policy}`).join(LIST_SEPARATOR) : null;
    }
    case "date": {
      if (typeof value !== "string") return null;
      const [y, m, d] = value.split("-");
      return `${d}/${m}/${y}`;
    }
    case "number":
      return typeof value === "number" ? value : null;
    default:
      return typeof value === "string" && value !== "" ? value : null;
  }
}

/** The rows of one table: one per item of its list. */
function tableRows(spec: TableSpec, profile: Profile, names: Names): CellValue[][] {
  if (spec.list === "aliases") {
    const rows: CellValue[][] = [];
    for (const g of profile.groups) for (const a of g.aliases) rows.push([itemWords("group", g.id), a]);
    for (const i of profile.indicators) for (const a of i.aliases) rows.push([itemWords("indicator", i.id), a]);
    for (const c of profile.columns) for (const a of c.aliases) rows.push([fieldWords(c.field, names.groups, names.indicators), a]);
    return rows;
  }
  const items = (valueAt(profile, spec.list) ?? []) as unknown[];
  return items.map((item) => spec.columns.map((c) => cellFor(c.kind, valueAt(item, c.key), names)));
}

/** The method as a sheet named "Phương pháp chấm điểm", starting at A1. */
export function methodToSheet(profile: Profile): MethodSheet {
  const names: Names = { groups: new Set(profile.groups.map((g) => g.id)), indicators: new Set(profile.indicators.map((i) => i.id)) };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const look: MethodSheetLook = { titleRows: [0], textRows: [1], headerRows: [], tables: [], columnWidths: [] };
  const push = (row: CellValue[], textCols: boolean[] = []) => {
    values.push(row);
    // Text cells stay text: a typed "1.10" keeps its zero, and a name starting with "=" is no formula.
    formats.push(row.map((_, c) => (textCols[c] ? "@" : null)));
  };
  push([METHOD_SHEET_TITLE]);
  push([`${profile.name} — sửa các ô như một bảng bình thường; khi chấm điểm, chiso766 đọc trang này làm phương pháp.`]);
  push([]);
  let section = 0;
  const title = (text: string) => {
    look.titleRows.push(values.length);
    push([`${ROMAN[section++]}. ${text}`]);
  };
  title(INFO_TITLE);
  for (const row of INFO_ROWS) push([row.label, cellFor(row.kind, valueAt(profile, row.key), names), row.hint], [true, row.kind.type === "text", true]);
  for (const spec of TABLES) {
    push([]);
    title(spec.title);
    const top = values.length;
    look.headerRows.push(top);
    push(spec.columns.map((c) => c.header));
    const textCols = spec.columns.map((c) => c.kind.type !== "number");
    for (const row of tableRows(spec, profile, names)) push(row, textCols);
    look.tables.push({ top, bottom: values.length - 1, right: spec.columns.length - 1 });
  }
  push([]);
  title(NOTES_TITLE);
  for (const line of NOTES) {
    look.textRows.push(values.length);
    push([line]);
  }
  const widest = Math.max(...TABLES.map((t) => t.columns.length), 3);
  for (let c = 0; c < widest; c++) look.columnWidths.push(Math.max(c === 0 ? 30 : 0, ...TABLES.map((t) => t.columns[c]?.width ?? 0), c === 2 ? 36 : 0));
  return { sheet: METHOD_SHEET, origin: { row: 0, col: 0 }, values, numberFormats: formats, look };
}
