/** Methods users own on the command line: profiles show / check, score --profile FILE, a broken stored method. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readState, writeState } from "../../src/adapters/exceljs";
import { cli, EXAMPLES, exists, load, tmpDir } from "./helpers";

jest.setTimeout(60000);

const PHU_TAN = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function shownMethod(id: string): Promise<Record<string, unknown>> {
  const r = await cli("profiles", "show", id);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe("profiles show and check", () => {
  test("show prints a built-in method as JSON that check accepts as it is", async () => {
    const json = await shownMethod("an-giang-tuan");
    expect(json.id).toBe("an-giang-tuan");
    const file = path.join(dir, "an-giang.json");
    await fs.writeFile(file, JSON.stringify(json, null, 2));
    const r = await cli("profiles", "check", file);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hợp lệ: phương pháp "An Giang — bảng tuần \(Phú Tân\)" \(mã an-giang-tuan, phiên bản 2024\) — 0 nhóm, 7 chỉ số, tổng 100 điểm, 5 mức xếp loại/);
  });

  test("check explains every problem with its path, in Vietnamese, and exits 2", async () => {
    const json = await shownMethod("qd766");
    const rating = json.rating as { bands: { min: unknown }[] };
    rating.bands[2].min = 120;
    (json.indicators as Record<string, unknown>[])[0].max = "sáu";
    json.aggregateRows = [{ name: "^c[oộ]ng\\b", match: "start" }];
    const file = path.join(dir, "hong.json");
    await fs.writeFile(file, JSON.stringify(json));
    const r = await cli("profiles", "check", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`Tệp "${file}" không dùng được làm phương pháp chấm điểm (3 lỗi):`);
    expect(r.stderr).toContain("rating.bands[2].min: phải là số từ 0 đến 100");
    expect(r.stderr).toContain("indicators[0].max: phải là số từ 0 đến 1000");
    expect(r.stderr).toMatch(/aggregateRows\[0\]\.name: tên dòng tổng hợp là chữ/);
  });

  test("a file that is not JSON, or not there, is named with the place of the error", async () => {
    const file = path.join(dir, "cu-phap.json");
    await fs.writeFile(file, '{\n  "id": "x",\n  "name": "X"\n  "version": "1"\n}');
    const r = await cli("profiles", "check", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không phải JSON hợp lệ: lỗi cú pháp ở dòng 4, cột 3/);
    const missing = await cli("profiles", "check", path.join(dir, "khong-co.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp phương pháp chấm điểm/);
    const unknown = await cli("profiles", "show", "khong-co");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Không có phương pháp chấm điểm "khong-co"/);
  });
});

describe("score --profile FILE", () => {
  test("a user's own method from a file scores the table (here: bands moved, labels renamed)", async () => {
    const json = await shownMethod("an-giang-tuan");
    json.id = "an-giang-tuan-thu";
    json.name = "An Giang thử — mức Tốt từ 85";
    const bands = (json.rating as { bands: { min: number; label: string }[] }).bands;
    bands[1].min = 85;
    bands[1].label = "TỐT (≥85)";
    const file = path.join(dir, "an-giang-thu.json");
    await fs.writeFile(file, JSON.stringify(json));
    const out = path.join(dir, "thu.xlsx");
    const r = await cli("score", PHU_TAN, "--profile", file, "--out", out, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.profile).toBe("an-giang-tuan-thu");
    const ratings = doc.units.filter((u: { total: number | null; aggregate: boolean }) => !u.aggregate && u.total !== null);
    for (const u of ratings) expect([u.total, u.rating]).toEqual([u.total, u.total >= 90 ? "XUẤT SẮC" : u.total >= 85 ? "TỐT (≥85)" : u.total >= 70 ? "KHÁ" : u.total >= 50 ? "TB" : "YẾU"]);
    expect(ratings.some((u: { rating: string }) => u.rating === "KHÁ")).toBe(true);
    // The method travels with the workbook: a rerun without --profile uses it.
    const again = await cli("score", out, "--out", path.join(dir, "thu-2.xlsx"));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/an-giang-tuan-thu/);
  });

  test("a broken method file is refused: exit 2, Vietnamese problems, nothing written", async () => {
    const json = await shownMethod("an-giang-tuan");
    (json.rating as { bands: unknown[] }).bands = [];
    const file = path.join(dir, "rong.json");
    await fs.writeFile(file, JSON.stringify(json));
    const out = path.join(dir, "khong-ghi.xlsx");
    const r = await cli("score", PHU_TAN, "--profile", file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rating\.bands: cần ít nhất một mức xếp loại/);
    expect(await exists(out)).toBe(false);
  });
});

describe("a stored method that fails validation", () => {
  test("is an error shown to the user, never replaced by detection; --profile chooses another", async () => {
    const first = path.join(dir, "luu.xlsx");
    expect((await cli("score", PHU_TAN, "--out", first)).code).toBe(0);
    const wb = await load(first);
    const state = readState(wb).state!;
    writeState(wb, { ...state, profile: { ...(state.profile as object), aggregatePatterns: ["^(x+x+)+y$"] } });
    const broken = path.join(dir, "luu-hong.xlsx");
    await wb.xlsx.writeFile(broken);

    const out = path.join(dir, "luu-hong-kq.xlsx");
    const r = await cli("score", broken, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Phương pháp chấm điểm lưu trong tệp \(của lần chấm trước\) không hợp lệ/);
    expect(r.stderr).toMatch(/aggregatePatterns/);
    expect(r.stderr).toMatch(/--profile/);
    expect(await exists(out)).toBe(false);

    const chosen = await cli("score", broken, "--out", out, "--profile", "an-giang-tuan");
    expect(chosen.code).toBe(0);
  });

  test("a method stored by an earlier chiso766 with the built-in patterns still scores, with aggregate rows as words", async () => {
    const first = path.join(dir, "cu.xlsx");
    expect((await cli("score", PHU_TAN, "--out", first)).code).toBe(0);
    const wb = await load(first);
    const state = readState(wb).state!;
    const { aggregateRows: _rows, ...rest } = state.profile as Record<string, unknown>;
    const legacy = { ...rest, aggregatePatterns: ["^to[aà]n\\s+(huy[eệ]n|t[iỉ]nh|th[aà]nh\\s+ph[oố]|th[iị]\\s+x[aã]|x[aã])\\b", "^c[oộ]ng\\b"] };
    writeState(wb, { ...state, profile: legacy });
    const old = path.join(dir, "cu-2.xlsx");
    await wb.xlsx.writeFile(old);
    const r = await cli("score", old, "--out", path.join(dir, "cu-kq.xlsx"), "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.units.find((u: { name: string }) => /TOÀN HUYỆN/i.test(u.name)).aggregate).toBe(true);
  });
});

describe("a method's version and period of validity", () => {
  test("shown in the summary and the appendix footnote", async () => {
    const out = path.join(dir, "dien-bien.xlsx");
    const r = await cli("score", path.join(EXAMPLES, "dien-bien-2023-09.xlsx"), "--out", out, "--report");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Phương pháp chấm điểm: dien-bien-2023 — .*\(phiên bản 2023, áp dụng từ 05\/06\/2023\)/);
    const texts: string[] = [];
    (await load(out)).eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value)))));
    expect(texts.some((t) => /Phương pháp: Điện Biên 2023 .*\(phiên bản 2023, áp dụng từ 05\/06\/2023\)/.test(t))).toBe(true);
  });

  test("two periods scored under different versions are said not to be comparable; the same version compares", async () => {
    const json = await shownMethod("an-giang-tuan");
    const v1 = path.join(dir, "tuan-v1.json");
    const v2 = path.join(dir, "tuan-v2.json");
    await fs.writeFile(v1, JSON.stringify({ ...json, id: "an-giang-tuan-rieng", version: "2024.1" }));
    await fs.writeFile(v2, JSON.stringify({ ...json, id: "an-giang-tuan-rieng", version: "2025.1", validFrom: "2025-01-01" }));
    const previous = path.join(dir, "ky-truoc.xlsx");
    expect((await cli("score", PHU_TAN, "--profile", v1, "--out", previous)).code).toBe(0);

    const differ = await cli("score", PHU_TAN, "--profile", v2, "--previous", previous, "--out", path.join(dir, "ky-nay.xlsx"));
    expect(differ.code).toBe(0);
    expect(differ.stdout).toContain("Kỳ trước được chấm theo phương pháp “An Giang — bảng tuần (Phú Tân)” (phiên bản 2024.1), kỳ này theo “An Giang — bảng tuần (Phú Tân)” (phiên bản 2025.1): điểm và hạng của hai kỳ không so sánh được với nhau");
    expect(differ.stdout).not.toMatch(/đơn vị tăng điểm/);

    const same = await cli("score", PHU_TAN, "--profile", v1, "--previous", previous, "--out", path.join(dir, "ky-nay-2.xlsx"));
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/đơn vị tăng điểm/);
    expect(same.stdout).not.toMatch(/không so sánh được/);
  });
});
