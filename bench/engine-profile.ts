/**
 * Engine-only profiling: score() on synthetic qd766 units, repeated, for `node --cpu-prof`.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof -r ts-node/register/transpile-only bench/engine-profile.ts [units] [runs]
 *   node bench/engine-profile.ts --summary /tmp/prof/<file>.cpuprofile   (self time by function)
 *
 * Prints each run's time next to the floor's, so a change can be tried without the whole bench.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { score } from "../src/engine";
import { getProfile } from "../src/profiles";
import { floorScore } from "./floor";
import { collectGarbage, median } from "./timing";
import { syntheticUnits } from "./units";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function (and file:line) of a .cpuprofile, largest first. */
function summarise(file: string, top = 40): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const node = byId.get(id)!;
    const dt = profile.timeDeltas[k] ?? 0;
    total += dt;
    const f = node.callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(src|bench|node_modules)\//, "$1/")}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + dt);
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, us] of rows) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--summary") return summarise(args[1], Number(args[2] ?? 40));
  const [sizeArg, runsArg] = args.filter((a) => !a.startsWith("--"));
  const size = Number(sizeArg ?? 100_000);
  const runs = Number(runsArg ?? 10);
  const profile = getProfile("qd766")!;
  const units = syntheticUnits(size);
  score(units, profile);
  floorScore(units);
  const engine: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    let start = performance.now();
    score(units, profile);
    engine.push(performance.now() - start);
    collectGarbage();
    start = performance.now();
    floorScore(units);
    floor.push(performance.now() - start);
  }
  const e = median(engine);
  const f = median(floor);
  console.log(`${size} units, ${runs} runs: engine ${e.toFixed(1)} ms, floor ${f.toFixed(1)} ms, ratio ${(e / f).toFixed(2)}×`);
  console.log(`engine runs: ${engine.map((t) => t.toFixed(0)).join(" ")}; floor: ${floor.map((t) => t.toFixed(0)).join(" ")}`);
}

main();
