/**
 * One cell of the method sheet read as the table reader reads a table's cells: numbers through
 * parseNumber ("16,5", "90%"), words compared as headers are (case, tones and punctuation
 * aside), and each failure a Vietnamese reason for the cell's problem.
 */
import type { CellValue } from "../../model/grid";
import { foldText } from "../../model/text";
import { normalizeHeader, parseNumber } from "../../reader";
import type { CellKind } from "./layout";
import { fieldTarget, LEVEL_CHOICES, targetField, ZERO_DENOMINATOR_CHOICES, type Choice } from "./words";

/** A cell's value for the schema, `undefined` when blank, or why it cannot be read. */
export type CellReading = { value: unknown } | { error: string };

const BLANK: CellReading = { value: undefined };

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** A cell as text: numbers as JavaScript writes them ("1.1", "2024"), not as a locale would. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

/** The key a header of the same words has: how words in the sheet are compared. */
export function wordKey(text: string): string {
  return normalizeHeader(text).key;
}

function pick<T>(choices: Choice<T>[], text: string): Choice<T> | undefined {
  const key = wordKey(text);
  return choices.find((c) => c.words.some((w) => wordKey(w) === key) || (typeof c.value === "string" && c.value === text));
}

function choiceError(text: string, choices: Choice<unknown>[]): string {
  return `"${text}" không phải là lựa chọn ở đây; ghi ${choices.map((c) => `“${c.words[0]}”`).join(", ")}`;
}

function listItems(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** "05/06/2023", "5/6/2023", "2023-06-05" or an Excel date serial → "2023-06-05". */
function readDate(v: CellValue): CellReading {
  if (typeof v === "number" && Number.isInteger(v) && v > 0 && v < 2_958_466) {
    return { value: new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10) };
  }
  const text = cellText(v);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vi ? [vi[3], vi[2], vi[1]] : null;
  if (parts === null) return { error: `"${text}" không phải là ngày; ghi ngày/tháng/năm, ví dụ 05/06/2023` };
  const [y, m, d] = parts;
  return { value: `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` };
}

function readChoices(text: string, choices: Choice<unknown>[]): CellReading {
  const out: unknown[] = [];
  for (const item of listItems(text)) {
    const c = pick(choices, item);
    if (!c) return { error: choiceError(item, choices) };
    out.push(c.value);
  }
  return { value: out };
}

/** "Cấp tỉnh: Được đủ điểm; Cấp xã: Được 0 điểm" → { province: "full", commune: "zero" }. */
function readLevelChoices(text: string): CellReading {
  const out: Record<string, unknown> = {};
  for (const item of listItems(text)) {
    const colon = item.indexOf(":");
    const level = colon > 0 ? pick(LEVEL_CHOICES, item.slice(0, colon).trim()) : undefined;
    if (!level) return { error: `"${item}": ghi cấp rồi dấu hai chấm, ví dụ “Cấp tỉnh: Được đủ điểm”` };
    const rest = item.slice(colon + 1).trim();
    const policy = pick(ZERO_DENOMINATOR_CHOICES, rest);
    if (!policy) return { error: choiceError(rest, ZERO_DENOMINATOR_CHOICES) };
    out[level.value] = policy.value;
  }
  return { value: out };
}

/** Read one cell as a value of its kind. */
export function readCell(kind: CellKind, v: CellValue, numberFormat: string | null): CellReading {
  if (isBlank(v)) return BLANK;
  const text = cellText(v);
  switch (kind.type) {
    case "number": {
      const n = parseNumber(v, kind.kind, numberFormat);
      return n.error ? { error: n.error } : { value: n.value ?? undefined };
    }
    case "date":
      return readDate(v);
    case "choice": {
      if (typeof v === "boolean" && kind.choices.some((c) => c.value === v)) return { value: v };
      const c = pick(kind.choices, text);
      return c ? { value: c.value } : { error: choiceError(text, kind.choices) };
    }
    case "choices":
      return readChoices(text, kind.choices);
    case "levelChoices":
      return readLevelChoices(text);
    case "list":
      return { value: listItems(text) };
    case "field":
      return { value: targetField(fieldTarget(text, foldText)) };
    case "fields":
      return { value: listItems(text).map((t) => targetField(fieldTarget(t, foldText))) };
    default:
      return { value: text };
  }
}
