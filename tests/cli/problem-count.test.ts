/**
 * The CLI's problems to review: counted the Vietnamese way above 999, like its other counts, and
 * one per cell, as the pane lists them.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, tmpDir } from "./helpers";

test("more than 999 problems are counted as 2.002, not 2002", async () => {
  const dir = await tmpDir();
  const csv = path.join(dir, "nhieu-loi.csv");
  const header = "STT,Tên đơn vị,Công khai minh bạch,Tiến độ giải quyết,Dịch vụ công trực tuyến,Thanh toán trực tuyến,Mức độ hài lòng,Số hóa hồ sơ,Tổng điểm";
  // One unreadable score per unit but the first (a table with no unit scored is refused): over a thousand problems.
  const rows = Array.from({ length: 1100 }, (_, i) => `${i + 1},UBND xã Số ${i + 1},${i === 0 ? "15" : "abc"},15,"7,5","7,2",18,18,`);
  await fs.writeFile(csv, `\uFEFF${header}\n${rows.join("\n")}\n`);
  const c = await cli("score", csv, "--out", path.join(dir, "ket-qua.xlsx"));
  expect(c.stdout).toMatch(/… và \d\.\d{3} vấn đề khác/);
  expect(c.stdout).toMatch(/Cần xem lại \(\d{1,3}(\.\d{3})+\):/);
}, 60_000);

test("a cell the reader and the engine both speak about is listed once, the worst problem, as in the pane", async () => {
  const dir = await tmpDir();
  const csv = path.join(dir, "mot-loi.csv");
  const header = "STT,Tên đơn vị,Công khai minh bạch,Tiến độ giải quyết,Dịch vụ công trực tuyến,Thanh toán trực tuyến,Mức độ hài lòng,Số hóa hồ sơ,Tổng điểm";
  // C2 is not a number: the reader says so, and the engine finds its group without a score.
  await fs.writeFile(csv, `\uFEFF${header}\n1,UBND xã Một,abc,15,"7,5","7,2",18,18,\n2,UBND xã Hai,18,15,"7,5","7,2",18,18,\n`);
  const c = await cli("score", csv, "--out", path.join(dir, "ket-qua.xlsx"));
  const review = c.stdout.slice(c.stdout.indexOf("Cần xem lại"));
  const aboutC2 = review.split("\n").filter((line) => /!C2: /.test(line));
  expect(aboutC2).toHaveLength(1);
  // The unit being neither rated nor ranked is said on the same line, not as a second problem.
  expect(aboutC2[0]).toBe(`  Lỗi: 'mot-loi'!C2: "abc" không phải là số — UBND xã Một: chưa xếp loại, xếp hạng`);
  expect(review).toMatch(/^Cần xem lại \(1\):/);
  expect(review).not.toMatch(/thiếu|Thiếu|!B2: /);
}, 60_000);
