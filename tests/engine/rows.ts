/** Builds UnitRows the way the table reader hands them over, with a cell address per field. */
import type { Level } from "../../src/model/fields";
import { columnLetters } from "../../src/model/grid";
import type { UnitRow } from "../../src/model/units";

export function unitRow(
  row: number,
  name: string,
  values: Record<string, number | null>,
  extra: { level?: Level | null; aggregate?: boolean; texts?: Record<string, string>; sheet?: string } = {},
): UnitRow {
  const sheet = extra.sheet ?? "Sheet1";
  const fields = [...Object.keys(values), ...Object.keys(extra.texts ?? {})];
  const cells = Object.fromEntries(fields.map((f, i) => [f, `${sheet}!${columnLetters(i + 2)}${row + 1}`]));
  return {
    row,
    name,
    key: name.normalize("NFC").toLowerCase(),
    code: null,
    level: extra.level ?? null,
    aggregate: extra.aggregate ?? false,
    values,
    texts: extra.texts,
    cells,
  };
}
