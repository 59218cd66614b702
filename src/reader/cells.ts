/** The address of each field's cell in a unit's row ("'Phụ lục 1'!D7"), as problems name them. */
import type { FieldId } from "../model/fields";
import { columnLetters, quoteSheet } from "../model/grid";

/** For one table: `fields` in record order with their 0-based sheet columns → each row's addresses. */
export function cellAddresses(sheet: string, fields: readonly (readonly [FieldId, number])[]): (row: number) => Record<FieldId, string> {
  const prefix = `${quoteSheet(sheet)}!`;
  const columns = fields.map(([field, col]) => [field, `${prefix}${columnLetters(col)}`] as const);
  return (row) => {
    const rowText = String(row + 1);
    const cells: Record<FieldId, string> = {};
    for (const [field, column] of columns) cells[field] = column + rowText;
    return cells;
  };
}
