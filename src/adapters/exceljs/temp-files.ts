/** The temporary files a save writes beside its target, and the ones a killed save left. */
import { promises as fs } from "node:fs";
import * as path from "node:path";

/** Whether a process with this id is running (EPERM: it is, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes `<file>.<pid>.tmp` left by a save that was killed before it could clean up. Only that
 * exact pattern, and only when no process with that id runs (a live one may be saving now).
 */
export async function removeStaleTemporaries(file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !name.endsWith(".tmp")) continue;
    const pidText = name.slice(base.length + 1, -".tmp".length);
    if (!/^[1-9]\d{0,9}$/.test(pidText)) continue;
    const pid = Number(pidText);
    if (pid === process.pid || processAlive(pid)) continue;
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}
