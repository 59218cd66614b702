/**
 * Where an output goes when the table already has a column the reader took for it. The tool
 * writes into an existing column only when it is surely that column (the user mapped it, or the
 * header matches strongly and its values are of the right kind and range) and holds nothing the
 * tool did not write. A column holding published values (a portal rank, a printed rating) is a
 * fact to check: it is kept, the tool's values go to a new column and the differences are listed.
 */
import { cellAt, columnLetters, type CellValue, type Grid } from "../model/grid";
import type { FieldId } from "../model/fields";
import type { PublishedCheck } from "../model/plan";
import type { Profile } from "../model/profile";
import { STRONG_MATCH as STRONG, type ColumnMatch, type ReadResult } from "../model/table";
import type { ScoredUnit } from "../model/units";
import { foldText } from "../model/text";
import { formatViNumber } from "../model/number-text";
import { isBlank, sameAtDecimals } from "./cells";

export type Placement =
  /** Write into the table's own column. */
  | { kind: "own"; col: number }
  /** A new column; `published` when the table's column holds values to check against. */
  | { kind: "new"; reason: string; published: { col: number; header: string } | null; instead?: string };

const percentText = (x: number) => `${Math.round(x * 100)} %`;


/** A field's maximum from the profile: the total's, or a group's. */
function fieldMax(profile: Profile, field: FieldId): number | null {
  if (field === "total") return profile.total?.max ?? null;
  return profile.groups.find((g) => g.id === field)?.max ?? null;
}


/** What a field's values must look like in an existing column, in words and as a test. */
function kindOf(field: FieldId, profile: Profile, unitCount: number): { words: string; fits(v: CellValue): boolean } {
  const asNumber = (v: CellValue): number | null => (typeof v === "number" ? v : typeof v === "string" && /^\s*[+-]?\d+([.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : null);
  if (field === "rating") {
    const labels = new Set((profile.rating?.bands ?? []).map((b) => foldText(b.label)));
    return { words: "tên xếp loại", fits: (v) => typeof v === "string" && labels.has(foldText(v)) };
  }
  if (field === "rank") {
    return { words: `hạng từ 1 đến ${unitCount}`, fits: (v) => {
      const n = asNumber(v);
      return n !== null && Number.isInteger(n) && n >= 1 && n <= unitCount;
    } };
  }
  const max = field === "change" ? fieldMax(profile, "total") : field === "converted" ? profile.scale?.max ?? null : fieldMax(profile, field);
  const min = field === "change" ? (max === null ? -Infinity : -max) : 0;
  const top = max ?? Infinity;
  return {
    words: max === null ? "số" : `số từ ${min === 0 ? 0 : `−${max}`} đến ${max}`,
    fits: (v) => {
      const n = asNumber(v);
      return n !== null && n >= min - 1e-9 && n <= top + 1e-9;
    },
  };
}

/**
 * Where `field`'s values go. `ours(row, col)` tells a cell whose value the tool wrote last time
 * and that still holds that value (not a user's value the tool only underlined).
 */
export function placeOutput(
  field: FieldId,
  value: (u: ScoredUnit) => CellValue,
  decimals: number,
  grid: Grid,
  read: ReadResult,
  profile: Profile,
  units: ScoredUnit[],
  ours: (row: number, col: number) => boolean,
): Placement {
  const own = read.layout.columns[field];
  if (own === undefined) return { kind: "new", reason: "bảng chưa có cột này", published: null };
  const match: ColumnMatch | undefined = read.mapping.find((m) => m.col === own);
  const letter = columnLetters(own);
  const header = match?.header ?? letter;
  if (match?.source === "mapping") return { kind: "own", col: own };
  if (!match || match.confidence < STRONG - 1e-9) {
    const words = outputWords(field, profile);
    return { kind: "new", reason: `tiêu đề cột ${letter} “${header}” chỉ gần giống “${words}” (${percentText(match?.confidence ?? 0)}), không ghi vào đó`, published: null, instead: letter };
  }
  const unitCount = units.filter((u) => !u.aggregate).length;
  const kind = kindOf(field, profile, unitCount);
  let disagree = false;
  let foreign = 0;
  let oursCount = 0;
  for (const u of units) {
    if (u.aggregate) continue;
    const v = cellAt(grid, u.row, own);
    if (isBlank(v)) continue;
    if (ours(u.row, own)) {
      oursCount++;
      continue;
    }
    if (!kind.fits(v)) {
      return { kind: "new", reason: `cột ${letter} “${header}” có giá trị không phải ${kind.words} (ô ${letter}${u.row + 1}: ${viValue(v)}), không ghi vào đó`, published: null, instead: letter };
    }
    foreign++;
    if (!agrees(v, value(u), decimals)) disagree = true;
  }
  // A column of published facts is one the tool never wrote, filled for most units. A few values
  // typed into the tool's own column (or an otherwise empty one) are edits: conflicts to confirm.
  const published = oursCount === 0 && foreign * 2 >= unitCount;
  // Published values that all agree with the tool's stay what they are when written in place.
  if (disagree && published) {
    return { kind: "new", reason: `cột ${letter} “${header}” đã có số liệu không do công cụ ghi: giữ nguyên để đối chiếu`, published: { col: own, header }, instead: letter };
  }
  return { kind: "own", col: own };
}

/** A published value and the recomputed one are the same at the output's decimals. */
function agrees(existing: CellValue, computed: CellValue, decimals: number): boolean {
  return computed === null || sameAtDecimals(existing, computed, decimals);
}

/** The header of a column of recomputed values written beside a published one. */
export function recomputedHeader(header: string): string {
  return `${header} (tính lại)`;
}

/** Published values that differ from the tool's, per unit (rows where either side is blank are skipped). */
export function comparePublished(
  field: FieldId,
  published: { col: number; header: string },
  grid: Grid,
  units: ScoredUnit[],
  value: (u: ScoredUnit) => CellValue,
  decimals: number,
): PublishedCheck {
  const differences: PublishedCheck["differences"] = [];
  for (const u of units) {
    if (u.aggregate) continue;
    const existing = cellAt(grid, u.row, published.col);
    const computed = value(u);
    if (isBlank(existing) || computed === null) continue;
    if (!agrees(existing, computed, decimals)) differences.push({ row: u.row, name: u.name, existing, computed });
  }
  return { field, letter: columnLetters(published.col), header: published.header, differences };
}

const FIELD_WORDS: Partial<Record<FieldId, string>> = { rank: "Hạng", rating: "Xếp loại", total: "Tổng điểm", converted: "Tổng điểm quy đổi", change: "Tăng/giảm" };

/** An output field as a clerk names it: "Xếp loại", or a group's own label. */
function outputWords(field: FieldId, profile: Profile): string {
  return FIELD_WORDS[field] ?? profile.groups.find((g) => g.id === field)?.label ?? field;
}

/** A cell value as a clerk reads it: numbers with a decimal comma, blanks as "(trống)". */
export function viValue(v: CellValue): string {
  if (v === null || (typeof v === "string" && v.trim() === "")) return "(trống)";
  // Six decimals show a value as it was typed.
  if (typeof v === "number") return formatViNumber(v, { maxDecimals: 6 });
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `“${v}”`;
}

/**
 * One line per published column: "Hạng đã có khác hạng tính lại ở 12 đơn vị: Xã A (3 → 5), …",
 * or that it agrees everywhere. At most `shown` units are named.
 */
export function publishedCheckLines(checks: PublishedCheck[] | undefined, shown = 10): string[] {
  return (checks ?? []).map((c) => {
    const what = FIELD_WORDS[c.field] ?? c.header;
    const where = `cột ${c.letter} “${c.header}”`;
    if (c.differences.length === 0) return `${what} đã có (${where}) khớp với ${what.toLocaleLowerCase("vi")} tính lại.`;
    const named = c.differences.slice(0, shown).map((d) => `${d.name} (${viValue(d.existing)} → ${viValue(d.computed)})`);
    const more = c.differences.length > shown ? ` và ${formatViNumber(c.differences.length - shown)} đơn vị khác` : "";
    return `${what} đã có (${where}) khác ${what.toLocaleLowerCase("vi")} tính lại ở ${formatViNumber(c.differences.length)} đơn vị: ${named.join(", ")}${more}.`;
  });
}

/**
 * A mapping without the columns of the profile's outputs: a remembered mapping (the state's, or
 * the pane's after a run) must not make a published column an output column; only the user's
 * own choice does, and detection decides again for the rest.
 */
export function withoutOutputs(mapping: Record<string, FieldId | null>, outputs: FieldId[]): Record<string, FieldId | null> {
  const drop = new Set<string>(outputs);
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => field === null || !drop.has(field)));
}
