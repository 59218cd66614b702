/**
 * Which columns of a table tell a unit's level, and how each is read: the column mapped to
 * "level" and every other column whose header names a level code (an old-API export has both
 * LOAI_COQUAN and CAPDONVIID; each is read by its own meaning, neither is dropped).
 */
import { cellRef, columnLetters } from "../model/grid";
import type { ColumnMatch } from "../model/table";
import type { Problem } from "../model/units";
import type { HeaderBlock, Sheet } from "./layout";
import { levelScheme, type LevelColumn } from "./levels";

const SCHEME_REASONS = {
  "unit-type": "đọc làm cấp đơn vị: 1 UBND tỉnh/thành phố, 2 sở, ban, ngành, 3 UBND xã, phường, đặc khu",
  tier: "đọc làm cấp đơn vị: 1 cấp tỉnh (UBND tỉnh và các sở, ban, ngành), 2 cấp xã",
  label: "đọc làm cấp đơn vị",
} as const;

/**
 * The level columns of the table, in sheet order. A column the header matching gave to another
 * field is not one; the column mapped to "level" is one even when its header names no code.
 */
export function findLevelColumns(sheet: Sheet, block: HeaderBlock, matches: ColumnMatch[]): LevelColumn[] {
  const out: LevelColumn[] = [];
  const sheetName = sheet.grid.sheet;
  for (const m of matches) {
    if (m.field !== null && m.field !== "level") continue;
    const local = m.col - sheet.grid.origin.col;
    const path = block.paths.get(local);
    const leaf = path ? path.texts[path.texts.length - 1] : "";
    const scheme = levelScheme(leaf) ?? (m.field === "level" ? "label" : null);
    if (scheme === null) continue;
    out.push({
      col: m.col,
      header: leaf || m.letter,
      scheme,
      text: (sheetRow) => sheet.text(sheetRow - sheet.grid.origin.row, local),
      cell: (sheetRow) => cellRef(sheetName, sheetRow, m.col),
    });
  }
  return out;
}

/**
 * A second level column is used, not a duplicate: its match says how it is read and the
 * "cũng khớp … không được dùng" warning about it is dropped.
 */
export function markLevelColumns(columns: LevelColumn[], matches: ColumnMatch[], problems: Problem[]): void {
  const byCol = new Map(columns.map((c) => [c.col, c]));
  for (const m of matches) {
    const c = byCol.get(m.col);
    if (!c) continue;
    m.reason = SCHEME_REASONS[c.scheme];
  }
  for (let i = problems.length - 1; i >= 0; i--) {
    const p = problems[i];
    if (p.code !== "duplicate-column" || p.field !== "level") continue;
    const letters = /!\$?([A-Z]+)\$?\d+$/.exec(p.cell ?? "")?.[1];
    if (columns.some((c) => columnLetters(c.col) === letters)) problems.splice(i, 1);
  }
}

/** The name column's header and the address of each unit's name cell. */
export function nameEvidence(sheet: Sheet, block: HeaderBlock, nameCol: number): { nameHeader: string; nameCell: (sheetRow: number) => string } {
  const path = block.paths.get(nameCol - sheet.grid.origin.col);
  return {
    nameHeader: path ? path.texts[path.texts.length - 1] : "",
    nameCell: (sheetRow) => cellRef(sheet.grid.sheet, sheetRow, nameCol),
  };
}
