/** The profile schema refuses what would break the engine's records, with a Vietnamese message naming the place. */
import { parseProfile, type ProfileInput } from "../../src/model/profile";
import { score } from "../../src/engine";

const base: ProfileInput = {
  id: "thu",
  name: "Thử",
  version: "1",
  source: "thử",
  basis: "indicators",
  groups: [{ id: "A", label: "Nhóm A", max: 10 }],
  indicators: [{ id: "a1", label: "A1", group: "A", max: 10 }],
};

describe("profile ids", () => {
  test("a group or indicator id of __proto__ is refused, naming where", () => {
    expect(() => parseProfile({ ...base, groups: [{ id: "__proto__", label: "X", max: 10 }] })).toThrow(/groups\.0\.id: mã này không dùng được/);
    expect(() => parseProfile({ ...base, indicators: [{ id: "__proto__", label: "X", group: "A", max: 10 }] })).toThrow(/indicators\.0\.id: mã này không dùng được/);
  });

  test("ordinary ids, including JavaScript words, are accepted", () => {
    const profile = parseProfile({ ...base, groups: [{ id: "constructor", label: "X", max: 10 }], indicators: [{ id: "toString", label: "T", group: "constructor", max: 10 }] });
    const row = { row: 5, name: "Xã A", key: "xa a", code: null, level: null, aggregate: false, values: { "toString.numerator": 1, "toString.denominator": 4 } };
    const [unit] = score([row], profile).units;
    expect(Object.keys(unit.groups)).toEqual(["constructor"]);
    expect(unit.groups.constructor).toBe(2.5);
    expect(unit.indicators.toString).toEqual({ ratio: 25, points: 2.5 });
  });
});
