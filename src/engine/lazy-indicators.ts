/**
 * Units whose `indicators` record is built on first read. Every unit's indicators of one call
 * are kept column-wise (unit × indicator): 17 bytes per value and no object until a unit's
 * record is read. 21 `{ ratio, points }` objects per unit that outlive the call were a third of
 * score()'s time in allocation and GC at 100k units.
 */
import type { Band } from "../model/profile";
import type { IndicatorResult, Problem, ScoredUnit, UnitRow } from "../model/units";
import { NO_FLAGS } from "./flags";
import { plainConstructor, type IndicatorRecordBuilder } from "./records";
import type { UnitIndicators } from "./unit-indicators";

export class IndicatorColumns {
  /** Unit u's indicator i at u × count + i (the common path writes here directly). */
  readonly status: Uint8Array;
  readonly ratio: Float64Array;
  readonly points: Float64Array;

  constructor(
    units: number,
    readonly count: number,
    private readonly build: IndicatorRecordBuilder,
  ) {
    this.status = new Uint8Array(units * count);
    this.ratio = new Float64Array(units * count);
    this.points = new Float64Array(units * count);
  }

  store(unit: number, from: UnitIndicators): void {
    const offset = unit * this.count;
    for (let i = 0; i < this.count; i++) {
      this.status[offset + i] = from.status[i];
      this.ratio[offset + i] = from.ratio[i];
      this.points[offset + i] = from.points[i];
    }
  }

  record(unit: number): Record<string, IndicatorResult> {
    return this.build(this.status, this.ratio, this.points, unit * this.count);
  }
}

/** What a lazy unit's record is read from: its score() call's columns and units. */
interface LazyCall {
  columns: IndicatorColumns;
  units: readonly ScoredUnit[];
  /** Unit → position, built on the first unit that the binary search does not find. */
  byIdentity: Map<object, number> | null;
}

/** A lazy unit's call (non-enumerable: invisible to JSON, spread, Object.keys, toEqual). */
const LAZY_CALL = Symbol("chiso766.score.call");
type LazyUnit = ScoredUnit & { readonly [LAZY_CALL]: LazyCall };

/**
 * The unit's position in its call, without storing one on each unit: units keep the input
 * order and the reader's rows increase, so a binary search on `row` finds it; the identity
 * check sends any other order (duplicate rows, a changed row) to a map built once.
 */
function positionOf(unit: ScoredUnit, call: LazyCall): number {
  const units = call.units;
  const row = unit.row;
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = units[mid].row;
    if (at < row) lo = mid + 1;
    else if (at > row) hi = mid - 1;
    else if (units[mid] === unit) return mid;
    else break;
  }
  call.byIdentity ??= new Map(units.map((u, i) => [u, i]));
  // An object inheriting from a unit reads the unit's record.
  for (let o: object | null = unit; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const at = call.byIdentity.get(o);
    if (at !== undefined) return at;
  }
  return -1;
}

/**
 * Every lazy unit's `indicators`: an own, enumerable, configurable accessor that builds the
 * record on first read and then replaces itself with a plain data property (so reads after the
 * first, JSON, spread, structuredClone and assignment behave as if the record had been there
 * all along). One getter for all calls: units of every call share one shape (a getter per call
 * would give V8 a conflicting accessor and turn the next call's units into dictionaries).
 */
const LAZY_INDICATORS: PropertyDescriptor = {
  get(this: LazyUnit): Record<string, IndicatorResult> {
    const call = this[LAZY_CALL];
    const at = call === undefined ? -1 : positionOf(this, call);
    // Only reachable by calling the getter on a foreign object.
    if (at < 0) throw new TypeError("indicators: not a unit of a score() call");
    const record = call.columns.record(at);
    settleIndicators(this, record);
    return record;
  },
  set(this: ScoredUnit, value: Record<string, IndicatorResult>): void {
    settleIndicators(this, value);
  },
  enumerable: true,
  configurable: true,
};

function settleIndicators(unit: ScoredUnit, value: Record<string, IndicatorResult>): void {
  // Reflect: a frozen unit keeps its accessor (and rebuilds on each read) instead of throwing.
  Reflect.defineProperty(unit, "indicators", { value, writable: true, enumerable: true, configurable: true });
}

/** The descriptor of the hidden link from a call's lazy units to its columns and units (shared by them). */
export function lazyCall(columns: IndicatorColumns, units: readonly ScoredUnit[]): PropertyDescriptor {
  return { value: { columns, units, byIdentity: null } satisfies LazyCall };
}

/**
 * A ScoredUnit whose `indicators` is the lazy accessor, keys in the same order as an eagerly
 * built unit. Still a plain object (prototype Object.prototype, constructor Object); a
 * constructor rather than a literal plus defineProperty so that V8 gives it room for all its
 * fields at once instead of growing its storage field by field.
 */
export const LazyScoredUnit = plainConstructor(function (
  this: ScoredUnit,
  row: UnitRow,
  aggregate: boolean,
  /** lazyCall(…) of the unit's call. */
  call: PropertyDescriptor,
  groups: Record<string, number | null>,
  total: number | null,
  converted: number | null,
  band: Band | null,
  previous: number | null,
  change: number | null,
  problems: Problem[],
): void {
  this.row = row.row;
  this.name = row.name;
  this.key = row.key;
  this.code = row.code;
  this.level = row.level;
  this.aggregate = aggregate;
  Object.defineProperty(this, "indicators", LAZY_INDICATORS);
  Object.defineProperty(this, LAZY_CALL, call);
  this.groups = groups;
  this.total = total;
  this.converted = converted;
  this.rating = band?.label ?? null;
  this.ratingKey = band?.key ?? null;
  this.rank = null;
  this.previous = previous;
  this.change = change;
  this.flags = NO_FLAGS;
  this.problems = problems;
});
