/**
 * Unit levels from evidence (METHOD.md §5, §8): each level column decoded by its own meaning
 * (LOAI_COQUAN is a unit type, CAPDONVIID a tier, "Cấp Tỉnh" a tier label), the unit's name,
 * the section heading above it, the name column's header, and the user's own setting. When two
 * pieces of evidence disagree the stronger one wins and the user is told which cells disagree.
 */
import type { LevelOverrides } from "../model/choices";
import { LEVEL_LABELS, LEVELS, type Level } from "../model/fields";
import type { LevelFindings } from "../model/table";
import type { Problem, UnitRow } from "../model/units";
import { plainFolded } from "./units";

/** What one piece of evidence allows: the possible levels and the one to take when it alone decides. */
export interface LevelReading {
  levels: readonly Level[];
  preferred: Level;
}

/** How a level column's values are to be read, from its header. */
export type LevelScheme = "unit-type" | "tier" | "label";

/** Where a piece of evidence came from, strongest first. */
type Source = "user" | "column" | "name" | "section" | "header";

const ONLY = (level: Level): LevelReading => ({ levels: [level], preferred: level });
/** The provincial tier: the province and its agencies; alone, it means an agency (METHOD.md §8). */
const PROVINCIAL_TIER: LevelReading = { levels: ["province", "department"], preferred: "department" };

/** A level column's scheme from its header, or null when the header names no level column. */
export function levelScheme(header: string): LevelScheme | null {
  const s = plainFolded(header).replace(/ /g, "");
  if (s === "loaicoquan" || s === "loaicoquanid") return "unit-type";
  if (s === "capdonviid" || s === "capdonvi id") return "tier";
  if (/^(cap|capdonvi|loaidonvi|capcoquan|departmentlevel|departmenttype|level|unitlevel)$/.test(s)) return "label";
  return null;
}

/** LOAI_COQUAN: 1 UBND tỉnh/thành phố, 2 sở/ban/ngành, 3 UBND xã/phường/đặc khu. */
const UNIT_TYPE_CODES: Record<string, LevelReading> = { "1": ONLY("province"), "2": ONLY("department"), "3": ONLY("commune") };
/** CAPDONVIID: 1 cấp tỉnh (the province and its agencies), 2 cấp xã. */
const TIER_CODES: Record<string, LevelReading> = { "1": PROVINCIAL_TIER, "2": ONLY("commune") };

// Tier and type words of level columns and section headings, on plainFolded text.
const LABEL_PATTERNS: [RegExp, LevelReading][] = [
  [/\b(agency|provincial department|department|so ban nganh|so nganh|cac so|khoi so|co quan chuyen mon|cap so|co quan cap tinh)\b/, ONLY("department")],
  [/\b(commune unit|commune|cap xa|xa phuong|phuong xa|xa thi tran|cac xa|khoi xa|don vi truc thuoc|ubnd cap xa)\b/, ONLY("commune")],
  [/\b(district|cap huyen|cac huyen|khoi huyen|huyen thi xa|huyen thanh pho)\b/, ONLY("district")],
  [/\b(administrative unit|province|ubnd tinh|cac tinh|tinh thanh pho)\b/, ONLY("province")],
  [/\bcap tinh\b/, PROVINCIAL_TIER],
];

/** A level column's value read by its scheme; null when it says nothing this reader knows. */
export function readLevelValue(text: string, scheme: LevelScheme): LevelReading | null {
  const s = plainFolded(text);
  if (s === "") return null;
  if (scheme === "unit-type") return UNIT_TYPE_CODES[s] ?? readLabel(s);
  if (scheme === "tier") return TIER_CODES[s] ?? readLabel(s);
  // A bare 1/2 in a "Cấp" column is read as the portal's tier code.
  return TIER_CODES[s] ?? readLabel(s);
}

function readLabel(folded: string): LevelReading | null {
  for (const [re, reading] of LABEL_PATTERNS) if (re.test(folded)) return reading;
  const name = readName(folded);
  return name && name.levels.length === 1 ? name : null;
}

/** A section heading ("I. Sở, ban, ngành", "II. Huyện", "Cấp xã / Đơn vị trực thuộc"). */
export function readSection(text: string): LevelReading | null {
  const s = plainFolded(text).replace(/^(khoi|cac|nhom)\s+/, "");
  const label = readLabel(s);
  if (label) return label;
  if (/^(huyen|quan|thi xa)\b/.test(s)) return ONLY("district");
  if (/^(xa|phuong|dac khu)\b/.test(s)) return ONLY("commune");
  return null;
}

/** The six cities directly under the centre since 7/2025 (Huế was a provincial city before). */
const CENTRAL_CITIES = new Set(["ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"]);

const PEOPLES_COMMITTEE = /^(uy ban nhan dan|ubnd)\s+/;
/** "TP.Thủ Dầu Một", "TX.Bến Cát": the abbreviations newspapers and reports print. */
const ABBREVIATED_TOWN: [RegExp, string][] = [
  [/^tp\s/, "thanh pho "],
  [/^tx\s/, "thi xa "],
];
const COMMUNE_NAME = /^(xa|phuong|thi tran|dac khu)\b/;
const AGENCY_NAME =
  /^(so|ban|thanh tra|van phong|cong an|bo chi huy|phong|cac co quan chuyen mon|co quan chuyen mon|bao hiem xa hoi|chi cuc|cuc|chi nhanh|trung tam|kho bac|thue|hai quan|dai phat thanh|buu dien|dien luc|cong ty)\b/;
const DISTRICT_NAME = /^(huyen|quan|thi xa)\b/;
const CITY_NAME = /^thanh pho\s+(.+)$/;
const PROVINCE_NAME = /^tinh\b/;

/** What a unit's name says of its level, on plainFolded text (suffix " - tỉnh X" ignored). */
function readName(folded: string): LevelReading | null {
  let s = folded.replace(PEOPLES_COMMITTEE, "");
  for (const [re, full] of ABBREVIATED_TOWN) s = s.replace(re, full);
  if (COMMUNE_NAME.test(s)) return ONLY("commune");
  if (AGENCY_NAME.test(s)) return ONLY("department");
  if (DISTRICT_NAME.test(s)) return ONLY("district");
  const city = CITY_NAME.exec(s);
  if (city) {
    // "Thành phố Hải Phòng" is a province; "Thành phố Long Xuyên" was a district-level city.
    const place = city[1].replace(/\s+(tinh|thanh pho)\s.*$/, "");
    return { levels: ["province", "district"], preferred: CENTRAL_CITIES.has(place) ? "province" : "district" };
  }
  if (PROVINCE_NAME.test(s)) return ONLY("province");
  return null;
}

/** What a unit's name says of its level. */
export function readUnitName(name: string): LevelReading | null {
  return readName(plainFolded(name));
}

/** A level the user names: "tỉnh", "sở", "cơ quan", "huyện", "xã", or the English id. */
export function parseLevelName(text: string): Level | null {
  const s = plainFolded(text);
  if ((LEVELS as readonly string[]).includes(s)) return s as Level;
  if (/^(tinh|cap tinh|province)$/.test(s)) return "province";
  if (/^(so|so ban nganh|co quan|agency|cap so)$/.test(s)) return "department";
  if (/^(huyen|cap huyen)$/.test(s)) return "district";
  if (/^(xa|cap xa|xa phuong)$/.test(s)) return "commune";
  return null;
}

export type { LevelOverrides };

/** Per unit row, what the reader saw besides the name: the section above it. */
export interface RowContext {
  /** Section heading text and its numeral, and the heading's cell. */
  section?: { text: string; numeral: string; cell: string };
}

export interface LevelColumn {
  /** 0-based sheet column. */
  col: number;
  header: string;
  scheme: LevelScheme;
  /** The cell text of each unit row, by sheet row. */
  text: (sheetRow: number) => string;
  cell: (sheetRow: number) => string;
}

export interface LevelInput {
  units: UnitRow[];
  columns: LevelColumn[];
  contexts: Map<number, RowContext>;
  nameCell: (sheetRow: number) => string;
  /** The name column's header ("Tỉnh/Thành phố" makes every unit a province unless told otherwise). */
  nameHeader: string;
  overrides?: LevelOverrides;
}

interface Evidence {
  source: Source;
  reading: LevelReading;
  /** How it reads to a clerk: `LOAI_COQUAN "2"`, `tên "UBND xã A"`. */
  what: string;
  cell?: string;
}

const SCHEME_WORDS: Record<LevelScheme, string> = { "unit-type": "loại cơ quan", tier: "cấp đơn vị", label: "cấp" };

/**
 * Set each non-aggregate unit's level from its evidence; returns the problems (disagreements,
 * gathered by the pair of sources so a long table gives a few lines, each naming its cells)
 * and what the pane shows of them (units without a level, units whose level is a guess).
 */
export function assignLevels(input: LevelInput): { problems: Problem[]; findings: LevelFindings } {
  const { units } = input;
  const headerReading = readTableHeader(input.nameHeader);
  const evidence = new Map<UnitRow, Evidence[]>();
  for (const unit of units) {
    if (unit.aggregate) continue;
    evidence.set(unit, gather(unit, input, headerReading));
  }
  // A list of provinces: "UBND thành phố X" there is a city directly under the centre.
  let provinces = 0;
  let others = 0;
  for (const list of evidence.values()) {
    const decided = list.find((e) => e.reading.levels.length === 1);
    if (decided?.reading.preferred === "province") provinces++;
    else if (decided) others++;
  }
  const provinceList = provinces >= 2 && provinces > others;

  const disagreements = new Map<string, { message: string; cells: string[] }>();
  const findings: LevelFindings = { missing: [], unsure: [], userSet: 0 };
  const guesses: UnitRow[] = [];
  const certain = new Set<Level>();
  for (const [unit, list] of evidence) {
    const { level, conflict, guessed } = decide(list, provinceList);
    unit.level = level;
    const userSet = list[0]?.source === "user";
    if (userSet) findings.userSet++;
    if (level === null) findings.missing.push(unit.name);
    // The user's own level is no guess, even where the table's evidence disagrees (that is said apart).
    else if ((guessed || conflict) && !userSet) guesses.push(unit);
    else certain.add(level);
    if (conflict) {
      const [strong, weak] = conflict;
      const key = `${strong.source}:${strong.reading.preferred}|${weak.source}:${weak.reading.preferred}`;
      let entry = disagreements.get(key);
      if (!entry) {
        entry = {
          message: `${describe(strong)} nhưng ${describe(weak)}; đã theo ${strong.source === "user" ? "cấp do người dùng đặt" : sourceWord(strong)}`,
          cells: [],
        };
        disagreements.set(key, entry);
      }
      entry.cells.push([strong.cell, weak.cell].filter(Boolean).join(" và "));
    }
  }
  // A guess that agrees with a level other units have for sure ("Thành phố X" among "huyện Y") is not one.
  for (const unit of guesses) if (!certain.has(unit.level!)) findings.unsure.push(unit.name);
  const problems: Problem[] = [...disagreements.values()].map(({ message, cells }) => ({
    cell: cells[0]?.split(" và ")[0],
    // When the user's level is the one followed, asking them to set one would be nonsense.
    message: `Cấp đơn vị không khớp ở ${cells.length} dòng: ${message} (${listCells(cells)})${message.endsWith("cấp do người dùng đặt") ? "" : "; nếu cần, hãy tự đặt cấp (phần bổ trợ: mục “Cấp đơn vị và xếp hạng”; dòng lệnh: --level)"}`,
    severity: "warning",
    code: "level-disagreement",
    field: "level",
  }));
  return { problems, findings: { ...findings, ...unmatchedKeys(input) } };
}

/** The user's row, unit and section keys that match no unit row, with the table's sections to suggest from. */
function unmatchedKeys(input: LevelInput): Pick<LevelFindings, "unmatched" | "sections"> {
  const o = input.overrides;
  if (!o) return {};
  const keys = new Set([...Object.keys(o.rows ?? {}), ...Object.keys(o.sections ?? {})]);
  const sections = new Map<string, string>();
  for (const unit of input.units) {
    for (const k of keys) if (k === String(unit.row + 1) || plainFolded(k) === plainFolded(unit.name)) keys.delete(k);
    const section = input.contexts.get(unit.row)?.section;
    if (section) sections.set(section.text, section.numeral);
  }
  for (const [text, numeral] of sections) {
    for (const k of keys) if (plainFolded(k) === plainFolded(numeral) || plainFolded(k) === plainFolded(text)) keys.delete(k);
  }
  if (keys.size === 0) return {};
  return { unmatched: [...keys], sections: [...sections].flatMap(([text, numeral]) => (numeral ? [numeral, text] : [text])) };
}

function gather(unit: UnitRow, input: LevelInput, headerReading: LevelReading | null): Evidence[] {
  const list: Evidence[] = [];
  const user = userLevel(unit, input.contexts.get(unit.row), input.overrides);
  if (user) list.push({ source: "user", reading: ONLY(user), what: `cấp do người dùng đặt (${LEVEL_LABELS[user]})` });
  for (const c of input.columns) {
    const text = c.text(unit.row);
    const reading = readLevelValue(text, c.scheme);
    if (reading) list.push({ source: "column", reading, what: `cột ${c.header} ghi "${text}"`, cell: c.cell(unit.row) });
  }
  const byName = readUnitName(unit.name);
  if (byName) list.push({ source: "name", reading: byName, what: `tên "${unit.name}"`, cell: input.nameCell(unit.row) });
  const section = input.contexts.get(unit.row)?.section;
  const bySection = section ? readSection(section.text) : null;
  if (section && bySection) list.push({ source: "section", reading: bySection, what: `mục "${section.text}"`, cell: section.cell });
  if (headerReading) list.push({ source: "header", reading: headerReading, what: `cột tên "${input.nameHeader}"` });
  return list;
}

function readTableHeader(header: string): LevelReading | null {
  const s = plainFolded(header);
  return /^(ten )?tinh( thanh pho)?$|^(ten )?tinh thanh$|^dia phuong cap tinh$/.test(s) ? ONLY("province") : null;
}

function userLevel(unit: UnitRow, context: RowContext | undefined, overrides: LevelOverrides | undefined): Level | null {
  if (!overrides) return null;
  const rows = overrides.rows ?? {};
  const byRow = rows[String(unit.row + 1)];
  if (byRow) return byRow;
  const key = plainFolded(unit.name);
  for (const [k, v] of Object.entries(rows)) if (!/^\d+$/.test(k) && plainFolded(k) === key) return v;
  const section = context?.section;
  if (section && overrides.sections) {
    for (const [k, v] of Object.entries(overrides.sections)) {
      const f = plainFolded(k);
      if (f === plainFolded(section.numeral) || f === plainFolded(section.text)) return v;
    }
  }
  return overrides.table ?? null;
}

/** The level the evidence supports, strongest first; the first contradiction is reported. */
function decide(list: Evidence[], provinceList: boolean): { level: Level | null; conflict: [Evidence, Evidence] | null; guessed: boolean } {
  if (list.length === 0) return { level: null, conflict: null, guessed: false };
  let allowed: readonly Level[] = list[0].reading.levels;
  let conflict: [Evidence, Evidence] | null = null;
  let deciding = list[0];
  for (const e of list.slice(1)) {
    const both = allowed.filter((l) => e.reading.levels.includes(l));
    if (both.length === 0) {
      // The section and the table's header only fill in; they never contradict a unit's own evidence.
      if (!conflict && e.source !== "header" && !(e.source === "section" && deciding.source === "name")) conflict = [deciding, e];
      continue;
    }
    if (both.length < allowed.length) deciding = e;
    allowed = both;
  }
  if (allowed.length === 1) return { level: allowed[0], conflict, guessed: false };
  if (provinceList && allowed.includes("province")) return { level: "province", conflict, guessed: false };
  // Several levels remain: the most specific piece of evidence's own choice, if still allowed.
  const specific = list.find((e) => allowed.includes(e.reading.preferred) && e.reading.levels.length <= allowed.length) ?? list[0];
  return { level: allowed.includes(specific.reading.preferred) ? specific.reading.preferred : allowed[0], conflict, guessed: true };
}

function describe(e: Evidence): string {
  const levels = e.reading.levels.map((l) => LEVEL_LABELS[l]).join(" hoặc ");
  return `${e.what} là ${levels}`;
}

function sourceWord(e: Evidence): string {
  switch (e.source) {
    case "column":
      return e.what.replace(/ ghi .*$/, "");
    case "name":
      return "tên đơn vị";
    case "section":
      return "mục";
    default:
      return SCHEME_WORDS.label;
  }
}

function listCells(cells: string[]): string {
  const shown = cells.slice(0, 5).join("; ");
  return cells.length > 5 ? `${shown}; … và ${cells.length - 5} dòng khác` : shown;
}
