/** A `<out>.<pid>.tmp` left by a killed run is removed by the next save; nothing else is touched. */
import { spawn, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cli, EXAMPLES, exists, tmpDir } from "./helpers";

const SOURCE = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");

test("only the exact pattern with a pid no process has is removed", async () => {
  const dir = await tmpDir();
  const out = path.join(dir, "ket-qua.xlsx");
  // A pid that has finished: its process ran and exited.
  const dead = spawnSync(process.execPath, ["-e", ""]).pid;
  const live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
  try {
    const files = {
      deadLeftover: `${out}.${dead}.tmp`,
      liveSave: `${out}.${live.pid}.tmp`,
      notAPid: `${out}.bansao.tmp`,
      otherOutput: path.join(dir, `khac.xlsx.${dead}.tmp`),
      userFile: path.join(dir, "ket-qua.xlsx.tmp"),
    };
    for (const f of Object.values(files)) await fs.writeFile(f, "dở dang");
    const r = await cli("score", SOURCE, "--out", out);
    expect(r.code).toBe(0);
    expect(await exists(files.deadLeftover)).toBe(false);
    expect(await exists(files.liveSave)).toBe(true);
    expect(await exists(files.notAPid)).toBe(true);
    expect(await exists(files.otherOutput)).toBe(true);
    expect(await exists(files.userFile)).toBe(true);
    expect(await exists(out)).toBe(true);
  } finally {
    live.kill();
  }
});
