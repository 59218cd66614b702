/**
 * What reading the method sheet collects besides values: the cell each schema path came from,
 * and the problems, each naming its cell.
 */
import { cellAt, cellRef, formatAt, type Grid } from "../../model/grid";
import { formatProfilePath, profileProblems } from "../../model/profile";
import type { Problem } from "../../model/units";
import { readCell, type CellReading } from "./cells";
import type { CellKind } from "./layout";

/** A sheet coordinate. */
export interface At {
  row: number;
  col: number;
}

/** Collects values and remembers which cell each schema path came from. */
export class Collector {
  readonly cells = new Map<string, At>();
  readonly problems: Problem[] = [];
  private readonly badCells = new Set<string>();
  /** Schema paths whose problem is already said another way (a table missing its column). */
  private readonly said = new Set<string>();

  constructor(
    readonly grid: Grid,
    readonly sheet: string,
  ) {}

  place(path: string, row: number, col: number): void {
    if (!this.cells.has(path)) this.cells.set(path, { row, col });
  }

  problem(row: number, col: number, message: string): void {
    const cell = cellRef(this.sheet, row, col);
    this.badCells.add(cell);
    this.problems.push({ cell, message, severity: "error", code: "method-sheet" });
  }

  /** Read one cell; a failure becomes the cell's problem and the value is left out. */
  read(kind: CellKind, row: number, col: number, path: string): unknown {
    this.place(path, row, col);
    const r: CellReading = readCell(kind, cellAt(this.grid, row, col), formatAt(this.grid, row, col));
    if ("error" in r) {
      this.problem(row, col, r.error);
      return undefined;
    }
    return r.value;
  }

  /** Leave out the schema's problem at this path. */
  alreadySaid(path: string): void {
    this.said.add(path);
  }

  /** The cell a schema path points at: its own, else its nearest parent's. */
  cellOf(path: (string | number)[]): At | undefined {
    for (let n = path.length; n > 0; n--) {
      const at = this.cells.get(formatProfilePath(path.slice(0, n)));
      if (at) return at;
    }
    return undefined;
  }

  /** Schema problems at their cells, leaving out cells that already have one. */
  addSchemaProblems(raw: unknown, fallback: At): void {
    for (const p of profileProblems(raw)) {
      if (this.said.has(p.where)) continue;
      const at = this.cellOf(p.path) ?? fallback;
      const cell = cellRef(this.sheet, at.row, at.col);
      if (this.badCells.has(cell)) continue;
      this.problems.push({ cell, message: p.message, severity: "error", code: "method-sheet" });
    }
  }

  /** The problems top to bottom, left to right, as the user reads the sheet. */
  sortedProblems(): Problem[] {
    const place = (p: Problem) => {
      const m = /!([A-Z]+)(\d+)$/.exec(p.cell ?? "");
      return m ? Number(m[2]) * 1000 + m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    };
    return [...this.problems].sort((a, b) => place(a) - place(b));
  }
}

/** Set a value at a dotted path ("rule.target"), making the objects on the way. */
export function setAt(object: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let o = object;
  for (const part of parts.slice(0, -1)) o = (o[part] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]] = value;
}

