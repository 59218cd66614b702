/**
 * Synthetic unit rows for the qd766 profile with all 21 indicators given as counts, shaped like
 * what the table reader hands the engine. Counts are realistic in size per kind of indicator
 * (procedures in the hundreds, dossiers up to hundreds of thousands, PAKN in the tens) and include
 * zero denominators, so the zero-denominator rules (0 or full marks for PAKN) are exercised.
 */
import type { Level } from "../src/model/fields";
import type { UnitRow } from "../src/model/units";
import { randomInt, seededRandom, type Random } from "./rng";

export const SEED = 766;

/** The 21 indicators of qd766 with the size of their denominators. */
type CountKind = "procedures" | "services" | "dossiers" | "pakn" | "communes";
export const QD766_INDICATORS: { id: string; kind: CountKind }[] = [
  { id: "1.1", kind: "procedures" },
  { id: "1.2", kind: "procedures" },
  { id: "1.3", kind: "procedures" },
  { id: "1.4", kind: "dossiers" },
  { id: "2.1", kind: "dossiers" },
  { id: "3.1", kind: "procedures" },
  { id: "3.2", kind: "services" },
  { id: "3.3", kind: "dossiers" },
  { id: "4.1", kind: "dossiers" },
  { id: "4.2", kind: "procedures" },
  { id: "4.3", kind: "procedures" },
  { id: "5.1", kind: "pakn" },
  { id: "5.2", kind: "pakn" },
  { id: "5.3", kind: "dossiers" },
  { id: "6.1", kind: "dossiers" },
  { id: "6.2", kind: "dossiers" },
  { id: "6.3", kind: "dossiers" },
  { id: "6.4", kind: "dossiers" },
  { id: "6.5", kind: "dossiers" },
  { id: "6.6", kind: "procedures" },
  { id: "6.7", kind: "communes" },
];

/** Not applicable to communes (METHOD.md §3 "Levels"): left blank on their rows. */
export const COMMUNE_NOT_APPLICABLE = new Set(["3.1"]);

function denominatorFor(random: Random, kind: CountKind): number {
  const zeroShare = kind === "pakn" ? 0.25 : kind === "dossiers" ? 0.02 : 0.05;
  if (random() < zeroShare) return 0;
  switch (kind) {
    case "procedures":
      return randomInt(random, 1, 450);
    case "services":
      return randomInt(random, 1, 300);
    case "pakn":
      return randomInt(random, 1, 60);
    case "communes":
      return randomInt(random, 1, 30);
    case "dossiers":
      // Skewed: most units handle hundreds or thousands, a few hundreds of thousands.
      return Math.max(1, Math.floor(Math.exp(random() * Math.log(400_000))));
  }
}

/** A share skewed towards good results, as on the portal; sometimes exactly 0 or 100 %. */
function shareFor(random: Random): number {
  const u = random();
  if (u < 0.05) return 0;
  if (u < 0.2) return 1;
  return 1 - random() ** 0.6 * 0.9;
}

export function syntheticUnits(count: number, seed = SEED): UnitRow[] {
  const random = seededRandom(seed + count);
  const units: UnitRow[] = [];
  for (let i = 0; i < count; i++) {
    const level: Level = random() < 0.3 ? "department" : "commune";
    const values: Record<string, number | null> = {};
    for (const { id, kind } of QD766_INDICATORS) {
      if (level === "commune" && COMMUNE_NOT_APPLICABLE.has(id)) {
        values[`${id}.numerator`] = null;
        values[`${id}.denominator`] = null;
        continue;
      }
      const denominator = denominatorFor(random, kind);
      values[`${id}.numerator`] = Math.min(denominator, Math.round(denominator * shareFor(random)));
      values[`${id}.denominator`] = denominator;
    }
    const name = `${level === "commune" ? "UBND xã" : "Sở"} Đơn vị ${i + 1}`;
    units.push({
      row: 4 + i,
      name,
      key: name.normalize("NFC").toLowerCase(),
      code: null,
      level,
      aggregate: false,
      values,
    });
  }
  return units;
}
