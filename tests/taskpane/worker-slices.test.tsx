/**
 * @jest-environment jsdom
 *
 * What keeps the pane's thread free on a national list: a request's grid goes to the worker in
 * slices and arrives whole; the worker counts what the write changes (PaneRun.effect) and the
 * preview shows those counts as it would have counted them itself.
 */
import * as React from "react";
import { deserialize, serialize } from "node:v8";
import { cleanup, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { mergeRequestParts, paneRunOf, splitRequest, type ScoringReply, type ScoringRequest } from "../../src/taskpane/scoring-protocol";
import { createAnswerer } from "../../src/taskpane/scoring-answer";
import { CancelledError, scoringClient } from "../../src/taskpane/scoring-client";
import { writeSummary } from "../../src/taskpane/write-summary";
import { Preview } from "../../src/taskpane/components/Preview";
import { runScoring } from "../../src/pipeline";
import { cellsChanged } from "../../src/plan/effect";
import { BUILTIN_PROFILES } from "../../src/profiles";
import type { Grid } from "../../src/model/grid";
import { formatViNumber } from "../../src/report/format";
import { phuTanGrid } from "../office/phu-tan-grid";

/** What crossing to a worker makes of a message (jsdom has no structuredClone; v8's is the same algorithm). */
const clone = <T,>(value: T): T => deserialize(serialize(value)) as T;

/** The Phú Tân table with its data rows repeated to `units` rows, underlines and formats on every row. */
function longGrid(units: number): Grid {
  const grid = phuTanGrid();
  const header = grid.values.findIndex((row) => row.some((v) => typeof v === "string" && /Tên đơn vị|Đơn vị/i.test(v)));
  const sample = grid.values[header + 2];
  const values = [...grid.values.slice(0, header + 2), ...Array.from({ length: units }, (_, i) => sample.map((v, c) => (c === 1 ? `Xã Thử ${i + 1}` : c === 0 ? i + 1 : v)))];
  const width = values[0].length;
  return {
    sheet: grid.sheet,
    origin: grid.origin,
    values,
    numberFormats: values.map((_, r) => Array.from({ length: width }, (_, c) => (r % 3 === 0 && c > 2 ? "0.00" : null))),
    underlines: values.map((_, r) => Array.from({ length: width }, (_, c) => r % 5 === 0 && c === 4)),
    merges: grid.merges,
  };
}

describe("a request's grid in slices", () => {
  test("every grid of a request goes in slices of at most the given rows, and comes back equal, in order", () => {
    const grid = longGrid(47);
    const other = longGrid(30);
    const requests: ScoringRequest[] = [
      { id: 1, kind: "run", grid, options: { profiles: BUILTIN_PROFILES } },
      { id: 2, kind: "onRun", runId: 1, work: { what: "write", now: grid }, rerun: { grid: other, options: { profiles: BUILTIN_PROFILES } } },
    ];
    for (const request of requests) {
      const original = clone(request);
      const messages = splitRequest(request, 10);
      const parts = messages.filter((m): m is Extract<ScoringRequest, { kind: "part" }> => m.kind === "part");
      const rest = messages[messages.length - 1];
      expect(parts.length).toBeGreaterThan(3);
      expect(parts.every((p) => p.id === request.id && p.items.length > 0 && p.items.length <= 10)).toBe(true);
      expect(rest.kind).toBe(request.kind);
      // The request itself travels without the rows; the one given is left as it was.
      const grids = (r: ScoringRequest): Grid[] => (r.kind === "run" ? [r.grid] : r.kind === "onRun" ? [r.work.what === "write" ? r.work.now : undefined, r.rerun?.grid].filter((g): g is Grid => g !== undefined) : []);
      expect(grids(rest).length).toBe(grids(request).length);
      for (const g of grids(rest)) expect([g.values, g.numberFormats, g.underlines]).toEqual([[], [], []]);
      expect(request).toEqual(original);
      const received = messages.map((m) => clone(m));
      const whole = mergeRequestParts(received[received.length - 1], received.slice(0, -1) as Extract<ScoringRequest, { kind: "part" }>[]);
      expect(whole).toEqual(original);
    }
  });

  test("a small grid goes whole", () => {
    const request: ScoringRequest = { id: 3, kind: "planUndo", grid: longGrid(5), state: { version: 1, profile: null, mapping: {}, lastRun: null } };
    expect(splitRequest(request, 1000)).toEqual([request]);
  });

  test("the worker scores a grid sent in slices as it scores the grid sent whole", () => {
    const grid = longGrid(40);
    const answer = (messages: ScoringRequest[]) => {
      const answerer = createAnswerer();
      const out: ScoringReply[] = [];
      for (const m of messages) answerer(clone(m), (reply) => out.push(reply));
      return out.filter((r) => r.kind === "ran");
    };
    const request: ScoringRequest = { id: 9, kind: "run", grid, options: { profiles: BUILTIN_PROFILES } };
    const sliced = answer(splitRequest(request, 7));
    expect(sliced).toHaveLength(1);
    expect(sliced).toEqual(answer([request]));
    expect(sliced[0]).toEqual({ id: 9, kind: "ran", result: paneRunOf(runScoring(grid, { profiles: BUILTIN_PROFILES })) });
  });
});

describe("what the write changes, counted in the worker", () => {
  afterEach(cleanup);

  test("the run the pane receives says how many cells its write changes, and in which columns", () => {
    const run = runScoring(phuTanGrid(), { profiles: BUILTIN_PROFILES });
    const { effect } = paneRunOf(run);
    expect(effect.cells).toBe(cellsChanged(run.plan));
    expect(effect.cells).toBeGreaterThan(0);
    const planned = run.plan.columns.map((c) => c.letter);
    expect(effect.columns.length).toBeGreaterThan(0);
    expect(effect.columns.every((c) => planned.includes(c.letter))).toBe(true);
  });

  test("the preview shows the counts it is given, the same words as when it counts them itself", () => {
    const run = runScoring(phuTanGrid(), { profiles: BUILTIN_PROFILES });
    const summaryText = (effect?: ReturnType<typeof writeSummary>) => {
      render(
        <FluentProvider theme={webLightTheme}>
          <Preview profile={run.profile} units={run.scored.units} plan={run.plan} effect={effect} />
        </FluentProvider>,
      );
      const text = screen.getByText(/sẽ ghi/).textContent;
      cleanup();
      return text;
    };
    const effect = writeSummary(run.plan);
    const given = summaryText(effect);
    expect(given).toBe(summaryText());
    expect(given).toContain(`sẽ ghi ${formatViNumber(effect.valueCells)} ô`);
    // Counts given from elsewhere are what it shows: it does not count again.
    expect(summaryText({ ...effect, valueCells: 12345 })).toContain("sẽ ghi 12.345 ô");
  });
});

describe("the pane's client sends a large grid in slices", () => {
  /** A worker stand-in answering with the real answerer, a tick later, keeping what it received. */
  class SlicingWorker {
    onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    received: ScoringRequest[] = [];
    private readonly answer = createAnswerer();
    postMessage(message: ScoringRequest): void {
      const copy = clone(message);
      this.received.push(copy);
      setTimeout(() => this.answer(copy, (reply) => this.onmessage?.({ data: clone(reply) } as MessageEvent)), 0);
    }
    terminate(): void {}
  }

  test("slices, one per task, then the request; the run is the one scored from the whole grid", async () => {
    const grid = longGrid(2300);
    const worker = new SlicingWorker();
    const client = scoringClient(() => worker as unknown as Worker);
    const run = await client.send({ kind: "run", grid, options: { profiles: BUILTIN_PROFILES } });
    const kinds = worker.received.map((m) => m.kind);
    expect(kinds.filter((k) => k === "part").length).toBeGreaterThanOrEqual(6);
    expect(kinds[kinds.length - 1]).toBe("run");
    expect(run.scored).toEqual(runScoring(grid, { profiles: BUILTIN_PROFILES }).scored);
  });

  test("a job cancelled while its slices go out sends no more of them", async () => {
    const worker = new SlicingWorker();
    const client = scoringClient(() => worker as unknown as Worker);
    const stop = new AbortController();
    const sent = client.send({ kind: "run", grid: longGrid(4500), options: { profiles: BUILTIN_PROFILES } }, { signal: stop.signal });
    stop.abort();
    await expect(sent).rejects.toBeInstanceOf(CancelledError);
    const before = worker.received.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(before).toBe(1);
    expect(worker.received.length).toBe(before);
    expect(worker.received.every((m) => m.kind === "part")).toBe(true);
  });
});
