/**
 * UnitRow.cells on demand. A 10,000-row table has 450,000 field cells, and only the few that
 * end up in a problem are ever named; building every "Sheet1!D7" up front was a third of the
 * reader's time and most of its garbage. Each unit gets an enumerable `cells` accessor (one
 * getter shared by the whole table) that builds the plain record on first read and then
 * replaces itself with it, so reading, spreading, JSON and assignment behave as before.
 */
import type { FieldId } from "../model/fields";
import { columnLetters, quoteSheet } from "../model/grid";
import type { UnitRow } from "../model/units";

/** Define `unit.cells` lazily for units of one table: `fields` in record order with their 0-based sheet columns. */
export function lazyCellAddresses(sheet: string, fields: readonly (readonly [FieldId, number])[]): (unit: UnitRow) => void {
  const prefix = `${quoteSheet(sheet)}!`;
  const columns = fields.map(([field, col]) => [field, `${prefix}${columnLetters(col)}`] as const);
  const settle = (unit: UnitRow, value: Record<FieldId, string> | undefined) =>
    Object.defineProperty(unit, "cells", { value, writable: true, enumerable: true, configurable: true });
  const descriptor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: UnitRow) {
      const rowText = String(this.row + 1);
      const cells: Record<FieldId, string> = {};
      for (const [field, column] of columns) cells[field] = column + rowText;
      settle(this, cells);
      return cells;
    },
    set(this: UnitRow, value: Record<FieldId, string> | undefined) {
      settle(this, value);
    },
  };
  return (unit) => {
    Object.defineProperty(unit, "cells", descriptor);
  };
}
