/**
 * The values read from the method sheet put together as the schema's input: optional blocks
 * (total, scale, rating, ranking) present when their cells are, a rule's target beside its
 * kind, band codes made from their labels when left blank, header spellings onto their items.
 */
import { foldText } from "../../model/text";
import type { Collector } from "./collector";
import type { TableSpec } from "./layout";
import { fieldTarget, targetField } from "./words";

export interface TableRows {
  rows: Record<string, unknown>[];
  /** Sheet row of each item. */
  rowCells: number[];
  /** Sheet column of each of the table's keys that has a header. */
  columns: Map<string, number>;
}

type Tables = Map<TableSpec["list"], TableRows>;

const PLAIN_KEYS = ["id", "name", "version", "validFrom", "validTo", "source", "description", "basis", "change", "outputs"];

/** { max, label } from "total.max", "total.label" …, or null when all its cells are blank. */
function block(info: Map<string, unknown>, prefix: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [key, value] of info) if (key.startsWith(`${prefix}.`) && value !== undefined && value !== null) out[key.slice(prefix.length + 1)] = value;
  return Object.keys(out).length > 0 ? out : null;
}

/** "CẦN CỐ GẮNG" → "can-co-gang": a band's code when the sheet leaves it blank. */
function slug(label: unknown, index: number): string {
  const s = typeof label === "string" ? foldText(label).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") : "";
  return s === "" ? `muc-${index + 1}` : s.slice(0, 40);
}

function rating(info: Map<string, unknown>, bands: TableRows, c: Collector): unknown {
  const on = info.get("rating.on");
  bands.rows.forEach((b, i) => (b.key ??= slug(b.label, i)));
  if (on === null) {
    const at = c.cells.get("rating.on");
    if (bands.rows.length > 0 && at) c.problem(at.row, at.col, "ghi “Không xếp loại” nhưng bảng XẾP LOẠI có các mức; ghi “Tổng điểm” hoặc “Điểm quy đổi”, hoặc xóa các mức");
    return null;
  }
  if (on === undefined && bands.rows.length === 0) return null;
  return on === undefined ? { bands: bands.rows } : { on, bands: bands.rows };
}

function ranking(info: Map<string, unknown>): unknown {
  const scope = info.get("ranking.scope");
  const tie = info.get("ranking.tie");
  if (scope === null || (scope === undefined && tie === undefined)) return null;
  return { ...(scope !== undefined ? { scope } : {}), ...(tie !== undefined ? { tie } : {}) };
}

/** "Đạt chỉ tiêu" needs its target; a target alone means that rule; a linear rule has none. */
function indicatorRules(indicators: TableRows, c: Collector): void {
  indicators.rows.forEach((ind, i) => {
    const rule = ind.rule as { kind?: unknown; target?: unknown } | undefined;
    if (!rule) return;
    if (rule.kind === undefined) rule.kind = "target";
    if (rule.kind === "linear" && rule.target !== undefined) {
      const col = indicators.columns.get("rule.target");
      if (col !== undefined) c.problem(indicators.rowCells[i], col, "chỉ số tính theo tỷ lệ không có chỉ tiêu; xóa ô này hoặc chọn “Đạt chỉ tiêu thì đủ điểm”");
      delete rule.target;
    }
  });
}

/** Header spellings onto the group, indicator or column each row names. */
function attachAliases(tables: Tables, c: Collector): void {
  const aliases = tables.get("aliases")!;
  const itemCol = aliases.columns.get("item") ?? 0;
  const aliasCol = aliases.columns.get("alias") ?? itemCol + 1;
  aliases.rows.forEach((row, i) => {
    const sheetRow = aliases.rowCells[i];
    if (typeof row.item !== "string" || typeof row.alias !== "string") {
      c.problem(sheetRow, typeof row.item !== "string" ? itemCol : aliasCol, "mỗi dòng cần cả tên cột và một cách ghi tiêu đề");
      return;
    }
    const target = fieldTarget(row.item, foldText);
    const [list, key, id] =
      target.kind === "group" ? (["groups", "id", target.id] as const) : target.kind === "indicator" && !target.part ? (["indicators", "id", target.id] as const) : (["columns", "field", targetField(target)] as const);
    const items = tables.get(list)!.rows;
    const index = items.findIndex((item) => item[key] === id);
    if (index < 0) {
      c.problem(sheetRow, itemCol, `không có “${row.item}” trong các bảng nhóm, chỉ số hay các cột khác ở trên`);
      return;
    }
    const own = ((items[index].aliases as string[] | undefined) ??= []);
    c.place(`${list}[${index}].aliases[${own.length}]`, sheetRow, aliasCol);
    own.push(row.alias);
  });
}

/** The schema's input from the general rows and the tables. */
export function assembleMethod(info: Map<string, unknown>, tables: Tables, c: Collector): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of PLAIN_KEYS) if (info.get(key) !== undefined) raw[key] = info.get(key);
  // An empty source is allowed; a missing row is not.
  if (raw.source === undefined && info.has("source")) raw.source = "";
  raw.total = block(info, "total");
  raw.scale = block(info, "scale");
  const rounding = block(info, "rounding");
  if (rounding) raw.rounding = rounding;
  raw.rating = rating(info, tables.get("rating.bands")!, c);
  raw.ranking = ranking(info);
  indicatorRules(tables.get("indicators")!, c);
  attachAliases(tables, c);
  for (const list of ["groups", "indicators", "flags", "aggregateRows", "columns"] as const) raw[list] = tables.get(list)!.rows;
  return raw;
}
