/**
 * Fresh processes, timed as users wait for them: wall-clock time and CPU time (user + system,
 * the process and its threads), the CPU from the shell's `times` after the command ends, so
 * that node's own start-up is counted.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface ProcessTime {
  wallMs: number;
  cpuMs: number;
}

/** Runs `command args…` once with its output discarded; throws with its stderr when it fails. */
export function timeProcess(command: string, args: string[], cwd: string): ProcessTime {
  const start = performance.now();
  const r = spawnSync("/bin/sh", ["-c", '"$@" >/dev/null || exit 1; times', "sh", command, ...args], { cwd, encoding: "utf8" });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr.trim().split("\n").slice(-4).join(" | ")}`);
  // `times` prints the shell's own user/system times, then its children's: "0m0.250s 0m0.040s".
  const lines = r.stdout.trim().split("\n");
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1]);
  if (!m) throw new Error(`cannot read CPU time from "${r.stdout.trim()}"`);
  const cpuMs = (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
  return { wallMs, cpuMs };
}
