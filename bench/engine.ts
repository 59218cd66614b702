/**
 * Engine: score() on 1k, 10k and 100k synthetic units (qd766, 21 indicators from counts) against
 * the hand-written floor on the same rows. Engine and floor runs alternate so that load from
 * other processes hits both alike; the median of each is compared.
 */
import { performance } from "node:perf_hooks";
import type { Profile } from "../src/model/profile";
import type { ScoreOptions } from "../src/engine";
import type { ScoreResult, UnitRow } from "../src/model/units";
import { FLOOR_GROUPS, FLOOR_INDICATORS, floorScore, type FloorResult } from "./floor";
import { ms, ratio, type PartResult, type Row } from "./report";
import { collectGarbage, median } from "./timing";
import { SEED, syntheticUnits } from "./units";

type ScoreFn = (units: UnitRow[], profile: Profile, options?: ScoreOptions) => ScoreResult;

export const ENGINE_SIZES = [1_000, 10_000, 100_000];
export const ENGINE_BUDGET = 3;

/** First difference between the engine's and the floor's results, or null when they agree everywhere. */
export function compareWithFloor(units: readonly UnitRow[], engine: ScoreResult, floor: FloorResult): string | null {
  const k = FLOOR_INDICATORS.length;
  for (let u = 0; u < units.length; u++) {
    const e = engine.units[u];
    for (let i = 0; i < k; i++) {
      const id = FLOOR_INDICATORS[i];
      const fr = floor.ratio[u * k + i];
      const fp = floor.points[u * k + i];
      const got = e.indicators[id];
      if (fr === -1) {
        if (got !== undefined) return `unit ${u} indicator ${id}: floor has no value, engine ${JSON.stringify(got)}`;
        continue;
      }
      if (!got || got.ratio !== fr / 100 || got.points !== fp / 100) {
        const v = units[u].values;
        return `unit ${u} indicator ${id} (${v[`${id}.numerator`]}/${v[`${id}.denominator`]}): engine ${JSON.stringify(got)}, floor ratio ${fr / 100} points ${fp / 100}`;
      }
    }
    for (let g = 0; g < FLOOR_GROUPS.length; g++) {
      if (e.groups[FLOOR_GROUPS[g]] !== floor.groups[u * 6 + g]) {
        return `unit ${u} group ${FLOOR_GROUPS[g]}: engine ${e.groups[FLOOR_GROUPS[g]]}, floor ${floor.groups[u * 6 + g]}`;
      }
    }
    if (e.total !== floor.total[u]) return `unit ${u} total: engine ${e.total}, floor ${floor.total[u]}`;
  }
  return null;
}

export function benchEngine(score: ScoreFn, profile: Profile, options: { runs: number; sizes?: number[] }): PartResult {
  const rows: Row[] = [];
  const budgets: PartResult["budgets"] = [];
  for (const size of options.sizes ?? ENGINE_SIZES) {
    const units = syntheticUnits(size);
    // Correctness first: the floor only means something if it computes the same numbers.
    const floor = floorScore(units);
    const mismatch = compareWithFloor(units, score(units, profile), floor);
    const cases: Record<"engine" | "floor", () => unknown> = {
      engine: () => score(units, profile),
      floor: () => floorScore(units),
    };
    const times: Record<keyof typeof cases, number[]> = { engine: [], floor: [] };
    for (const run of Object.values(cases)) run();
    // Alternate, so that load from other processes hits every case alike.
    for (let r = 0; r < options.runs; r++) {
      for (const [name, run] of Object.entries(cases) as [keyof typeof cases, () => unknown][]) {
        collectGarbage();
        const start = performance.now();
        run();
        times[name].push(performance.now() - start);
      }
    }
    const engineMedian = median(times.engine);
    const floorMedian = median(times.floor);
    const runs = `${options.runs} runs, seed ${SEED}`;
    const at = `${size.toLocaleString("en")} units`;
    rows.push(
      { part: "Engine", case: at, metric: "score() median", value: ms(engineMedian), note: `${runs}; ${(engineMedian * 1000 / size).toFixed(2)} µs/unit` },
      { part: "Engine", case: at, metric: "floor median", value: ms(floorMedian), note: mismatch ? `MISMATCH: ${mismatch}` : "same ratios, points, groups and totals as the engine" },
      { part: "Engine", case: at, metric: "engine ÷ floor", value: ratio(engineMedian / floorMedian) },
    );
    if (mismatch) {
      budgets.push({ name: `Engine and floor agree (${size} units)`, limit: "identical results", measured: "differ", pass: false, why: mismatch });
    }
    if (size === 100_000) {
      budgets.push({
        name: "Engine ≤ 3× floor at 100k units",
        limit: `≤ ${ENGINE_BUDGET}×`,
        measured: `${ratio(engineMedian / floorMedian)} (${ms(engineMedian)} vs ${ms(floorMedian)})`,
        pass: engineMedian / floorMedian <= ENGINE_BUDGET,
      });
    }
  }
  return { rows, budgets };
}
