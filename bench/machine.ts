/** The machine a bench ran on, for BENCHMARKS.md. */
import { cpus, totalmem, type as osType, release } from "node:os";
import { readFileSync } from "node:fs";

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
  /** Load average when the bench started (other processes share the cores). */
  load: string;
  date: string;
}

function cpuModel(): string {
  const model = cpus()[0]?.model?.trim();
  if (model) return model;
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function machine(): Machine {
  let load = "";
  try {
    load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    load = "n/a";
  }
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${osType()} ${release()}`,
    load,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}
