/**
 * What flows between the steps: unit rows (reader → engine), scored units (engine → plan,
 * report, CLI), problems (every step → user).
 */
import type { FieldId, Level } from "./fields";

/**
 * A problem shown to the user, in Vietnamese, naming its cell when it has one:
 * `Sheet1!D7: "16/,6" không phải là số`.
 */
export interface Problem {
  /** "Sheet1!D7" (sheet-qualified A1), or absent for problems without a cell. */
  cell?: string;
  /** Vietnamese message, without the cell prefix. */
  message: string;
  /**
   * error: the value is unusable; warning: used, but the user should look; info: how the tool
   * read something, nothing to fix (a section heading row that is not a unit).
   */
  severity: "error" | "warning" | "info";
  /** Stable machine code ("not-a-number", "above-max", "missing", "total-mismatch", ...). */
  code: string;
  field?: FieldId;
  /**
   * Set when this problem only follows from another cell's (a unit not rated because of a bad
   * cell): the lists show `effect` on that cell's line instead of a second line for one mistake.
   */
  follows?: { cell: string; effect: string };
}

/** One row of the table as the engine receives it. */
export interface UnitRow {
  /** 0-based sheet row, the unit's identity in a run (also used for addresses). */
  row: number;
  /** The name as written (kept for output). */
  name: string;
  /** Normalised name for matching across periods (see reader/normalize). */
  key: string;
  code: string | null;
  level: Level | null;
  /** TOÀN HUYỆN, Toàn tỉnh, Tổng cộng, ...: totals, ratings and changes, never a rank or flag. */
  aggregate: boolean;
  /** Numeric values by field id; null = present in the table but missing (blank, "-", "N/A"). */
  values: Record<FieldId, number | null>;
  /** Text values by field id (rating already printed, level text, ...). */
  texts?: Record<FieldId, string>;
  /** The section heading the unit sits under, as the table writes it ("A. KHỐI CƠ QUAN CHUYÊN MÔN"). */
  section?: string;
  /** Sheet-qualified address of each field's cell ("Sheet1!D7"), so later problems can name it. */
  cells?: Record<FieldId, string>;
  /**
   * Cells the reader could not use (not a number, an Excel error), by field: why, in Vietnamese
   * (`"16/,6" không phải là số`). Their value is null, but unlike a blank they are not missing:
   * the unit is neither rated nor ranked.
   */
  invalid?: Record<FieldId, string>;
  /**
   * Cells holding a mark that means "no data" ("N/A", "-", "KPS"), as written: missing like a
   * blank (never 0), and said with the mark so the user sees which cell was read that way.
   */
  marks?: Record<FieldId, string>;
}

export interface IndicatorResult {
  /** Percent 0–100, rounded as the profile says; null when missing. */
  ratio: number | null;
  /** Rounded points; null when missing or not scored. */
  points: number | null;
}

/** A value below (or above) its profile threshold: the appendix underlines these. */
export interface Flag {
  field: FieldId;
  value: number;
  threshold: number;
  op: "below" | "above";
  /** The fields whose cells are underlined for this flag (e.g. total and rating). */
  underline: FieldId[];
}

export interface ScoredUnit {
  row: number;
  name: string;
  key: string;
  code: string | null;
  level: Level | null;
  aggregate: boolean;
  indicators: Record<string, IndicatorResult>;
  groups: Record<string, number | null>;
  total: number | null;
  /** Total on the profile's scale (Điện Biên: out of 10); null when the profile has none. */
  converted: number | null;
  /** The rating label as the profile writes it ("Tốt", "TỐT", "TB"); null when not rated. */
  rating: string | null;
  /** The band key ("xuat-sac", "tot", "kha", "trung-binh", "yeu"), stable across label styles. */
  ratingKey: string | null;
  rank: number | null;
  previous: number | null;
  change: number | null;
  flags: Flag[];
  problems: Problem[];
  /**
   * Set when an input cell of the unit is unusable (not a number, out of range): the unit has
   * no rating and no rank, since a rating computed as if the cell were blank would be a guess.
   */
  notRated?: InputError;
}

/** The first unusable input cell of a unit, and how many more it has. */
export interface InputError {
  /** "'Phụ lục 1'!D6", or null when the cell is not known. */
  cell: string | null;
  /** Why, in Vietnamese: `"16/,6" không phải là số`. */
  why: string;
  others: number;
}

/** "ô 'Phụ lục 1'!D6 có lỗi: "16/,6" không phải là số (và 1 ô lỗi khác)". */
export function inputErrorText(e: InputError): string {
  return `${e.cell ? `ô ${e.cell} ` : ""}có lỗi: ${e.why}${e.others > 0 ? ` (và ${e.others} ô lỗi khác)` : ""}`;
}

export interface ScoreResult {
  profileId: string;
  units: ScoredUnit[];
  /** Problems not tied to one unit. */
  problems: Problem[];
}
