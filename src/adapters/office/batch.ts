/**
 * Turning a write plan into queued Excel commands, grouped into as few requests as Excel allows.
 *
 * Why the number of syncs does not grow with the rows: every command is queued, and one
 * context.sync() sends them all. The only limit is Excel on the web's 5 MB per request, so the
 * commands are packed into requests under REQUEST_BUDGET_BYTES (estimated as the JSON that
 * travels, with headroom). A table whose write fits one request — measured: 10,000 units with
 * Phú Tân's three output columns and full undo data — always costs the same syncs; only a write
 * larger than the budget adds one request per extra ~4 MB, and a single block too big for one
 * request is split by rows.
 */
import type { WriteBlock } from "../../model/plan";
import type { CellValue } from "../../model/grid";

/** 4 MB: under the 5 MB cap with room for the estimate's error and protocol overhead. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Excel truncates getRanges() address strings silently beyond 8,192 characters. */
export const ADDRESS_LIMIT_CHARS = 8192;

const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();

export function estimateBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  return encoder ? encoder.encode(text).length : text.length;
}

/**
 * Lets the pane's thread draw and take clicks between the steps of a large read or write: a
 * new task, not a microtask. The Excel batch stays open across it (no sync is made).
 */
export function yieldToPane(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A unit of work for one request: queue(…) adds its commands, bytes estimates their size. */
export interface QueuedWork<C> {
  bytes: number;
  queue(context: C): void;
}

/** Pack work items, in order, into batches under the budget (an item never spans batches). */
export function packBatches<C>(items: QueuedWork<C>[], budget = REQUEST_BUDGET_BYTES): QueuedWork<C>[][] {
  const batches: QueuedWork<C>[][] = [];
  let current: QueuedWork<C>[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Split a block by rows into pieces whose estimated size stays under the budget. */
export function splitBlock(block: WriteBlock, budget = REQUEST_BUDGET_BYTES): WriteBlock[] {
  const size = estimateBytes(block.values) + estimateBytes(block.numberFormats);
  if (size <= budget || block.values.length <= 1) return [block];
  const rowsPerPiece = Math.max(1, Math.floor((block.values.length * budget) / size / 1.1));
  const pieces: WriteBlock[] = [];
  for (let start = 0; start < block.values.length; start += rowsPerPiece) {
    const values = block.values.slice(start, start + rowsPerPiece);
    pieces.push({
      address: "", // recomputed by the caller from row/col and the piece's shape
      row: block.row + start,
      col: block.col,
      values,
      numberFormats: block.numberFormats.slice(start, start + rowsPerPiece),
    });
  }
  return pieces;
}

/**
 * Join sheet-less addresses with commas into strings under the getRanges() limit, so one
 * RangeAreas call covers hundreds of runs and no address is ever cut off.
 */
export function chunkAddresses(addresses: string[], limit = ADDRESS_LIMIT_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (address.length > limit) throw new Error(`Địa chỉ quá dài: ${address.slice(0, 40)}…`);
    const next = current === "" ? address : `${current},${address}`;
    if (next.length > limit) {
      chunks.push(current);
      current = address;
    } else current = next;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/**
 * Excel's form of a value to write: blanks become "" (null would leave the old value). Excel
 * reads text written to range.values as if typed: "=…", "+…", "-…" or "@…" would become a formula
 * and a leading "'" would vanish. Such text (a unit's name, a label from a received method, a
 * user's text put back) is written after Excel's text prefix "'", so it stays the text it is;
 * only `formula` (a user's formula put back by undo, plan.formulas) is written as a formula.
 */
export function excelValue(value: CellValue, formula = false): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" && !formula && /^[=+\-@']/.test(value)) return `'${value}`;
  return value;
}
