/**
 * The write plan: everything a run will change in the workbook, computed before anything is
 * written. Both adapters (Office.js, exceljs) apply a plan and nothing else.
 */
import type { UserChoices } from "./choices";
import type { FieldId } from "./fields";
import type { CellValue } from "./grid";

/** A rectangle of values written in one operation (a 2-D array), at an A1 range. */
export interface WriteBlock {
  /** Sheet-less A1 range, e.g. "L5:N22". */
  address: string;
  /** 0-based sheet coordinates of the top-left cell. */
  row: number;
  col: number;
  values: CellValue[][];
  /**
   * Number format per cell (null: leave as is); same shape as values. Rows that repeat the row
   * above may share its array: never change a row in place.
   */
  numberFormats: (string | null)[][];
}

/** One output column of the plan (for the UI and the summary). */
export interface OutputColumn {
  field: FieldId;
  col: number;
  letter: string;
  header: string;
  /** True when the column was added right of the table (its header is written too). */
  added: boolean;
  /** Why an added column is new although the table had a column for the field (Vietnamese). */
  why?: string;
  /** The letter of the table's column for the field that the tool did not write into (with `why`). */
  instead?: string;
}

/** A column of published values (a portal rank, a printed rating) checked against the tool's. */
export interface PublishedCheck {
  field: FieldId;
  /** The published column, kept as it is. */
  letter: string;
  header: string;
  /** Units whose published value differs from the recomputed one (0-based sheet rows). */
  differences: { row: number; name: string; existing: CellValue; computed: CellValue }[];
}

/** What a touched cell held before the run: enough to restore it exactly. */
export interface CellSnapshot {
  /** Sheet-less A1 address of one cell. */
  address: string;
  /** The value, or for a formula cell its formula ("=SUM(B5:C5)"): writing it back restores the formula. */
  value: CellValue;
  numberFormat: string | null;
  underline: boolean;
}

/** A target cell holding something the tool did not write. */
export interface Conflict {
  address: string;
  current: CellValue;
  planned: CellValue;
}

export interface WritePlan {
  sheet: string;
  columns: OutputColumn[];
  /** Values and number formats, in blocks of adjacent cells. */
  blocks: WriteBlock[];
  /**
   * Sheet-less addresses whose block value is a user's formula put back from an undo snapshot
   * (checked by isRestorableFormula): written as a formula. The tool computes no formula, so any
   * other text, even one starting with "=", is written as text.
   */
  formulas?: string[];
  /** Underline changes as sheet-less A1 ranges, consecutive rows merged ("D5:D9"). */
  underline: { set: string[]; clear: string[] };
  /** Every cell the plan touches, as it was (for undo). */
  previous: CellSnapshot[];
  /**
   * Every cell the plan touches as the plan read it (a formula as its text; format null when
   * not read), when that differs from `previous` (a rerun keeps the pre-tool snapshots there);
   * also the user's cells it leaves because they already hold the result. The write stops when
   * a cell no longer matches.
   */
  assumed?: CellSnapshot[];
  /** Non-empty: nothing may be written unless the user agrees to overwrite. */
  conflicts: Conflict[];
  /** Published columns kept and compared with the recomputed values (absent: none). */
  checks?: PublishedCheck[];
  /** Columns the run adds, styled like the table's column at their left (absent: none). */
  styles?: ColumnStyles;
  /** Undo of an earlier run's styles: formats cleared, merges undone (absent: none). */
  unstyle?: StyledRanges;
}

/**
 * "Style column N like column M for rows 3..22", as data: each copy takes the formats (font,
 * fill, borders, alignment, wrap) of `source` onto `target`, two sheet-less one-column ranges
 * of the same height ("M3:M22" → "N3:N22") or one source cell for a target cell. The tool's
 * own number formats and underlines are written after the copies; underlines copied onto
 * data rows are cleared first (an underline means a flag there).
 */
export interface ColumnStyles {
  copies: { source: string; target: string }[];
  /** Target ranges whose underlines are cleared after the copy (the data rows). */
  plainUnderline: string[];
  /** Header cells of an added column merged down a multi-row header ("N1:N2"). */
  merges: string[];
}

/** What a run styled, so that undo can clear it: the target ranges and the merges made. */
export interface StyledRanges {
  ranges: string[];
  merges: string[];
}

/**
 * Kept in the workbook (a very hidden sheet) so that undo works after the pane or the CLI
 * is closed, and so a colleague gets the same result with the same profile and mapping.
 */
export interface WorkbookState {
  version: 1;
  /** The profile used last, in full (it may be a user's own). */
  profile: unknown;
  /** The column mapping used last (letters → field ids). */
  mapping: Record<string, FieldId | null>;
  /** Levels and ranking the user set (pane, --level, --xep-hang): a rerun anywhere uses them. */
  choices?: UserChoices;
  /** The file the CLI scored into this workbook (absent when scored in place, or before 0.2.1). */
  source?: SourceIdentity;
  /** The last run, for undo and for recognising the tool's own cells on a rerun. */
  lastRun: {
    sheet: string;
    at: string;
    /** Every cell written, with the value written (a cell still holding it is ours). */
    written: { address: string; value: CellValue; underline: boolean }[];
    previous: CellSnapshot[];
    /** Sheets the run added (its appendix, notes, score cards), each with a SHA-256 of its cells then: undo removes them unless edited since. */
    sheets?: AddedSheet[];
    /** Cells of added columns the run styled like their neighbour (undo clears their formats). */
    styled?: StyledRanges;
  } | null;
}

/** A sheet a run added, and a SHA-256 (64 lower-case hex digits) of its cells as the run left them. */
export interface AddedSheet {
  name: string;
  cells: string;
}

/**
 * Which input a CLI output was made from: the file's name only (no folder: the workbook travels
 * by email) and a SHA-256 of the cells scored, so a rerun knows its own earlier output.
 */
export interface SourceIdentity {
  file: string;
  /** 64 lower-case hex digits. */
  cells: string;
}

/** The chiso766 version (package.json's), stored with the state so a newer one can be named. */
export const CHISO766_VERSION = "0.2.0";

/**
 * The state as read from a workbook: `state` when it is one this version uses, else null and,
 * when the workbook held one it cannot use, `issue` says why (in Vietnamese). A state made by
 * a newer version is never rewritten; a broken one is reported and ignored.
 */
export interface StateRead {
  state: WorkbookState | null;
  issue: { kind: "newer" | "broken"; message: string } | null;
}

/** Name of the very hidden sheet that holds the WorkbookState as JSON. */
export const STATE_SHEET = "chiso766_state";

/** Not plain "Phụ lục": staff often keep the pasted table on a sheet of that name. */
export const DEFAULT_APPENDIX_SHEET = "Phụ lục xếp loại";

/** Whether a sheet name is one the tool gives its appendix ("Phụ lục xếp loại", "Phụ lục xếp loại (2)", …). */
export function isAppendixSheet(name: string): boolean {
  if (name === DEFAULT_APPENDIX_SHEET) return true;
  return name.startsWith(`${DEFAULT_APPENDIX_SHEET} (`) && /^\(\d+\)$/.test(name.slice(DEFAULT_APPENDIX_SHEET.length + 1));
}
