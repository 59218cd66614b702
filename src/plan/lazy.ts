/**
 * Properties computed on first read. The CLI writes 90,000 cells at 10,000 rows and never reads
 * the per-cell lists a plan and a state carry (undo snapshots, written cells); building them
 * eagerly cost a tenth of a run. A lazy property is an enumerable accessor that replaces itself
 * with a plain data property on first read, so JSON, spread, structuredClone and toEqual see
 * the same object as if it had been built eagerly.
 */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]): void => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      const value = compute();
      settle(value);
      return value;
    },
    set(value: T[K]) {
      settle(value);
    },
  });
}

/** Whether a lazy property has not been read (nor replaced) yet: its compact source is still the truth. */
export function isUnread(target: object, key: PropertyKey): boolean {
  return typeof Object.getOwnPropertyDescriptor(target, key)?.get === "function";
}
