/**
 * A printed group score stands in when the row gives none of the group's indicator values
 * (METHOD.md: missing is not zero; a published group score is a published value). The table has
 * the 3.x columns because the province's row has counts; an agency's cells there are blank and
 * the portal gives only its "Dịch vụ công trực tuyến" score (Phú Thọ 8/2026).
 */
import { score } from "../../src/engine";
import type { UnitRow } from "../../src/model/units";
import { getProfile } from "../../src/profiles";
import { unitRow } from "./rows";

const qd766 = getProfile("qd766")!;

/** The four cells of each 3.x indicator, blank unless given ([numerator, denominator, ratio, points]). */
function dvctt(given: Partial<Record<"3.1" | "3.2" | "3.3", (number | null)[]>> = {}): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const id of ["3.1", "3.2", "3.3"] as const) {
    const [n = null, d = null, r = null, p = null] = given[id] ?? [];
    Object.assign(values, { [`${id}.numerator`]: n, [`${id}.denominator`]: d, [`${id}.ratio`]: r, [`${id}.points`]: p });
  }
  return values;
}

const scoreOne = (row: UnitRow) => score([row], qd766).units[0];
const missingOf = (u: ReturnType<typeof scoreOne>) => u.problems.filter((p) => p.code === "missing").map((p) => p.field);
const notes = (u: ReturnType<typeof scoreOne>) => u.problems.filter((p) => p.code === "printed-group");

describe("every 3.x cell of the row blank, the group score printed", () => {
  const row = unitRow(4, "Sở Công Thương", { ...dvctt(), CLGQ: 6.45 }, { level: "department" });
  const u = scoreOne(row);

  it("the printed score is the group's, and no indicator is said missing", () => {
    expect(u.groups.CLGQ).toBe(6.45);
    expect(missingOf(u)).toEqual([]);
    expect(u.indicators["3.2"]).toEqual({ ratio: null, points: null });
  });

  it("one note, on the group's cell, says the printed score was used and why", () => {
    expect(notes(u).map((p) => [p.severity, p.cell, p.field])).toEqual([["info", row.cells!.CLGQ, "CLGQ"]]);
    expect(notes(u)[0].message).toBe("Điểm nhóm “Dịch vụ công trực tuyến” lấy theo điểm in sẵn 6,45 vì dòng này không có số liệu các chỉ số của nhóm");
    expect(u.problems).toHaveLength(1);
  });

  it("a commune, whose 3.1 does not apply, too", () => {
    const c = scoreOne(unitRow(9, "UBND xã Phùng Nguyên", { ...dvctt(), CLGQ: 6.25 }, { level: "commune" }));
    expect([c.groups.CLGQ, missingOf(c), notes(c).length]).toEqual([6.25, [], 1]);
  });

  it("a printed 0 stands too (the portal publishes 0), with a warning to check it is no sum of blanks", () => {
    const z = scoreOne(unitRow(4, "Văn phòng UBND", { ...dvctt(), CLGQ: 0 }, { level: "department" }));
    expect(z.groups.CLGQ).toBe(0);
    expect(notes(z).map((p) => p.severity)).toEqual(["warning"]);
    expect(notes(z)[0].message).toMatch(/in sẵn 0 .*không phải tổng các ô trống$/);
  });

  it("a 'no data' mark in the indicator cells counts as blank: the printed score stands", () => {
    const marked: UnitRow = { ...unitRow(4, "Sở Y tế", { ...dvctt(), CLGQ: 7.5 }, { level: "department" }), marks: { "3.1.denominator": "-", "3.3.ratio": "x" } };
    const m = scoreOne(marked);
    expect([m.groups.CLGQ, missingOf(m), notes(m).length]).toEqual([7.5, [], 1]);
  });
});

describe("today's behaviour is kept", () => {
  it("part of the group given, part blank: the group is missing, the blank indicator said", () => {
    const u = scoreOne(unitRow(4, "Sở Tư pháp", { ...dvctt({ "3.2": [10, 20] }), CLGQ: 6.45 }, { level: "department" }));
    expect(u.groups.CLGQ).toBeNull();
    expect(missingOf(u)).toEqual(["3.1.denominator", "3.3.denominator"]);
    expect(notes(u)).toEqual([]);
  });

  it("a blank printed group score with blank indicators: missing, each indicator said", () => {
    const u = scoreOne(unitRow(4, "Sở Tư pháp", { ...dvctt(), CLGQ: null }, { level: "department" }));
    expect(u.groups.CLGQ).toBeNull();
    expect(missingOf(u)).toEqual(["3.1.denominator", "3.2.denominator", "3.3.denominator"]);
    expect(notes(u)).toEqual([]);
  });

  it("a printed group score above its maximum does not stand: the error, the indicators missing, not rated", () => {
    const u = scoreOne(unitRow(4, "Sở Tư pháp", { ...dvctt(), CLGQ: 12.5 }, { level: "department" }));
    expect(u.groups.CLGQ).toBeNull();
    expect(u.problems.map((p) => p.code)).toEqual(["missing", "missing", "missing", "above-max", "not-rated"]);
  });

  it("an unreadable indicator cell is no blank: the printed score does not stand", () => {
    const row: UnitRow = { ...unitRow(4, "Sở Tư pháp", { ...dvctt(), CLGQ: 6.45 }, { level: "department" }), invalid: { "3.2.ratio": "“9/,5” không phải là số" } };
    const u = scoreOne(row);
    expect(u.groups.CLGQ).toBeNull();
    expect(notes(u)).toEqual([]);
  });

  it("inherited indicators are given: a department with 1.x from the province and 1.4 blank is missing", () => {
    const ckmb = (n: number | null, d: number | null) =>
      Object.fromEntries(["1.1", "1.2", "1.3", "1.4"].flatMap((id) => [[`${id}.numerator`, n], [`${id}.denominator`, d]]));
    const province = unitRow(3, "UBND tỉnh", { ...ckmb(10, 10), CKMB: 18 }, { level: "province" });
    const department = unitRow(4, "Sở Tư pháp", { ...ckmb(null, null), CKMB: 17 }, { level: "department" });
    const u = score([province, department], qd766).units[1];
    expect(u.groups.CKMB).toBeNull();
    expect(missingOf(u)).toEqual(["1.4.denominator"]);
    expect(notes(u)).toEqual([]);
  });
});
