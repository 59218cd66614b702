/** How the CLI and the pane count a table's rows: units, and aggregate rows named apart. */
import { formatViNumber } from "./number-text";
import type { ScoredUnit } from "./units";

/**
 * "18 đơn vị và 1 dòng tổng hợp (TOÀN HUYỆN)": an aggregate row is no unit (never rated or
 * ranked), so it is named apart rather than counted as one.
 */
export function unitCountText(units: readonly Pick<ScoredUnit, "aggregate" | "name">[]): string {
  const aggregates = units.filter((u) => u.aggregate).map((u) => u.name);
  const count = `${formatViNumber(units.length - aggregates.length)} đơn vị`;
  if (aggregates.length === 0) return count;
  const names = aggregates.length <= 3 ? aggregates.join(", ") : `${aggregates.slice(0, 3).join(", ")}, …`;
  return `${count} và ${formatViNumber(aggregates.length)} dòng tổng hợp (${names})`;
}
