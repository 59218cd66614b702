/**
 * The workbook's method sheet as the pane uses it: read before scoring (its method, or its
 * mistakes with their cells), and the current method written into it.
 */
import type { MethodSheetAdapter } from "../adapters/office/method-sheet";
import { METHOD_SHEET, type Profile } from "../model/profile";
import type { Grid } from "../model/grid";
import type { Problem } from "../model/units";
import type { MethodSheetReading } from "../profiles/sheet/read";
import { methodToSheet } from "../profiles/sheet/write";

/** Reads a method sheet's grid (in the scoring worker: the sheet reader stays out of the pane's first load). */
export type ReadMethod = (grid: Grid) => Promise<MethodSheetReading>;

export interface SheetMethod {
  /** The sheet's method, or null when there is no sheet or it has mistakes. */
  profile: Profile | null;
  /** Each mistake at its cell ("'Phương pháp chấm điểm'!C12"); empty when none. */
  problems: Problem[];
}

const NONE: SheetMethod = { profile: null, problems: [] };

export async function readSheetMethod(adapter: MethodSheetAdapter | undefined, read: ReadMethod): Promise<SheetMethod> {
  const grid = adapter ? await adapter.readMethodSheet() : null;
  if (!grid) return NONE;
  const reading = await read(grid);
  return reading.profile ? { profile: reading.profile, problems: [] } : { profile: null, problems: reading.problems };
}

/** Whether a sheet is the method sheet (never the table to score). */
export function isMethodSheet(name: string): boolean {
  return name.normalize("NFC").toLowerCase() === METHOD_SHEET.normalize("NFC").toLowerCase();
}

/**
 * Writes `profile` as the method sheet. An existing sheet that already holds exactly this method
 * is left alone; one that holds anything else (the user's edits) is replaced only when `replace`
 * says the user agreed. Returns what happened, for the pane to say.
 */
export async function writeSheetMethod(adapter: MethodSheetAdapter, read: ReadMethod, profile: Profile, replace: boolean): Promise<"written" | "same" | "ask"> {
  const existing = await adapter.readMethodSheet();
  if (existing) {
    const reading = await read(existing);
    if (reading.profile && JSON.stringify(reading.profile) === JSON.stringify(profile)) return "same";
    if (!replace) return "ask";
  }
  await adapter.writeMethodSheet(methodToSheet(profile), { replace: existing !== null });
  return "written";
}
