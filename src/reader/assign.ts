/**
 * Columns to fields for one profile: the user's mapping first, then each column's header
 * candidates (match.ts), ambiguous columns set aside, the best (column, field) pairs taken
 * greedily, and how well the profile fits the table.
 */
import type { FieldId } from "../model/fields";
import { cellRef, columnIndex, columnLetters } from "../model/grid";
import type { Profile } from "../model/profile";
import type { ColumnMapping, ColumnMatch } from "../model/table";
import type { Problem } from "../model/units";
import type { HeaderBlock, Sheet } from "./layout";
import { AMBIGUITY_GAP, candidatesFor, STRONG, targetsOf, WEAK, type Candidate } from "./match";
import { cleanText, normalizeHeader } from "./normalize";
import { UNIT_FIELDS } from "./rows";

export interface Assignment {
  matches: ColumnMatch[];
  problems: Problem[];
  columns: Record<FieldId, number>;
  /** Sum of confidences of non-unit columns, and how many such columns the table has. */
  fit: { matched: number; confidence: number; dataColumns: number; targetsFound: number; targets: number };
}

/** Candidates per (profile, header texts): the same header is matched once per read. */
export type CandidateCache = Map<string, Candidate[]>;

/** What one profile's assignment works on. */
interface Context {
  sheet: Sheet;
  block: HeaderBlock;
  profile: Profile;
  problems: Problem[];
}

/** Column (local) → field from the user's mapping (null: ignore the column), and the fields it fixes. */
interface Fixed {
  columns: Map<number, FieldId | null>;
  fields: Set<FieldId>;
}

/**
 * `added`: local columns the tool added on its last run; they are matched only when the user's
 * mapping names them, and otherwise left out of the table's columns.
 */
export function assign(sheet: Sheet, block: HeaderBlock, profile: Profile, mapping: ColumnMapping | undefined, cache: CandidateCache, added: ReadonlySet<number> = NO_COLUMNS): Assignment {
  const ctx: Context = { sheet, block, profile, problems: [] };
  const fixed = fixedColumns(ctx, mapping);
  const cols: number[] = [];
  for (let c = block.left; c <= block.right; c++) if (!added.has(c) || fixed.columns.has(c)) cols.push(c);
  for (const c of fixed.columns.keys()) if (!cols.includes(c)) cols.push(c);
  cols.sort((a, b) => a - b);

  const candidates = columnCandidates(ctx, cols, fixed, cache);
  const ambiguous = setAsideAmbiguous(ctx, candidates, fixed);
  const { chosen, taken } = pickPairs(candidates, ambiguous, fixed);
  const { matches, columns, fit } = describeColumns(ctx, cols, fixed, candidates, ambiguous, chosen, taken);
  return { matches, problems: ctx.problems, columns, fit: { ...fit, ...coverage(profile, columns) } };
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

function fixedColumns(ctx: Context, mapping: ColumnMapping | undefined): Fixed {
  const fixed: Fixed = { columns: new Map(), fields: new Set() };
  for (const [key, field] of Object.entries(mapping ?? {})) {
    const cols = resolveMappingKey(key, ctx.sheet, ctx.block);
    if (cols.length === 0) {
      ctx.problems.push({ message: `Ánh xạ cột: không tìm thấy cột "${key}"`, severity: "warning", code: "mapping-unknown-column" });
      continue;
    }
    for (const c of cols) {
      fixed.columns.set(c, field ?? null);
      if (field) fixed.fields.add(field);
    }
  }
  return fixed;
}

/** A mapping key: a column letter, or a header text (leaf or whole path, "Nhóm › Chỉ số"). */
function resolveMappingKey(key: string, sheet: Sheet, block: HeaderBlock): number[] {
  const trimmed = key.trim();
  if (/^[A-Z]{1,3}$/.test(trimmed)) {
    const local = columnIndex(trimmed) - sheet.grid.origin.col;
    if (local >= 0 && local < Math.max(sheet.width, block.right + 1)) return [local];
  }
  const wanted = normalizeHeader(trimmed.split(/\s*(?:›|>)\s*/).join(" ")).key;
  if (!wanted) return [];
  const found: number[] = [];
  for (const [c, p] of block.paths) {
    const leaf = p.normalized[p.normalized.length - 1].key;
    const joined = p.normalized.map((n) => n.key).join(" ");
    if (leaf === wanted || joined === wanted) found.push(c);
  }
  return found;
}

/** Each unmapped column's candidates, best first, without the fields the mapping fixes. */
function columnCandidates(ctx: Context, cols: number[], fixed: Fixed, cache: CandidateCache): Map<number, Candidate[]> {
  const out = new Map<number, Candidate[]>();
  for (const c of cols) {
    if (fixed.columns.has(c)) continue;
    const p = ctx.block.paths.get(c);
    if (!p) continue;
    const cacheKey = `${ctx.profile.id}\u0000${p.texts.join("\u0001")}`;
    let list = cache.get(cacheKey);
    if (!list) {
      list = candidatesFor(p.normalized, ctx.profile);
      cache.set(cacheKey, list);
    }
    out.set(c, list.filter((x) => !fixed.fields.has(x.field)));
  }
  return out;
}

/**
 * Columns whose two best fields are too close to tell apart: reported and left unused. A group
 * and one of its own indicators of the same name are no ambiguity: the profile's basis decides,
 * unless other columns already give that indicator's counts or ratio — then this one is the
 * group's score ("Điểm nhóm › Tiến độ giải quyết" beside "Hồ sơ giải quyết đúng hạn › Tử số").
 */
function setAsideAmbiguous(ctx: Context, candidates: Map<number, Candidate[]>, fixed: Fixed): Set<number> {
  const { profile } = ctx;
  const ambiguous = new Set<number>();
  for (const [c, list] of candidates) {
    if (list.length < 2) continue;
    const [a, b] = list;
    if (!(a.score >= WEAK && b.field !== a.field && a.score - b.score < AMBIGUITY_GAP)) continue;
    const nested = groupOfIndicator(profile, a, b);
    if (nested) {
      const keep = profile.basis === "indicators" && !givenElsewhere(candidates, fixed, c, nested.indicator.targetId) ? nested.indicator : nested.group;
      candidates.set(c, [keep, ...list.filter((x) => x !== a && x !== b)]);
      continue;
    }
    ambiguous.add(c);
    const header = ctx.block.paths.get(c)?.texts.join(" › ") ?? "";
    ctx.problems.push({
      cell: headerCell(ctx, c),
      message: `Tiêu đề "${header}" khớp với cả "${a.label}" và "${b.label}"; chưa dùng cột này — hãy chọn trong ánh xạ cột`,
      severity: "warning",
      code: "ambiguous-header",
    });
  }
  return ambiguous;
}

/**
 * Whether another column gives the indicator's numerator, denominator or ratio: its best reading,
 * or the mapping (a rerun maps those columns from the stored state, and must read this one alike).
 */
function givenElsewhere(candidates: Map<number, Candidate[]>, fixed: Fixed, column: number, indicatorId: string): boolean {
  const parts = new Set([`${indicatorId}.numerator`, `${indicatorId}.denominator`, `${indicatorId}.ratio`]);
  for (const f of parts) if (fixed.fields.has(f)) return true;
  for (const [c, list] of candidates) if (c !== column && list[0] && list[0].score >= STRONG && parts.has(list[0].field)) return true;
  return false;
}

/** When one candidate is a group and the other an indicator of that group, both of them. */
function groupOfIndicator(profile: Profile, a: Candidate, b: Candidate): { group: Candidate; indicator: Candidate } | null {
  for (const [g, i] of [
    [a, b],
    [b, a],
  ]) {
    const ind = profile.indicators.find((x) => x.id === i.targetId);
    if (ind && ind.group === g.field && profile.groups.some((x) => x.id === g.field)) return { group: g, indicator: i };
  }
  return null;
}

/** Greedy: the best (column, field) pairs first; one field per column and one column per field (−1: the mapping's). */
function pickPairs(candidates: Map<number, Candidate[]>, ambiguous: Set<number>, fixed: Fixed) {
  const pairs: { c: number; cand: Candidate }[] = [];
  for (const [c, list] of candidates) {
    if (ambiguous.has(c)) continue;
    for (const cand of list) if (cand.score >= WEAK) pairs.push({ c, cand });
  }
  pairs.sort((x, y) => y.cand.score - x.cand.score || x.c - y.c);
  const chosen = new Map<number, Candidate>();
  const taken = new Map<FieldId, number>();
  for (const f of fixed.fields) taken.set(f, -1);
  for (const { c, cand } of pairs) {
    if (chosen.has(c) || taken.has(cand.field)) continue;
    chosen.set(c, cand);
    taken.set(cand.field, c);
  }
  return { chosen, taken };
}

/** The ColumnMatch of every column, the field → sheet column map, and the confidence tally. */
function describeColumns(
  ctx: Context,
  cols: number[],
  fixed: Fixed,
  candidates: Map<number, Candidate[]>,
  ambiguous: Set<number>,
  chosen: Map<number, Candidate>,
  taken: Map<FieldId, number>,
) {
  const { sheet } = ctx;
  const matches: ColumnMatch[] = [];
  const columns: Record<FieldId, number> = {};
  const fit = { matched: 0, confidence: 0, dataColumns: 0 };
  const use = (field: FieldId, sheetCol: number, confidence: number) => {
    columns[field] = sheetCol;
    if (UNIT_FIELDS.has(field)) return;
    fit.matched++;
    fit.confidence += confidence;
    fit.dataColumns++;
  };
  for (const c of cols) {
    const p = ctx.block.paths.get(c);
    const header = p ? p.texts.map(cleanText).join(" › ") : "";
    const sheetCol = sheet.sheetCol(c);
    const letter = columnLetters(sheetCol);
    if (fixed.columns.has(c)) {
      const field = fixed.columns.get(c) ?? null;
      matches.push({ col: sheetCol, letter, header, field, confidence: 1, reason: "theo ánh xạ của người dùng", source: "mapping" });
      if (field) use(field, sheetCol, 1);
      continue;
    }
    const cand = chosen.get(c);
    if (cand) {
      matches.push({ col: sheetCol, letter, header, field: cand.field, confidence: round3(cand.score), reason: cand.reason, source: "header" });
      use(cand.field, sheetCol, cand.score);
      if (cand.score < STRONG) {
        ctx.problems.push({
          cell: headerCell(ctx, c),
          message: `Cột "${header}" được hiểu là "${cand.label}" nhưng chưa chắc chắn: ${cand.reason}; hãy kiểm tra ánh xạ cột`,
          severity: "warning",
          code: "weak-match",
          field: cand.field,
        });
      }
      continue;
    }
    if (header) fit.dataColumns++;
    matches.push(unusedColumn(ctx, c, header, candidates.get(c)?.[0], ambiguous.has(c), taken));
  }
  return { matches, columns, fit };
}

/** An unused column with why (as a code and in Vietnamese); a strong duplicate is reported. */
function unusedColumn(ctx: Context, c: number, header: string, best: Candidate | undefined, ambiguous: boolean, taken: Map<FieldId, number>): ColumnMatch {
  const sheetCol = ctx.sheet.sheetCol(c);
  const base = { col: sheetCol, letter: columnLetters(sheetCol), header, field: null, confidence: 0, source: "none" as const };
  if (ambiguous) return { ...base, reason: "khớp nhiều trường, cần chọn trong ánh xạ cột", unused: "ambiguous" };
  if (best && best.score >= WEAK && taken.has(best.field)) {
    const other = taken.get(best.field) ?? -1;
    const otherLetter = other >= 0 ? columnLetters(ctx.sheet.sheetCol(other)) : null;
    if (best.score >= STRONG) {
      ctx.problems.push({
        cell: headerCell(ctx, c),
        message: `Cột "${header}" cũng khớp "${best.label}", đã lấy cột ${otherLetter ?? "theo ánh xạ"}; cột này không được dùng`,
        severity: "warning",
        code: "duplicate-column",
        field: best.field,
      });
    }
    return { ...base, reason: `trùng trường "${best.label}" với cột ${otherLetter ?? "đã ánh xạ"}`, unused: "duplicate" };
  }
  return header
    ? { ...base, reason: "không khớp trường nào của phương pháp", unused: "no-field" }
    : { ...base, reason: "cột không có tiêu đề", unused: "no-header" };
}

/** How much of the profile the table holds: its non-unit targets found among the columns. */
function coverage(profile: Profile, columns: Record<FieldId, number>): { targetsFound: number; targets: number } {
  const targets = targetsOf(profile).filter((t) => !t.unit);
  const found = new Set<string>();
  for (const f of Object.keys(columns)) {
    const t = targets.find((x) => x.field === f || (x.indicator && f.startsWith(`${x.indicator.id}.`)));
    if (t) found.add(t.id);
  }
  return { targetsFound: found.size, targets: targets.length };
}

function headerCell(ctx: Context, c: number): string {
  const p = ctx.block.paths.get(c);
  const r = p ? p.cells[p.cells.length - 1] : ctx.block.top;
  return cellRef(ctx.sheet.grid.sheet, ctx.sheet.sheetRow(r), ctx.sheet.sheetCol(c));
}

export function round3(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0;
}

/** The profile's fit to the table, 0–1: mostly how confidently its columns match, partly how much of it is there. */
export function fitScore(a: Assignment): number {
  const { confidence, dataColumns, targetsFound, targets } = a.fit;
  const colFit = dataColumns > 0 ? confidence / dataColumns : 0;
  const share = targets > 0 ? targetsFound / targets : 0;
  return round3(FIT_WEIGHTS.columns * colFit + FIT_WEIGHTS.coverage * share);
}

/** How fitScore weighs a profile: the columns' mean confidence counts three times the share of the profile found. */
const FIT_WEIGHTS = { columns: 0.75, coverage: 0.25 };

export function fitReason(a: Assignment): string {
  const { matched, confidence, dataColumns, targetsFound, targets } = a.fit;
  const avg = matched > 0 ? Math.round((confidence / matched) * 100) : 0;
  return `${matched}/${dataColumns} cột số liệu khớp tên cột (độ tin cậy trung bình ${avg}%); bảng có ${targetsFound}/${targets} trường của phương pháp`;
}
