/**
 * The batching machinery of the Office reads: a read is a list of items (pieces with an
 * estimated response size); runItems packs them into as few syncs as the budget allows and
 * splits them smaller when Excel refuses a response as too large.
 */
import { REQUEST_BUDGET_BYTES } from "./batch";
import type { XlRequestContext } from "./excel-subset";

/** Estimated response bytes per sync: under the 5 MB cap with room for the estimate's error. */
export const READ_BUDGET_BYTES = REQUEST_BUDGET_BYTES;

/** One piece of a read: queue() adds its loads and returns what to do with the answer after the sync. */
export interface ReadItem {
  /** Estimated response bytes. */
  bytes: number;
  queue(): () => ReadItem[] | void;
  /** Smaller pieces covering the same cells, for a retry after an oversized response. */
  split?(): ReadItem[];
}

export function isResponseTooLarge(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/** Items covering `count` rows from 0, each at most `perItem` rows (at least 1). */
export function sliceRows(count: number, perItem: number, make: (top: number, height: number) => ReadItem): ReadItem[] {
  const step = Math.max(1, Math.floor(perItem));
  const items: ReadItem[] = [];
  for (let top = 0; top < count; top += step) items.push(make(top, Math.min(step, count - top)));
  return items;
}

export function splitRows(top: number, height: number, make: (top: number, height: number) => ReadItem): ReadItem[] {
  const half = Math.ceil(height / 2);
  return [make(top, half), make(top + half, height - half)];
}

/**
 * `items` wrapped so that once every one of them (and every part a retry split them into) has
 * been answered, the items `after()` returns join the read. With no items, `after()` right away.
 */
export function followedBy(items: ReadItem[], after: () => ReadItem[]): ReadItem[] {
  if (items.length === 0) return after();
  let pending = items.length;
  const wrap = (item: ReadItem): ReadItem => ({
    bytes: item.bytes,
    queue: () => {
      const done = item.queue();
      return () => {
        const more = done() ?? [];
        return --pending === 0 ? [...more, ...after()] : more;
      };
    },
    split: item.split
      ? () => {
          const parts = item.split!();
          pending += parts.length - 1;
          return parts.map(wrap);
        }
      : undefined,
  });
  return items.map(wrap);
}

/**
 * Run read items in as few syncs as the budget allows. When Excel still refuses a response as
 * too large, the estimates were too low: double them and retry the same items, split smaller.
 * Returns the number of syncs made.
 */
export async function runItems(context: XlRequestContext, items: ReadItem[], progress: (done: number, total: number, syncs: number) => void): Promise<number> {
  const pending = [...items];
  let total = items.reduce((n, i) => n + i.bytes, 0);
  let done = 0;
  let syncs = 0;
  let inflation = 1;
  while (pending.length > 0) {
    while (pending[0].bytes * inflation > READ_BUDGET_BYTES && pending[0].split) pending.splice(0, 1, ...pending[0].split());
    const batch: ReadItem[] = [];
    let size = 0;
    while (pending.length > 0 && (batch.length === 0 || size + pending[0].bytes * inflation <= READ_BUDGET_BYTES)) {
      const item = pending.shift()!;
      batch.push(item);
      size += item.bytes * inflation;
    }
    const collect = batch.map((item) => item.queue());
    try {
      // One sync per ~4 MB of response, never per row (see the module comment of read.ts).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (!isResponseTooLarge(e) || inflation >= 1024) throw e;
      inflation *= 2;
      pending.unshift(...batch);
      continue;
    }
    for (let i = 0; i < batch.length; i++) {
      done += batch[i].bytes;
      const more = collect[i]();
      if (more && more.length > 0) {
        pending.push(...more);
        total += more.reduce((n, m) => n + m.bytes, 0);
      }
    }
    progress(done, total, syncs);
  }
  return syncs;
}
