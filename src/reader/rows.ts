/**
 * The unit rows under the header: each row is classified (blank, footnote, section heading,
 * nameless, unit), then a unit's values, code and level are read, and duplicates reported.
 */
import { kindOfField, parseIndicatorField, type FieldId, type Level, type ValueKind } from "../model/fields";
import { cellRef, type CellValue } from "../model/grid";
import type { Profile } from "../model/profile";
import { formatNumber, missingMarkText } from "../model/text";
import type { Problem, UnitRow } from "../model/units";
import { cellAddresses } from "./cells";
import { looksNumeric, type HeaderBlock, type Sheet } from "./layout";
import { fieldMax, targetsOf } from "./match";
import { cleanText, normalizeUnitName } from "./normalize";
import { parseNumber, typedNumber } from "./numbers";
import {
  isAggregateName,
  isClosingText,
  isGroupHeadingText,
  isSignatureText,
  isValidCode,
  levelFromName,
  levelFromText,
  sectionText,
  splitNumeral,
} from "./units";
import type { RowContext } from "./levels";

export const UNIT_FIELDS = new Set(["stt", "name", "code", "level"]);

/** Spaces inside a unit code ("H05 .1"), dropped. */
const WHITE_SPACE = /\s+/g;

/** A value column: its field, sheet column, local column, kind of value and maximum (scores). */
interface ValueColumn {
  field: FieldId;
  sheetCol: number;
  c: number;
  kind: ValueKind;
  max: number | null;
}

/** Where the unit columns and value columns are, worked out once per table. */
interface RowColumns {
  sheet: Sheet;
  profile: Profile;
  name: number;
  stt: number | null;
  code: number | null;
  level: number | null;
  values: ValueColumn[];
  /** Rightmost local column of the table (a row blank up to here is skipped). */
  right: number;
  /** The address of each field's cell in a sheet row. */
  cellsOf: (row: number) => Record<FieldId, string>;
}

/** What a row is, before its values are read. */
type RowKind =
  | { kind: "blank" }
  /** Text under the table that is no unit: this row and everything below are ignored. */
  | { kind: "end" }
  /** A group heading: not a unit, not an aggregate; `col` is the local column of its text. */
  | { kind: "section"; level: Level | null; text: string; numeral: string; col: number }
  | { kind: "no-name"; hasValues: boolean }
  | { kind: "unit"; name: string; sttValue: CellValue };

/** Duplicate names and codes seen so far: sheet row of the first. */
interface Seen {
  names: Map<string, number>;
  codes: Map<string, number>;
}

function rowColumns(sheet: Sheet, profile: Profile, columns: Record<FieldId, number>, block: HeaderBlock): RowColumns {
  const local = (sheetCol: number) => sheetCol - sheet.grid.origin.col;
  const localOf = (field: string) => (columns[field] !== undefined ? local(columns[field]) : null);
  const values = Object.entries(columns)
    .filter(([field]) => !UNIT_FIELDS.has(field))
    .map(([field, sheetCol]): ValueColumn => {
      const kind = kindOfField(field);
      return { field, sheetCol, c: local(sheetCol), kind, max: kind === "score" ? fieldMax(profile, field) : null };
    });
  const cellFields: [FieldId, number][] = [["name", columns.name], ...values.map((v): [FieldId, number] => [v.field, v.sheetCol])];
  for (const field of ["stt", "code", "level"]) if (columns[field] !== undefined) cellFields.push([field, columns[field]]);
  return {
    sheet,
    profile,
    name: local(columns.name),
    stt: localOf("stt"),
    code: localOf("code"),
    level: localOf("level"),
    values,
    right: Math.max(block.right, ...Object.values(columns).map(local)),
    cellsOf: cellAddresses(sheet.grid.sheet, cellFields),
  };
}

/** How many rows between two progress reports. */
const PROGRESS_EVERY = 200;

/** Reads the unit rows from dataTop down; problems are added to `problems`. */
export function readRows(
  sheet: Sheet,
  profile: Profile,
  columns: Record<FieldId, number>,
  dataTop: number,
  block: HeaderBlock,
  problems: Problem[],
  contexts: Map<number, RowContext>,
  onRows?: (done: number, total: number) => void,
): { units: UnitRow[]; dataBottom: number } {
  const cols = rowColumns(sheet, profile, columns, block);
  const units: UnitRow[] = [];
  const seen: Seen = { names: new Map(), codes: new Map() };
  let sectionLevel: Level | null = null;
  // The section heading above the rows, for the level evidence (one object per section).
  let context: RowContext = {};
  let dataBottom = dataTop - 1;
  for (let r = dataTop; r < sheet.rows; r++) {
    if (onRows && (r - dataTop) % PROGRESS_EVERY === 0) onRows(r - dataTop, sheet.rows - dataTop);
    const row = classifyRow(cols, r);
    if (row.kind === "end") break;
    if (row.kind === "blank" || (row.kind === "no-name" && !row.hasValues)) continue;
    dataBottom = r;
    if (row.kind === "section") {
      sectionLevel = row.level;
      const cell = cellRef(sheet.grid.sheet, sheet.sheetRow(r), sheet.sheetCol(row.col));
      context = { section: { text: row.text, numeral: row.numeral, cell } };
      problems.push(sectionNote(cell, row.text));
    } else if (row.kind === "no-name") problems.push(missingName(cols, r));
    else {
      const unit = readUnit(cols, r, row.name, row.sttValue, sectionLevel, seen, problems);
      if (context.section) contexts.set(unit.row, context);
      units.push(unit);
    }
  }
  if (units.length === 0) problems.push(noUnits(cols, dataTop));
  return { units, dataBottom: Math.max(dataBottom, dataTop - 1) };
}

function classifyRow(cols: RowColumns, r: number): RowKind {
  const { sheet } = cols;
  if (sheet.rowBlank(r, 0, cols.right)) return { kind: "blank" };
  // The name as written (for output); matching uses its normalised key.
  const name = sheet.text(r, cols.name);
  const sttValue = cols.stt !== null ? sheet.value(r, cols.stt) : null;
  const valuesBlank = cols.values.every((v) => sheet.blank(r, v.c));
  if (!valuesBlank) {
    if (name !== "") return { kind: "unit", name, sttValue };
    return isSignatureText(firstNonBlank(sheet, r, cols.right).text) ? { kind: "end" } : { kind: "no-name", hasValues: true };
  }
  return classifyTextRow(cols, r, name, sttValue);
}

/**
 * A row with text and no values: a footnote or signature (the table ends), a section heading
 * (reading goes on: "I. Sở, ban, ngành", "KHỐI PHƯỜNG" in the STT column or merged across the
 * row, "Khối cơ quan chuyên môn" in the name column), or a unit with no data.
 */
function classifyTextRow(cols: RowColumns, r: number, name: string, sttValue: CellValue): RowKind {
  const { sheet } = cols;
  // A typed STT is never a section numeral ("II."), so it is not turned into text.
  const sttTyped = typeof sttValue === "number";
  const stt = cols.stt === null || sttTyped ? "" : cleanText(sheet.text(r, cols.stt));
  const first = name === "" ? firstNonBlank(sheet, r, cols.right) : { text: name, c: cols.name };
  if (isClosingText(first.text)) return { kind: "end" };

  const section = sectionText(stt, name);
  if (section !== null && (name !== "" || unitsFollow(cols, r))) {
    const col = stt !== "" && cols.stt !== null ? cols.stt : cols.name;
    return { kind: "section", level: levelFromText(section), text: section, numeral: splitNumeral(stt || name).numeral, col };
  }
  if (name === "") {
    // Text outside the name column only: a heading when units follow it, else the end of the table.
    if (section !== null || !unitsFollow(cols, r)) return { kind: "end" };
    const { numeral, heading } = splitNumeral(first.text);
    const text = heading || first.text;
    return { kind: "section", level: levelFromText(text), text, numeral, col: first.c };
  }
  if (cols.stt === null || stt !== "" || sttTyped) return { kind: "unit", name, sttValue };
  if (levelFromText(name) !== null && levelFromName(name) === null) {
    // "Sở, ban, ngành" / "Cấp xã" heading without a numeral.
    return { kind: "section", level: levelFromText(name), text: name, numeral: "", col: cols.name };
  }
  if ((isGroupHeadingText(name) || spansValueColumns(cols, r)) && !isAggregateName(name, cols.profile) && unitsFollow(cols, r)) {
    return { kind: "section", level: levelFromText(name), text: name, numeral: "", col: cols.name };
  }
  return { kind: "unit", name, sttValue };
}

/** How far below a heading the first unit may be (blank rows and sub-headings between). */
const HEADING_LOOKAHEAD_ROWS = 20;

/**
 * Whether a unit row follows a text row: the next rows, past blanks and further headings, hold
 * a name with a number or an STT. A repeated header, a note or nothing means the table ended.
 */
function unitsFollow(cols: RowColumns, r: number): boolean {
  const { sheet } = cols;
  const last = Math.min(sheet.rows - 1, r + HEADING_LOOKAHEAD_ROWS);
  for (let k = r + 1; k <= last; k++) {
    if (sheet.rowBlank(k, 0, cols.right)) continue;
    const name = sheet.text(k, cols.name);
    const hasNumber = cols.values.some((v) => looksNumeric(sheet.value(k, v.c)));
    const sttNumber = cols.stt !== null && typeof sheet.value(k, cols.stt) === "number";
    if (hasNumber || sttNumber) return name !== "";
    const text = name !== "" ? name : firstNonBlank(sheet, k, cols.right).text;
    if (isClosingText(text) || !cols.values.every((v) => sheet.blank(k, v.c))) return false;
  }
  return false;
}

/** Whether the row's name cell is merged across a value column (a heading written over the row). */
function spansValueColumns(cols: RowColumns, r: number): boolean {
  const merge = cols.sheet.merge(r, cols.name);
  return merge !== undefined && cols.values.some((v) => v.c >= merge.left && v.c <= merge.right);
}

function readUnit(cols: RowColumns, r: number, name: string, sttValue: CellValue, sectionLevel: Level | null, seen: Seen, problems: Problem[]): UnitRow {
  const { sheet, profile } = cols;
  const sheetRow = sheet.sheetRow(r);
  const aggregate = isAggregateName(name, profile);
  const { values, texts, invalid, marks } = readValues(cols, r, problems);
  const stt = readStt(sttValue);
  if (stt !== null) values.stt = stt;
  const code = readCode(cols, r, problems);
  let level: Level | null = null;
  if (cols.level !== null) {
    const t = cleanText(sheet.text(r, cols.level));
    if (t !== "") {
      texts.level = t;
      level = levelFromText(t);
    }
  }
  if (!aggregate) level = level ?? levelFromName(name) ?? sectionLevel;
  const key = normalizeUnitName(name);
  if (!aggregate) reportDuplicates(cols, sheetRow, name, key, code, seen, problems);
  const unit: UnitRow = { row: sheetRow, name, key, code, level: aggregate ? null : level, aggregate, values, cells: cols.cellsOf(sheetRow) };
  if (Object.keys(texts).length > 0) unit.texts = texts;
  if (invalid) unit.invalid = invalid;
  if (marks) unit.marks = marks;
  return unit;
}

function readStt(sttValue: CellValue): number | null {
  if (sttValue === null || sttValue === undefined) return null;
  const typed = typeof sttValue === "number" ? typedNumber(sttValue, "rank") : undefined;
  return typed ?? parseNumber(sttValue, "rank").value;
}

/**
 * The row's value cells: numbers by field (null when blank or unusable, with an error problem
 * for the latter), texts by field. Every number field has an entry, in column order.
 */
function readValues(cols: RowColumns, r: number, problems: Problem[]): RowValues {
  const { sheet } = cols;
  const values: Record<FieldId, number | null> = {};
  const texts: Record<FieldId, string> = {};
  let invalid: Record<FieldId, string> | undefined;
  let marks: Record<FieldId, string> | undefined;
  for (const column of cols.values) {
    const raw = sheet.value(r, column.c);
    if (column.kind === "text") {
      const t = raw === null ? "" : cleanText(String(raw));
      if (t !== "") texts[column.field] = t;
      continue;
    }
    if (raw === null) {
      values[column.field] = null;
      continue;
    }
    const read = readNumber(cols, r, column, raw, problems);
    values[column.field] = typeof read === "number" ? read : null;
    if (read !== null && typeof read === "object") {
      if ("error" in read) (invalid ??= {})[column.field] = read.error;
      else (marks ??= {})[column.field] = read.mark;
    }
  }
  return { values, texts, invalid, marks };
}

interface RowValues {
  values: Record<FieldId, number | null>;
  texts: Record<FieldId, string>;
  /** Fields whose cell could not be read, with why (absent when every cell was usable). */
  invalid?: Record<FieldId, string>;
  /** Fields whose cell holds a "no data" mark ("N/A", "-"), as written. */
  marks?: Record<FieldId, string>;
}

/**
 * One non-blank number cell, with its problems (unusable, above the maximum, another maximum
 * written beside it, a "no data" mark read as missing): the number, null for whitespace, the
 * mark, or why it is unusable.
 */
function readNumber(cols: RowColumns, r: number, column: ValueColumn, raw: NonNullable<CellValue>, problems: Problem[]): number | null | { error: string } | { mark: string } {
  const { sheet, profile } = cols;
  const { field, kind, max } = column;
  const format = sheet.format(r, column.c);
  if (typeof raw === "number") {
    const v = typedNumber(raw, kind, format);
    if (v !== undefined && (max === null || v <= max + 1e-9)) return v;
  }
  const cell = cellRef(sheet.grid.sheet, sheet.sheetRow(r), column.sheetCol);
  const parsed = parseNumber(raw, kind, format);
  if (parsed.error) {
    problems.push({ cell, message: parsed.error, severity: "error", code: parsed.errorCode ?? "not-a-number", field });
    return { error: parsed.error };
  }
  if (parsed.mark !== undefined) {
    // Said here for every such cell; the engine's problem on the same cell, when the value was needed, quotes the mark too.
    problems.push({ cell, message: missingMarkText(parsed.mark), severity: "warning", code: "missing-mark", field });
    return { mark: parsed.mark };
  }
  const v = parsed.value;
  if (v !== null && max !== null && v > max + 1e-9) {
    problems.push({
      cell,
      message: `${formatNumber(v)} lớn hơn điểm tối đa ${formatNumber(max)} của "${labelOf(profile, field)}"`,
      severity: "warning",
      code: "above-max",
      field,
    });
  }
  if (parsed.max !== undefined && max !== null && Math.abs(parsed.max - max) > 1e-9) {
    problems.push({
      cell,
      message: `ô ghi điểm tối đa ${formatNumber(parsed.max)}, hồ sơ quy định ${formatNumber(max)}`,
      severity: "warning",
      code: "max-mismatch",
      field,
    });
  }
  return v !== null && Number.isFinite(v) ? v : null;
}

function readCode(cols: RowColumns, r: number, problems: Problem[]): string | null {
  if (cols.code === null) return null;
  const { sheet } = cols;
  const code = cleanText(sheet.text(r, cols.code)).replace(WHITE_SPACE, "");
  if (code === "") return null;
  if (!isValidCode(code)) {
    problems.push({
      cell: cellRef(sheet.grid.sheet, sheet.sheetRow(r), sheet.sheetCol(cols.code)),
      message: `mã định danh "${code}" không đúng dạng (ví dụ 000.20.31.H53)`,
      severity: "warning",
      code: "malformed-code",
      field: "code",
    });
  }
  return code;
}

function reportDuplicates(cols: RowColumns, sheetRow: number, name: string, key: string, code: string | null, seen: Seen, problems: Problem[]): void {
  const { sheet } = cols;
  const sheetName = sheet.grid.sheet;
  const previous = seen.names.get(key);
  if (previous !== undefined) {
    problems.push({
      cell: cellRef(sheetName, sheetRow, sheet.sheetCol(cols.name)),
      message: `đơn vị "${name}" trùng với dòng ${previous + 1}`,
      severity: "warning",
      code: "duplicate-unit",
      field: "name",
    });
  } else seen.names.set(key, sheetRow);
  if (!code) return;
  const previousCode = seen.codes.get(code);
  if (previousCode !== undefined) {
    problems.push({
      cell: cellRef(sheetName, sheetRow, sheet.sheetCol(cols.code ?? 0)),
      message: `mã định danh "${code}" trùng với dòng ${previousCode + 1}`,
      severity: "warning",
      code: "duplicate-code",
      field: "code",
    });
  } else seen.codes.set(code, sheetRow);
}

function sectionNote(cell: string, heading: string): Problem {
  return { cell, message: `“${cleanText(heading)}” là dòng tiêu đề nhóm, không phải đơn vị: không chấm điểm, không xếp hạng`, severity: "info", code: "section-row" };
}

function missingName(cols: RowColumns, r: number): Problem {
  const { sheet } = cols;
  return {
    cell: cellRef(sheet.grid.sheet, sheet.sheetRow(r), sheet.sheetCol(cols.name)),
    message: "Dòng có số liệu nhưng không có tên đơn vị; dòng này bị bỏ qua",
    severity: "warning",
    code: "missing-name",
    field: "name",
  };
}

function noUnits(cols: RowColumns, dataTop: number): Problem {
  const { sheet } = cols;
  return {
    cell: cellRef(sheet.grid.sheet, sheet.sheetRow(Math.min(dataTop, Math.max(0, sheet.rows - 1))), sheet.sheetCol(cols.name)),
    message: "Bảng không có dòng đơn vị nào dưới dòng tiêu đề",
    severity: "error",
    code: "no-units",
  };
}

function firstNonBlank(sheet: Sheet, r: number, right: number): { text: string; c: number } {
  for (let c = 0; c <= right; c++) if (!sheet.blank(r, c)) return { text: sheet.text(r, c), c };
  return { text: "", c: 0 };
}

function labelOf(profile: Profile, field: FieldId): string {
  const indicatorId = parseIndicatorField(field)?.id;
  for (const t of targetsOf(profile)) {
    if (t.field === field) return t.label;
    if (t.indicator && t.indicator.id === indicatorId) return t.label;
  }
  return field;
}
