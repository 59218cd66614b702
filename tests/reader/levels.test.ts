/**
 * Levels from evidence on the tables staff actually have (tests/fixtures/tables): each level
 * column read by its own meaning, names, section rows, province lists, the user's own levels,
 * and disagreements named by their cells.
 */
import { readTable } from "../../src/reader";
import { parseLevelName, readLevelValue, readSection, readUnitName } from "../../src/reader/levels";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { gridFromTsv, withCell } from "../fixtures/grids/tsv";
import { OLD_API_AGENCIES, OLD_API_AN_GIANG_2025_10, OLD_API_COMMUNES } from "../fixtures/tables/old-api-an-giang";
import { PROVINCES_34_2025_10 } from "../fixtures/tables/provinces-34";
import { AN_GIANG_SECTIONED, LAM_DONG_2024_Q2 } from "../fixtures/tables/sectioned";
import { NEW_API_AGENCY_COMMUNE, NEW_API_MERGES } from "../fixtures/tables/new-api-agency-commune";
import type { ReadOptions } from "../../src/reader";

const read = (tsv: string, options: Partial<ReadOptions> = {}, grid = gridFromTsv(tsv, { numeric: true, sheet: "Bảng" })) =>
  readTable(grid, { profiles: BUILTIN_PROFILES, ...options });

const levelsOf = (r: ReturnType<typeof read>) => r.units.filter((u) => !u.aggregate).map((u) => u.level);
const count = (levels: (string | null)[], level: string) => levels.filter((l) => l === level).length;

describe("each level column by its own meaning", () => {
  test("LOAI_COQUAN: 1 province, 2 agency, 3 commune; CAPDONVIID: 1 provincial tier, 2 commune", () => {
    expect(readLevelValue("1", "unit-type")?.levels).toEqual(["province"]);
    expect(readLevelValue("2", "unit-type")?.levels).toEqual(["department"]);
    expect(readLevelValue("3", "unit-type")?.levels).toEqual(["commune"]);
    expect(readLevelValue("1", "tier")?.levels).toEqual(["province", "department"]);
    expect(readLevelValue("2", "tier")?.levels).toEqual(["commune"]);
    expect(readLevelValue("3", "tier")).toBeNull();
  });

  test("new-API labels: Cấp Tỉnh is the provincial tier (an agency unless the name says province), AGENCY/COMMUNE", () => {
    expect(readLevelValue("Cấp Tỉnh", "label")).toEqual({ levels: ["province", "department"], preferred: "department" });
    expect(readLevelValue("Cấp Xã / Đơn vị trực thuộc", "label")?.levels).toEqual(["commune"]);
    expect(readLevelValue("AGENCY", "label")?.levels).toEqual(["department"]);
    expect(readLevelValue("COMMUNE", "label")?.levels).toEqual(["commune"]);
    expect(readLevelValue("PROVINCIAL_DEPARTMENT", "label")?.levels).toEqual(["department"]);
  });

  test("the old-API export: 15 agencies and 25 communes, none a province, both code columns used", () => {
    const r = read(OLD_API_AN_GIANG_2025_10);
    const levels = levelsOf(r);
    expect(levels).toHaveLength(OLD_API_AGENCIES + OLD_API_COMMUNES);
    expect(levels.slice(0, OLD_API_AGENCIES).every((l) => l === "department")).toBe(true);
    expect(levels.slice(OLD_API_AGENCIES).every((l) => l === "commune")).toBe(true);
    const levelColumns = r.mapping.filter((m) => /LOAI_COQUAN|CAPDONVIID/.test(m.header));
    expect(levelColumns.map((m) => m.reason)).toEqual([expect.stringContaining("2 sở, ban, ngành"), expect.stringContaining("2 cấp xã")]);
    expect(r.problems.filter((p) => p.field === "level")).toEqual([]);
  });

  test("a code that contradicts the name is reported with both cells, the code column wins", () => {
    // Row 17 (UBND xã Đông Thái) with LOAI_COQUAN 2 (agency) and CAPDONVIID 1.
    let grid = gridFromTsv(OLD_API_AN_GIANG_2025_10, { numeric: true, sheet: "Bảng" });
    grid = withCell(withCell(grid, 16, 4, 2), 16, 5, 1);
    const r = read("", {}, grid);
    const unit = r.units.find((u) => u.name.startsWith("UBND xã Đông Thái"));
    expect(unit?.level).toBe("department");
    const problem = r.problems.find((p) => p.code === "level-disagreement");
    expect(problem?.message).toContain("'Bảng'!E17");
    expect(problem?.message).toContain("'Bảng'!C17");
    expect(problem?.message).toContain("cấp xã".replace("cấp", "Cấp"));
  });
});

describe("names", () => {
  test.each([
    ["UBND tỉnh Bắc Ninh", "province"],
    ["UBND Thành phố Hải Phòng", "province"],
    ["UBND Thành phố Hồ Chí Minh", "province"],
    ["Công an tỉnh – Tỉnh Đắk Lắk", "department"],
    ["Ban Quản lý Khu kinh tế - tỉnh An Giang", "department"],
    ["Thanh tra tỉnh An Giang", "department"],
    ["Văn phòng UBND tỉnh", "department"],
    ["UBND Xã Nhơn Hội - tỉnh An Giang", "commune"],
    ["UBND Đặc khu Phú Quốc - tỉnh An Giang", "commune"],
    ["UBND phường Long Phú - tỉnh An Giang", "commune"],
    ["UBND huyện Lâm Hà", "district"],
    ["UBND thị xã Tân Châu", "district"],
    ["UBND thành phố Long Xuyên", "district"],
  ])("%s → %s", (name, level) => {
    expect(readUnitName(name)?.preferred).toBe(level);
  });

  test("a list of the 34 provinces: every unit a province, the six cities included", () => {
    const r = read(PROVINCES_34_2025_10);
    const levels = levelsOf(r);
    expect(levels).toHaveLength(34);
    expect(count(levels, "province")).toBe(34);
    expect(r.units.filter((u) => /Thành phố/.test(u.name))).toHaveLength(6);
  });

  test("cities in a province list without the header's help are provinces too", () => {
    const renamed = PROVINCES_34_2025_10.replace("Tỉnh/Thành phố", "Đơn vị");
    expect(count(levelsOf(read(renamed)), "province")).toBe(34);
  });
});

describe("sections", () => {
  test.each([
    ["Sở, ban, ngành", "department"],
    ["Huyện", "district"],
    ["UBND các huyện, thành phố", "district"],
    ["Xã, phường, đặc khu", "commune"],
    ["Khối xã", "commune"],
  ])("section %s → %s", (text, level) => {
    expect(readSection(text)?.preferred).toBe(level);
  });

  test("a sectioned announcement: agencies and communes from their sections and names", () => {
    const levels = levelsOf(read(AN_GIANG_SECTIONED));
    expect(count(levels, "department")).toBe(15);
    expect(count(levels, "commune")).toBe(25);
  });

  test("an older sectioned table: agencies and districts", () => {
    expect(levelsOf(read(LAM_DONG_2024_Q2))).toEqual(["department", "department", "district", "district"]);
  });
});

describe("the new-API agency/commune table", () => {
  const grid = () => gridFromTsv(NEW_API_AGENCY_COMMUNE, { numeric: true, sheet: "Bảng", merges: NEW_API_MERGES });

  test("Cấp Tỉnh rows are agencies, Cấp Xã rows communes; Công an tỉnh is a unit", () => {
    const r = read("", {}, grid());
    expect(r.units.map((u) => [u.name.split(" - ")[0], u.aggregate, u.level])).toEqual([
      ["Sở Tư pháp", false, "department"],
      ["Công an tỉnh – Tỉnh An Giang", false, "department"],
      ["Thanh tra tỉnh An Giang", false, "department"],
      ["UBND xã Đông Thái", false, "commune"],
      ["UBND phường Long Phú", false, "commune"],
      ["UBND Đặc khu Phú Quốc", false, "commune"],
    ]);
    expect(r.problems.filter((p) => p.field === "level")).toEqual([]);
  });
});

describe("levels the user sets", () => {
  test("level names in Vietnamese or English", () => {
    expect(parseLevelName("xã")).toBe("commune");
    expect(parseLevelName("Sở")).toBe("department");
    expect(parseLevelName("huyen")).toBe("district");
    expect(parseLevelName("tỉnh")).toBe("province");
    expect(parseLevelName("commune")).toBe("commune");
    expect(parseLevelName("quận 1")).toBeNull();
  });

  test("for the whole table, a section, a row, a unit", () => {
    const all = levelsOf(read(LAM_DONG_2024_Q2, { levels: { table: "commune" } }));
    expect(all).toEqual(["commune", "commune", "commune", "commune"]);
    const bySection = levelsOf(read(LAM_DONG_2024_Q2, { levels: { sections: { II: "commune" } } }));
    expect(bySection).toEqual(["department", "department", "commune", "commune"]);
    const byHeading = levelsOf(read(LAM_DONG_2024_Q2, { levels: { sections: { "Sở, ban, ngành": "province" } } }));
    expect(byHeading).toEqual(["province", "province", "district", "district"]);
    const byRow = levelsOf(read(LAM_DONG_2024_Q2, { levels: { rows: { "3": "province", "UBND huyện Di Linh": "commune" } } }));
    expect(byRow).toEqual(["province", "department", "district", "commune"]);
  });

  test("the user's level wins over a code column, and the disagreement is said once per kind", () => {
    const r = read(OLD_API_AN_GIANG_2025_10, { levels: { rows: { "2": "commune" } } });
    expect(r.units[0].level).toBe("commune");
    const problems = r.problems.filter((p) => p.code === "level-disagreement");
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain("cấp do người dùng đặt");
  });
});

describe("what the pane is told of the levels (ReadResult.levels)", () => {
  const TABLE = "STT\tTên đơn vị\tTổng điểm\n1\tSở Tư pháp\t91,5\n2\tThành phố Long Xuyên\t85\n3\tChâu Đốc\t88\n4\tTổng cộng\t264,5\n";

  test("a unit nothing tells is missing, a city between province and district is a guess; aggregate rows are neither", () => {
    expect(read(TABLE).levels).toEqual({ missing: ["Châu Đốc"], unsure: ["Thành phố Long Xuyên"], userSet: 0 });
  });

  test("a guess that agrees with a level other units have for sure is no guess (TP. among huyện)", () => {
    const r = read("STT\tĐơn vị\tTổng điểm\n1\tTP.Thủ Dầu Một\t88,6\n2\thuyện Phú Giáo\t85\n3\tTX.Bến Cát\t80,9\n");
    expect(levelsOf(r)).toEqual(["district", "district", "district"]);
    expect(r.levels).toEqual({ missing: [], unsure: [], userSet: 0 });
  });

  test("the user's level for the whole table leaves nothing missing or guessed", () => {
    expect(read(TABLE, { levels: { table: "department" } }).levels).toEqual({ missing: [], unsure: [], userSet: 3 });
  });
});
