/**
 * The table reader: grid of cells + profiles → where the table is, which column is which,
 * unit rows and problems (each naming its cell). Pure: nothing from Office, React or fs.
 */
import { kindOfField, parseIndicatorField, type FieldId } from "../model/fields";
import { cellRef, columnIndex, columnLetters, type Grid } from "../model/grid";
import type { Profile } from "../model/profile";
import type { ColumnMapping, ColumnMatch, ProfileCandidate, ReadResult, TableLayout } from "../model/table";
import type { Problem, UnitRow } from "../model/units";
import { headerBlockAt, isDataLike, isNumberingRow, Sheet, type HeaderBlock } from "./layout";
import { AMBIGUITY_GAP, candidatesFor, fieldMax, STRONG, targetsOf, WEAK, type Candidate } from "./match";
import { cleanText, normalizeHeader, normalizeUnitName } from "./normalize";
import { parseNumber, typedNumber } from "./numbers";
import { lazyCellAddresses } from "./cells";
import { isAggregateName, isFootnote, isValidCode, levelFromName, levelFromText, sectionText } from "./units";
import { assignLevels, type LevelOverrides, type RowContext } from "./levels";
import { findLevelColumns, markLevelColumns, nameEvidence } from "./level-columns";
import { formatNumber } from "../model/text";

export { normalizeHeader, normalizeUnitName, foldText, canonicalText } from "./normalize";
export type { NormalizedHeader, HeaderEvidence } from "./normalize";
export { parseNumber, isPercentFormat } from "./numbers";
export type { ParsedNumber } from "./numbers";
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
}

/** How far down the sheet the header row is looked for. */
const HEADER_SEARCH_ROWS = 60;

const UNIT_FIELDS = new Set(["stt", "name", "code", "level"]);

/** Spaces inside a unit code ("H05 .1"), dropped. A constant: a literal is a new object per row. */
const WHITE_SPACE = /\s+/g;

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

interface Assignment {
  matches: ColumnMatch[];
  problems: Problem[];
  columns: Record<FieldId, number>;
  /** Sum of confidences of non-unit columns, and how many such columns the table has. */
  fit: { matched: number; confidence: number; dataColumns: number; targetsFound: number; targets: number };
}

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

function assign(sheet: Sheet, block: HeaderBlock, profile: Profile, mapping: ColumnMapping | undefined, cache: Map<string, Candidate[]>): Assignment {
  const problems: Problem[] = [];
  const sheetName = sheet.grid.sheet;
  const fixed = new Map<number, FieldId | null>();
  const fixedFields = new Set<FieldId>();
  for (const [key, field] of Object.entries(mapping ?? {})) {
    const cols = resolveMappingKey(key, sheet, block);
    if (cols.length === 0) {
      problems.push({ message: `Ánh xạ cột: không tìm thấy cột "${key}"`, severity: "warning", code: "mapping-unknown-column" });
      continue;
    }
    for (const c of cols) {
      fixed.set(c, field ?? null);
      if (field) fixedFields.add(field);
    }
  }

  const cols: number[] = [];
  for (let c = block.left; c <= block.right; c++) cols.push(c);
  for (const c of fixed.keys()) if (!cols.includes(c)) cols.push(c);
  cols.sort((a, b) => a - b);

  const headerCell = (c: number): string => {
    const p = block.paths.get(c);
    const r = p ? p.cells[p.cells.length - 1] : block.top;
    return cellRef(sheetName, sheet.sheetRow(r), sheet.sheetCol(c));
  };

  const cands = new Map<number, Candidate[]>();
  for (const c of cols) {
    if (fixed.has(c)) continue;
    const p = block.paths.get(c);
    if (!p) continue;
    const cacheKey = `${profile.id}\u0000${p.texts.join("\u0001")}`;
    let list = cache.get(cacheKey);
    if (!list) {
      list = candidatesFor(p.normalized, profile);
      cache.set(cacheKey, list);
    }
    cands.set(c, list.filter((x) => !fixedFields.has(x.field)));
  }

  // Ambiguous columns: the two best fields are too close to tell apart.
  const ambiguous = new Set<number>();
  for (const [c, list] of cands) {
    if (list.length < 2) continue;
    const [a, b] = list;
    if (a.score >= WEAK && b.field !== a.field && a.score - b.score < AMBIGUITY_GAP) {
      const nested = groupOfIndicator(profile, a, b);
      if (nested) {
        // A group holding one indicator of the same name: the profile's basis decides.
        const keep = profile.basis === "indicators" ? nested.indicator : nested.group;
        cands.set(c, [keep, ...list.filter((x) => x !== a && x !== b)]);
        continue;
      }
      ambiguous.add(c);
      const header = block.paths.get(c)?.texts.join(" › ") ?? "";
      problems.push({
        cell: headerCell(c),
        message: `Tiêu đề "${header}" khớp với cả "${a.label}" (${a.field}) và "${b.label}" (${b.field}); chưa dùng cột này — hãy chọn trong ánh xạ cột`,
        severity: "warning",
        code: "ambiguous-header",
      });
    }
  }

  // Greedy: the best (column, field) pairs first; one field per column and one column per field.
  const pairs: { c: number; cand: Candidate }[] = [];
  for (const [c, list] of cands) {
    if (ambiguous.has(c)) continue;
    for (const cand of list) if (cand.score >= WEAK) pairs.push({ c, cand });
  }
  pairs.sort((x, y) => y.cand.score - x.cand.score || x.c - y.c);
  const chosen = new Map<number, Candidate>();
  const taken = new Map<FieldId, number>();
  for (const f of fixedFields) taken.set(f, -1);
  for (const { c, cand } of pairs) {
    if (chosen.has(c)) continue;
    if (taken.has(cand.field)) continue;
    chosen.set(c, cand);
    taken.set(cand.field, c);
  }

  const matches: ColumnMatch[] = [];
  const columns: Record<FieldId, number> = {};
  let matched = 0;
  let confidence = 0;
  let dataColumns = 0;
  for (const c of cols) {
    const p = block.paths.get(c);
    const header = p ? p.texts.map(cleanText).join(" › ") : "";
    const sheetCol = sheet.sheetCol(c);
    const letter = columnLetters(sheetCol);
    if (fixed.has(c)) {
      const field = fixed.get(c) ?? null;
      matches.push({ col: sheetCol, letter, header, field, confidence: 1, reason: "theo ánh xạ của người dùng", source: "mapping" });
      if (field) columns[field] = sheetCol;
      if (field && !UNIT_FIELDS.has(field)) {
        matched++;
        confidence += 1;
        dataColumns++;
      }
      continue;
    }
    const cand = chosen.get(c);
    if (cand) {
      matches.push({ col: sheetCol, letter, header, field: cand.field, confidence: round3(cand.score), reason: cand.reason, source: "header" });
      columns[cand.field] = sheetCol;
      if (!UNIT_FIELDS.has(cand.field)) {
        matched++;
        confidence += cand.score;
        dataColumns++;
      }
      if (cand.score < STRONG) {
        problems.push({
          cell: headerCell(c),
          message: `Cột "${header}" được hiểu là "${cand.label}" (${cand.field}) nhưng chưa chắc chắn: ${cand.reason}; hãy kiểm tra ánh xạ cột`,
          severity: "warning",
          code: "weak-match",
          field: cand.field,
        });
      }
      continue;
    }
    const list = cands.get(c) ?? [];
    const best = list[0];
    let reason = header ? "không khớp trường nào của hồ sơ" : "cột không có tiêu đề";
    let unused: ColumnMatch["unused"] = header ? "no-field" : "no-header";
    if (ambiguous.has(c)) {
      reason = "khớp nhiều trường, cần chọn trong ánh xạ cột";
      unused = "ambiguous";
    } else if (best && best.score >= WEAK && taken.has(best.field)) {
      unused = "duplicate";
      const other = taken.get(best.field) ?? -1;
      reason = `trùng trường "${best.label}" với cột ${other >= 0 ? columnLetters(sheet.sheetCol(other)) : "đã ánh xạ"}`;
      if (best.score >= STRONG) {
        problems.push({
          cell: headerCell(c),
          message: `Cột "${header}" cũng khớp "${best.label}" (${best.field}), đã lấy cột ${other >= 0 ? columnLetters(sheet.sheetCol(other)) : "theo ánh xạ"}; cột này không được dùng`,
          severity: "warning",
          code: "duplicate-column",
          field: best.field,
        });
      }
    }
    if (header) dataColumns++;
    matches.push({ col: sheetCol, letter, header, field: null, confidence: 0, reason, source: "none", unused });
  }

  // Fit of the profile to this header: how much of the table it explains, how much of it is present.
  const targets = targetsOf(profile).filter((t) => !t.unit);
  const found = new Set<string>();
  for (const f of Object.keys(columns)) {
    const t = targets.find((x) => x.field === f || (x.indicator && f.startsWith(`${x.indicator.id}.`)));
    if (t) found.add(t.id);
  }
  return {
    matches,
    problems,
    columns,
    fit: { matched, confidence, dataColumns, targetsFound: found.size, targets: targets.length },
  };
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

function round3(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0;
}

function fitScore(a: Assignment): number {
  const { confidence, dataColumns, targetsFound, targets } = a.fit;
  const colFit = dataColumns > 0 ? confidence / dataColumns : 0;
  const coverage = targets > 0 ? targetsFound / targets : 0;
  return round3(0.75 * colFit + 0.25 * coverage);
}

function fitReason(a: Assignment): string {
  const { matched, confidence, dataColumns, targetsFound, targets } = a.fit;
  const avg = matched > 0 ? Math.round((confidence / matched) * 100) : 0;
  return `${matched}/${dataColumns} cột số liệu khớp tên cột (độ tin cậy trung bình ${avg}%); bảng có ${targetsFound}/${targets} trường của hồ sơ`;
}

/** Pick the header row: the first row naming the unit column ("STT", "Tên đơn vị"), else the best-matching row. */
function findHeaderTop(sheet: Sheet, profiles: Profile[], cache: Map<string, Candidate[]>): number | null {
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

function readTableUnsafe(rawGrid: Grid, options: ReadOptions): ReadResult {
  const grid = safeGrid(rawGrid);
  const profiles = Array.isArray(options?.profiles) ? options.profiles : [];
  const problems: Problem[] = [];
  if (profiles.length === 0) {
    return failed(grid, options?.profileId ?? "", [], [
      { message: "Chưa có hồ sơ phương pháp chấm điểm nào để đọc bảng", severity: "error", code: "no-profile" },
    ]);
  }
  let pool = profiles;
  if (options.profileId !== undefined) {
    const p = profiles.find((x) => x.id === options.profileId);
    if (!p) {
      return failed(grid, options.profileId, [], [
        { message: `Không có hồ sơ phương pháp "${options.profileId}"`, severity: "error", code: "unknown-profile" },
      ]);
    }
    pool = [p];
  }

  const sheet = new Sheet(grid);
  const cache = new Map<string, Candidate[]>();
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

  // Choose the profile.
  const scored = pool.map((p) => ({ p, a: assign(sheet, block, p, options.mapping, cache) }));
  const ranked = scored.map((s) => ({ ...s, score: fitScore(s.a) })).sort((x, y) => y.score - x.score);
  const chosen = ranked[0];
  let candidates: ProfileCandidate[];
  if (options.profileId !== undefined) {
    candidates = [{ id: chosen.p.id, score: chosen.score, reason: `do người dùng chọn; ${fitReason(chosen.a)}` }];
  } else {
    candidates = ranked.map((r, i) => ({
      id: r.p.id,
      score: r.score,
      reason: (i === 0 ? "được chọn vì khớp bảng nhất: " : "") + fitReason(r.a),
    }));
    if (ranked.length > 1 && ranked[0].score - ranked[1].score < 0.05 && !sameReading(ranked[0].a, ranked[1].a)) {
      problems.push({
        message: `Bảng khớp gần như nhau với hồ sơ "${ranked[0].p.name}" và "${ranked[1].p.name}"; đã chọn "${ranked[0].p.name}" — hãy kiểm tra`,
        severity: "warning",
        code: "profile-uncertain",
      });
    }
  }
  const profile = chosen.p;
  const assignment = chosen.a;
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

  if (assignment.columns.name === undefined) {
    problems.push({
      cell: cellRef(grid.sheet, sheet.sheetRow(block.top), sheet.sheetCol(block.left)),
      message: "Không tìm thấy cột tên đơn vị (\"Tên đơn vị\", \"Đơn vị\"); hãy khai báo trong ánh xạ cột",
      severity: "error",
      code: "missing-column",
      field: "name",
    });
    return { profileId: profile.id, candidates, layout, mapping: assignment.matches, units: [], problems };
  }

  const contexts = new Map<number, RowContext>();
  const { units, dataBottom } = readRows(sheet, profile, assignment.columns, dataTop, block, problems, contexts);
  layout.dataBottom = sheet.sheetRow(dataBottom);
  const levelColumns = findLevelColumns(sheet, block, assignment.matches);
  markLevelColumns(levelColumns, assignment.matches, problems);
  problems.push(...assignLevels({ units, columns: levelColumns, contexts, overrides: options.levels, ...nameEvidence(sheet, block, assignment.columns.name) }));
  return { profileId: profile.id, candidates, layout, mapping: assignment.matches, units, problems };
}

/** Whether two profiles read the table alike (every column to the same field): then the choice is no guess. */
function sameReading(a: Assignment, b: Assignment): boolean {
  const fa = Object.entries(a.columns);
  return fa.length === Object.keys(b.columns).length && fa.every(([field, col]) => b.columns[field] === col);
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
      message: `Không tìm thấy cột "${label}" (${field}); giá trị này được coi là thiếu`,
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
      if (!hasIndicator(ind.id)) miss(ind.label, `${ind.id}.*`);
    }
  }
  return out;
}

function readRows(
  sheet: Sheet,
  profile: Profile,
  columns: Record<FieldId, number>,
  dataTop: number,
  block: HeaderBlock,
  problems: Problem[],
  contexts: Map<number, RowContext>,
): { units: UnitRow[]; dataBottom: number } {
  const sheetName = sheet.grid.sheet;
  const local = (sheetCol: number) => sheetCol - sheet.grid.origin.col;
  const nameCol = local(columns.name);
  const sttCol = columns.stt !== undefined ? local(columns.stt) : null;
  const codeCol = columns.code !== undefined ? local(columns.code) : null;
  const levelCol = columns.level !== undefined ? local(columns.level) : null;
  const valueFields = Object.entries(columns).filter(([f]) => !UNIT_FIELDS.has(f));
  // Per column once, not per cell: its kind of value and its maximum.
  const valueInfo = valueFields.map(([field, sc]) => {
    const kind = kindOfField(field);
    return { field, sc, c: local(sc), kind, max: kind === "score" ? fieldMax(profile, field) : null };
  });
  const units: UnitRow[] = [];
  const seen = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  let sectionLevel: ReturnType<typeof levelFromText> = null;
  // The section heading above the rows, for the level evidence (one object per section).
  let context: RowContext = {};
  let dataBottom = dataTop - 1;
  const right = Math.max(block.right, ...Object.values(columns).map(local));
  // Addresses are built only when read (problems name their cells): same fields, same order.
  const cellFields: [FieldId, number][] = [["name", columns.name], ...valueInfo.map(({ field, sc }) => [field, sc] as [FieldId, number])];
  if (sttCol !== null) cellFields.push(["stt", columns.stt]);
  if (codeCol !== null) cellFields.push(["code", columns.code]);
  if (levelCol !== null) cellFields.push(["level", columns.level]);
  const addCells = lazyCellAddresses(sheetName, cellFields);
  // Every number field gets a value (or null) in every row, in valueInfo order, then the STT
  // when it has one: each row's record starts as a copy of one of these two, so it is filled in
  // place instead of growing (and being copied) one property at a time.
  const numberFields = valueInfo.filter(({ kind }) => kind !== "text").map(({ field }) => field);
  const valuesTemplate = nullRecord(numberFields);
  const valuesWithSttTemplate = nullRecord([...numberFields, "stt"]);
  // A level column repeats a handful of texts ("Cấp xã", "1"): read each once.
  const levels = new Map<string, ReturnType<typeof levelFromText>>();
  const levelOf = (t: string) => {
    let level = levels.get(t);
    if (level === undefined) levels.set(t, (level = levelFromText(t)));
    return level;
  };

  for (let r = dataTop; r < sheet.rows; r++) {
    if (sheet.rowBlank(r, 0, right)) continue;
    // The name as written (for output); matching uses its normalised key.
    const name = sheet.text(r, nameCol);
    const sttValue = sttCol !== null ? sheet.value(r, sttCol) : null;
    // A typed STT is never a section numeral ("II."), so it is not turned into text.
    const sttTyped = typeof sttValue === "number";
    const stt = sttCol === null || sttTyped ? "" : cleanText(sheet.text(r, sttCol));
    let valuesBlank = true;
    for (let i = 0; i < valueInfo.length; i++) {
      if (!sheet.blank(r, valueInfo[i].c)) {
        valuesBlank = false;
        break;
      }
    }

    // Footnotes: text under the table that is no unit; everything below is ignored.
    const firstText = name === "" ? firstNonBlank(sheet, r, right) : "";
    if ((name === "" && valuesBlank && firstText !== "") || (name !== "" && valuesBlank && isFootnote(name))) break;
    if (name === "" && firstText !== "" && isFootnote(firstText) && valuesBlank) break;

    const section = sectionText(stt, name);
    if (section !== null && valuesBlank) {
      sectionLevel = levelFromText(section);
      context = { section: { text: section, numeral: stt, cell: cellRef(sheetName, sheet.sheetRow(r), sheet.sheetCol(stt !== "" && sttCol !== null ? sttCol : nameCol)) } };
      dataBottom = r;
      continue;
    }
    if (name === "") {
      if (!valuesBlank) {
        problems.push({
          cell: cellRef(sheetName, sheet.sheetRow(r), sheet.sheetCol(nameCol)),
          message: "Dòng có số liệu nhưng không có tên đơn vị; dòng này bị bỏ qua",
          severity: "warning",
          code: "missing-name",
          field: "name",
        });
        dataBottom = r;
      }
      continue;
    }
    if (valuesBlank && sttCol !== null && stt === "" && !sttTyped && levelFromText(name) !== null && levelFromName(name) === null) {
      // "Sở, ban, ngành" / "Cấp xã" heading without a numeral.
      sectionLevel = levelFromText(name);
      context = { section: { text: name, numeral: "", cell: cellRef(sheetName, sheet.sheetRow(r), sheet.sheetCol(nameCol)) } };
      dataBottom = r;
      continue;
    }

    dataBottom = r;
    const aggregate = isAggregateName(name, profile);
    const sheetRow = sheet.sheetRow(r);
    let sttNumber: number | null = null;
    if (sttCol !== null) {
      const typed = sttTyped ? typedNumber(sttValue, "rank") : undefined;
      sttNumber = typed ?? parseNumber(sttValue, "rank").value;
    }
    const values: Record<FieldId, number | null> = sttNumber !== null ? { ...valuesWithSttTemplate } : { ...valuesTemplate };
    if (sttNumber !== null) values.stt = sttNumber;
    // Most rows have no text field: the record is made for the first one.
    let texts: Record<FieldId, string> | null = null;

    for (let i = 0; i < valueInfo.length; i++) {
      const { field, sc, c, kind, max } = valueInfo[i];
      const raw = sheet.value(r, c);
      if (kind === "text") {
        const t = raw === null ? "" : cleanText(String(raw));
        if (t !== "") (texts ??= {})[field] = t;
        continue;
      }
      // A blank cell is missing (null, as the record starts), with nothing to report.
      if (raw === null) continue;
      const format = sheet.format(r, c);
      if (typeof raw === "number") {
        const v = typedNumber(raw, kind, format);
        if (v !== undefined && (max === null || v <= max + 1e-9)) {
          values[field] = v;
          continue;
        }
      }
      const parsed = parseNumber(raw, kind, format);
      if (parsed.error) {
        problems.push({ cell: cellRef(sheetName, sheetRow, sc), message: parsed.error, severity: "error", code: errorCode(parsed.error), field });
        values[field] = null;
        continue;
      }
      const v = parsed.value;
      values[field] = v !== null && Number.isFinite(v) ? v : null;
      if (v !== null && max !== null && v > max + 1e-9) {
        problems.push({
          cell: cellRef(sheetName, sheetRow, sc),
          message: `${formatNumber(v)} lớn hơn điểm tối đa ${formatNumber(max)} của "${labelOf(profile, field)}"`,
          severity: "warning",
          code: "above-max",
          field,
        });
      }
      if (parsed.max !== undefined && max !== null && Math.abs(parsed.max - max) > 1e-9) {
        problems.push({
          cell: cellRef(sheetName, sheetRow, sc),
          message: `ô ghi điểm tối đa ${formatNumber(parsed.max)}, hồ sơ quy định ${formatNumber(max)}`,
          severity: "warning",
          code: "max-mismatch",
          field,
        });
      }
    }

    let code: string | null = null;
    if (codeCol !== null) {
      const t = cleanText(sheet.text(r, codeCol)).replace(WHITE_SPACE, "");
      if (t !== "") {
        code = t;
        if (!isValidCode(t)) {
          problems.push({
            cell: cellRef(sheetName, sheetRow, sheet.sheetCol(codeCol)),
            message: `mã định danh "${t}" không đúng dạng (ví dụ 000.20.31.H53)`,
            severity: "warning",
            code: "malformed-code",
            field: "code",
          });
        }
      }
    }
    let level = null as ReturnType<typeof levelFromText>;
    if (levelCol !== null) {
      const t = cleanText(sheet.text(r, levelCol));
      if (t !== "") {
        (texts ??= {}).level = t;
        level = levelOf(t);
      }
    }
    if (!aggregate) level = level ?? levelFromName(name) ?? sectionLevel;

    const key = normalizeUnitName(name);
    if (!aggregate) {
      const prev = seen.get(key);
      if (prev !== undefined) {
        problems.push({
          cell: cellRef(sheetName, sheetRow, sheet.sheetCol(nameCol)),
          message: `đơn vị "${name}" trùng với dòng ${prev + 1}`,
          severity: "warning",
          code: "duplicate-unit",
          field: "name",
        });
      } else {
        seen.set(key, sheetRow);
      }
      if (code) {
        const prevCode = seenCodes.get(code);
        if (prevCode !== undefined) {
          problems.push({
            cell: cellRef(sheetName, sheetRow, sheet.sheetCol(codeCol ?? 0)),
            message: `mã định danh "${code}" trùng với dòng ${prevCode + 1}`,
            severity: "warning",
            code: "duplicate-code",
            field: "code",
          });
        } else {
          seenCodes.set(code, sheetRow);
        }
      }
    }

    const unit: UnitRow = {
      row: sheetRow,
      name,
      key,
      code,
      level: aggregate ? null : level,
      aggregate,
      values,
    };
    addCells(unit);
    if (texts !== null) unit.texts = texts;
    if (context.section) contexts.set(sheetRow, context);
    units.push(unit);
  }
  if (units.length === 0) {
    problems.push({
      cell: cellRef(sheetName, sheet.sheetRow(Math.min(dataTop, Math.max(0, sheet.rows - 1))), sheet.sheetCol(nameCol)),
      message: "Bảng không có dòng đơn vị nào dưới dòng tiêu đề",
      severity: "error",
      code: "no-units",
    });
  }
  return { units, dataBottom: Math.max(dataBottom, dataTop - 1) };
}

/**
 * A record of these fields, all null, made to be copied once per row. Through JSON.parse every
 * property sits inside the object itself, so `{ ...record }` copies one block. Built key by key
 * the record was a dictionary (past a dozen computed keys), and even built in one go most of 40
 * fields sit in a separate store: copying and filling those records was a fifth of the reading
 * time of a 10,000-row table (V8; measured, not a language guarantee, and harmless elsewhere).
 */
function nullRecord(fields: FieldId[]): Record<FieldId, number | null> {
  return JSON.parse(JSON.stringify(Object.fromEntries(fields.map((field) => [field, null]))));
}

function firstNonBlank(sheet: Sheet, r: number, right: number): string {
  for (let c = 0; c <= right; c++) if (!sheet.blank(r, c)) return sheet.text(r, c);
  return "";
}

function errorCode(message: string): string {
  if (message.includes("không rõ")) return "ambiguous-number";
  if (message.includes("lớn hơn 100") || message.includes("âm") || message.includes("số nguyên") || message.includes("điểm tối đa")) {
    return "out-of-range";
  }
  if (message.includes("lỗi công thức")) return "excel-error";
  return "not-a-number";
}

function labelOf(profile: Profile, field: FieldId): string {
  const indicatorId = parseIndicatorField(field)?.id;
  for (const t of targetsOf(profile)) {
    if (t.field === field) return t.label;
    if (t.indicator && t.indicator.id === indicatorId) return t.label;
  }
  return field;
}
