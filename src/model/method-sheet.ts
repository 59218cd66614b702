/**
 * The method sheet as it crosses to an adapter: the cells (a Grid, named METHOD_SHEET) and what
 * makes them readable and printable. Built by src/profiles/sheet; written by the adapters.
 */
import type { Grid } from "./grid";

export interface MethodSheetLook {
  /** The sheet's title row and the section title rows (bold). */
  titleRows: number[];
  /** Rows of running text (a note, the notes section): they flow across columns, unwrapped. */
  textRows: number[];
  /** Header rows of the tables (bold). */
  headerRows: number[];
  /** Each table's area, header included, in sheet coordinates (bordered). */
  tables: { top: number; bottom: number; right: number }[];
  /** Column widths in Excel character units. */
  columnWidths: number[];
}

export interface MethodSheet extends Grid {
  look: MethodSheetLook;
}
