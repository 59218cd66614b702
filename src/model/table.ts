/**
 * What the table reader finds in a grid: where the table is, which column is which, and
 * the unit rows. The write plan and the task pane build on this.
 */
import type { FieldId } from "./fields";
import type { Problem, UnitRow } from "./units";

/** How one column of the table was recognised. */
/** A header match at or above this confidence is taken without comment; below it, with a warning or not at all. */
export const STRONG_MATCH = 0.85;

export interface ColumnMatch {
  /** 0-based sheet column. */
  col: number;
  /** "D". */
  letter: string;
  /** Header text as shown (header rows joined with " › "). */
  header: string;
  /** The field, or null for a column that is not used. */
  field: FieldId | null;
  /** 0–1: 1 for an explicit mapping or an exact alias, lower for fuzzy matches. */
  confidence: number;
  /** Why (Vietnamese): "khớp tên cột", "theo ánh xạ của người dùng", "gần giống 'Tiến độ'". */
  reason: string;
  /** Where the match came from. */
  source: "mapping" | "header" | "none";
  /**
   * For an unused column, why, as a code (the reason says it in Vietnamese): no field matches
   * its header, it has no header, it matches several fields, or its field went to another column.
   */
  unused?: "no-field" | "no-header" | "ambiguous" | "duplicate";
}

export interface TableLayout {
  sheet: string;
  /** 0-based sheet rows of the header block (first and last, inclusive). */
  headerTop: number;
  headerBottom: number;
  /** 0-based sheet rows where data begins and ends (inclusive; includes skipped rows). */
  dataTop: number;
  dataBottom: number;
  /** 0-based sheet columns of the table (inclusive). */
  left: number;
  right: number;
  /** Field → 0-based sheet column, for every mapped column. */
  columns: Record<FieldId, number>;
}

/** A reason the reader picked (or would pick) a profile. */
export interface ProfileCandidate {
  id: string;
  /** 0–1 fit of the headers to the profile's fields. */
  score: number;
  /** Vietnamese explanation ("7/8 chỉ số khớp tên cột; có cột 'Tổng điểm quy đổi'"). */
  reason: string;
}

export interface ReadResult {
  profileId: string;
  /** Why this profile: the ranked candidates when detection chose it, or a single entry. */
  candidates: ProfileCandidate[];
  layout: TableLayout;
  mapping: ColumnMatch[];
  units: UnitRow[];
  problems: Problem[];
  /** How sure the reader is of the units' levels (absent when no unit row was read). */
  levels?: LevelFindings;
}

/** What the table tells of its units' levels, for the pane's level control (names, in table order). */
export interface LevelFindings {
  /** Units (not aggregate rows) whose level nothing in the table tells. */
  missing: string[];
  /** Units whose level is a guess between several, or whose evidence disagrees. */
  unsure: string[];
  /** How many units have the level the user set. */
  userSet: number;
  /** The user's keys (row, unit name, section) that matched no unit row; absent when all did. */
  unmatched?: string[];
  /** With `unmatched`: the table's section headings (numeral and text), for "did you mean". */
  sections?: string[];
}

/**
 * An explicit mapping: column letter or header text → field id (or null to ignore a column),
 * e.g. { "B": "name", "D": "2.1.denominator" }. It wins over detection.
 */
export type ColumnMapping = Record<string, FieldId | null>;
