/**
 * What the CLI prints: the Vietnamese summary table and the --json document. Both are built
 * from the same ScoreResult so they always agree.
 */
import { roundHalfUp } from "../engine/round";
import { cellCount, quoteSheet, type CellValue } from "../model/grid";
import { problemLabel, problemMessage } from "../model/problems";
import { publishedCheckLines } from "../plan/outputs";
import { planEffect, type ColumnEffect } from "../plan/effect";
import { isFormulaText } from "../plan/formula-check";
import { formatViNumber } from "../report/format";
import type { Conflict } from "../model/plan";
import { LEVEL_LABELS } from "../model/fields";
import { METHOD_SHEET, versionText, type Profile } from "../model/profile";
import type { ReadResult } from "../model/table";
import type { Flag, Problem, ScoreResult, ScoredUnit, UnitRow } from "../model/units";
import type { PlannedWrite } from "../plan";
import type { ProfileSource } from "../pipeline";
import { overlapText } from "../report/narrative";
import type { Comparison } from "../report/types";

/** 86.59 → "86,59"; -0.02 → "-0,02" (with sign: "+6,06"); null → "—". Rounded half-up in decimal. */
export function formatScore(v: number | null, decimals = 2, signed = false): string {
  if (v === null || !Number.isFinite(v)) return "—";
  const text = fixedVi(Math.abs(v), decimals);
  const sign = v < 0 && roundHalfUp(v, decimals) !== 0 ? "-" : signed && v > 0 ? "+" : "";
  return `${sign}${text}`;
}

/**
 * formatViNumber(x, { minDecimals: d, maxDecimals: d }) for x ≥ 0. Below 1,000 (no thousands
 * dot) the half-up rounded value's toFixed is the same text: that double is the nearest to a
 * d-decimal number, so toFixed(d) prints exactly that number; Intl took most of the time of a
 * 10,000-row summary.
 */
function fixedVi(x: number, decimals: number): string {
  const rounded = roundHalfUp(x, decimals);
  if (rounded < 1000 && decimals <= 20) return rounded.toFixed(decimals).replace(".", ",");
  return formatViNumber(x, { minDecimals: decimals, maxDecimals: decimals });
}

function formatCellValue(v: CellValue): string {
  if (v === null) return "(trống)";
  if (typeof v === "number") return String(v).replace(".", ",");
  return `"${v}"`;
}

/** Display width: NFC text, combining marks take no column. */
function width(s: string): number {
  // ASCII (numbers, ranks, most cells of a 10,000-row table): one column per character.
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
  if (ascii) return s.length;
  // Code points of the NFC text that are not combining marks.
  const t = s.normalize("NFC").replace(/\p{M}/gu, "");
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // The low half of a surrogate pair is the same code point as the high half before it.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && t.charCodeAt(i - 1) >= 0xd800 && t.charCodeAt(i - 1) <= 0xdbff) continue;
    n++;
  }
  return n;
}

function pad(s: string, w: number, right = false, own = width(s)): string {
  const gap = " ".repeat(Math.max(0, w - own));
  return right ? gap + s : s + gap;
}

export function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  // Each cell's width once: measuring is most of the cost of printing a large table.
  const rowWidths = rows.map((r) => r.map((c) => width(c)));
  const widths = headers.map((h, i) => {
    let w = width(h);
    for (const rw of rowWidths) w = Math.max(w, rw[i] ?? 0);
    return w;
  });
  const line = (cells: string[], own?: number[]) =>
    cells.map((c, i) => pad(c, widths[i], rightAligned[i], own ? own[i] : width(c))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map((r, k) => line(r, rowWidths[k]))].join("\n");
}

/** The add-in's words in shared messages, and the file's words a command line user acts on. */
const FILE_WORDING: [RegExp, string][] = [
  [/Vùng chọn không có dữ liệu/g, "Trang tính không có dữ liệu"],
  [/Hãy mở trang có bảng cần chấm điểm, hoặc chọn vùng bảng và bật “Chỉ dùng vùng đang chọn”\./g, "Hãy chỉ trang có bảng cần chấm điểm bằng --sheet."],
  [/hãy chọn đúng vùng bảng/g, "hãy kiểm tra trang tính (chọn trang khác bằng --sheet)"],
  // A whole-row reference ('Bảng'!3:3) as words: "dòng 3 của trang 'Bảng'".
  [/('(?:[^']|'')+'|[^\s'!:]+)!(\d+):\2(?!\d)/g, "dòng $2 của trang $1"],
];

/** A message shared with the add-in, worded for the command line (a file and its sheets, not a selection). */
export function fileWording(text: string): string {
  return FILE_WORDING.reduce((t, [pattern, words]) => t.replace(pattern, words), text);
}

export function problemLine(p: Problem): string {
  return fileWording(`${problemLabel(p)}: ${p.cell ? `${p.cell}: ` : ""}${problemMessage(p)}`);
}

export function profileLine(profile: Profile, source: ProfileSource, read: ReadResult): string {
  const head = `Phương pháp chấm điểm: ${profile.id} — ${profile.name} (${versionText(profile)})`;
  if (source === "option") return `${head}\n  Theo tham số --profile.`;
  if (source === "state") return `${head}\n  Theo lần chấm trước lưu trong tệp.`;
  if (source === "sheet") return `${head}\n  Theo trang "${METHOD_SHEET}" trong tệp (chấm theo phương pháp khác: --profile).`;
  const [best, ...others] = read.candidates;
  const why = best ? `chọn tự động theo tiêu đề cột: ${best.reason}` : "chọn tự động theo tiêu đề cột";
  const alt = others.filter((c) => c.score > 0).slice(0, 2).map((c) => `${c.id} ${Math.round(c.score * 100)}%`);
  return `${head}\n  ${why[0].toUpperCase()}${why.slice(1)}${best ? ` (độ khớp ${Math.round(best.score * 100)}%)` : ""}.${alt.length ? ` Phương pháp khác: ${alt.join(", ")}.` : ""}`;
}

/** "Tiến độ (%) 41,67 < 70" — a flag as the summary shows it. */
function flagText(flag: Flag, profile: Profile, decimals: number): string {
  const label = fieldLabel(flag.field, profile);
  // As the seeds print values: no trailing zeros ("60,7", "39").
  const compact = (v: number) => formatViNumber(v, { maxDecimals: decimals });
  return `${label} ${compact(flag.value)} ${flag.op === "below" ? "<" : ">"} ${compact(flag.threshold)}`;
}

function fieldLabel(field: string, profile: Profile): string {
  if (field === "total") return profile.total?.label ?? "Tổng điểm";
  const id = field.replace(/\.(numerator|denominator|ratio|points)$/, "");
  return profile.indicators.find((i) => i.id === id)?.label ?? profile.groups.find((g) => g.id === field)?.label ?? field;
}

/** Units the CLI prints: a province's whole list (departments and communes, under 200 since 2025) always fits. */
export const MAX_UNIT_LINES = 300;

/**
 * The summary table: one line per unit in sheet order, aggregate rows included but never
 * ranked. STT is the table's own (it may restart in each section) when it has one, else a running
 * number that skips aggregate rows. Columns the profile cannot fill (no total, rating or ranking), and changes
 * when no unit has a previous total, are left out; flags are listed when any unit has one.
 * With `maxRows`, a longer table shows its first rows and says how many more there are:
 * thousands of lines on a console bury the problems and the plan printed after them, and the
 * scored file or --json holds every unit.
 */
export function unitsTable(scored: ScoreResult, profile: Profile, maxRows = Infinity, sourceRows: readonly UnitRow[] = []): string {
  const decimals = profile.rounding.decimals;
  const columns: { header: string; right: boolean; cell: (u: ScoredUnit) => string }[] = [
    { header: "Dòng", right: true, cell: (u) => String(u.row + 1) },
    { header: "STT", right: true, cell: () => "" },
    { header: "Đơn vị", right: false, cell: (u) => u.name },
  ];
  // Ranks are per level: with several levels in one table, each unit's level is shown.
  if (new Set(scored.units.filter((u) => !u.aggregate).map((u) => u.level)).size > 1) {
    columns.push({ header: "Cấp", right: false, cell: (u) => (u.level ? LEVEL_LABELS[u.level] : u.aggregate ? "" : "—") });
  }
  if (profile.total) columns.push({ header: profile.total.label, right: true, cell: (u) => formatScore(u.total, decimals) });
  if (profile.scale) {
    const scale = profile.scale;
    columns.push({ header: scale.label, right: true, cell: (u) => formatScore(u.converted, scale.decimals) });
  }
  // A unit with an unusable input cell says so where its rating would be; the problems name the cell.
  if (profile.rating) columns.push({ header: "Xếp loại", right: false, cell: (u) => u.rating ?? (u.notRated ? "lỗi số liệu" : "—") });
  if (profile.ranking) columns.push({ header: "Hạng", right: true, cell: (u) => (u.rank === null ? "—" : String(u.rank)) });
  if (profile.change && scored.units.some((u) => u.change !== null)) columns.push({ header: "Tăng/giảm", right: true, cell: (u) => formatScore(u.change, decimals, true) });
  if (scored.units.some((u) => u.flags.length > 0)) {
    columns.push({ header: "Dưới/vượt ngưỡng", right: false, cell: (u) => u.flags.map((f) => flagText(f, profile, decimals)).join("; ") });
  }
  const ownStt = new Map<number, string>();
  for (const r of sourceRows) {
    const n = r.values.stt;
    if (n !== null && n !== undefined) ownStt.set(r.row, formatViNumber(n));
  }
  let stt = 0;
  const sttOf = (u: ScoredUnit) => (ownStt.size > 0 ? (ownStt.get(u.row) ?? "") : u.aggregate ? "" : String(++stt));
  const shown = scored.units.length > maxRows ? scored.units.slice(0, maxRows) : scored.units;
  const rows = shown.map((u) => columns.map((c, i) => (i === 1 ? sttOf(u) : c.cell(u))));
  const text = table(
    columns.map((c) => c.header),
    rows,
    columns.map((c) => c.right),
  );
  const hidden = scored.units.length - shown.length;
  return hidden > 0 ? `${text}\n… và ${formatViNumber(hidden)} đơn vị khác (xem tệp kết quả, hoặc in đủ với --json)` : text;
}

export function conflictLines(sheet: string, conflicts: Conflict[]): string {
  const held = (v: CellValue) => (isFormulaText(v) ? `công thức ${v}` : formatCellValue(v));
  const lines = conflicts.slice(0, 20).map((c) => `  ${quoteSheet(sheet)}!${c.address}: đang có ${held(c.current)}, sẽ ghi ${held(c.planned)}`);
  if (conflicts.length > 20) lines.push(`  … và ${formatViNumber(conflicts.length - 20)} ô khác`);
  return lines.join("\n");
}

export function planLines(plan: PlannedWrite): string {
  const effect = planEffect(plan);
  // A column of the table the run leaves as it is (a totals-only table's own "Tổng điểm") is not a result column of this run.
  const listed = effect.columns.filter((e) => e.changed > 0 || (e.column.added && !e.reused)).sort((a, b) => a.column.col - b.column.col);
  const lines = [
    plan.columns.length === 0
      ? "Phương pháp này không ghi cột kết quả nào (chỉ kiểm tra số liệu)."
      : listed.length > 0
        ? `Cột kết quả: ${listed.map(columnWords).join(", ")}.`
        : "Cột kết quả: không ô nào thay đổi, bảng đã có đúng các kết quả này.",
  ];
  const already = cellCount(plan.underline.set) - effect.underlined;
  if (effect.underlined > 0 || effect.ununderlined > 0) {
    lines.push(`Gạch chân thêm ${formatViNumber(effect.underlined)} ô, bỏ gạch chân ${formatViNumber(effect.ununderlined)} ô${already > 0 ? ` (${formatViNumber(already)} ô đã gạch chân từ trước, giữ nguyên)` : ""}.`);
  } else if (already > 0) lines.push(`Gạch chân không đổi: ${formatViNumber(already)} ô dưới ngưỡng đã được gạch chân từ trước.`);
  else lines.push("Không ô nào dưới ngưỡng cần gạch chân.");
  if (plan.restored.length) lines.push(`Trả lại nội dung cũ cho ${formatViNumber(plan.restored.length)} ô của lần chấm trước không còn dùng.`);
  for (const c of plan.columns) if (c.why) lines.push(`Cột ${c.letter} "${c.header}" là cột mới vì ${c.why}.`);
  lines.push(...publishedCheckLines(plan.checks));
  return lines.join("\n");
}

/** `D "Xếp loại" (cột có sẵn trong bảng, ghi 11 ô)`, in words a clerk reads without help. */
function columnWords(e: ColumnEffect): string {
  const where = !e.column.added ? "cột có sẵn trong bảng" : e.reused ? "cột đã thêm ở lần chấm trước" : "cột mới, thêm bên phải bảng";
  const what = e.changed > 0 ? `, ghi ${formatViNumber(e.changed)} ô` : "";
  return `${e.column.letter} "${e.column.header}" (${where}${what})`;
}

function jsonProblem(p: Problem) {
  return { cell: p.cell ?? null, message: p.message, severity: p.severity, code: p.code };
}

function jsonNumber(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

function jsonUnit(u: ScoredUnit) {
  return {
    row: u.row + 1,
    name: u.name,
    code: u.code,
    level: u.level,
    aggregate: u.aggregate,
    indicators: Object.fromEntries(Object.entries(u.indicators).map(([id, r]) => [id, { ratio: jsonNumber(r.ratio), points: jsonNumber(r.points) }])),
    groups: Object.fromEntries(Object.entries(u.groups).map(([id, v]) => [id, jsonNumber(v)])),
    total: jsonNumber(u.total),
    converted: jsonNumber(u.converted),
    rating: u.rating,
    rank: jsonNumber(u.rank),
    change: jsonNumber(u.change),
    flags: u.flags.map((f) => ({ field: f.field, value: f.value, threshold: f.threshold })),
    problems: u.problems.map(jsonProblem),
  };
}

/** The --json document: numbers as JSON numbers, missing as null, rows 1-based as Excel shows them. */
export function jsonDocument(read: ReadResult, scored: ScoreResult) {
  return {
    profile: scored.profileId,
    units: scored.units.map(jsonUnit),
    problems: [...read.problems, ...scored.problems].map(jsonProblem),
  };
}

/** What the comparison with the last period could do: why not at all, or how many units it matched. */
export function comparisonLine(comparison: Comparison): string {
  if (comparison.notComparable) return comparison.notComparable;
  const overlap = overlapText(comparison);
  return overlap ? `So với kỳ trước: ${overlap.charAt(0).toLowerCase()}${overlap.slice(1)}` : "So với kỳ trước: mọi đơn vị đều khớp mã hoặc tên với kỳ trước.";
}
