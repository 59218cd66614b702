/**
 * The CLI counts units as the pane does: the units scored. An aggregate row ("TOÀN HUYỆN") is no
 * unit — never rated or ranked — and is named apart.
 */
import * as path from "node:path";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { phuTanGrid } from "../fixtures/grids/seeds";
import { EXAMPLES, cli, tmpDir } from "./helpers";

test("Phú Tân: 18 units and the TOÀN HUYỆN row named apart, the pane's count", async () => {
  const dir = await tmpDir();
  const c = await cli("score", path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx"), "--out", path.join(dir, "kq.xlsx"));
  expect(c.code).toBe(0);
  // The pane's preview counts the scored units without aggregate rows.
  const units = runScoring(phuTanGrid, { profiles: BUILTIN_PROFILES }).scored.units;
  const paneCount = units.filter((u) => !u.aggregate).length;
  expect(paneCount).toBe(18);
  expect(c.stdout).toContain(`dữ liệu dòng 7–25, ${paneCount} đơn vị và 1 dòng tổng hợp (TOÀN HUYỆN).`);
}, 60_000);
