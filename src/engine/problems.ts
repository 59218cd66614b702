/**
 * A unit's problems: which cell a problem names, and the list it is collected in while the
 * unit is scored.
 */
import type { Problem, UnitRow } from "../model/units";
import { EPSILON } from "./indicator";
import type { UnitIndicators } from "./unit-indicators";

/** The field's cell, or the whole row ("Sheet1!7:7") when the field has none and the sheet is known. */
export function cellOfField(row: UnitRow, rowOnly: string | undefined, field: string): string | undefined {
  return row.cells?.[field] ?? (rowOnly !== undefined ? `${rowOnly}!${row.row + 1}:${row.row + 1}` : undefined);
}

/**
 * The unit being scored and its problems so far; one per call, reset for each unit, so that
 * reporting a problem needs no closure per unit.
 */
export interface UnitContext {
  row: UnitRow;
  /** Quoted sheet name when known: problems without a field cell name the row. */
  rowOnly: string | undefined;
  problems: Problem[] | null;
}

export function report(ctx: UnitContext, field: string | undefined, code: string, severity: Problem["severity"], message: string): void {
  const problem: Problem = { cell: field ? cellOfField(ctx.row, ctx.rowOnly, field) : undefined, field, code, severity, message };
  if (ctx.problems === null) ctx.problems = [problem];
  else ctx.problems.push(problem);
}

/** The unit's indicators' problems, first in its list, in profile order. */
export function reportIndicatorProblems(ctx: UnitContext, indicators: UnitIndicators): void {
  const own = indicators.problems;
  for (let i = 0; i < own.length; i++) {
    const list = own[i];
    if (list === null) continue;
    if (ctx.problems === null) ctx.problems = [];
    for (const p of list) ctx.problems.push(p);
  }
}

/** Whether a printed value differs from the computed one by more than the tolerance (a mismatch warning). */
export function differs(printed: number, computed: number, tolerance: number): boolean {
  return Math.abs(printed - computed) > tolerance + EPSILON;
}
