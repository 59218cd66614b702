/** The method sheet: every built-in survives the trip, edits change the method, mistakes name their cell. */
import fc from "fast-check";
import type { CellValue } from "../../src/model/grid";
import { METHOD_SHEET, parseProfile, type Profile } from "../../src/model/profile";
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";
import { methodSheetLines, methodToSheet, sheetToMethod, type MethodSheet } from "../../src/profiles/sheet";

const Q = "'Phương pháp chấm điểm'";

function builtin(id: string): Profile {
  const p = getProfile(id);
  if (!p) throw new Error(id);
  return p;
}

/** A deep copy of the sheet's cells, for editing. */
function copy(sheet: MethodSheet): MethodSheet {
  return { ...sheet, values: sheet.values.map((r) => [...r]) };
}

/** The 0-based row whose cell in `col` holds `text`, at or after `from`. */
function rowWith(sheet: MethodSheet, col: number, text: CellValue, from = 0): number {
  const r = sheet.values.findIndex((row, i) => i >= from && row[col] === text);
  if (r < 0) throw new Error(`no row with ${String(text)}`);
  return r;
}

function set(sheet: MethodSheet, row: number, col: number, value: CellValue): void {
  while (sheet.values[row].length <= col) sheet.values[row].push(null);
  sheet.values[row][col] = value;
}

function read(sheet: MethodSheet): Profile {
  const r = sheetToMethod(sheet);
  if (r.problems) throw new Error(methodSheetLines(r.problems).join("\n"));
  return r.profile;
}

function problemsOf(sheet: MethodSheet): string[] {
  const r = sheetToMethod(sheet);
  return r.problems ? methodSheetLines(r.problems) : [];
}

describe("method sheet round trip", () => {
  test.each(BUILTIN_PROFILES.map((p) => [p.id, p] as const))("%s → sheet → the same method", (_id, profile) => {
    const sheet = methodToSheet(profile);
    expect(sheet.sheet).toBe(METHOD_SHEET);
    expect(read(sheet)).toEqual(profile);
  });

  test("the sheet shows Vietnamese words, not the schema's codes", () => {
    const text = methodToSheet(builtin("qd766"))
      .values.flat()
      .filter((v): v is string => typeof v === "string")
      .join("\n");
    expect(text).toContain("Đạt chỉ tiêu thì đủ điểm");
    expect(text).toContain("Đồng hạng, bỏ qua hạng kế tiếp (1, 2, 2, 4)");
    expect(text).toContain("Cấp tỉnh: Được đủ điểm");
    for (const code of ["competition", "half-up", "indicators", "target", "linear", "province", "commune"]) expect(text).not.toMatch(new RegExp(`(^|\\n)${code}($|\\n)`));
  });

  test("random band schemes, maxima and ranking words survive the trip", () => {
    const bandsArb = fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }).map((mins) =>
      mins.sort((a, b) => b - a).map((min, i) => ({ min, key: `muc-${i + 1}`, label: `Mức ${i + 1} đạt` })),
    );
    fc.assert(
      fc.property(bandsArb, fc.double({ min: 0.25, max: 500, noNaN: true }), fc.constantFrom("competition", "dense", "sequential", "table-order"), fc.constantFrom("level", "all"), (bands, max, tie, scope) => {
        const base = builtin("dien-bien-2023");
        const profile = parseProfile({ ...base, total: { ...base.total!, max: Math.round(max * 100) / 100 }, rating: { on: "total", bands }, ranking: { tie, scope } });
        expect(read(methodToSheet(profile))).toEqual(profile);
      }),
      { numRuns: 40 },
    );
  });
});

describe("edited cells change the method", () => {
  test("a band's minimum typed as Vietnamese text, a new band row, a tie rule in words", () => {
    const sheet = copy(methodToSheet(builtin("qd766-nhom")));
    set(sheet, rowWith(sheet, 1, "Tốt"), 0, "85,5");
    const yeu = rowWith(sheet, 1, "Yếu");
    sheet.values.splice(yeu, 0, [40, "Cần cố gắng"]);
    set(sheet, rowWith(sheet, 0, "Khi bằng điểm"), 1, "đồng hạng, không bỏ hạng");
    const p = read(sheet);
    expect(p.rating?.bands.map((b) => [b.min, b.label, b.key])).toEqual([
      [90, "Xuất sắc", "xuat-sac"],
      [85.5, "Tốt", "tot"],
      [70, "Khá", "kha"],
      [50, "Trung bình", "trung-binh"],
      [40, "Cần cố gắng", "can-co-gang"],
      [0, "Yếu", "yeu"],
    ]);
    expect(p.ranking?.tie).toBe("dense");
  });

  test("an indicator's rule, target and maximum; no ranking", () => {
    const sheet = copy(methodToSheet(builtin("qd766")));
    const row = rowWith(sheet, 0, "3.2", rowWith(sheet, 0, "Mã chỉ số"));
    set(sheet, row, 3, "5");
    set(sheet, row, 4, "Đạt chỉ tiêu thì đủ điểm");
    set(sheet, row, 5, "75%");
    set(sheet, rowWith(sheet, 0, "Xếp hạng"), 1, "Không xếp hạng");
    const p = read(sheet);
    const ind = p.indicators.find((i) => i.id === "3.2");
    expect(ind?.max).toBe(5);
    expect(ind?.rule).toEqual({ kind: "target", target: 75 });
    expect(p.ranking).toBeNull();
  });

  test("a validity date typed as an Excel date and columns moved around still read", () => {
    const sheet = copy(methodToSheet(builtin("qd766")));
    set(sheet, rowWith(sheet, 0, "Áp dụng đến ngày"), 1, 46022); // 31/12/2025
    const header = rowWith(sheet, 0, "Từ (% điểm tối đa)");
    for (let r = header; r < header + 6; r++) sheet.values[r] = [sheet.values[r][1], sheet.values[r][2], sheet.values[r][0]];
    const p = read(sheet);
    expect(p.validTo).toBe("2025-12-31");
    expect(p.rating?.bands[0]).toEqual({ min: 90, key: "xuat-sac", label: "Xuất sắc" });
  });
});

describe("each kind of mistake names its cell", () => {
  const base = () => copy(methodToSheet(builtin("qd766")));
  const cell = (row: number, col: string) => `${Q}!${col}${row + 1}`;

  test("a word where a number belongs", () => {
    const sheet = base();
    const row = rowWith(sheet, 0, "2.1", rowWith(sheet, 0, "Mã chỉ số"));
    set(sheet, row, 3, "mười");
    expect(problemsOf(sheet)).toEqual([`${cell(row, "D")}: "mười" không phải là số`]);
  });

  test("a band minimum above 100 (the schema's path rating.bands[2].min, at its cell)", () => {
    const sheet = base();
    const row = rowWith(sheet, 1, "Khá");
    set(sheet, row, 0, 170);
    expect(problemsOf(sheet)).toEqual([`${cell(row, "A")}: phải là số từ 0 đến 100`]);
  });

  test("an indicator in a group that does not exist, and a duplicate id", () => {
    const sheet = base();
    const table = rowWith(sheet, 0, "Mã chỉ số");
    const a = rowWith(sheet, 0, "1.2", table);
    const b = rowWith(sheet, 0, "1.3", table);
    set(sheet, a, 2, "CKMBX");
    set(sheet, b, 0, "1.1");
    const problems = problemsOf(sheet);
    expect(problems.slice(0, 2)).toEqual([`${cell(a, "C")}: không có nhóm mã “CKMBX” trong "groups"`, `${cell(b, "A")}: mã chỉ số “1.1” bị trùng`]);
    // The renamed indicator's header spellings now belong to nothing: each row says so.
    expect(problems.slice(2).every((p) => p.endsWith("không có “Chỉ số 1.3” trong các bảng nhóm, chỉ số hay các cột khác ở trên"))).toBe(true);
    expect(problems).toHaveLength(2 + builtin("qd766").indicators.find((i) => i.id === "1.3")!.aliases.length);
  });

  test("a word that is not one of the choices, and an impossible date", () => {
    const sheet = base();
    const tie = rowWith(sheet, 0, "Khi bằng điểm");
    const from = rowWith(sheet, 0, "Áp dụng từ ngày");
    set(sheet, tie, 1, "bốc thăm");
    set(sheet, from, 1, "31/02/2025");
    const problems = problemsOf(sheet);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^${cell(from, "B").replace(/[()'!]/g, "\\$&")}: phải là ngày`));
    expect(problems[1]).toBe(`${cell(tie, "B")}: "bốc thăm" không phải là lựa chọn ở đây; ghi “Đồng hạng, bỏ qua hạng kế tiếp (1, 2, 2, 4)”, “Đồng hạng, không bỏ hạng (1, 2, 2, 3)”, “Xếp liền theo tên đơn vị (1, 2, 3, 4)”, “Xếp liền theo thứ tự trong bảng (1, 2, 3, 4)”`);
  });

  test("a required cell left blank, a missing column, a header spelling for nothing", () => {
    const sheet = base();
    const name = rowWith(sheet, 0, "Tên phương pháp");
    set(sheet, name, 1, null);
    const header = rowWith(sheet, 0, "Mã nhóm");
    set(sheet, header, 2, "Ghi chú");
    const alias = rowWith(sheet, 0, "Chỉ số 6.7");
    set(sheet, alias, 0, "Chỉ số 9.9");
    expect(problemsOf(sheet)).toEqual([
      `${cell(name, "B")}: thiếu (bắt buộc phải có)`,
      `${cell(header, "A")}: bảng “CÁC NHÓM CHỈ SỐ” thiếu cột “Điểm tối đa”`,
      `${cell(alias, "A")}: không có “Chỉ số 9.9” trong các bảng nhóm, chỉ số hay các cột khác ở trên`,
    ]);
  });

  test("a sheet that is not a method at all", () => {
    const problems = problemsOf({ ...methodToSheet(builtin("qd766")), values: [["Bảng điểm"], ["STT", "Đơn vị"]] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^'Phương pháp chấm điểm'!A1: không thấy mục “THÔNG TIN CHUNG”/);
  });
});
