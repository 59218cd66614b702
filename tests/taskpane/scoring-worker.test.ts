/**
 * The scoring worker's protocol (plain-data messages, progress with counts, Vietnamese
 * failures) and the pane's client of it (progress passed on, "Hủy" terminates the worker, a
 * worker that cannot start is replaced by the same work in-process).
 */
import { isScoringReply, mergeParts, paneRunOf, splitReply, type ScoringReply, type ScoringRequest } from "../../src/taskpane/scoring-protocol";
import { createAnswerer } from "../../src/taskpane/scoring-answer";
import { doReportWork } from "../../src/taskpane/report/build";
import { CancelledError, CANCELLED_TEXT, scoringClient } from "../../src/taskpane/scoring-client";
import { defaultScoring } from "../../src/taskpane/scoring";
import { runScoring, type RunProgress } from "../../src/pipeline";
import { cellsChanged } from "../../src/plan/effect";
import { mappingOf, stateAfterWrite } from "../../src/plan/state";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { phuTanGrid } from "../office/phu-tan-grid";
import type { Grid } from "../../src/model/grid";
import { METHOD_SHEET } from "../../src/model/profile";
import { methodToSheet } from "../../src/profiles/sheet";

/** A table long enough for several progress reports (the pane reports every 200 rows). */
function longGrid(units: number): Grid {
  const grid = phuTanGrid();
  const header = grid.values.findIndex((row) => row.some((v) => typeof v === "string" && /Tên đơn vị|Đơn vị/i.test(v)));
  const sample = grid.values[header + 2];
  const rows = Array.from({ length: units }, (_, i) => sample.map((v, c) => (c === 1 ? `Xã Thử ${i + 1}` : c === 0 ? i + 1 : v)));
  return { sheet: grid.sheet, origin: grid.origin, values: [...grid.values.slice(0, header + 2), ...rows], merges: grid.merges };
}

function replies(request: ScoringRequest): ScoringReply[] {
  const out: ScoringReply[] = [];
  createAnswerer()(request, (reply) => out.push(reply));
  return out;
}

/** A Worker stand-in: answers a tick later, as a real worker would, and can be terminated. */
class FakeWorker {
  static started = 0;
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ScoringRequest[] = [];
  private readonly answer = createAnswerer(); // a worker's own memory (its last run)
  constructor(private readonly hold = false) {
    FakeWorker.started++;
  }
  postMessage(request: ScoringRequest): void {
    this.received.push(request);
    if (this.hold) return; // a long job: only terminate() ends it
    // Posts as the real worker does: long lists in slices (small ones here, so every reply has some).
    const post = (reply: ScoringReply) => {
      for (const message of splitReply(reply, 7)) if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent);
    };
    setTimeout(() => this.answer(structuredClone(request), post), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("scoring worker protocol", () => {
  test("a run reports rows read and units scored with real counts, then a result that is plain data", () => {
    const grid = longGrid(650);
    const out = replies({ id: 7, kind: "run", grid, options: { profiles: BUILTIN_PROFILES } });
    expect(out.every((r) => r.id === 7 && isScoringReply(r))).toBe(true);
    const progress = out.filter((r): r is Extract<ScoringReply, { kind: "progress" }> => r.kind === "progress").map((r) => r.progress);
    const read = progress.filter((p): p is Extract<RunProgress, { stage: "read" }> => p.stage === "read");
    const scored = progress.filter((p): p is Extract<RunProgress, { stage: "score" }> => p.stage === "score");
    expect(read.map((p) => p.done)).toEqual([0, 200, 400, 600]);
    expect(read.every((p) => p.total === 650)).toBe(true);
    expect(scored.length).toBeGreaterThanOrEqual(4);
    expect(scored.every((p) => p.total >= 650)).toBe(true);
    expect(progress.indexOf(read[read.length - 1])).toBeLessThan(progress.indexOf(scored[0]));
    expect(progress[progress.length - 1]).toEqual({ stage: "plan" });
    const last = out[out.length - 1];
    expect(last.kind).toBe("ran");
    // What crosses to the pane survives structured cloning unchanged (no classes, no functions),
    // and is the run without the cells read for each unit (they stay in the worker).
    const expected = runScoring(grid, { profiles: BUILTIN_PROFILES });
    expect(structuredClone(last)).toEqual({ id: 7, kind: "ran", result: paneRunOf(expected) });
    expect(last.kind === "ran" && "units" in last.result.read).toBe(false);
    expect(last.kind === "ran" && last.result.scored).toEqual(expected.scored);
  });

  test("a failure is a message in Vietnamese, not a thrown error", () => {
    const grid = phuTanGrid();
    const state = { version: 1, profile: { id: "hỏng", indicators: "không phải danh sách" }, mapping: {} } as never;
    const out = replies({ id: 1, kind: "run", grid, options: { profiles: BUILTIN_PROFILES, state } });
    expect(out[out.length - 1]).toMatchObject({ id: 1, kind: "failed", message: expect.stringMatching(/không hợp lệ/) });
  });

  test("a long reply goes in slices of its long lists, put back together in order", () => {
    const [ran] = replies({ id: 3, kind: "run", grid: longGrid(60), options: { profiles: BUILTIN_PROFILES } }).filter((r) => r.kind === "ran");
    const messages = splitReply(structuredClone(ran), 25);
    const parts = messages.filter((m): m is Extract<ScoringReply, { kind: "part" }> => m.kind === "part");
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => p.id === 3 && p.items.length <= 25 && isScoringReply(p))).toBe(true);
    const last = messages[messages.length - 1];
    expect(last.kind === "ran" && last.result.scored.units).toEqual([]);
    expect(ran.kind === "ran" && ran.result.scored.units.length).toBe(60);
    expect(mergeParts(structuredClone(last), structuredClone(parts))).toEqual(ran);
  });

  test("replies of another shape are not trusted", () => {
    expect(isScoringReply({ id: "1", kind: "ran" })).toBe(false);
    expect(isScoringReply({ id: 1, kind: "eval" })).toBe(false);
    expect(isScoringReply(null)).toBe(false);
  });
});

describe("scoring client", () => {
  beforeEach(() => (FakeWorker.started = 0));

  test("passes progress on and resolves with the worker's result", async () => {
    const client = scoringClient(() => new FakeWorker() as unknown as Worker);
    const seen: RunProgress[] = [];
    const result = await client.send({ kind: "run", grid: longGrid(450), options: { profiles: BUILTIN_PROFILES } }, { onProgress: (p) => seen.push(p) });
    expect(result.scored.units.length).toBeGreaterThanOrEqual(450);
    expect(seen.some((p) => p.stage === "read" && p.done === 400)).toBe(true);
    expect(seen[seen.length - 1]).toEqual({ stage: "plan" });
  });

  test("Hủy terminates the worker, rejects with the pane's message, and the next request starts a fresh worker", async () => {
    const workers: FakeWorker[] = [];
    const client = scoringClient(() => {
      const worker = new FakeWorker(workers.length === 0);
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const abort = new AbortController();
    const running = client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } }, { signal: abort.signal });
    abort.abort();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    await expect(running).rejects.toThrow(CANCELLED_TEXT);
    expect(workers[0].terminated).toBe(true);
    const next = await client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } });
    expect(workers).toHaveLength(2);
    expect(next.scored.units.length).toBeGreaterThan(0);
  });

  test("an aborted signal sends nothing", async () => {
    const client = scoringClient(() => new FakeWorker() as unknown as Worker);
    const abort = new AbortController();
    abort.abort();
    await expect(client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } }, { signal: abort.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(FakeWorker.started).toBe(0);
  });

  test("without a worker, or with one that cannot start, the same work runs in-process", async () => {
    const expected = paneRunOf(runScoring(phuTanGrid(), { profiles: BUILTIN_PROFILES }));
    const none = scoringClient();
    expect(await none.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } })).toEqual(expected);
    const failing = new FakeWorker(true);
    const client = scoringClient(() => failing as unknown as Worker);
    const pending = client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } });
    failing.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    expect(await pending).toEqual(expected);
    expect(failing.terminated).toBe(true);
  });

  test("when the in-process scoring cannot be loaded (connection lost), the pane says so in Vietnamese and a later request tries again", async () => {
    let loads = 0;
    await jest.isolateModulesAsync(async () => {
      jest.doMock("../../src/taskpane/scoring-answer", () => {
        if (++loads === 1) throw new Error("Loading chunk 321 failed.");
        return jest.requireActual("../../src/taskpane/scoring-answer");
      });
      const isolated = await import("../../src/taskpane/scoring-client");
      const client = isolated.scoringClient();
      const first = client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } });
      await expect(first).rejects.toThrow(isolated.CHUNK_FAILED_TEXT);
      const second = await client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } });
      expect(second.scored.units.length).toBeGreaterThan(0);
    });
    expect(loads).toBe(2);
  });

  test("work on a run (the report's, the write's) runs in the worker on the run it keeps; a fresh worker (after Hủy) scores it again once", async () => {
    const workers: FakeWorker[] = [];
    const client = scoringClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const run = await client.send({ kind: "run", grid: phuTanGrid(), options: { profiles: BUILTIN_PROFILES } });
    const full = runScoring(phuTanGrid(), { profiles: BUILTIN_PROFILES });
    const runId = client.runOf(run)!.id;
    expect(runId).toBeGreaterThan(0);
    const narrative = await client.send({ kind: "onRun", runId, work: { what: "narrative", comparison: null } });
    expect(narrative).toEqual(doReportWork(full, { what: "narrative", comparison: null }));
    // Only a reference travelled: the worker had the run.
    expect(workers[0].received[1]).not.toHaveProperty("rerun");
    const prepared = await client.send({ kind: "onRun", runId, work: { what: "write" } });
    expect(prepared?.cells).toBe(cellsChanged(full.plan));
    const state = stateAfterWrite(full.plan, { profile: full.profile, mapping: mappingOf(full.read.mapping), choices: full.choices, at: new Date(prepared!.state!.lastRun!.at) });
    expect(prepared?.state).toEqual(state);
    expect(prepared?.changes).toEqual([]);
    // A cell typed since the read: the changes, and no state (nothing is to be written).
    const now = phuTanGrid();
    const row = now.values.findIndex((r) => typeof r[2] === "number");
    now.values[row] = [...now.values[row]];
    now.values[row][2] = 12345;
    const refused = await client.send({ kind: "onRun", runId, work: { what: "write", now } });
    expect(refused).toEqual({ changes: [expect.objectContaining({ was: phuTanGrid().values[row][2], now: 12345 })], cells: 0, state: null });
    // Another worker does not have it: it says so (null), and keeps the run once it scored it again.
    client.dispose();
    expect(await client.send({ kind: "onRun", runId, work: { what: "narrative", comparison: null } })).toBeNull();
    const inputs = { title: "BẢNG XẾP HẠNG", period: "Tháng 5", cutoffDate: "", references: "" };
    const plan = await client.send({ kind: "onRun", runId, rerun: client.runOf(run)!.inputs, work: { what: "scorecards", inputs, comparison: null } });
    expect(plan).toEqual(doReportWork(full, { what: "scorecards", inputs, comparison: null }));
    expect(await client.send({ kind: "onRun", runId, work: { what: "narrative", comparison: null } })).toEqual(narrative);
    expect(workers).toHaveLength(2);
  });

  test("the pane's scoring service asks a fresh worker to score the run again by itself", async () => {
    const workers: FakeWorker[] = [];
    const scoring = defaultScoring(BUILTIN_PROFILES, () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const run = await scoring.run(phuTanGrid(), {});
    const full = runScoring(phuTanGrid(), { profiles: BUILTIN_PROFILES });
    workers[0].terminate(); // as "Hủy" does to a worker busy with something else
    const abort = new AbortController();
    const busy = scoring.run(phuTanGrid(), {}, { signal: abort.signal });
    abort.abort();
    await expect(busy).rejects.toBeInstanceOf(CancelledError);
    expect(await scoring.narrative(run, null)).toEqual(doReportWork(full, { what: "narrative", comparison: null }));
    expect((await scoring.prepareWrite(run)).cells).toBe(cellsChanged(full.plan));
    expect(workers.length).toBeGreaterThanOrEqual(2);
  });

  test("the method sheet is read by the worker: its method, or each mistake at its cell", async () => {
    const client = scoringClient(() => new FakeWorker() as unknown as Worker);
    const good = await client.send({ kind: "readMethod", grid: methodToSheet(BUILTIN_PROFILES[0]) });
    expect(good.profile).toEqual(BUILTIN_PROFILES[0]);
    const sheet = methodToSheet(BUILTIN_PROFILES[0]);
    const values = sheet.values.map((r) => [...r]);
    const row = values.findIndex((r) => r[1] === "Khá");
    values[row][0] = "mười";
    const bad = await client.send({ kind: "readMethod", grid: { ...sheet, values } });
    expect(bad.profile).toBeUndefined();
    expect(bad.problems?.map((p) => p.cell)).toEqual([`'${METHOD_SHEET}'!A${row + 1}`]);
  });
});
