/** The CLI's count of problems to review is written the Vietnamese way above 999, like its other counts. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, tmpDir } from "./helpers";

test("more than 999 problems are counted as 2.002, not 2002", async () => {
  const dir = await tmpDir();
  const csv = path.join(dir, "nhieu-loi.csv");
  const header = "STT,Tên đơn vị,Công khai minh bạch,Tiến độ giải quyết,Dịch vụ công trực tuyến,Thanh toán trực tuyến,Mức độ hài lòng,Số hóa hồ sơ,Tổng điểm";
  // One unreadable score per unit: over a thousand problems.
  const rows = Array.from({ length: 1001 }, (_, i) => `${i + 1},UBND xã Số ${i + 1},abc,15,"7,5","7,2",18,18,`);
  await fs.writeFile(csv, `\uFEFF${header}\n${rows.join("\n")}\n`);
  const c = await cli("score", csv, "--out", path.join(dir, "ket-qua.xlsx"));
  // Two problems per row here (the unreadable cell, and the group it leaves without a score).
  expect(c.stdout).toMatch(/… và \d\.\d{3} vấn đề khác/);
  expect(c.stdout).toMatch(/Cần xem lại \(\d{1,3}(\.\d{3})+\):/);
}, 60_000);
