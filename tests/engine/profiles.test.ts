import { parseProfile } from "../../src/model/profile";
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";

describe("built-in profiles", () => {
  it("has the five profiles of the issue, each valid under the schema", () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual(["qd766", "qd766-nhom", "dien-bien-2023", "an-giang-tuan", "chi-tieu"]);
    for (const p of BUILTIN_PROFILES) expect(parseProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it("getProfile finds by id and returns undefined otherwise", () => {
    expect(getProfile("qd766")?.indicators).toHaveLength(21);
    expect(getProfile("khong-co")).toBeUndefined();
  });

  it("qd766 indicator maxima add up to each group's maximum and to 100", () => {
    const p = getProfile("qd766")!;
    for (const g of p.groups) {
      const sum = p.indicators.filter((i) => i.group === g.id).reduce((s, i) => s + i.max, 0);
      expect(sum).toBe(g.max);
    }
    expect(p.groups.reduce((s, g) => s + g.max, 0)).toBe(p.total?.max);
  });

  it("dien-bien-2023 has 8 indicators (30, 10, 10, 5, 10, 5, 5, 5) out of 80", () => {
    const p = getProfile("dien-bien-2023")!;
    expect(p.indicators.map((i) => i.max)).toEqual([30, 10, 10, 5, 10, 5, 5, 5]);
    expect(p.total?.max).toBe(80);
    expect(p.scale?.max).toBe(10);
  });

  it("every indicator, group and column has at least one alias and ids are unique", () => {
    for (const p of BUILTIN_PROFILES) {
      const ids = [...p.indicators.map((i) => i.id), ...p.groups.map((g) => g.id)];
      expect(new Set(ids).size).toBe(ids.length);
      for (const x of [...p.indicators, ...p.groups, ...p.columns]) expect(x.aliases.length).toBeGreaterThan(0);
      for (const i of p.indicators) if (i.group) expect(p.groups.map((g) => g.id)).toContain(i.group);
    }
  });
});
