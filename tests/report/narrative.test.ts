import { compareResults } from "../../src/report/compare";
import { roundHalfUp } from "../../src/engine/round";
import { formatViChange, formatViCount, formatViNumber } from "../../src/report/format";
import { buildNarrative } from "../../src/report/narrative";
import type { ScoreResult } from "../../src/model/units";
import { dienBienProfile, dienBienResult } from "./fixtures/dien-bien";
import { phuTanProfile, phuTanResult } from "./fixtures/phu-tan";

/** The names listed after "<count> đơn vị <phrase>: " up to the next ";" or ".". */
function listAfter(text: string, phrase: string): { count: string; names: string[] } | null {
  const re = new RegExp(`(\\d{2,}) đơn vị ${phrase}(?: \\([^)]*\\))?: ([^;]+?)(?:;|\\.(?:\\n|$))`);
  const m = re.exec(text);
  return m ? { count: m[1], names: m[2].split(", ").map((n) => n.trim()) } : null;
}

const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, "vi"));

describe("Vietnamese numbers", () => {
  test("comma decimal, dot thousands, two-digit counts, decimal half-up", () => {
    expect(formatViNumber(82.1)).toBe("82,1");
    expect(formatViNumber(921747)).toBe("921.747");
    expect(formatViNumber(7.3, { minDecimals: 2 })).toBe("7,30");
    expect(formatViNumber(7.735)).toBe("7,74");
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(formatViChange(-0.02)).toBe("-0,02");
    expect(formatViChange(6.06)).toBe("+6,06");
    expect(formatViChange(0)).toBe("0,00");
    expect(formatViChange(5.8)).toBe("+5,80");
    expect(formatViCount(3)).toBe("03");
    expect(formatViCount(12)).toBe("12");
    expect(formatViCount(3321)).toBe("3.321");
  });
});

describe("narrative: Điện Biên Phủ, tháng 9/2023 (the seed's report)", () => {
  // Rows in a scrambled order: the report must not depend on the order of the pasted table.
  const result = dienBienResult([11, 3, 7, 0, 9, 5, 1, 10, 2, 8, 4, 6]);
  const narrative = buildNarrative(result, dienBienProfile);
  const text = narrative.text;

  test("units per rating, as in section 1 of the report", () => {
    expect(text).toContain("Thực hiện chấm điểm đánh giá 12/12 đơn vị");
    expect(listAfter(text, "xếp loại tốt")).toEqual({
      count: "03",
      names: ["UBND phường Him Lam", "UBND phường Nam Thanh", "UBND phường Mường Thanh"],
    });
    expect(listAfter(text, "xếp loại khá")).toEqual({
      count: "05",
      names: ["UBND phường Tân Thanh", "UBND xã Nà Tấu", "UBND phường Thanh Trường", "UBND xã Nà Nhạn", "UBND xã Thanh Minh"],
    });
    // The report writes "UBND Thanh Bình" (a slip); the appendix's name is "UBND phường Thanh Bình".
    expect(listAfter(text, "xếp loại trung bình")).toEqual({
      count: "04",
      names: ["UBND phường Noong Bua", "UBND xã Mường Phăng", "UBND xã Pá Khoang", "UBND phường Thanh Bình"],
    });
  });

  test("the five units with every indicator above 0, as in section 2", () => {
    const m = listAfter(text, "thực hiện đảm bảo đủ các chỉ số");
    expect(m?.count).toBe("05");
    expect(sorted(m?.names ?? [])).toEqual(
      sorted(["UBND phường Him Lam", "UBND phường Nam Thanh", "UBND phường Mường Thanh", "UBND phường Thanh Trường", "UBND xã Nà Nhạn"]),
    );
  });

  test("'chưa thực hiện' for Chỉ số 2 of Nhóm cung cấp DVTT (07) and Chỉ số 1 of Nhóm số hoá hồ sơ (02)", () => {
    const lines = narrative.paragraphs.map((p) => p.text);
    const dvttAt = lines.indexOf("Nhóm cung cấp DVTT:");
    const sohoaAt = lines.indexOf("Nhóm số hoá hồ sơ:");
    expect(dvttAt).toBeGreaterThan(-1);
    expect(sohoaAt).toBeGreaterThan(dvttAt);
    const dvtt2 = lines.slice(dvttAt, sohoaAt).find((l) => l.startsWith("Chỉ số 2:")) ?? "";
    const sohoa1 = lines.slice(sohoaAt).find((l) => l.startsWith("Chỉ số 1:")) ?? "";
    const notStarted2 = listAfter(dvtt2, "chưa thực hiện");
    expect(notStarted2?.count).toBe("07");
    expect(sorted(notStarted2?.names ?? [])).toEqual(
      sorted([
        "UBND xã Nà Tấu",
        "UBND xã Pá Khoang",
        "UBND xã Mường Phăng",
        "UBND xã Thanh Minh",
        "UBND phường Tân Thanh",
        "UBND phường Noong Bua",
        "UBND phường Thanh Bình",
      ]),
    );
    // "05 đơn vị đã thực hiện, xong tỷ lệ còn rất thấp" — the other five.
    expect(sorted(listAfter(dvtt2, "đã thực hiện nhưng tỷ lệ còn thấp")?.names ?? [])).toEqual(
      sorted(["UBND xã Nà Nhạn", "UBND phường Mường Thanh", "UBND phường Thanh Trường", "UBND phường Nam Thanh", "UBND phường Him Lam"]),
    );
    const notStartedSh1 = listAfter(sohoa1, "chưa thực hiện");
    expect(notStartedSh1?.count).toBe("02");
    expect(sorted(notStartedSh1?.names ?? [])).toEqual(sorted(["UBND phường Tân Thanh", "UBND phường Thanh Bình"]));
    expect(sorted(listAfter(sohoa1, "đã thực hiện nhưng tỷ lệ còn thấp")?.names ?? [])).toEqual(
      sorted(["UBND xã Mường Phăng", "UBND xã Nà Tấu"]),
    );
  });

  test("Chỉ số 1 of Nhóm cung cấp DVTT: the seed's five low units", () => {
    const line = narrative.paragraphs.find((p) => p.kind === "subbullet" && p.text.startsWith("Chỉ số 1:"))?.text ?? "";
    expect(sorted(listAfter(line, "đã thực hiện nhưng tỷ lệ còn thấp")?.names ?? [])).toEqual(
      sorted(["UBND xã Nà Nhạn", "UBND xã Pá Khoang", "UBND phường Thanh Bình", "UBND xã Mường Phăng", "UBND phường Noong Bua"]),
    );
  });

  test("highest and lowest units with Vietnamese numbers", () => {
    expect(text).toContain("cao nhất: UBND phường Him Lam (71,51 điểm; quy đổi 8,94 điểm)");
    expect(text).toContain("thấp nhất: UBND phường Thanh Bình (47,30 điểm; quy đổi 5,91 điểm)");
  });

  test("plain text marks bullets with '-' and '+'", () => {
    expect(text.split("\n")).toContain("- Nhóm cung cấp DVTT:");
    expect(text).toMatch(/^\+ Chỉ số 2: 07 đơn vị chưa thực hiện: /m);
  });

  test("a missing indicator is not 'chưa thực hiện'", () => {
    const r = dienBienResult();
    const u = r.units[0];
    u.indicators = { ...u.indicators, dvtt2: { ratio: null, points: null } };
    const t = buildNarrative(r, dienBienProfile).text;
    expect(t).toMatch(/01 đơn vị chưa có số liệu: UBND phường Him Lam/);
    expect(listAfter(t.split("\n").find((l) => l.startsWith("+ Chỉ số 2")) ?? "", "chưa thực hiện")?.names).not.toContain("UBND phường Him Lam");
  });
});

describe("narrative: Phú Tân, rises and falls", () => {
  test("from the table's own last-month column", () => {
    const t = buildNarrative(phuTanResult(), phuTanProfile).text;
    expect(t).toContain("TOÀN HUYỆN: 86,59 điểm, xếp loại tốt.");
    expect(t).toContain("11 đơn vị tăng điểm, 06 đơn vị giảm điểm, 01 đơn vị không đổi");
    expect(t).toContain("Tăng nhiều nhất: PHÚ HÙNG (+11,83 điểm), PHÚ MỸ (+6,87 điểm), PHÚ THỌ (+5,80 điểm).");
    expect(t).toContain("Giảm nhiều nhất: PHÚ LONG (-26,42 điểm), HÒA LẠC (-6,82 điểm), BÌNH THẠNH ĐÔNG (-4,75 điểm).");
    // The report's own list for Công khai, minh bạch: Phú Long, Bình Thạnh Đông, Hòa Lạc, Chợ Vàm, Long Hòa.
    const ck = t.split("\n").find((l) => l.startsWith("- Công khai, minh bạch:")) ?? "";
    expect(sorted(listAfter(ck, "đã thực hiện nhưng tỷ lệ còn thấp")?.names ?? [])).toEqual(
      sorted(["PHÚ LONG", "BÌNH THẠNH ĐÔNG", "HÒA LẠC", "CHỢ VÀM", "LONG HÒA"]),
    );
    expect(t).toContain("- Tái sử dụng: Tất cả 18 đơn vị chưa thực hiện.");
  });

  test("from a comparison with the last period, with ranks", () => {
    const current = phuTanResult();
    // Last period: the same units with their "THÁNG 4" totals, ranked on them.
    const prevUnits = current.units.map((u) => ({ ...u, total: u.previous, previous: null, change: null }));
    const ranked = prevUnits.filter((u) => !u.aggregate).sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
    ranked.forEach((u, i) => (u.rank = i + 1));
    const previous: ScoreResult = { profileId: current.profileId, units: prevUnits, problems: [] };
    const comparison = compareResults(current, previous, { previousPeriod: "Tháng 4" });
    const t = buildNarrative(current, phuTanProfile, { comparison }).text;
    expect(t).toContain("So sánh với kỳ trước (Tháng 4)");
    expect(t).toMatch(/PHÚ HÙNG \(\+11,83 điểm; từ hạng 18 lên hạng 1\)/);
    expect(t).toMatch(/PHÚ LONG \(-26,42 điểm; từ hạng \d+ xuống hạng 18\)/);
  });
});
