/**
 * Sheets a scoring run adds (appendix, notes, score cards): recorded with a fingerprint of their
 * cells, so that undo removes them, but not one the user has edited since without a yes.
 */
import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import type { AddedSheet } from "../../model/plan";
import { sheetFingerprintText } from "../../plan/sheet-fingerprint";
import { gridFromWorksheet } from "./index";

/** SHA-256 (hex) of the sheet's fingerprint text, the pane's too (plan/sheet-fingerprint.ts). */
export function sheetFingerprint(ws: ExcelJS.Worksheet): string {
  return createHash("sha256").update(sheetFingerprintText(gridFromWorksheet(ws))).digest("hex");
}

/** The named sheets of the workbook (those that exist), each with its fingerprint. */
export function addedSheets(wb: ExcelJS.Workbook, names: (string | null | undefined)[]): AddedSheet[] {
  const out: AddedSheet[] = [];
  for (const name of names) {
    const ws = name ? wb.getWorksheet(name) : undefined;
    if (ws && !out.some((s) => s.name === ws.name)) out.push({ name: ws.name, cells: sheetFingerprint(ws) });
  }
  return out;
}

/** The recorded sheets still in the workbook: those as the run left them, and those edited since. */
export function sheetsToRemove(wb: ExcelJS.Workbook, recorded: AddedSheet[]): { same: ExcelJS.Worksheet[]; edited: ExcelJS.Worksheet[] } {
  const same: ExcelJS.Worksheet[] = [];
  const edited: ExcelJS.Worksheet[] = [];
  for (const s of recorded) {
    const ws = wb.getWorksheet(s.name);
    if (ws) (sheetFingerprint(ws) === s.cells ? same : edited).push(ws);
  }
  return { same, edited };
}
