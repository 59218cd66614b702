/**
 * The common path: a unit whose every applicable indicator comes as usable counts, in a table
 * that prints no ratios, points, group scores or total to check. That is nearly every unit of a
 * counts table, and for them the general path (scoreIndicator's checks, Part objects per group,
 * lists of components) computes the same numbers with much more work. Here the indicators are
 * scored straight into the caller's typed arrays and the groups and total are summed as whole
 * hundredths, exactly as the general path sums them; a unit with anything else (a blank, a bad
 * count, a denominator of 0 the profile calls missing) is left to the general path.
 * tests/engine/common-path.test.ts checks both paths give the same results.
 */
import type { Profile } from "../model/profile";
import type { UnitRow } from "../model/units";
import type { ProfileShape, Step } from "./compile";
import { NOT_APPLICABLE_STATUS, OK } from "./unit-indicators";
import { roundWholeQuotient } from "./round";

/** Sums stay far below 2⁵⁰ (round.ts's exact range for hundredths) when the maxima do. */
const SAFE_SUM = 2 ** 48;

/** What the common path needs about one level (null: the level never takes the common path). */
interface LevelPlan {
  /** 1 where the indicator does not apply at this level. */
  notApplicable: Uint8Array;
}

export interface CommonPath {
  /**
   * Scores the row's indicators into status/ratio/points at `offset` (positions as in
   * profile.indicators) and the plain groups' scores into `groupScores` (by position in
   * ProfileShape.plainGroups); returns the total in hundredths, or NaN when the unit needs the
   * general path (then what was written is to be ignored).
   */
  score(row: UnitRow, status: Uint8Array, ratio: Float64Array, points: Float64Array, offset: number, groupScores: Float64Array): number;
}

/**
 * Half-up (or half-even) of num ÷ den as a whole number: roundQuotient (round.ts) before its
 * division by 10^decimals, for whole num ≥ 0 and 0 < den with num, den < 2⁴⁵.
 */
function quotientRounded(num: number, den: number, halfEven: boolean): number {
  // Half-up is ⌊(2·num + den) / (2·den)⌋: the numerator stays below 2⁴⁷, so a quotient that is
  // not whole is at least 1/(2·den) below the next whole number, far more than the division's
  // rounding error there (2⁻⁵² relative); one division instead of a remainder and a correction.
  return halfEven ? roundWholeQuotient(num, den, "half-even") : Math.floor((2 * num + den) / (2 * den));
}

/** roundQuotient's bound on numerators and denominators (num × 10^decimals and den below it). */
const SAFE_QUOTIENT = 2 ** 45;

/**
 * The common path for this profile and table, or null when the profile or the table needs the
 * general path for every unit (printed values to check, rounding other than to hundredths,
 * combined groups, a basis other than the indicators).
 */
export function commonPathOf(profile: Profile, shape: ProfileShape, steps: readonly Step[]): CommonPath | null {
  if (profile.rounding.decimals !== 2 || profile.basis !== "indicators") return null;
  if (shape.combinedGroups.length > 0 || shape.plainGroups.some((g) => g.present)) return null;
  if (profile.total && shape.totalPresent) return null;
  let maxSum = 0;
  for (const step of steps) {
    if (step.absent || step.ratioPresent || step.pointsPresent) return null;
    if (step.scored && (step.maxHundredths !== step.maxHundredths || step.target !== step.target)) return null;
    if (step.scored) maxSum += step.maxHundredths * (1 + shape.plainGroups.length);
  }
  if (!(maxSum < SAFE_SUM)) return null;

  const count = steps.length;
  const halfEven = profile.rounding.mode === "half-even";
  const numerators = steps.map((s) => s.fields.numerator);
  const denominators = steps.map((s) => s.fields.denominator);
  const scored = Uint8Array.from(steps, (s) => (s.scored ? 1 : 0));
  const maxHundredths = Float64Array.from(steps, (s) => (s.scored ? s.maxHundredths : 0));
  const targets = Float64Array.from(steps, (s) => (s.scored ? s.target : 0));
  /**
   * Denominators (and so numerators, never above them) below this keep every roundQuotient of
   * the indicator within its exact range: n·10⁴, n·max·100 (in hundredths), d·100 and
   * d·target below 2⁴⁵. Larger counts go to the general path.
   */
  const countLimit = Float64Array.from(steps, (s) => Math.min(SAFE_QUOTIENT / 10_000, s.scored ? SAFE_QUOTIENT / (100 * Math.max(1, s.maxHundredths)) : Infinity));
  const zeroScored = Uint8Array.from(steps, (s) => (s.zeroScored ? 1 : 0));
  const zeroRatio = Float64Array.from(steps, (s) => s.zeroRatio);
  // Points of a zero denominator in hundredths: 0 or the maximum (max = maxHundredths / 100).
  const zeroHundredths = Float64Array.from(steps, (s) => (s.scored && s.zeroPoints !== 0 ? s.maxHundredths : 0));
  // The unit's points in hundredths, by indicator (scratch).
  const hundredths = new Float64Array(count);
  // Group members flattened: group k's members are memberAt[memberStart[k] .. memberStart[k + 1]).
  const groups = shape.plainGroups;
  const memberStart = new Int32Array(groups.length + 1);
  const memberList: number[] = [];
  groups.forEach((g, k) => {
    memberStart[k] = memberList.length;
    for (const i of g.members ?? []) memberList.push(i);
  });
  memberStart[groups.length] = memberList.length;
  const memberAt = Int32Array.from(memberList);
  const ungrouped = Int32Array.from(shape.ungrouped);

  const plans = new Map<string | null, LevelPlan | null>();
  const planFor = (level: string | null): LevelPlan | null => {
    let plan = plans.get(level);
    if (plan === undefined) {
      const notApplicable = Uint8Array.from(steps, (s) => (level !== null && s.spec.notApplicableFor.includes(level as never) ? 1 : 0));
      // Every group needs an applicable member (else the general path leaves it out and the
      // total is not computed), and the total needs something to add up.
      let usable = groups.length > 0 || Array.from(ungrouped).some((i) => notApplicable[i] === 0);
      for (let k = 0; k < groups.length && usable; k++) {
        let applicable = 0;
        for (let m = memberStart[k]; m < memberStart[k + 1]; m++) if (notApplicable[memberAt[m]] === 0) applicable++;
        if (applicable === 0) usable = false;
      }
      plan = usable ? { notApplicable } : null;
      plans.set(level, plan);
    }
    return plan;
  };

  return {
    score(row, status, ratio, points, offset, groupScores) {
      const plan = planFor(row.level);
      if (plan === null) return NaN;
      const notApplicable = plan.notApplicable;
      const values = row.values;
      // Indicators: the numbers countsInto (unit-indicators.ts) gives every applicable one, by
      // the same integer arithmetic (roundQuotient), for whole counts within its exact range.
      for (let i = 0; i < count; i++) {
        const at = offset + i;
        if (notApplicable[i] === 1) {
          status[at] = NOT_APPLICABLE_STATUS;
          ratio[at] = NaN;
          points[at] = NaN;
          continue;
        }
        const n = values[numerators[i]];
        const d = values[denominators[i]];
        if (typeof n !== "number" || typeof d !== "number" || !(n >= 0 && n <= d && d < countLimit[i])) return NaN;
        if (!Number.isInteger(n) || !Number.isInteger(d)) return NaN;
        let r: number;
        let h = 0;
        if (d === 0) {
          if (zeroScored[i] === 0) return NaN;
          r = zeroRatio[i];
          h = zeroHundredths[i];
        } else {
          r = quotientRounded(n * 10_000, d, halfEven) / 100;
          if (scored[i] === 1) {
            const target = targets[i];
            if (target === 0) h = quotientRounded(n * maxHundredths[i] * 100, d * 100, halfEven);
            else if (n * 100 >= d * target) h = maxHundredths[i];
            else h = quotientRounded(n * maxHundredths[i] * 100, d * target, halfEven);
          }
        }
        status[at] = OK;
        ratio[at] = r;
        points[at] = scored[i] === 1 ? h / 100 : NaN;
        hundredths[i] = h;
      }
      // Groups and total as whole hundredths (groups.ts and totals.ts take the same exact path:
      // every point is a whole number of hundredths, and the sums stay below 2⁵⁰).
      let total = 0;
      for (let k = 0; k < groups.length; k++) {
        let sum = 0;
        for (let m = memberStart[k]; m < memberStart[k + 1]; m++) {
          const i = memberAt[m];
          if (notApplicable[i] === 0) sum += hundredths[i];
        }
        groupScores[k] = sum / 100;
        total += sum;
      }
      for (let k = 0; k < ungrouped.length; k++) {
        const i = ungrouped[k];
        if (notApplicable[i] === 0) total += hundredths[i];
      }
      return total;
    },
  };
}
