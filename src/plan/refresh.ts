/**
 * The write-time check: what is written is computed from the sheet as it is when it is written.
 * The Office adapter's first write request reads every cell the plan touches (value, formula,
 * number format; targetAreas) and checkTargets() compares them with the plan's snapshots. A cell
 * that no longer holds what the plan assumed (typed after the read, say) stops the write before
 * anything is written; a formula the plan did not know of is reported too, so the pane can ask
 * before replacing it. The check also completes the snapshots whose format the read did not
 * bring (Grid.partialFormats), so undo restores every format the run changes.
 */
import { parseA1, type CellRange, type CellValue } from "../model/grid";
import type { CellSnapshot, WorkbookState, WritePlan } from "../model/plan";
import { identicalValue } from "./cells";

/** Per column, one area spanning the rows of every cell the plan touches or assumes (`assumed`). */
export function targetAreas(plan: WritePlan): CellRange[] {
  const span = new Map<number, CellRange>();
  for (const s of plan.assumed ?? plan.previous) {
    const p = parseA1(s.address);
    if (!p) continue;
    const area = span.get(p.col);
    if (!area) span.set(p.col, { top: p.row, bottom: p.row, left: p.col, right: p.col });
    else {
      area.top = Math.min(area.top, p.row);
      area.bottom = Math.max(area.bottom, p.row);
    }
  }
  return [...span.values()].sort((a, b) => a.left - b.left);
}

/** What the adapter read of one area (one column), top to bottom. */
export interface AreaCells {
  values: CellValue[];
  formats: (string | null)[];
  /** Range.formulas: the formula of a formula cell, the value of any other (absent: not read). */
  formulas?: unknown[];
  /** Whether each cell is underlined (absent: not read). */
  underlines?: boolean[];
}

/** A target cell that is not as the plan assumed. */
export interface CellChange {
  address: string;
  /** What the plan assumed (a formula as its text). */
  was: CellValue;
  /** What the cell holds now. */
  now: CellValue;
  /** "format" when only the number format differs, "underline" when only the underline does. */
  what: "value" | "format" | "underline";
}

export interface TargetCheck {
  plan: WritePlan;
  state: WorkbookState;
  /** Cells changed since the read: the write must not go ahead. */
  changed: CellChange[];
  /** Every target cell holding a formula (address → formula), known to the plan or not. */
  formulas: Record<string, string>;
  /** Target cells whose formula the plan did not know of: the write must not go ahead either. */
  unknownFormulas: string[];
}

const isFormula = (f: unknown): f is string => typeof f === "string" && f.startsWith("=");

/**
 * The plan and the state with every unknown snapshot format filled from what was read for
 * `areas` (`cells` in the order targetAreas gave them), and the cells that differ from the
 * plan's snapshots. The state's snapshots are completed only for the plan's sheet.
 */
export function checkTargets(plan: WritePlan, state: WorkbookState, areas: CellRange[], cells: AreaCells[]): TargetCheck {
  const byColumn = new Map(areas.map((a, k) => [a.left, { area: a, read: cells[k] }]));
  const changed: CellChange[] = [];
  const formulas: Record<string, string> = {};
  const unknownFormulas: string[] = [];
  const at = (s: CellSnapshot) => {
    const p = parseA1(s.address);
    const column = p ? byColumn.get(p.col) : undefined;
    if (!p || !column || p.row < column.area.top || p.row > column.area.bottom) return null;
    return { read: column.read, i: p.row - column.area.top };
  };
  const check = (s: CellSnapshot): void => {
    const cell = at(s);
    if (!cell) return;
    const { read, i } = cell;
    const value = read.values[i] ?? null;
    const formula = read.formulas?.[i];
    const format = read.formats[i] ?? "General";
    if (isFormula(formula)) {
      formulas[s.address] = formula;
      if (s.value !== formula) {
        unknownFormulas.push(s.address);
        // Same value shown: the plan only missed that it is a formula; otherwise it changed.
        if (!identicalValue(value, s.value)) changed.push({ address: s.address, was: s.value, now: formula, what: "value" });
      }
    } else if (!identicalValue(value, s.value)) {
      changed.push({ address: s.address, was: s.value, now: value, what: "value" });
    } else if (s.numberFormat !== null && read.formats[i] !== null && read.formats[i] !== undefined && format !== s.numberFormat) {
      changed.push({ address: s.address, was: s.value, now: value, what: "format" });
    } else if (read.underlines && read.underlines[i] !== s.underline) {
      changed.push({ address: s.address, was: s.value, now: value, what: "underline" });
    }
  };
  const fill = (s: CellSnapshot): CellSnapshot => {
    if (s.numberFormat !== null) return s;
    const cell = at(s);
    return cell ? { ...s, numberFormat: cell.read.formats[cell.i] ?? "General" } : s;
  };
  // Compared with what the plan read (`assumed`); an undo plan's snapshots are what it read.
  (plan.assumed ?? plan.previous).forEach(check);
  const last = state.lastRun;
  return {
    plan: { ...plan, previous: plan.previous.map(fill) },
    state: last && last.sheet === plan.sheet ? { ...state, lastRun: { ...last, previous: last.previous.map(fill) } } : state,
    changed,
    formulas,
    unknownFormulas,
  };
}
