/**
 * The table reader: grid of cells + profiles → where the table is, which column is which,
 * unit rows and problems (each naming its cell). Pure: nothing from Office, React or fs.
 */
import type { FieldId } from "../model/fields";
import { cellRef, parseA1, type CellValue, type Grid } from "../model/grid";
import type { Profile } from "../model/profile";
import type { ColumnMapping, ProfileCandidate, ReadResult, TableLayout } from "../model/table";
import type { Problem } from "../model/units";
import { assign, fitReason, fitScore, type Assignment, type CandidateCache } from "./assign";
import { headerBlockAt, isDataLike, isNumberingRow, Sheet, type HeaderBlock } from "./layout";
import { candidatesFor, STRONG, type Candidate } from "./match";
import { normalizeHeader } from "./normalize";
import { readRows } from "./rows";
import { assignLevels, type RowContext } from "./levels";
import type { LevelOverrides } from "../model/choices";
import { findLevelColumns, markLevelColumns, nameEvidence } from "./level-columns";

export { normalizeHeader, normalizeUnitName, foldText, canonicalText } from "./normalize";
export type { NormalizedHeader, HeaderEvidence } from "./normalize";
export { parseNumber, isPercentFormat } from "./numbers";
export type { ParsedNumber, ParseErrorCode } from "./numbers";
export { isAggregateName, levelFromName, levelFromText, isValidCode } from "./units";
export { parseLevelName, readUnitName, type LevelOverrides } from "./levels";

export interface ReadOptions {
  profiles: Profile[];
  /** Use this profile; when absent the best-fitting one is chosen and the choice explained. */
  profileId?: string;
  /** Column letter or header text → field id (null: ignore the column). Wins over detection. */
  mapping?: ColumnMapping;
  /** Levels the user sets for the whole table, a section or a row; they win over the evidence. */
  levels?: LevelOverrides;
  /** Told how many of the rows below the header are read, every few hundred (the pane's progress). */
  onRows?: (done: number, total: number) => void;
  /**
   * The cells the tool wrote on its last run on this sheet (the state's lastRun.written). A
   * column whose header cell is one of them, still as written, is a column the tool added: its
   * header is left out of matching, so it never takes a field from the user's own columns.
   */
  written?: ReadonlyArray<{ address: string; value: CellValue }>;
}

/** How far down the sheet the header row is looked for. */
const HEADER_SEARCH_ROWS = 60;

function emptyLayout(grid: Grid): TableLayout {
  const row = grid?.origin?.row ?? 0;
  const col = grid?.origin?.col ?? 0;
  return { sheet: grid?.sheet ?? "", headerTop: row, headerBottom: row, dataTop: row, dataBottom: row, left: col, right: col, columns: {} };
}

function failed(grid: Grid, profileId: string, candidates: ProfileCandidate[], problems: Problem[]): ReadResult {
  return { profileId, candidates, layout: emptyLayout(grid), mapping: [], units: [], problems };
}

/**
 * Read a table. Never throws: an unusable table gives problems with severity "error" and no
 * units. Never yields NaN or Infinity.
 */
export function readTable(grid: Grid, options: ReadOptions): ReadResult {
  try {
    return readTableUnsafe(grid, options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return failed(grid, options?.profileId ?? "", [], [
      { message: `Không đọc được bảng do lỗi nội bộ: ${message}`, severity: "error", code: "internal-error" },
    ]);
  }
}

function safeGrid(grid: Grid): Grid {
  const values = Array.isArray(grid?.values) ? grid.values.map((r) => (Array.isArray(r) ? r : [])) : [];
  return {
    sheet: typeof grid?.sheet === "string" ? grid.sheet : "Sheet1",
    origin: {
      row: Number.isInteger(grid?.origin?.row) && grid.origin.row >= 0 ? grid.origin.row : 0,
      col: Number.isInteger(grid?.origin?.col) && grid.origin.col >= 0 ? grid.origin.col : 0,
    },
    values,
    numberFormats: grid?.numberFormats,
    underlines: grid?.underlines,
    merges: Array.isArray(grid?.merges) ? grid.merges : [],
  };
}

/** Pick the header row: the first row naming the unit column ("STT", "Tên đơn vị"), else the best-matching row. */
function findHeaderTop(sheet: Sheet, profiles: Profile[], cache: CandidateCache): number | null {
  const limit = Math.min(sheet.rows, HEADER_SEARCH_ROWS);
  let bestRow: number | null = null;
  let bestCount = 0;
  const cellCandidates = (text: string): Candidate[] => {
    const out: Candidate[] = [];
    const h = [normalizeHeader(text)];
    for (const p of profiles) {
      const key = `${p.id}\u0000${text}`;
      let list = cache.get(key);
      if (!list) {
        list = candidatesFor(h, p);
        cache.set(key, list);
      }
      if (list[0]) out.push(list[0]);
    }
    return out;
  };
  for (let r = 0; r < limit; r++) {
    let filled = 0;
    for (let c = 0; c < sheet.width; c++) if (!sheet.blank(r, c)) filled++;
    if (filled < 2 || isDataLike(sheet, r) || isNumberingRow(sheet, r)) continue;
    let strong = 0;
    let unitAnchor = false;
    for (let c = 0; c < sheet.width; c++) {
      const t = sheet.text(r, c);
      if (t === "" || t.length > 200) continue;
      const best = cellCandidates(t).sort((a, b) => b.score - a.score)[0];
      if (!best || best.score < STRONG) continue;
      strong++;
      if (best.field === "name" || best.field === "stt") unitAnchor = true;
    }
    if (unitAnchor && strong >= 2) return r;
    if (strong > bestCount) {
      bestCount = strong;
      bestRow = r;
    }
  }
  return bestCount >= 2 ? bestRow : null;
}

/** The profiles to try: the one asked for, or all; a problem when there is none. */
function profilePool(options: ReadOptions): Profile[] | Problem {
  const profiles = Array.isArray(options?.profiles) ? options.profiles : [];
  if (profiles.length === 0) return { message: "Chưa có phương pháp chấm điểm nào để đọc bảng", severity: "error", code: "no-profile" };
  if (options.profileId === undefined) return profiles;
  const p = profiles.find((x) => x.id === options.profileId);
  return p ? [p] : { message: `Không có phương pháp chấm điểm "${options.profileId}"`, severity: "error", code: "unknown-profile" };
}

function readTableUnsafe(rawGrid: Grid, options: ReadOptions): ReadResult {
  const grid = safeGrid(rawGrid);
  const pool = profilePool(options);
  if (!Array.isArray(pool)) return failed(grid, options?.profileId ?? "", [], [pool]);

  const sheet = new Sheet(grid);
  const cache: CandidateCache = new Map();
  if (sheet.rows === 0 || sheet.width === 0) {
    return failed(grid, pool[0].id, [], [{ message: "Vùng chọn không có dữ liệu", severity: "error", code: "empty" }]);
  }
  let top = findHeaderTop(sheet, pool, cache);
  const hasMapping = options.mapping && Object.keys(options.mapping).length > 0;
  if (top === null && hasMapping) top = firstFilledRow(sheet);
  if (top === null) {
    return failed(grid, pool[0].id, [], [
      {
        cell: cellRef(grid.sheet, grid.origin.row, grid.origin.col),
        message: "Không tìm thấy dòng tiêu đề của bảng (cần các cột như \"STT\", \"Tên đơn vị\", \"Tổng điểm\"); hãy chọn đúng vùng bảng hoặc khai báo ánh xạ cột",
        severity: "error",
        code: "no-header",
      },
    ]);
  }
  const block = headerBlockAt(sheet, top);
  const added = addedColumns(sheet, block, options.written);
  const { profile, assignment, candidates, problems } = chooseProfile(sheet, block, pool, options, cache, added);
  problems.push(...assignment.problems);
  problems.push(...missingColumns(profile, assignment.columns));

  const dataTop = (block.numbering ?? block.bottom) + 1;
  const layout: TableLayout = {
    sheet: grid.sheet,
    headerTop: sheet.sheetRow(block.top),
    headerBottom: sheet.sheetRow(block.numbering ?? block.bottom),
    dataTop: sheet.sheetRow(dataTop),
    dataBottom: sheet.sheetRow(dataTop - 1),
    left: sheet.sheetCol(block.left),
    right: sheet.sheetCol(block.right),
    columns: assignment.columns,
  };
  const result = { profileId: profile.id, candidates, layout, mapping: assignment.matches };

  if (assignment.columns.name === undefined) {
    problems.push({
      cell: cellRef(grid.sheet, sheet.sheetRow(block.top), sheet.sheetCol(block.left)),
      message: "Không tìm thấy cột tên đơn vị (\"Tên đơn vị\", \"Đơn vị\"); hãy khai báo trong ánh xạ cột",
      severity: "error",
      code: "missing-column",
      field: "name",
    });
    return { ...result, units: [], problems };
  }

  const contexts = new Map<number, RowContext>();
  const { units, dataBottom } = readRows(sheet, profile, assignment.columns, dataTop, block, problems, contexts, options.onRows);
  layout.dataBottom = sheet.sheetRow(dataBottom);
  for (const unit of units) {
    const heading = contexts.get(unit.row)?.section;
    if (heading) unit.section = heading.numeral ? `${heading.numeral}. ${heading.text}` : heading.text;
  }
  const levelColumns = findLevelColumns(sheet, block, assignment.matches);
  markLevelColumns(levelColumns, assignment.matches, problems);
  const levels = assignLevels({ units, columns: levelColumns, contexts, overrides: options.levels, ...nameEvidence(sheet, block, assignment.columns.name) });
  problems.push(...levels.problems);
  return { ...result, units, problems, levels: levels.findings };
}

/** Profiles whose fits differ by less than this are reported as a close call. */
const CLOSE_FIT = 0.05;

/** The best-fitting profile of the pool (or the one asked for), with every candidate's fit explained. */
function chooseProfile(sheet: Sheet, block: HeaderBlock, pool: Profile[], options: ReadOptions, cache: CandidateCache, added: ReadonlySet<number>) {
  const ranked = pool
    .map((p) => {
      const a: Assignment = assign(sheet, block, p, options.mapping, cache, added);
      return { p, a, score: fitScore(a) };
    })
    .sort((x, y) => y.score - x.score);
  const chosen = ranked[0];
  const problems: Problem[] = [];
  let candidates: ProfileCandidate[];
  if (options.profileId !== undefined) {
    candidates = [{ id: chosen.p.id, score: chosen.score, reason: `do người dùng chọn; ${fitReason(chosen.a)}` }];
  } else {
    candidates = ranked.map((r, i) => ({
      id: r.p.id,
      score: r.score,
      reason: (i === 0 ? "được chọn vì khớp bảng nhất: " : "") + fitReason(r.a),
    }));
    if (ranked.length > 1 && ranked[0].score - ranked[1].score < CLOSE_FIT && !sameReading(ranked[0].a, ranked[1].a)) {
      problems.push({
        message: `Bảng khớp gần như nhau với phương pháp "${ranked[0].p.name}" và "${ranked[1].p.name}"; đã chọn "${ranked[0].p.name}" — hãy kiểm tra`,
        severity: "warning",
        code: "profile-uncertain",
      });
    }
  }
  return { profile: chosen.p, assignment: chosen.a, candidates, problems };
}

/** Whether two profiles read the table alike (every column to the same field): then the choice is no guess. */
function sameReading(a: Assignment, b: Assignment): boolean {
  const fa = Object.entries(a.columns);
  return fa.length === Object.keys(b.columns).length && fa.every(([field, col]) => b.columns[field] === col);
}

/**
 * Local columns of the block whose header the tool wrote (an output column it added) and that
 * still hold that header. The tool's results are not the user's data: were they matched, a
 * weakly matched column of the user's would lose its field to them, and the mapping would
 * move after every write.
 */
function addedColumns(sheet: Sheet, block: HeaderBlock, written: ReadOptions["written"]): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(written)) return out;
  const top = sheet.sheetRow(block.top);
  const bottom = sheet.sheetRow(block.bottom);
  const left = sheet.sheetCol(block.left);
  const right = sheet.sheetCol(block.right);
  for (const w of written) {
    if (typeof w?.value !== "string" || w.value.trim() === "") continue;
    const at = typeof w.address === "string" ? parseA1(w.address) : null;
    if (!at || at.row < top || at.row > bottom || at.col < left || at.col > right) continue;
    const local = { row: at.row - sheet.grid.origin.row, col: at.col - sheet.grid.origin.col };
    if (sheet.value(local.row, local.col) === w.value) out.add(local.col);
  }
  return out;
}

function firstFilledRow(sheet: Sheet): number | null {
  for (let r = 0; r < sheet.rows; r++) if (!sheet.rowBlank(r)) return r;
  return null;
}

function missingColumns(profile: Profile, columns: Record<FieldId, number>): Problem[] {
  const have = new Set(Object.keys(columns));
  const out: Problem[] = [];
  const miss = (label: string, field: string) =>
    out.push({
      message: `Không tìm thấy cột "${label}"; giá trị này được coi là thiếu`,
      severity: "warning",
      code: "missing-column",
      field,
    });
  const hasIndicator = (id: string) => [...have].some((f) => f.startsWith(`${id}.`));
  // A table of units and totals (an announcement) never has group or indicator columns: the
  // printed total is what it offers, and nothing is missing from it.
  const totalsOnly = have.has("total") && !profile.groups.some((g) => have.has(g.id)) && !profile.indicators.some((i) => hasIndicator(i.id));
  if (totalsOnly) return out;
  if (profile.basis === "total" && !have.has("total")) miss(profile.total?.label ?? "Tổng điểm", "total");
  if (profile.basis === "groups") {
    const combinedInto = new Map<string, string>();
    for (const g of profile.groups) for (const c of g.combines) combinedInto.set(c, g.id);
    for (const g of profile.groups) {
      // A combined group (DVTT) is never reported itself: its parts are, when neither is present.
      if (have.has(g.id) || g.combines.length > 0) continue;
      const parent = combinedInto.get(g.id);
      if (parent && have.has(parent)) continue;
      miss(g.label, g.id);
    }
  }
  if (profile.basis === "indicators" || profile.basis === "none") {
    for (const ind of profile.indicators) {
      if (profile.basis === "indicators" && ind.max === 0) continue;
      // The group's own score stands in for indicators the table does not give (engine/groups.ts).
      if (ind.group !== undefined && have.has(ind.group)) continue;
      if (!hasIndicator(ind.id)) miss(ind.label, `${ind.id}.*`);
    }
  }
  return out;
}
