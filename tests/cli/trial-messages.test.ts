/**
 * What a new user met on a first trial of the CLI: mistakes in a mapping file, --level or the
 * table are refused in plain Vietnamese (what was not found, the closest names), never ignored.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, EXAMPLES, exists, tmpDir } from "./helpers";
import { fileWording } from "../../src/cli/summary";

const GROUPS = path.join(EXAMPLES, "qd766-nhom-mau.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await tmpDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("--mapping", () => {
  test("a field no method has: exit 2, the column, the closest field and the choices in words; nothing written", async () => {
    const mapping = path.join(dir, "map.json");
    await fs.writeFile(mapping, JSON.stringify({ C: "tong" }));
    const out = path.join(dir, "unknown-field.xlsx");
    const r = await cli("score", GROUPS, "--mapping", mapping, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cột "C": "tong" không phải là trường nào của phương pháp chấm điểm. Có phải ý là "total" (Tổng điểm)`);
    expect(r.stderr).toContain(`"name" (Tên đơn vị)`);
    expect(r.stderr).toContain(`".denominator" (mẫu số)`);
    // Indicators of the small methods by their names, not bare internal ids ("ck, td, dvctt").
    expect(r.stderr).toContain(`"ck" (Công khai, minh bạch (%)), "td" (Tiến độ giải quyết (%))`);
    expect(r.stderr).toContain(`"1.1" (Tỷ lệ TTHC công bố đúng hạn)`);
    expect(r.stderr).not.toMatch(/(^|, )(ck|td|dvctt|tiendo)(,|$)/m);
    expect(await exists(out)).toBe(false);
  });

  test("a field valid for the method chosen with --profile is accepted", async () => {
    const mapping = path.join(dir, "map-ok.json");
    await fs.writeFile(mapping, JSON.stringify({ B: "name" }));
    const r = await cli("score", GROUPS, "--mapping", mapping, "--out", path.join(dir, "ok.xlsx"), "--profile", "qd766-nhom");
    expect(r.stderr).not.toContain("không phải là trường");
  });

  test("broken JSON: line and column in Vietnamese, no English parser message", async () => {
    const mapping = path.join(dir, "bad.json");
    await fs.writeFile(mapping, '{\n  "C": "name",\n  D: 1\n}');
    const r = await cli("score", GROUPS, "--mapping", mapping, "--out", path.join(dir, "bad.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lỗi cú pháp ở dòng 3, cột 3");
    expect(r.stderr).not.toMatch(/Expected|position|JSON at/);
  });
});

describe("a run in which no unit could be scored", () => {
  test("exit 2, says so with the first problems as the reason, writes nothing", async () => {
    const mapping = path.join(dir, "ignore-c.json");
    // Column C (the group "Công khai, minh bạch") ignored: no unit has every group, none gets a total.
    await fs.writeFile(mapping, JSON.stringify({ C: null }));
    const out = path.join(dir, "nothing.xlsx");
    const r = await cli("score", GROUPS, "--mapping", mapping, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain("Đã ghi kết quả");
    expect(r.stderr).toContain(`Không chấm được đơn vị nào trong 3 đơn vị của trang "Điểm nhóm"`);
    expect(r.stderr).toContain(`Không tìm thấy cột "Công khai, minh bạch"`);
    expect(r.stderr).toContain("Không ghi tệp nào.");
    expect(await exists(out)).toBe(false);
  });
});

describe("--level naming what the table does not have", () => {
  let table: string;
  beforeAll(async () => {
    table = path.join(dir, "lam-dong.csv");
    // LAM_DONG_2024_Q2 (tests/fixtures/tables/sectioned.ts) as a clerk saves it to CSV.
    await fs.writeFile(
      table,
      'STT,Tên đơn vị,Tổng điểm,Xếp loại\nI,"Sở, ban, ngành",,\n1,Sở Công thương,"98,63",Xuất sắc\n2,Ban Quản lý các khu công nghiệp,"83,61",Tốt\nII,"UBND các huyện, thành phố",,\n1,UBND huyện Lâm Hà,"97,63",Xuất sắc\n2,UBND huyện Di Linh,"90,96",Xuất sắc\n',
    );
  });

  test("a section the table does not have: refused, the sections it has named; nothing written", async () => {
    const out = path.join(dir, "level-section.xlsx");
    const r = await cli("score", table, "--level", "III=xa", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`không tìm thấy mục "III" trong bảng`);
    expect(r.stderr).toContain(`"UBND các huyện, thành phố"`);
    expect(await exists(out)).toBe(false);
  });

  test("a unit's name with a typo: refused with the closest name", async () => {
    const r = await cli("score", table, "--level", "UBND huyện Lâm Hàa=xa", "--out", path.join(dir, "level-typo.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`không tìm thấy đơn vị hoặc mục "UBND huyện Lâm Hàa" trong bảng. Tên gần nhất: "UBND huyện Lâm Hà"`);
  });

  test("a level the user set is no guess in the summary, even against the unit's name", async () => {
    const r = await cli("score", table, "--level", "UBND huyện Lâm Hà=xa", "--level", "II=huyen", "--out", path.join(dir, "level-ok.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("phỏng đoán");
    expect(r.stdout).toContain("đã theo cấp do người dùng đặt");
    expect(r.stdout).not.toContain("nếu cần, hãy tự đặt cấp");
  });
});

describe("--json", () => {
  test("only prints: no workbook beside the input; with --out the workbook is written as asked", async () => {
    const input = path.join(dir, "nhom.xlsx");
    await fs.copyFile(GROUPS, input);
    const r = await cli("score", input, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units).toHaveLength(3);
    expect(await exists(path.join(dir, "nhom-cham-diem.xlsx"))).toBe(false);
    const out = path.join(dir, "nhom-json.xlsx");
    expect((await cli("score", input, "--json", "--out", out)).code).toBe(0);
    expect(await exists(out)).toBe(true);
  });
});

describe("profiles sheet run twice", () => {
  test("its own unedited method workbook is recognized, left as is; an edited one is refused with what to do", async () => {
    const out = path.join(dir, "phuong-phap.xlsx");
    expect((await cli("profiles", "sheet", "qd766", "--out", out)).code).toBe(0);
    const again = await cli("profiles", "sheet", "qd766", "--out", out);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("đúng phương pháp này; không cần ghi lại");
    const other = await cli("profiles", "sheet", "qd766-nhom", "--out", out);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`hãy sửa trực tiếp tệp "${out}", chọn tên khác với --out, hoặc thêm --ghi-de-tep`);
  }, 60_000);
});

describe("words a user reads", () => {
  test("profiles list, a missing option value and the top-level help: Vietnamese, every profiles action listed", async () => {
    const list = await cli("profiles");
    expect(list.stdout).toContain("tổng điểm, xếp loại, xếp hạng");
    expect(list.stdout).not.toMatch(/\b(groups|total|rating|rank|change|converted)\b/);
    const missing = await cli("score", GROUPS, "--level");
    expect(missing.stderr).toContain("Tham số --level cần một giá trị.");
    expect(missing.stderr).not.toContain("<value>");
    const help = await cli("--help");
    for (const action of ["profiles show", "profiles check", "profiles sheet"]) expect(help.stdout).toContain(action);
  });

  test("the summary names the method as everywhere else and a one-row heading as one row", async () => {
    const r = await cli("score", path.join(EXAMPLES, "qd766-nhom-mau.csv"), "--out", path.join(dir, "words.xlsx"));
    expect(r.stdout).toMatch(/^Phương pháp chấm điểm: /);
    expect(r.stdout).not.toContain("Hồ sơ");
    expect(r.stdout).toContain("tiêu đề ở dòng 1,");
  });

  test("add-in wording and whole-row references in shared messages read as a file's", () => {
    expect(fileWording("Vùng chọn không có dữ liệu")).toBe("Trang tính không có dữ liệu");
    expect(fileWording("…; hãy chọn đúng vùng bảng hoặc khai báo ánh xạ cột")).not.toContain("vùng");
    expect(fileWording("Lỗi: 'Bảng'!3:3: thiếu tên")).toBe("Lỗi: dòng 3 của trang 'Bảng': thiếu tên");
    expect(fileWording("'Phụ lục 1'!C12: sai")).toBe("'Phụ lục 1'!C12: sai");
  });
});
