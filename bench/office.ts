/**
 * Office adapter on the fake Excel host (fake-excel/): read the table, score it, apply the plan,
 * as the task pane does, for 10, 1k, 10k and 100k rows. Counts context.sync() calls, queued
 * operations and the estimated request/response bytes of each sync, for the read and the write
 * separately (the fake's 5 MB limits are lifted so that an oversized request is measured instead
 * of aborting the run; the adapter splits its own work under 4 MB estimated per sync).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { LEVEL_LABELS } from "../src/model/fields";
import type { CellValue } from "../src/model/grid";
import { bytes, skipped, type Budget, type PartResult, type Row } from "./report";
import { QD766_INDICATORS, syntheticUnits } from "./units";

export const OFFICE_SIZES = [10, 1_000, 10_000, 100_000];
export const SYNC_BUDGET = 3;
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

/** Operations that format cells (number formats, underlines, fonts) rather than write values. */
function isFormatting(what: string): boolean {
  return /^set (numberFormat|underline|font|format)/.test(what);
}

function tableValues(rows: number): CellValue[][] {
  const header: CellValue[] = ["STT", "Tên đơn vị", "Cấp"];
  const sub: CellValue[] = [null, null, null];
  for (const { id } of QD766_INDICATORS) {
    header.push(`Chỉ số ${id}`, null);
    sub.push("Tử số", "Mẫu số");
  }
  const values: CellValue[][] = [header, sub];
  syntheticUnits(rows).forEach((unit, i) => {
    const row: CellValue[] = [i + 1, unit.name, unit.level ? LEVEL_LABELS[unit.level] : null];
    for (const { id } of QD766_INDICATORS) row.push(unit.values[`${id}.numerator`] ?? null, unit.values[`${id}.denominator`] ?? null);
    values.push(row);
  });
  return values;
}

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- modules loaded only when present */
async function measure(rows: number): Promise<SyncRecord[]> {
  const fake = require("../fake-excel") as typeof import("../fake-excel");
  const office = require("../src/adapters/office") as typeof import("../src/adapters/office");
  const { runScoring } = require("../src/pipeline") as typeof import("../src/pipeline");
  const { stateAfterWrite, mappingOf } = require("../src/plan") as typeof import("../src/plan");
  const { BUILTIN_PROFILES } = require("../src/profiles") as typeof import("../src/profiles");

  const values = tableValues(rows);
  const merges = [
    ...[0, 1, 2].map((c) => ({ top: 0, left: c, bottom: 1, right: c })),
    ...QD766_INDICATORS.map((_, i) => ({ top: 0, left: 3 + 2 * i, bottom: 0, right: 4 + 2 * i })),
  ];
  const model = fake.FakeWorkbookModel.create([{ name: "Bảng 766", values, merges }]);
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

export async function benchOffice(options: { sizes?: number[] } = {}): Promise<PartResult> {
  const root = path.join(__dirname, "..");
  const needed = ["fake-excel/index.ts", "src/adapters/office/index.ts", "src/pipeline.ts", "src/plan/index.ts"];
  const missing = needed.filter((f) => !existsSync(path.join(root, f)));
  const names = ["Syncs ≤ 3 at every size", "Formatting operations do not grow with rows", "No sync payload above 5 MB"];
  if (missing.length > 0) return skipped("Office", `missing ${missing.join(", ")}`, names);

  const rows: Row[] = [];
  const budgets: Budget[] = [];
  const formattingBySize: [number, number][] = [];
  let worstSyncs = 0;
  let worstSyncsAt = 0;
  let worstSplit = "";
  const syncsBySize: string[] = [];
  let largest = { bytes: 0, rows: 0, what: "" };
  const failures: string[] = [];
  for (const size of options.sizes ?? OFFICE_SIZES) {
    const label = `${size.toLocaleString("en")} rows`;
    let records: SyncRecord[];
    try {
      records = await measure(size);
    } catch (e) {
      failures.push(`${label}: ${(e as Error).message.slice(0, 200)}`);
      rows.push({ part: "Office", case: label, metric: "—", value: "lỗi (failed)", note: (e as Error).message.slice(0, 300) });
      continue;
    }
    const formatting = records.reduce((n, r) => n + r.formattingOps, 0);
    formattingBySize.push([size, formatting]);
    const phases = [
      ["read", records.filter((r) => r.phase === "read")],
      ["write", records.filter((r) => r.phase === "apply")],
    ] as const;
    const syncText = phases.map(([name, list]) => `${name} ${list.length}`).join(" + ");
    rows.push({ part: "Office", case: label, metric: "context.sync() calls (read + write)", value: `${records.length} (${syncText})` });
    for (const [name, list] of phases) {
      const total = (key: "requestBytes" | "responseBytes") => list.reduce((n, r) => n + r[key], 0);
      const largest = (key: "requestBytes" | "responseBytes") => Math.max(0, ...list.map((r) => r[key]));
      // The fewest syncs any split could need: all bytes of the phase over the 5 MB cap.
      const floor = Math.max(1, Math.ceil(Math.max(total("requestBytes"), total("responseBytes")) / PAYLOAD_BUDGET));
      rows.push({
        part: "Office",
        case: label,
        metric: `${name}: syncs, ops (formatting), largest request / response`,
        value: `${list.length} syncs, ${list.reduce((n, r) => n + r.ops, 0)} ops (${list.reduce((n, r) => n + r.formattingOps, 0)}), ↑${bytes(largest("requestBytes"))} / ↓${bytes(largest("responseBytes"))}`,
        note: `total ↑${bytes(total("requestBytes"))} ↓${bytes(total("responseBytes"))}; at least ${floor} sync(s) at 5 MB each`,
      });
    }
    const over = records.filter((r) => r.requestBytes > PAYLOAD_BUDGET || r.responseBytes > PAYLOAD_BUDGET);
    if (over.length > 0) {
      const top = (r: SyncRecord) =>
        [...r.heaviest]
          .sort((a, b) => b.request + b.response - (a.request + a.response))
          .slice(0, 3)
          .map((o) => `${o.what} ↑${bytes(o.request)} ↓${bytes(o.response)}`)
          .join(", ");
      rows.push({ part: "Office", case: label, metric: "syncs over 5 MB: heaviest operations", value: String(over.length), note: over.map((r) => `${r.phase}: ${top(r)}`).join("; ") });
    }
    if (records.length > worstSyncs) {
      worstSyncs = records.length;
      worstSyncsAt = size;
      worstSplit = syncText;
    }
    syncsBySize.push(`${size.toLocaleString("en")}: ${records.length} (${syncText})`);
    for (const r of records) {
      for (const [what, b] of [["request", r.requestBytes], ["response", r.responseBytes]] as const) {
        if (b > largest.bytes) largest = { bytes: b, rows: size, what: `${r.phase} ${what}` };
      }
    }
  }
  const why = failures.length > 0 ? failures.join("; ") : undefined;
  budgets.push({
    name: names[0],
    limit: `≤ ${SYNC_BUDGET}`,
    measured: `at most ${worstSyncs} (at ${worstSyncsAt.toLocaleString("en")} rows: ${worstSplit}); by size ${syncsBySize.join(", ")}`,
    pass: failures.length === 0 && worstSyncs <= SYNC_BUDGET,
    why,
  });
  const counts = formattingBySize.filter(([size]) => size >= 1_000).map(([, n]) => n);
  budgets.push({
    name: names[1],
    limit: "same count from 1k rows up",
    measured: formattingBySize.map(([s, n]) => `${s.toLocaleString("en")}: ${n}`).join(", "),
    pass: failures.length === 0 && counts.length > 0 && Math.max(...counts) === Math.min(...counts),
    why,
  });
  budgets.push({
    name: names[2],
    limit: `≤ ${bytes(PAYLOAD_BUDGET)}`,
    measured: `${bytes(largest.bytes)} (${largest.what}, ${largest.rows.toLocaleString("en")} rows)`,
    pass: failures.length === 0 && largest.bytes <= PAYLOAD_BUDGET,
    why,
  });
  return { rows, budgets };
}
