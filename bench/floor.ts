/**
 * The engine's floor: the same formulas and roundings as the engine on qd766 (ratio half-up to
 * 2 decimals, points half-up to 2 decimals, group = sum of rounded points, total = sum of groups),
 * written as one loop over the same unit rows, with no profile, no result objects and no
 * validation. Results go to typed arrays.
 *
 * Rounding is decimal-exact, like the engine's decimal.js rounding, but done on integers: counts
 * are integers, so ratio×10⁴ = n·10⁴/d is an exact fraction of integers, and so are the points
 * from that rounded ratio r: r·max/10⁴ (linear) or r·max/(100·target), in hundredths; half-up to an integer
 * is ⌊(2·num + den) / (2·den)⌋. With n ≤ d ≤ 10⁹ every numerator stays below 2⁵³, and the
 * float quotient is at least 1/den away from the next integer unless it is one, so Math.floor
 * is exact. Hundredths are summed as integers and divided by 100 once (a correctly rounded
 * division: the same double as decimal.js's toNumber()). The bench checks every value against
 * the engine's output.
 */
import type { UnitRow } from "../src/model/units";

/** qd766 hand-coded: max points, target % (0 = linear), full marks on zero denominator, group. */
const SPECS: readonly [id: string, max: number, target: number, zeroFull: boolean, group: number][] = [
  ["1.1", 6, 0, false, 0],
  ["1.2", 4, 0, false, 0],
  ["1.3", 2, 0, false, 0],
  ["1.4", 6, 0, false, 0],
  ["2.1", 20, 0, false, 1],
  ["3.1", 2, 80, false, 2],
  ["3.2", 4, 0, false, 2],
  ["3.3", 6, 50, false, 2],
  ["4.1", 6, 0, false, 3],
  ["4.2", 2, 80, false, 3],
  ["4.3", 2, 80, false, 3],
  ["5.1", 6, 0, true, 4],
  ["5.2", 6, 0, true, 4],
  ["5.3", 6, 90, false, 4],
  ["6.1", 6, 0, false, 5],
  ["6.2", 4, 0, false, 5],
  ["6.3", 2, 80, false, 5],
  ["6.4", 4, 0, false, 5],
  ["6.5", 2, 0, false, 5],
  ["6.6", 2, 0, false, 5],
  ["6.7", 2, 0, false, 5],
];
export const FLOOR_INDICATORS = SPECS.map((s) => s[0]);
export const FLOOR_GROUPS = ["CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH"];
const COUNT = SPECS.length;
const NUMERATORS = SPECS.map((s) => `${s[0]}.numerator`);
const DENOMINATORS = SPECS.map((s) => `${s[0]}.denominator`);
const MAX_HUNDREDTHS = SPECS.map((s) => s[1] * 100);
const TARGETS = SPECS.map((s) => s[2]);
const ZERO_FULL = SPECS.map((s) => s[3]);
const GROUP = SPECS.map((s) => s[4]);
const NOT_APPLICABLE_FOR_COMMUNE = SPECS.map((s) => s[0] === "3.1");
/** 6.7's 0 / 0 at province level is 100 % and full points (METHOD.md §8). */
const ZERO_FULL_FOR_PROVINCE = SPECS.map((s) => s[0] === "6.7");

export interface FloorResult {
  /** Ratio in hundredths of a percent, per unit × indicator (−1: not applicable). */
  ratio: Int32Array;
  /** Points in hundredths, per unit × indicator (−1: not applicable). */
  points: Int32Array;
  /** Group scores per unit × group, as numbers. */
  groups: Float64Array;
  total: Float64Array;
}

/** Half-up of num/den to an integer, exact for num < 2⁵³ and den·quotient < 2⁵³. */
function halfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

export function floorScore(units: readonly UnitRow[]): FloorResult {
  const n = units.length;
  const ratio = new Int32Array(n * COUNT);
  const points = new Int32Array(n * COUNT);
  const groups = new Float64Array(n * 6);
  const total = new Float64Array(n);
  const groupSum = [0, 0, 0, 0, 0, 0];
  for (let u = 0; u < n; u++) {
    const unit = units[u];
    const values = unit.values;
    const commune = unit.level === "commune";
    const province = unit.level === "province";
    groupSum.fill(0);
    for (let i = 0; i < COUNT; i++) {
      const at = u * COUNT + i;
      if (commune && NOT_APPLICABLE_FOR_COMMUNE[i]) {
        ratio[at] = -1;
        points[at] = -1;
        continue;
      }
      const num = values[NUMERATORS[i]] as number;
      const den = values[DENOMINATORS[i]] as number;
      let r: number;
      let p: number;
      if (den === 0) {
        const full = ZERO_FULL[i] || (province && ZERO_FULL_FOR_PROVINCE[i]);
        r = full ? 10000 : 0;
        p = full ? MAX_HUNDREDTHS[i] : 0;
      } else {
        // Points from the ratio rounded to hundredths of a percent (METHOD.md §8), as the portal does.
        r = halfUp(num * 10000, den);
        const target = TARGETS[i];
        p = target === 0 ? halfUp(r * MAX_HUNDREDTHS[i], 10000) : Math.min(MAX_HUNDREDTHS[i], halfUp(r * MAX_HUNDREDTHS[i], 100 * target));
      }
      ratio[at] = r;
      points[at] = p;
      groupSum[GROUP[i]] += p;
    }
    let sum = 0;
    for (let g = 0; g < 6; g++) {
      groups[u * 6 + g] = groupSum[g] / 100;
      sum += groupSum[g];
    }
    total[u] = sum / 100;
  }
  return { ratio, points, groups, total };
}
