/** What every part of the bench hands back: measured rows and budget verdicts. */

export interface Row {
  part: string;
  case: string;
  metric: string;
  value: string;
  /** A short explanation (units, what was compared, why something is skipped). */
  note?: string;
}

export interface Budget {
  name: string;
  /** The limit as text ("≤ 3×"). */
  limit: string;
  /** What was measured, as text. */
  measured: string;
  /** null: could not be measured (module not available yet). */
  pass: boolean | null;
  why?: string;
}

export interface PartResult {
  rows: Row[];
  budgets: Budget[];
}

export const NOT_AVAILABLE = "chưa có (not available yet)";

export function skipped(part: string, reason: string, budgets: string[] = []): PartResult {
  return {
    rows: [{ part, case: "—", metric: "—", value: NOT_AVAILABLE, note: reason }],
    budgets: budgets.map((name) => ({ name, limit: "", measured: NOT_AVAILABLE, pass: null, why: reason })),
  };
}

export function ms(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
}

export function ratio(x: number): string {
  return `${x.toFixed(2)}×`;
}

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** A plain-text table for the terminal. */
export function textTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? "").padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function markdownTable(header: string[], body: string[][]): string {
  const esc = (s: string) => (s ?? "").replace(/\|/g, "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...body.map((r) => `| ${r.map(esc).join(" | ")} |`)].join(
    "\n",
  );
}
