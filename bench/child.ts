/** Run a bench module in a child node process (with ts-node), and parse its last JSON line. */
import { spawn } from "node:child_process";
import * as path from "node:path";

export function runTsChild<T>(script: string, args: string[], timeoutMs = 20 * 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(__dirname, script), ...args], {
      cwd: path.join(__dirname, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as T);
      else reject(new Error(`${script} ${args.join(" ")} failed (exit ${code}): ${err.trim().split("\n").slice(-6).join(" | ")}`));
    });
  });
}
