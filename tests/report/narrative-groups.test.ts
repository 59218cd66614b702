/**
 * "Tồn tại, hạn chế" of a table of group scores (no indicators): it names the units without a
 * group score and those below the group threshold, and says the table has no indicators, never
 * "no unit is low" about indicators it cannot see.
 */
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { buildNarrative } from "../../src/report/narrative";
import { GROUP_ONLY_NOTE } from "../../src/report/group-findings";
import type { Profile } from "../../src/model/profile";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { LAO_CAI_GROUPS as TABLE } from "../fixtures/tables/lao-cai-groups";

function weaknesses(tsv: string, profiles: Profile[] = BUILTIN_PROFILES): string {
  const run = runScoring(gridFromTsv(tsv, { sheet: "T10" }), { profiles });
  expect(run.profile.indicators.filter((i) => run.scored.units.some((u) => u.indicators[i.id] !== undefined))).toEqual([]);
  const text = buildNarrative(run.scored, run.profile, { sourceRows: run.read.units }).text;
  return text.slice(text.indexOf("Tồn tại, hạn chế"));
}

describe("narrative of a group-score table", () => {
  const section = weaknesses(TABLE);
  const line = (group: string) => section.split("\n").find((l) => l.startsWith(`- ${group} (`)) ?? "";

  test("never claims that no unit is low in indicators the table does not have", () => {
    expect(section).not.toMatch(/Không có đơn vị nào chưa thực hiện/);
    expect(section).toContain(GROUP_ONLY_NOTE);
  });

  test("names the unit below 70% of a group's maximum, with its score", () => {
    expect(line("Công khai, minh bạch")).toContain("01 đơn vị có điểm thấp (dưới 70% số điểm tối đa, tức dưới 12,6 điểm): UBND phường Lào Cai (8,46).");
  });

  test("names the units without a group score under that group, not as low", () => {
    expect(line("Số hóa hồ sơ")).toBe("- Số hóa hồ sơ (22 điểm): 01 đơn vị chưa có số liệu: Sở Nội vụ.");
    expect(line("Dịch vụ công trực tuyến")).toBe("- Dịch vụ công trực tuyến (12 điểm): 01 đơn vị chưa có số liệu: UBND xã Bảo Thắng.");
    // The five-group sum the engine derives is not a column of the table.
    expect(section).not.toContain("Cung cấp dịch vụ trực tuyến");
  });

  test("with nothing low or missing, says so about group scores only", () => {
    const full = TABLE.split("\n").filter((l) => !/Nội vụ|Lào Cai|Bảo Thắng/.test(l)).join("\n");
    const s = weaknesses(full);
    expect(s).toContain("Không có đơn vị nào thiếu điểm nhóm hoặc có điểm nhóm dưới 70% số điểm tối đa của nhóm.");
    expect(s).toContain(GROUP_ONLY_NOTE);
  });

  test("a method's own rule for a group decides what is low", () => {
    const nhom = BUILTIN_PROFILES.find((p) => p.id === "qd766-nhom") as Profile;
    const strict: Profile = { ...nhom, flags: [{ field: "CKMB", op: "below", threshold: 15, underline: [] }] };
    const profiles = BUILTIN_PROFILES.map((p) => (p.id === nhom.id ? strict : p));
    const ck = weaknesses(TABLE, profiles).split("\n").find((l) => l.startsWith("- Công khai, minh bạch (")) ?? "";
    expect(ck).toBe("- Công khai, minh bạch (18 điểm): 02 đơn vị có điểm thấp (dưới 15 điểm): UBND phường Lào Cai (8,46), Sở Tư pháp (14,01).");
  });
});
