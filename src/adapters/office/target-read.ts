/**
 * The write-time read of the cells a plan is about to change (one area per column), sized by
 * what the plan expects them to hold, so that the check and the write take two syncs whenever
 * the check's answer fits one response.
 *
 * Per cell it asks for `formulas` (a formula cell's formula, any other cell's value: Excel's
 * `values` would say the same again) and the number format; per piece one underline probe.
 * Only where a cell is not what the plan expects (a formula, a value typed since the read) are
 * its piece's values read too, in a further sync: that is a write about to be refused anyway.
 * Pieces whose expected underlines are mixed (the tool's own flag columns on a rerun) probe the
 * expected-underlined and the expected-plain cells as two groups; only a group that is not
 * uniformly as expected reads per-cell underlines, in a further sync.
 */
import { parseA1, rangeA1, type CellRange, type CellValue } from "../../model/grid";
import type { CellSnapshot } from "../../model/plan";
import { identicalValue } from "../../plan/cells";
import { chunkAddresses, estimateBytes } from "./batch";
import type { XlRange, XlRangeAreas, XlRequestContext, XlWorksheet } from "./excel-subset";
import { READ_BUDGET_BYTES, type ReadItem, runItems, sliceRows, splitRows } from "./read-items";
import { isUnderline, toCellValue } from "./read";

const UNDERLINE_PROBE = "format/font/underline";
/** Bytes of one getCellProperties entry ({"format":{"font":{"underline":"SingleAccountant"}}},). */
const UNDERLINE_CELL_BYTES = 56;
/** Per cell, whatever was expected: brackets and commas of two 2-D arrays. */
const MIN_CELL_BYTES = 8;
/** Margin on the estimate: the cells may hold more than the plan expects. */
const ESTIMATE_MARGIN = 1.15;

/** What was read of one area, top to bottom. */
export interface TargetCells {
  values: CellValue[];
  formats: (string | null)[];
  formulas: unknown[];
  underlines: boolean[];
}

type Expected = (CellSnapshot | undefined)[];

/** Per area, the snapshot the plan assumed for each of its rows (undefined: no target there). */
export function expectedCells(snapshots: CellSnapshot[], areas: CellRange[]): Expected[] {
  const byColumn = new Map(areas.map((a, k) => [a.left, k]));
  const expected = areas.map((a) => new Array<CellSnapshot | undefined>(a.bottom - a.top + 1));
  for (const s of snapshots) {
    const p = parseA1(s.address);
    const k = p ? byColumn.get(p.col) : undefined;
    if (!p || k === undefined || p.row < areas[k].top || p.row > areas[k].bottom) continue;
    expected[k][p.row - areas[k].top] = s;
  }
  return expected;
}

/** Estimated response bytes per row of an area: its expected values and formats as they travel. */
function bytesPerRow(expected: Expected): { cell: number; value: number } {
  const n = Math.max(1, expected.length);
  const known = expected.map((s) => s?.numberFormat).filter((f): f is string => typeof f === "string");
  // A format the read did not bring is guessed as the area's longest known one.
  const guess = known.reduce((m, f) => (f.length > m.length ? f : m), "General");
  const values = estimateBytes(expected.map((s) => [s?.value ?? ""])) / n;
  const formats = estimateBytes(expected.map((s) => [s?.numberFormat ?? guess])) / n;
  return { cell: Math.max(MIN_CELL_BYTES, values + formats) * ESTIMATE_MARGIN, value: Math.max(4, values) * ESTIMATE_MARGIN };
}

/**
 * Read formulas, number formats and underlines of `areas` (0-based, one column wide) in as few
 * syncs as the budget allows; whatever the caller queued before goes with the first sync.
 * `expected` (from expectedCells) sizes the requests and says which pieces need more.
 */
export async function readTargets(
  context: XlRequestContext,
  sheet: () => XlWorksheet,
  areas: CellRange[],
  expected: Expected[],
): Promise<{ cells: TargetCells[]; syncs: number }> {
  let worksheet: XlWorksheet | undefined;
  const ws = () => (worksheet ??= sheet());
  const cells = areas.map((a) => {
    const n = a.bottom - a.top + 1;
    return { values: new Array<CellValue>(n).fill(null), formats: new Array<string | null>(n).fill(null), formulas: new Array<unknown>(n).fill(null), underlines: new Array<boolean>(n).fill(false) };
  });
  const range = (k: number, top: number, height: number) => ws().getRangeByIndexes(areas[k].top + top, areas[k].left, height, 1);
  const sizes = expected.map(bytesPerRow);

  const underlinePiece = (k: number, top: number, height: number): ReadItem => ({
    bytes: height * UNDERLINE_CELL_BYTES,
    queue: () => {
      const props = range(k, top, height).getCellProperties({ format: { font: { underline: true } } });
      return () => props.value.forEach((row, i) => (cells[k].underlines[top + i] = isUnderline(row[0]?.format?.font?.underline)));
    },
    split: height > 1 ? () => splitRows(top, height, (t, h) => underlinePiece(k, t, h)) : undefined,
  });
  const valuesPiece = (k: number, top: number, height: number): ReadItem => ({
    bytes: height * sizes[k].value,
    queue: () => {
      const part = range(k, top, height).load("values");
      return () => part.values.forEach((row, i) => (cells[k].values[top + i] = toCellValue(row[0])));
    },
    split: height > 1 ? () => splitRows(top, height, (t, h) => valuesPiece(k, t, h)) : undefined,
  });
  const piece = (k: number, top: number, height: number): ReadItem => ({
    bytes: height * sizes[k].cell,
    queue: () => {
      const part = range(k, top, height).load(["formulas", "numberFormat"]);
      const underlines = probeUnderlines(ws(), areas[k], expected[k], top, height, () => range(k, top, height));
      return () => {
        const more: ReadItem[] = [];
        let unexpected = false;
        part.formulas.forEach((row, i) => {
          const f = row[0];
          cells[k].formulas[top + i] = f;
          const formula = typeof f === "string" && f.startsWith("=");
          if (!formula) cells[k].values[top + i] = toCellValue(f);
          const s = expected[k][top + i];
          if (s && (formula ? f !== s.value : !identicalValue(toCellValue(f), s.value))) unexpected = true;
        });
        part.numberFormat.forEach((row, i) => (cells[k].formats[top + i] = typeof row[0] === "string" ? row[0] : null));
        if (unexpected) more.push(valuesPiece(k, top, height));
        const settled = underlines();
        if (settled === null) more.push(underlinePiece(k, top, height));
        else settled.forEach((u, i) => (cells[k].underlines[top + i] = u));
        return more;
      };
    },
    split: height > 1 ? () => splitRows(top, height, (t, h) => piece(k, t, h)) : undefined,
  });
  const work = areas.flatMap((a, k) => sliceRows(a.bottom - a.top + 1, READ_BUDGET_BYTES / sizes[k].cell, (t, h) => piece(k, t, h)));
  const syncs = work.length === 0 ? 0 : await runItems(context, work, () => undefined);
  return { cells, syncs };
}

/**
 * Queue the underline probes of a piece; after the sync, the callback gives every row's
 * underline when the probes settle it, or null when per-cell underlines must be read.
 */
function probeUnderlines(worksheet: XlWorksheet, area: CellRange, expected: Expected, top: number, height: number, whole: () => XlRange): () => boolean[] | null {
  const runs: Record<"on" | "off", string[]> = { on: [], off: [] };
  let start = -1;
  let kind: "on" | "off" | null = null;
  const close = (end: number) => {
    if (kind !== null) runs[kind].push(rangeA1({ top: area.top + start, bottom: area.top + end, left: area.left, right: area.left }));
  };
  for (let i = top; i < top + height; i++) {
    const s = expected[i];
    const now = s === undefined ? null : s.underline ? "on" : "off";
    if (now === kind) continue;
    close(i - 1);
    kind = now;
    start = i;
  }
  close(top + height - 1);
  const uniform = (style: unknown) => (style === null || style === undefined ? null : isUnderline(style));
  if (runs.on.length === 0 || runs.off.length === 0) {
    // Expected uniform (or no expectation): one probe of the whole piece.
    const probe = whole().load(UNDERLINE_PROBE);
    return () => {
      const style = uniform(probe.format.font.underline);
      return style === null ? null : new Array<boolean>(height).fill(style);
    };
  }
  const probes = (["on", "off"] as const).flatMap((k) => chunkAddresses(runs[k]).map((chunk) => ({ want: k === "on", areas: worksheet.getRanges(chunk).load(UNDERLINE_PROBE) as XlRangeAreas })));
  return () => {
    if (!probes.every((p) => uniform(p.areas.format.font.underline) === p.want)) return null;
    // Rows with no target keep "not underlined": the check looks only at targets.
    return expected.slice(top, top + height).map((s) => s?.underline === true);
  };
}
