/**
 * Engine: score() on 1k, 10k and 100k synthetic units (qd766, 21 indicators from counts) against
 * the hand-written floor on the same rows. Engine and floor runs alternate so that load from
 * other processes hits both alike; the median of each is compared.
 */
import { performance } from "node:perf_hooks";
import type { Profile } from "../src/model/profile";
import type { ScoreResult, UnitRow } from "../src/model/units";
import { FLOOR_GROUPS, FLOOR_INDICATORS, floorScore, type FloorResult } from "./floor";
import { ms, ratio, type PartResult, type Row } from "./report";
import { collectGarbage, median } from "./timing";
import { SEED, syntheticUnits } from "./units";

type ScoreFn = (units: UnitRow[], profile: Profile) => ScoreResult;

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
    const mismatch = compareWithFloor(units, score(units, profile), floorScore(units));
    const engineTimes: number[] = [];
    const floorTimes: number[] = [];
    floorScore(units);
    for (let r = 0; r < options.runs; r++) {
      collectGarbage();
      let start = performance.now();
      score(units, profile);
      engineTimes.push(performance.now() - start);
      collectGarbage();
      start = performance.now();
      floorScore(units);
      floorTimes.push(performance.now() - start);
    }
    const engineMedian = median(engineTimes);
    const floorMedian = median(floorTimes);
    const times = `${options.runs} runs, seed ${SEED}`;
    rows.push(
      { part: "Engine", case: `${size.toLocaleString("en")} units`, metric: "score() median", value: ms(engineMedian), note: `${times}; ${(engineMedian * 1000 / size).toFixed(2)} µs/unit` },
      { part: "Engine", case: `${size.toLocaleString("en")} units`, metric: "floor median", value: ms(floorMedian), note: mismatch ? `MISMATCH: ${mismatch}` : "same ratios, points, groups and totals as the engine" },
      { part: "Engine", case: `${size.toLocaleString("en")} units`, metric: "engine ÷ floor", value: ratio(engineMedian / floorMedian) },
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
