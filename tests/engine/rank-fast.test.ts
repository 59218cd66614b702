/** ranksByValue (the engine's path for competition and dense ties) ranks exactly as rankValues. */
import fc from "fast-check";
import { rankValues, ranksByValue } from "../../src/engine/rank";

describe("ranksByValue", () => {
  it.each(["competition", "dense"] as const)("gives rankValues' %s ranks, ties and −0 included", (tie) => {
    // Few distinct values, so that ties are common; −0 ties with 0.
    const valueArb = fc.oneof(fc.constantFrom(0, -0, 55.23, 80, 80.01, 100), fc.double({ min: -10, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 60 }), (values) => {
        const expected = rankValues(values.map((value, id) => ({ id, value, name: "", row: id })), tie);
        const ranks = ranksByValue(Float64Array.from(values), tie)!;
        expect(Array.from(ranks)).toEqual(values.map((_, id) => expected.get(id)));
      }),
    );
  });

  it("leaves NaN to rankValues", () => {
    expect(ranksByValue(Float64Array.from([1, NaN]), "competition")).toBeNull();
  });
});
