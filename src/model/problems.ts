/**
 * The problems as both hosts list them: one per cell. The reader and the engine may both speak
 * about one cell (a value above its maximum is a reader warning and an engine error; a cell that
 * is not a number is also a missing group score): the user needs the worst, said once. A problem
 * that only follows from another cell's (the unit is not rated) is said on that cell's line.
 */
import type { ReadResult } from "./table";
import type { Problem, ScoreResult } from "./units";

const RANK = { error: 0, warning: 1, info: 2 } as const;

const MISSING_LABEL = "Thiếu số liệu";

/**
 * The word a problem is listed under, the same in the CLI and the pane. A value that is not
 * there is "Thiếu số liệu", apart from a cell that is there but unusable ("Lỗi"): the README
 * keeps "thiếu" and "lỗi" apart, and so do the lists.
 */
export function problemLabel(p: Pick<Problem, "code" | "severity">): string {
  if (p.code === "missing") return MISSING_LABEL;
  return p.severity === "error" ? "Lỗi" : p.severity === "warning" ? "Lưu ý" : "Ghi nhận";
}

/**
 * A problem's message as listed under its label: "Thiếu số liệu: D12: điểm nhóm Công khai (ô
 * trống…)", not "Thiếu số liệu: D12: Thiếu điểm nhóm…" — the label already says "thiếu".
 */
export function problemMessage(p: Pick<Problem, "code" | "severity" | "message">): string {
  if (problemLabel(p) !== MISSING_LABEL) return p.message;
  const rest = p.message.replace(/^Thiếu (số liệu )?/, "");
  return rest === "" ? p.message : rest;
}

export function onePerCell(problems: readonly Problem[]): Problem[] {
  const byCell = new Map<string, Problem>();
  const seenMessages = new Set<string>();
  const out: (Problem | string)[] = [];
  const effects = new Map<string, string[]>();
  const cells = new Set(problems.map((p) => p.cell));
  for (const p of problems) {
    if (p.follows && cells.has(p.follows.cell)) {
      effects.set(p.follows.cell, [...(effects.get(p.follows.cell) ?? []), p.follows.effect]);
      continue;
    }
    if (!p.cell) {
      if (seenMessages.has(p.message)) continue;
      seenMessages.add(p.message);
      out.push(p);
      continue;
    }
    const kept = byCell.get(p.cell);
    if (!kept) {
      byCell.set(p.cell, p);
      out.push(p.cell);
    } else if (RANK[p.severity] < RANK[kept.severity]) {
      byCell.set(p.cell, p);
    }
  }
  // Cells keep the place of their first problem, so the list still reads top to bottom.
  return out.map((x) => {
    if (typeof x !== "string") return x;
    const kept = byCell.get(x) as Problem;
    const effect = effects.get(x);
    return effect ? { ...kept, message: `${kept.message} — ${effect.join("; ")}` } : kept;
  });
}

/** A run's problems to review: the table's, the engine's, then each unit's, one per cell. */
export function problemsOf(read: ReadResult, scored: ScoreResult): Problem[] {
  return onePerCell([...read.problems, ...scored.problems, ...scored.units.flatMap((u) => u.problems)]);
}
