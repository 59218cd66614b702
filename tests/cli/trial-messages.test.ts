/**
 * What a new user met on a first trial of the CLI: mistakes in a mapping file, --level or the
 * table are refused in plain Vietnamese (what was not found, the closest names), never ignored.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, EXAMPLES, exists, tmpDir } from "./helpers";

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
