/**
 * Adapter-neutral description of the report outputs: the appendix sheet ("Phụ lục") as a
 * grid of values plus styled ranges, the narrative as structured paragraphs, the comparison
 * with the last period, and charts as data. The exceljs and Office.js adapters apply these.
 */
import type { FieldId } from "../model/fields";
import type { CellRange, CellValue } from "../model/grid";
import type { ScoredUnit } from "../model/units";

/** Formatting applied to every cell of a range (0-based, relative to the sheet's A1). */
export interface AppendixStyle {
  range: CellRange;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on every edge of every cell in the range. */
  border?: boolean;
  /** Font size in points when it differs from the sheet's font (the title block). */
  size?: number;
}

/** One column of the appendix table. */
export interface AppendixColumn {
  /** "stt", "name", "total", "converted", "rating", "rank", "previous", "change", "previousRank", a group id or "<indicator>.points|ratio". */
  field: FieldId;
  /** 0-based sheet column. */
  col: number;
  /** The bottom header label ("Chỉ số 1 (10 điểm)"). */
  label: string;
  /** Excel number format of the data cells; null for text. */
  numFmt: string | null;
  /** Column width in characters. */
  width: number;
}

/** A header cell spanning columns (and, for leaf columns, rows) of the header block. */
export interface HeaderSpan {
  label: string;
  row: number;
  left: number;
  right: number;
  bottom: number;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** "A4" (Excel paper size 9). */
  paperSize: "A4";
  /** Fit to one page wide, as many pages tall as needed; 0 and 0 print at 100 % (manual page breaks hold). */
  fitToWidth: number;
  fitToHeight: number;
  /** 0-based sheet rows repeated at the top of every printed page (the header block); null for none. */
  repeatRows: { top: number; bottom: number } | null;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Where a data row came from and what it shows. */
export interface AppendixRow {
  /** 0-based sheet row in the appendix. */
  row: number;
  unit: ScoredUnit;
  /** Position in rank order (1, 2, 3…), null for aggregate rows. */
  stt: number | null;
}

/** One printable sheet as data: what every sheet the report writes shares. */
export interface SheetPlan {
  sheetName: string;
  font: { name: string; size: number };
  /** Values from A1, one array per sheet row (rows may be ragged; missing cells are blank). */
  values: CellValue[][];
  /** Number format per cell, same shape as values; null leaves General. */
  numberFormats: (string | null)[][];
  styles: AppendixStyle[];
  merges: CellRange[];
  /** Width in characters of each column from A. */
  columnWidths: number[];
  /** Explicit heights in points (wrapped title, header and narrative rows). */
  rowHeights: { row: number; height: number }[];
  print: PrintSetup;
  /** 0-based rows frozen at the top when the sheet is shown (0 for none). */
  frozenRows: number;
  lastRow: number;
  lastCol: number;
  /** Manual page breaks: a new printed page starts at each of these 0-based rows. */
  pageBreaks?: number[];
  /** What prints, when not the whole used range (the appendix: its table, not the chart beside it). */
  printArea?: CellRange;
}

/** The rating counts and the narrative: a sheet of their own, so no repeated table header prints over them. */
export interface NotesPlan extends SheetPlan {
  /** The rating summary table (Xếp loại | Số đơn vị), the data of the rating chart. */
  ratingTable: { top: number; bottom: number; left: number; /** Band key of each data row. */ keys: string[] } | null;
  narrativeTop: number | null;
}

export interface AppendixPlan extends SheetPlan {
  columns: AppendixColumn[];
  headers: HeaderSpan[];
  /** 0-based rows of the blocks, inclusive. */
  layout: {
    titleTop: number;
    headerTop: number;
    headerBottom: number;
    dataTop: number;
    dataBottom: number;
    footnoteTop: number;
    lastRow: number;
    lastCol: number;
  };
  rows: AppendixRow[];
  /** The rating counts and the narrative, printed on their own sheet; null when there is neither. */
  notes: NotesPlan | null;
}

/** A unit's result against the last period. */
export interface ComparisonRow {
  current: ScoredUnit;
  previous: ScoredUnit;
  /** How the two were paired: by unit code, by normalised name, or by name without the UBND/xã/phường prefix. */
  matchedBy: "code" | "name" | "short-name";
  /** The name differs between the periods (a rename, or a different spelling). */
  renamed: boolean;
  /** current − previous, 2 decimals; null when either total is missing. */
  totalChange: number | null;
  /** previous rank − current rank: positive = moved up; null when either rank is missing. */
  rankChange: number | null;
}

export interface Comparison {
  matched: ComparisonRow[];
  /** Units of this period with no counterpart in the last one (new, or renamed without a code). */
  onlyCurrent: ScoredUnit[];
  /** Units of the last period with no counterpart in this one. */
  onlyPrevious: ScoredUnit[];
  /** Label of the last period ("Tháng 8/2023") when known. */
  previousPeriod?: string;
  /**
   * Set when the two periods are not comparable, and why: scored under different methods or
   * versions, or no unit in common (a wrong file). Changes are then not printed as if they were.
   */
  notComparable?: string;
}

/** A paragraph of the narrative; bullets are "- " (level 1) and "+ " (level 2) as reports write them. */
export interface NarrativeParagraph {
  kind: "heading" | "text" | "bullet" | "subbullet";
  text: string;
}

export interface Narrative {
  paragraphs: NarrativeParagraph[];
  /** The paragraphs as plain text, one per line, with their bullet marks. */
  text: string;
}

/** Chart data, rendered to SVG for the CLI and through the Excel API in the add-in. */
export interface BarDatum {
  label: string;
  value: number;
  /** Band key ("tot", "kha"…) that picks the colour; null when unrated. */
  ratingKey: string | null;
  ratingLabel: string | null;
}

export interface ChartData {
  title: string;
  /** Axis title for the values ("Tổng điểm", "Số đơn vị"). */
  valueLabel: string;
  max: number | null;
  bars: BarDatum[];
}
