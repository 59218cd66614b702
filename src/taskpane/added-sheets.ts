/**
 * Sheets the pane adds ("Lập phụ lục", "Lập phiếu điểm") belong to the last write, as the CLI's
 * do: recorded in its state with a SHA-256 of their cells, so "Hoàn tác" removes them too, but
 * never one the user has edited since (then it is the user's and stays, and the pane says so).
 */
import type { SheetValues, WorkbookAdapter } from "../adapters/office/adapter";
import type { AddedSheet, WorkbookState, WritePlan } from "../model/plan";
import { sheetFingerprintText } from "../plan/sheet-fingerprint";

/** As many as the state's schema keeps (MAX_ADDED_SHEETS): the newest win. */
const KEPT_SHEETS = 10;

/** 'trang "Phụ lục xếp loại"' or 'các trang "A", "B"', as the pane's report messages and the CLI name sheets. */
export function sheetNames(names: string[]): string {
  return `${names.length > 1 ? "các trang" : "trang"} ${names.map((n) => `"${n}"`).join(", ")}`;
}

/** SHA-256 (hex) of the sheet's fingerprint text, the CLI's too (plan/sheet-fingerprint.ts). */
async function fingerprint(sheet: SheetValues): Promise<string> {
  const text = sheetFingerprintText(sheet);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Fingerprints of these sheets, in order; null for one gone or empty. One batch when the
 * adapter reads several sheets at once; otherwise one read per sheet.
 */
async function sheetFingerprints(adapter: WorkbookAdapter, names: string[]): Promise<(string | null)[]> {
  let sheets: (SheetValues | null)[] = [];
  if (adapter.readSheetValues) sheets = await adapter.readSheetValues(names);
  else for (const name of names) sheets.push(await adapter.read({ sheet: name }).then((snap) => snap.grid, () => null));
  return Promise.all(sheets.map((sheet) => (sheet ? fingerprint(sheet) : null)));
}

/** A plan that writes no cell: applying it stores the state alone. */
function stateOnly(sheet: string): WritePlan {
  return { sheet, columns: [], blocks: [], underline: { set: [], clear: [] }, previous: [], conflicts: [] };
}

/** What was done about added sheets, in a sentence; `leftToUser` when the clerk must delete one by hand. */
export interface SheetsOutcome {
  text: string;
  leftToUser: boolean;
}

/**
 * Records sheets just added from the table on `scoredSheet` with its last write; returns what
 * "Hoàn tác" will do about them, in a sentence for the pane's message.
 */
export async function recordAddedSheets(adapter: WorkbookAdapter, scoredSheet: string, names: string[]): Promise<SheetsOutcome> {
  // The stored state alone when the adapter can: the table's cells (a national list) are not needed.
  const snap = adapter.readState ? await adapter.readState(scoredSheet) : await adapter.read({ sheet: scoredSheet });
  const last = snap.state?.lastRun;
  // SHA-256 needs a secure page (Excel's panes are https); without it the sheet is not recorded.
  if (!snap.state || snap.stateIssue || !last || last.sheet !== scoredSheet || !globalThis.crypto?.subtle) {
    const why = last?.sheet === scoredSheet ? "" : ` vì chưa ghi kết quả vào trang ${scoredSheet}`;
    return { text: `“Hoàn tác” không xóa ${sheetNames(names)}${why}; nếu không cần, hãy tự xóa.`, leftToUser: true };
  }
  const prints = await sheetFingerprints(adapter, names);
  const added: AddedSheet[] = names.flatMap((name, i) => (prints[i] ? [{ name, cells: prints[i] }] : []));
  const sheets = [...(last.sheets ?? []).filter((s) => !names.includes(s.name)), ...added].slice(-KEPT_SHEETS);
  const state: WorkbookState = { ...snap.state, lastRun: { ...last, sheets } };
  await adapter.apply(stateOnly(scoredSheet), state);
  return { text: `“Hoàn tác” sẽ xóa ${names.length > 1 ? "các trang này" : "trang này"} cùng kết quả đã ghi (trừ trang bạn đã sửa).`, leftToUser: false };
}

/**
 * After an undo: removes the sheets its run added that are as the run left them; one edited
 * since is kept. Returns what happened, in a sentence ("" when the run added none).
 */
export async function removeAddedSheets(adapter: WorkbookAdapter, recorded: AddedSheet[]): Promise<SheetsOutcome> {
  const same: string[] = [];
  const edited: string[] = [];
  const prints = await sheetFingerprints(adapter, recorded.map((s) => s.name));
  recorded.forEach((s, i) => {
    const now = prints[i];
    if (now !== null) (now === s.cells ? same : edited).push(s.name);
  });
  const parts: string[] = [];
  let leftToUser = edited.length > 0;
  if (same.length > 0) {
    if (adapter.removeSheets) {
      await adapter.removeSheets(same);
      parts.push(`Đã xóa ${sheetNames(same)} lập sau lần ghi đó.`);
    } else {
      parts.push(`Excel này không cho phần bổ trợ xóa trang: hãy tự xóa ${sheetNames(same)}.`);
      leftToUser = true;
    }
  }
  if (edited.length > 0) parts.push(`Giữ ${sheetNames(edited)} vì đã được sửa sau khi lập; nếu không cần, hãy tự xóa.`);
  return { text: parts.join(" "), leftToUser };
}
