/**
 * Fixed-shape records: the units' `groups` and `indicators` records. Adding keys one by one to
 * `{}` gives a slow dictionary object (this was the engine's costliest line for the 21
 * indicators); an object made by a constructor that always adds the same keys in the same order
 * is a fast, fixed-shape object. The records still behave as plain objects (own enumerable keys,
 * JSON, Object.entries).
 */
import type { IndicatorResult } from "../model/units";
import { inRecord } from "./unit-indicators";

/**
 * A constructor whose objects are plain objects (prototype Object.prototype, constructor
 * Object: equal to literals under toStrictEqual, JSON, structuredClone), and that V8 gives one
 * fixed shape with room for every field it assigns.
 */
export function plainConstructor<A extends unknown[], T extends object>(init: (this: T, ...args: A) => void): new (...args: A) => T {
  init.prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}

/** Beyond this many ids a bit mask no longer fits: records are then built the plain way. */
const MASK_BITS = 31;

/**
 * One constructor per set of present ids (a bit mask; tables have one or two), made on first
 * use from the present positions and their ids, in the order of ids.
 */
function constructorsByMask<C>(ids: readonly string[], make: (at: readonly number[], keys: readonly string[]) => C): (present: number) => C {
  const constructors = new Map<number, C>();
  return (present) => {
    let Builder = constructors.get(present);
    if (!Builder) {
      const at = ids.map((_, i) => i).filter((i) => (present & (1 << i)) !== 0);
      Builder = make(at, at.map((i) => ids[i]));
      constructors.set(present, Builder);
    }
    return Builder;
  };
}

/** Builds records { [ids[i]]: values[i] } with the keys in the order of ids. */
export interface FixedShapeBuilder<T> {
  /** The values that are not undefined. */
  some(values: readonly (T | undefined)[]): Record<string, T>;
  /** Every value (each id in the record). */
  all(values: ArrayLike<T>): Record<string, T>;
}

export function fixedShapeBuilder<T>(ids: readonly string[]): FixedShapeBuilder<T> {
  if (ids.length > MASK_BITS) {
    const some = (values: ArrayLike<T | undefined>) => {
      const record: Record<string, T> = {};
      for (let i = 0; i < ids.length; i++) if (values[i] !== undefined) record[ids[i]] = values[i]!;
      return record;
    };
    return { some, all: some };
  }
  const builderFor = constructorsByMask(ids, (at, keys) =>
    plainConstructor(function (this: Record<string, T>, values: ArrayLike<T | undefined>) {
      for (let k = 0; k < keys.length; k++) this[keys[k]] = values[at[k]]!;
    }),
  );
  const Every = builderFor(ids.length === MASK_BITS ? -1 >>> 1 : (1 << ids.length) - 1);
  return {
    some(values) {
      let present = 0;
      for (let i = 0; i < ids.length; i++) if (values[i] !== undefined) present |= 1 << i;
      return new (builderFor(present))(values);
    },
    all: literalBuilder<T>(ids) ?? ((values) => new Every(values)),
  };
}

/**
 * A function returning { [ids[0]]: values[0], [ids[1]]: values[1], … } as an object literal,
 * compiled once per list of ids. V8 allocates the objects of a literal straight in the old
 * generation once it sees that they live on (allocation-site pretenuring), which it never does
 * for objects made by a constructor: for the groups records of 100k units that is about a tenth
 * of score()'s time, spent copying them out of the young generation. The same record as the
 * constructors give (keys in the order of ids, the last of a repeated id wins, integer-like ids
 * first as in any object). The keys are JSON string literals, so nothing from a profile runs as
 * code. Null (the constructors are used) for an id "__proto__", which a literal would take as
 * the prototype, and where compiling code is not allowed (a Content-Security-Policy without
 * 'unsafe-eval').
 */
function literalBuilder<T>(ids: readonly string[]): ((values: ArrayLike<T>) => Record<string, T>) | null {
  if (ids.includes("__proto__")) return null;
  const fields = ids.map((id, i) => `${JSON.stringify(id)}: values[${i}]`).join(", ");
  try {
    return new Function("values", `return { ${fields} };`) as (values: ArrayLike<T>) => Record<string, T>;
  } catch {
    return null;
  }
}

export const orNull = (x: number): number | null => (x === x ? x : null);

/** Builds a unit's `indicators` record from indicator columns (status, ratio, points) at an offset. */
export type IndicatorRecordBuilder = (status: Uint8Array, ratio: Float64Array, points: Float64Array, offset: number) => Record<string, IndicatorResult>;

/**
 * The `indicators` record: { [id]: { ratio, points } } for the indicators in the record (see
 * inRecord), keys in profile order, NaN read back as null.
 */
export function indicatorRecordBuilder(ids: readonly string[]): IndicatorRecordBuilder {
  const count = ids.length;
  const entry = (ratio: Float64Array, points: Float64Array, at: number): IndicatorResult => ({ ratio: orNull(ratio[at]), points: orNull(points[at]) });
  if (count > MASK_BITS) {
    return (status, ratio, points, offset) => {
      const record: Record<string, IndicatorResult> = {};
      for (let i = 0; i < count; i++) if (inRecord(status[offset + i])) record[ids[i]] = entry(ratio, points, offset + i);
      return record;
    };
  }
  const builderFor = constructorsByMask(ids, (at, keys) =>
    plainConstructor(function (this: Record<string, IndicatorResult>, ratio: Float64Array, points: Float64Array, offset: number) {
      for (let k = 0; k < keys.length; k++) this[keys[k]] = entry(ratio, points, offset + at[k]);
    }),
  );
  return (status, ratio, points, offset) => {
    let present = 0;
    for (let i = 0; i < count; i++) if (inRecord(status[offset + i])) present |= 1 << i;
    return new (builderFor(present))(ratio, points, offset);
  };
}
