/** The generic machinery on small tables: layout, rows, mapping, fuzzy headers, profile choice. */
import { parseProfile, type Profile } from "../../src/model/profile";
import { BUILTIN_PROFILES, getProfile } from "../../src/profiles";
import { readTable } from "../../src/reader";
import { dienBienGrid } from "../fixtures/grids/seeds";
import { gridFromTsv } from "../fixtures/grids/tsv";

const nhom = getProfile("qd766-nhom") as Profile;
const dienBien = getProfile("dien-bien-2023") as Profile;

/** A small profile built here, independent of the built-ins. */
const tiny: Profile = parseProfile({
  id: "tiny",
  name: "Thử",
  version: "1",
  source: "test",
  basis: "groups",
  groups: [
    { id: "TDGQ", label: "Tiến độ giải quyết", max: 20 },
    { id: "MDHL", label: "Mức độ hài lòng", max: 18 },
  ],
  columns: [
    { field: "name", label: "Tên đơn vị", aliases: ["Đơn vị"] },
    { field: "total", label: "Tổng điểm", max: 100 },
  ],
  aggregateRows: [{ name: "Bình quân khối" }, { name: "Tổng cộng" }],
});

const MESSY = [
  "BÁO CÁO KẾT QUẢ THÁNG 9",
  "",
  "STT\tĐơn vị\tCấp\tCông khai, minh bạch\tTổng điểm",
  "(1)\t(2)\t(3)\t(4)\t(5)",
  "I\tSở, ban, ngành\t\t\t",
  "1\tSở Tư pháp\t\t17,5/18\t90,5",
  "",
  "II.\tCấp xã\t\t\t",
  "1\tUBND xã An Bình\tCấp xã\t10\t80",
  "2\tThị trấn Chợ Mới\t\t-\t75,25",
  "\tTổng cộng\t\t13,75\t81,9",
  "(*) Số liệu tạm tính đến ngày 30/9",
  "Nguồn: dichvucong.gov.vn\t\t\t\t",
  "3\tKhông phải đơn vị\t\t1\t1",
].join("\n");

describe("layout and rows", () => {
  const r = readTable(gridFromTsv(MESSY, { sheet: "Bảng 1" }), { profiles: [nhom], profileId: "qd766-nhom" });

  test("title above, numbering row under the header", () => {
    expect(r.layout.headerTop).toBe(2);
    expect(r.layout.headerBottom).toBe(3);
    expect(r.layout.dataTop).toBe(4);
    expect(r.layout.dataBottom).toBe(10);
  });

  test("sections set levels, blank rows skipped, aggregate kept, footnotes end the table", () => {
    expect(r.units.map((u) => [u.name, u.level, u.aggregate])).toEqual([
      ["Sở Tư pháp", "department", false],
      ["UBND xã An Bình", "commune", false],
      ["Thị trấn Chợ Mới", "commune", false],
      ["Tổng cộng", null, true],
    ]);
    expect(r.units[1].texts?.level).toBe("Cấp xã");
  });

  test('"17,5/18" and "-" read as 17.5 and missing', () => {
    expect(r.units[0].values.CKMB).toBe(17.5);
    expect(r.units[2].values.CKMB).toBeNull();
    expect(r.units[2].values.total).toBe(75.25);
    expect(r.units[0].cells?.CKMB).toBe("'Bảng 1'!D6");
  });
});

describe("fuzzy headers", () => {
  test('"Tiền độ" and "Tiên độ" match "Tiến độ giải quyết" with a reason', () => {
    for (const h of ["Tiền độ giải quyết", "Tiên độ giải quyết", "TIẾN ĐỘ GIẢI QUYẾT", "tien do giai quyet"]) {
      const r = readTable(gridFromTsv(`Đơn vị\t${h}\tTổng điểm\nA\t19\t90`), { profiles: [tiny] });
      const m = r.mapping.find((x) => x.letter === "B");
      expect(m?.field).toBe("TDGQ");
      expect(m?.confidence).toBeGreaterThanOrEqual(0.85);
      if (h !== "TIẾN ĐỘ GIẢI QUYẾT") expect(m?.reason).toMatch(/gần giống/);
    }
  });

  test("a one-letter typo matches with lower confidence; an unrelated header does not match", () => {
    const r = readTable(gridFromTsv("Đơn vị\tMức độ hài lỏng\tMức đo hài long\tTổng điển\tGhi chú\nA\t17\t17\t90\tx"), { profiles: [tiny] });
    const by = Object.fromEntries(r.mapping.map((m) => [m.letter, m]));
    expect(by.B.field).toBe("MDHL");
    expect(by.D.field).toBe("total");
    expect(by.D.confidence).toBeLessThan(1);
    expect(by.E.field).toBeNull();
  });

  test("the header's maximum is evidence: (5 điểm) does not fit a 10-point indicator", () => {
    const g = gridFromTsv("STT\tTên đơn vị\tNhóm cung cấp DVTT\t\n\t\tChỉ số 1 (5 điểm)\tChỉ số 2 (10 điểm)\n1\tUBND xã A\t4\t5");
    const r = readTable(g, { profiles: [dienBien] });
    const c = r.mapping.find((m) => m.letter === "C");
    expect(c?.field).toBe("dvtt1.points");
    expect(c?.reason).toMatch(/tối đa 5/);
    expect(r.problems).toContainEqual(expect.objectContaining({ cell: "Sheet1!C2", code: "weak-match" }));
  });
});

describe("explicit mapping wins", () => {
  test("by letter and by header text; null ignores a column", () => {
    const r = readTable(dienBienGrid, {
      profiles: BUILTIN_PROFILES,
      profileId: "dien-bien-2023",
      mapping: { C: null, "Điểm được": "previous", F: "sohoa2.points" },
    });
    const by = Object.fromEntries(r.mapping.map((m) => [m.letter, m]));
    expect(by.C).toMatchObject({ field: null, source: "mapping", confidence: 1 });
    expect(by.K).toMatchObject({ field: "previous", source: "mapping", reason: "theo ánh xạ của người dùng" });
    expect(by.F.field).toBe("sohoa2.points");
    // G would be sohoa2 by its header; the mapping took that field, so G is left out.
    expect(by.G.field).toBeNull();
    expect(r.units[0].values.previous).toBe(71.51);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: "missing-column", field: "tiendo.*" }));
  });

  test("indicators whose group score the table gives are not missing (Đắk Lắk 10/2026: 'Dịch vụ công trực tuyến' as a score)", () => {
    const g = gridFromTsv(
      ["Tên đơn vị\tHồ sơ giải quyết đúng hạn\t\tDịch vụ công trực tuyến", "\tTử số\tMẫu số\t", "Sở A\t9\t10\t6.5"].join("\n"),
      { numeric: true, merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] },
    );
    const r = readTable(g, { profiles: [getProfile("qd766") as Profile] });
    const missing = r.problems.filter((p) => p.code === "missing-column").map((p) => p.field);
    expect(missing).not.toContain("3.1.*");
    expect(missing).not.toContain("3.3.*");
    // A group neither scored nor broken down still is.
    expect(missing).toContain("4.1.*");
  });

  test("a column naming a group and its only indicator is the group's score when the indicator's counts are given elsewhere", () => {
    const qd766 = getProfile("qd766") as Profile;
    const counts = gridFromTsv(
      ["Tên đơn vị\tHồ sơ giải quyết đúng hạn\t\tĐiểm nhóm", "\tTử số\tMẫu số\tTiến độ giải quyết", "Sở A\t9\t10\t18"].join("\n"),
      { numeric: true, merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] },
    );
    expect(readTable(counts, { profiles: [qd766] }).mapping.find((m) => m.col === 3)?.field).toBe("TDGQ");
    // Alone, the same header is the indicator's points, as the indicator basis says.
    const alone = gridFromTsv(["Tên đơn vị\tTiến độ giải quyết", "Sở A\t18"].join("\n"), { numeric: true });
    expect(readTable(alone, { profiles: [qd766] }).mapping.find((m) => m.col === 1)?.field).toBe("2.1.points");
  });

  test("a mapping key that names no column is reported", () => {
    const r = readTable(dienBienGrid, { profiles: [dienBien], mapping: { "Cột không có": "total" } });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: "mapping-unknown-column" }));
  });
});

describe("profile choice", () => {
  test("a group-score table picks qd766-nhom and ranks the others with reasons", () => {
    const g = gridFromTsv(
      [
        "STT\tTỉnh/Thành phố\tCông khai minh bạch\tTiến độ giải quyết\tDịch vụ công trực tuyến\tThanh toán trực tuyến\tMức độ hài lòng\tSố hóa hồ sơ\tTổng điểm",
        "1\tHà Nội\t11.2\t14.81\t9.23\t4.69\t7.29\t8.01\t55.23",
      ].join("\n"),
    );
    const r = readTable(g, { profiles: BUILTIN_PROFILES });
    expect(r.profileId).toBe("qd766-nhom");
    expect(r.candidates.map((c) => c.id)).toHaveLength(BUILTIN_PROFILES.length);
    expect(r.candidates[0].reason).toMatch(/^được chọn/);
    expect(r.units[0].values).toMatchObject({ CKMB: 11.2, TDGQ: 14.81, CLGQ: 9.23, TTTT: 4.69, MDHL: 7.29, MDSH: 8.01, total: 55.23 });
  });

  test("a profile's own aggregate pattern is honoured", () => {
    const r = readTable(gridFromTsv("Đơn vị\tTổng điểm\nA\t80\nBình quân khối xã\t70"), { profiles: [tiny] });
    expect(r.units.map((u) => u.aggregate)).toEqual([false, true]);
  });
});
