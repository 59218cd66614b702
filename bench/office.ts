/**
 * Office adapter on the fake Excel host (fake-excel/): read the table, score it, apply the plan,
 * as the task pane does, for both real table kinds at 400, 3,838 and 12,000 rows, and the
 * indicator table at 20,000 rows (above the 12,000 rows the adapter reads in its first sync).
 * Counts context.sync() calls, queued operations and the estimated request/response bytes of
 * each sync, for the read and the write separately (the fake's 5 MB limits are lifted so that an
 * oversized request is measured instead of aborting the run).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { bytes, skipped, type Budget, type PartResult, type Row } from "./report";
import { benchTable, SHEET, type Table, type TableKind } from "./tables";

/** [kind, rows]: the real sizes, the most rows read in one sync, and one size above it. */
export const OFFICE_CASES: [TableKind, number][] = [
  ["indicator", 400],
  ["indicator", 3_838],
  ["indicator", 12_000],
  ["indicator", 20_000],
  ["group", 400],
  ["group", 3_838],
  ["group", 12_000],
];
export const SYNC_BUDGET = 3;
/** Up to this many rows the sync budget is a count; above it, a multiple of the 5 MB cap's floor. */
export const SYNC_COUNT_ROWS = 12_000;
export const SYNC_FLOOR_BUDGET = 1.5;
export const PAYLOAD_BUDGET = 5 * 1024 * 1024;
interface SyncRecord {
  phase: string;
  ops: number;
  /** Request and response bytes per queued operation, by description. */
  heaviest: { what: string; request: number; response: number }[];
  formattingOps: number;
  requestBytes: number;
  responseBytes: number;
}

/** Operations that format cells (number formats, underlines, fonts, copied looks, merges) rather than write values. */
function isFormatting(what: string): boolean {
  return /^(set (numberFormat|underline|font|format)|copyFrom|clear formats|merge|unmerge)/.test(what);
}

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- modules loaded only when present */
async function measure(table: Table): Promise<SyncRecord[]> {
  const fake = require("../fake-excel") as typeof import("../fake-excel");
  const office = require("../src/adapters/office") as typeof import("../src/adapters/office");
  const { runScoring } = require("../src/pipeline") as typeof import("../src/pipeline");
  const { stateAfterWrite, mappingOf } = require("../src/plan") as typeof import("../src/plan");
  const { BUILTIN_PROFILES } = require("../src/profiles") as typeof import("../src/profiles");

  const model = fake.FakeWorkbookModel.create([{ name: SHEET, values: table.values, merges: table.merges }]);
  const excel = new fake.FakeExcel(model, { requestLimitBytes: Infinity, responseLimitBytes: Infinity });

  // Attribute queued operations to the sync that sends them.
  const records: SyncRecord[] = [];
  let phase = "";
  let ops = 0;
  let formattingOps = 0;
  let heaviest: SyncRecord["heaviest"] = [];
  const proto = fake.FakeRequestContext.prototype as any;
  const enqueue = proto.enqueue;
  const sync = proto.sync;
  proto.enqueue = function (this: unknown, op: { what: string; bytes: number; run: () => number }) {
    ops++;
    if (isFormatting(op.what)) formattingOps++;
    const entry = { what: op.what, request: op.bytes, response: 0 };
    heaviest.push(entry);
    const inner = op.run;
    op.run = () => (entry.response = inner.call(op));
    return enqueue.call(this, op);
  };
  proto.sync = async function (this: unknown) {
    const before = excel.stats.requestBytes.length;
    const record: SyncRecord = { phase, ops, heaviest, formattingOps, requestBytes: 0, responseBytes: 0 };
    ops = 0;
    formattingOps = 0;
    heaviest = [];
    records.push(record);
    try {
      return await sync.call(this);
    } finally {
      record.requestBytes = excel.stats.requestBytes[before] ?? 0;
      record.responseBytes = excel.stats.responseBytes[before] ?? 0;
    }
  };
  try {
    const adapter = office.createOfficeAdapter({ run: excel.run as any, mergedAreas: true });
    phase = "read";
    const snapshot = await adapter.read();
    const run = runScoring(snapshot.grid, { profiles: BUILTIN_PROFILES, state: snapshot.state });
    phase = "apply";
    await adapter.apply(run.plan, stateAfterWrite(run.plan, { profile: run.profile, mapping: mappingOf(run.read.mapping) }), { overwriteConflicts: true });
  } finally {
    proto.enqueue = enqueue;
    proto.sync = sync;
  }
  return records;
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

/** The fewest syncs the 5 MB cap allows for a phase: its request and response bytes over 5 MB, at least one. */
function capFloor(list: SyncRecord[]): number {
  const total = (key: "requestBytes" | "responseBytes") => list.reduce((n, r) => n + r[key], 0);
  return Math.max(1, Math.ceil(Math.max(total("requestBytes"), total("responseBytes")) / PAYLOAD_BUDGET));
}

interface CaseResult {
  kind: TableKind;
  size: number;
  syncs: number;
  split: string;
  floor: number;
  formatting: number;
  largest: { bytes: number; what: string };
}

function caseRows(label: string, records: SyncRecord[]): { rows: Row[]; result: Omit<CaseResult, "kind" | "size"> } {
  const rows: Row[] = [];
  const phases = [
    ["read", records.filter((r) => r.phase === "read")],
    ["write", records.filter((r) => r.phase === "apply")],
  ] as const;
  const split = phases.map(([name, list]) => `${name} ${list.length}`).join(" + ");
  const floor = phases.reduce((n, [, list]) => n + capFloor(list), 0);
  rows.push({ part: "Office", case: label, metric: "context.sync() calls (read + write)", value: `${records.length} (${split})`, note: `the 5 MB cap forces at least ${floor}` });
  for (const [name, list] of phases) {
    const total = (key: "requestBytes" | "responseBytes") => list.reduce((n, r) => n + r[key], 0);
    const top = (key: "requestBytes" | "responseBytes") => Math.max(0, ...list.map((r) => r[key]));
    rows.push({
      part: "Office",
      case: label,
      metric: `${name}: syncs, ops (formatting), largest request / response`,
      value: `${list.length} syncs, ${list.reduce((n, r) => n + r.ops, 0)} ops (${list.reduce((n, r) => n + r.formattingOps, 0)}), ↑${bytes(top("requestBytes"))} / ↓${bytes(top("responseBytes"))}`,
      note: `total ↑${bytes(total("requestBytes"))} ↓${bytes(total("responseBytes"))}; at least ${capFloor(list)} sync(s) at 5 MB each`,
    });
  }
  const over = records.filter((r) => r.requestBytes > PAYLOAD_BUDGET || r.responseBytes > PAYLOAD_BUDGET);
  if (over.length > 0) {
    const heaviest = (r: SyncRecord) =>
      [...r.heaviest]
        .sort((a, b) => b.request + b.response - (a.request + a.response))
        .slice(0, 3)
        .map((o) => `${o.what} ↑${bytes(o.request)} ↓${bytes(o.response)}`)
        .join(", ");
    rows.push({ part: "Office", case: label, metric: "syncs over 5 MB: heaviest operations", value: String(over.length), note: over.map((r) => `${r.phase}: ${heaviest(r)}`).join("; ") });
  }
  let largest = { bytes: 0, what: "" };
  for (const r of records) {
    for (const [what, b] of [["request", r.requestBytes], ["response", r.responseBytes]] as const) {
      if (b > largest.bytes) largest = { bytes: b, what: `${r.phase} ${what}` };
    }
  }
  return { rows, result: { syncs: records.length, split, floor, formatting: records.reduce((n, r) => n + r.formattingOps, 0), largest } };
}

export async function benchOffice(options: { cases?: [TableKind, number][] } = {}): Promise<PartResult> {
  const root = path.join(__dirname, "..");
  const needed = ["fake-excel/index.ts", "src/adapters/office/index.ts", "src/pipeline.ts", "src/plan/index.ts"];
  const missing = needed.filter((f) => !existsSync(path.join(root, f)));
  const names = [
    `Syncs ≤ ${SYNC_BUDGET} up to ${SYNC_COUNT_ROWS.toLocaleString("en")} rows`,
    `Syncs ≤ ${SYNC_FLOOR_BUDGET}× the 5 MB cap's floor above ${SYNC_COUNT_ROWS.toLocaleString("en")} rows`,
    "Formatting operations do not grow with rows",
    "No request or response above 5 MB",
  ];
  if (missing.length > 0) return skipped("Office", `missing ${missing.join(", ")}`, names);

  const rows: Row[] = [];
  const results: CaseResult[] = [];
  const failures: string[] = [];
  for (const [kind, size] of options.cases ?? OFFICE_CASES) {
    const label = `${kind} table, ${size.toLocaleString("en")} rows`;
    try {
      const measured = caseRows(label, await measure(benchTable(kind, size)));
      rows.push(...measured.rows);
      results.push({ kind, size, ...measured.result });
    } catch (e) {
      failures.push(`${label}: ${(e as Error).message.slice(0, 200)}`);
      rows.push({ part: "Office", case: label, metric: "—", value: "lỗi (failed)", note: (e as Error).message.slice(0, 300) });
    }
  }
  const why = failures.length > 0 ? failures.join("; ") : undefined;
  const describe = (r: CaseResult) => `${r.kind} ${r.size.toLocaleString("en")}: ${r.syncs} (${r.split})`;
  const upTo = results.filter((r) => r.size <= SYNC_COUNT_ROWS);
  const above = results.filter((r) => r.size > SYNC_COUNT_ROWS);
  const budgets: Budget[] = [
    {
      name: names[0],
      limit: `≤ ${SYNC_BUDGET}`,
      measured: upTo.map(describe).join("; "),
      pass: failures.length === 0 && upTo.length > 0 && upTo.every((r) => r.syncs <= SYNC_BUDGET),
      why,
    },
    {
      name: names[1],
      limit: `≤ ${SYNC_FLOOR_BUDGET}× floor`,
      measured: above.length ? above.map((r) => `${describe(r)}, floor ${r.floor} → ${(r.syncs / r.floor).toFixed(2)}×`).join("; ") : "no case above",
      pass: above.length === 0 ? null : failures.length === 0 && above.every((r) => r.syncs <= SYNC_FLOOR_BUDGET * r.floor),
      why,
    },
  ];
  const byKind = new Map<TableKind, CaseResult[]>();
  for (const r of results) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  budgets.push({
    name: names[2],
    limit: "same count at every size of a table kind",
    measured: [...byKind].map(([kind, list]) => `${kind}: ${list.map((r) => `${r.size.toLocaleString("en")} → ${r.formatting}`).join(", ")}`).join("; "),
    pass: failures.length === 0 && [...byKind.values()].every((list) => new Set(list.map((r) => r.formatting)).size === 1),
    why,
  });
  const largest = results.reduce((m, r) => (r.largest.bytes > m.largest.bytes ? r : m), results[0]);
  budgets.push({
    name: names[3],
    limit: `≤ ${bytes(PAYLOAD_BUDGET)}`,
    measured: largest ? `${bytes(largest.largest.bytes)} (${largest.largest.what}, ${largest.kind} table, ${largest.size.toLocaleString("en")} rows)` : "—",
    pass: failures.length === 0 && results.every((r) => r.largest.bytes <= PAYLOAD_BUDGET),
    why,
  });
  return { rows, budgets };
}
