/**
 * Sheets the pane adds ("Lập phụ lục", "Lập phiếu điểm") belong to the last write, as the CLI's
 * do: recorded in its state with a SHA-256 of their cells, so "Hoàn tác" removes them too, but
 * never one the user has edited since (then it is the user's and stays, and the pane says so).
 */
import type { WorkbookAdapter } from "../adapters/office/adapter";
import type { AddedSheet, WorkbookState, WritePlan } from "../model/plan";

/** As many as the state's schema keeps (MAX_ADDED_SHEETS): the newest win. */
const KEPT_SHEETS = 10;

/** 'trang "Phụ lục xếp loại"' or 'các trang "A", "B"', as the pane's report messages and the CLI name sheets. */
export function sheetNames(names: string[]): string {
  return `${names.length > 1 ? "các trang" : "trang"} ${names.map((n) => `"${n}"`).join(", ")}`;
}

/** SHA-256 (hex) of a sheet's values as the pane reads them; null when the sheet is gone or empty. */
async function sheetFingerprint(adapter: WorkbookAdapter, name: string): Promise<string | null> {
  let grid;
  try {
    grid = (await adapter.read({ sheet: name })).grid;
  } catch {
    return null;
  }
  const text = JSON.stringify({ origin: grid.origin, values: grid.values });
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A plan that writes no cell: applying it stores the state alone. */
function stateOnly(sheet: string): WritePlan {
  return { sheet, columns: [], blocks: [], underline: { set: [], clear: [] }, previous: [], conflicts: [] };
}

/**
 * Records sheets just added from the table on `scoredSheet` with its last write; returns what
 * "Hoàn tác" will do about them, in a sentence for the pane's message.
 */
export async function recordAddedSheets(adapter: WorkbookAdapter, scoredSheet: string, names: string[]): Promise<string> {
  const snap = await adapter.read({ sheet: scoredSheet });
  const last = snap.state?.lastRun;
  // SHA-256 needs a secure page (Excel's panes are https); without it the sheet is not recorded.
  if (!snap.state || snap.stateIssue || !last || last.sheet !== scoredSheet || !globalThis.crypto?.subtle) {
    const why = last?.sheet === scoredSheet ? "" : ` vì chưa ghi kết quả vào trang ${scoredSheet}`;
    return `“Hoàn tác” không xóa ${sheetNames(names)}${why}; nếu không cần, hãy tự xóa.`;
  }
  const added: AddedSheet[] = [];
  for (const name of names) {
    const cells = await sheetFingerprint(adapter, name);
    if (cells) added.push({ name, cells });
  }
  const sheets = [...(last.sheets ?? []).filter((s) => !names.includes(s.name)), ...added].slice(-KEPT_SHEETS);
  const state: WorkbookState = { ...snap.state, lastRun: { ...last, sheets } };
  await adapter.apply(stateOnly(scoredSheet), state);
  return `“Hoàn tác” sẽ xóa ${names.length > 1 ? "các trang này" : "trang này"} cùng kết quả đã ghi (trừ trang bạn đã sửa).`;
}

/**
 * After an undo: removes the sheets its run added that are as the run left them; one edited
 * since is kept. Returns what happened, in a sentence ("" when the run added none).
 */
export async function removeAddedSheets(adapter: WorkbookAdapter, recorded: AddedSheet[]): Promise<string> {
  const same: string[] = [];
  const edited: string[] = [];
  for (const s of recorded) {
    const now = await sheetFingerprint(adapter, s.name);
    if (now !== null) (now === s.cells ? same : edited).push(s.name);
  }
  const parts: string[] = [];
  if (same.length > 0) {
    if (adapter.removeSheets) {
      await adapter.removeSheets(same);
      parts.push(`Đã xóa ${sheetNames(same)} lập sau lần ghi đó.`);
    } else parts.push(`Excel này không cho phần bổ trợ xóa trang: hãy tự xóa ${sheetNames(same)}.`);
  }
  if (edited.length > 0) parts.push(`Giữ ${sheetNames(edited)} vì đã được sửa sau khi lập; nếu không cần, hãy tự xóa.`);
  return parts.join(" ");
}
