/**
 * The one schema of the state the tool keeps in the very hidden `chiso766_state` sheet, as
 * stored (JSON, last run in segments). A received workbook's state is untrusted: every size is
 * bounded, every address is a cell Excel has, every value is a scalar, a snapshot belongs to a
 * cell the run wrote (it sits beside that cell), and a snapshot's formula (a user's formula the
 * run replaced, written back by undo) is one isRestorableFormula allows.
 */
import { z } from "zod";
import type { CellValue } from "../model/grid";
import { LEVELS } from "../model/fields";
import { RANK_SCOPES, TIE_RULES } from "../model/profile";
import { isFormulaText, isRestorableFormula } from "./formula-check";

/** Excel's sheet: 1,048,576 rows × 16,384 columns (A–XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
/** Excel's limit of characters in a cell; no value the tool writes or restores is longer. */
export const MAX_CELL_TEXT = 32_767;
/**
 * At most this many cells in one last run: about 100,000 rows × 12 output columns (the whole
 * country has ≈ 3,838 units). Against the last run's own sheet a tighter bound applies
 * (see SHEET_MARGIN in state-codec.ts).
 */
export const MAX_STATE_CELLS = 1_200_000;
/** At most this many chunks (cells of column A) of state JSON: 60 MB. */
export const MAX_STATE_CHUNKS = 2_000;
const MAX_SEGMENTS = 50_000;
/** A run adds at most a few sheets (appendix, notes, score cards). */
const MAX_ADDED_SHEETS = 10;
const MAX_FORMAT = 255;
const MAX_FIELD_ID = 100;

/** "D7" → 0-based {row, col} within Excel's sheet, else null. Capitals then digits only. */
export function cellOf(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col <= EXCEL_COLUMNS && row <= EXCEL_ROWS ? { row: row - 1, col: col - 1 } : null;
}

const isFlag = (x: unknown): boolean => x === 0 || x === 1;
const isIndex = (x: unknown, below: number): boolean => typeof x === "number" && Number.isInteger(x) && x >= 0 && x < below;
/** A value Excel holds in a cell: text within its limit, a finite number, true/false, or nothing. */
export function isScalar(x: unknown): boolean {
  return x === null || typeof x === "boolean" || (typeof x === "number" && Number.isFinite(x)) || (typeof x === "string" && x.length <= MAX_CELL_TEXT);
}
/** 0: no snapshot; 1: the blank cell (null, "General", not underlined); else [value, format, underline]. */
function isSnapshot(x: unknown): boolean {
  if (isFlag(x)) return true;
  if (!Array.isArray(x) || x.length !== 3 || !isScalar(x[0]) || !isFlag(x[2])) return false;
  if (isFormulaText(x[0] as CellValue) && !isRestorableFormula(x[0] as string)) return false;
  return x[1] === null || (typeof x[1] === "string" && x[1].length <= MAX_FORMAT);
}
const address = z.string().max(10).refine((a) => cellOf(a) !== null, { message: "không phải là ô trong trang tính Excel" });
/** Lists of up to a run's cells; their entries are checked in plain loops (a zod check per cell costs ~10× more). */
const list = z.array(z.unknown()).max(MAX_STATE_CELLS);
/** Style copies of one run: a few per added column (header rows, data bands). */
const MAX_STYLED = 2_000;
/** A sheet-less cell or one-column range ("N3" or "N3:N22") on the sheet. */
const rangeAddress = z
  .string()
  .max(21)
  .refine((a) => a.split(":").length <= 2 && a.split(":").every((c) => cellOf(c) !== null), { message: "không phải là vùng ô trong trang tính Excel" });

/**
 * Adjacent cells written by the last run, down a column (or along a row with r: 1): their values
 * (texts may be indexes into `d`), the offsets `u` of cells written underlined, and their
 * snapshots `s` (1 when every cell had the blank one, else one per cell).
 */
const segment = z
  .object({ a: address, r: z.literal(1).optional(), v: list.min(1), d: list.optional(), u: list.optional(), s: z.union([z.literal(1), list]).optional() })
  .superRefine((seg, ctx) => {
    const n = seg.v.length;
    const bad = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const start = cellOf(seg.a);
    if (start && (seg.r === 1 ? start.col : start.row) + n > (seg.r === 1 ? EXCEL_COLUMNS : EXCEL_ROWS)) bad("v", `${n} ô từ ${seg.a} vượt ra ngoài trang tính Excel`);
    const d = seg.d;
    if (d && !d.every((t) => typeof t === "string" && t.length <= MAX_CELL_TEXT)) bad("d", "có văn bản không hợp lệ");
    if (!seg.v.every(d ? (v) => v === null || isIndex(v, d.length) : isScalar)) bad("v", "có giá trị không phải số, chữ hay ô trống");
    if (seg.u && !seg.u.every((k) => isIndex(k, n))) bad("u", "có ô gạch chân nằm ngoài đoạn");
    if (Array.isArray(seg.s) && (seg.s.length !== n || !seg.s.every(isSnapshot))) bad("s", "có dữ liệu hoàn tác của ô không hợp lệ (hoặc công thức không được phép ghi lại)");
  });

const lastRun = z
  .object({
    sheet: z.string().min(1).max(31),
    at: z.string().max(64),
    segments: z.array(segment).max(MAX_SEGMENTS),
    /** Indexes into the cells with a snapshot giving the order of `previous` when it differs. */
    order: list.optional(),
    /** Sheets the run added, with a SHA-256 of their cells (undo removes them unless edited since). */
    sheets: z
      .array(z.strictObject({ name: z.string().min(1).max(31), cells: z.string().regex(/^[0-9a-f]{64}$/, { message: "không phải là mã băm SHA-256" }) }))
      .max(MAX_ADDED_SHEETS)
      .optional(),
    /** Cells of added columns styled like their neighbour (undo clears their formats). */
    styled: z.strictObject({ ranges: z.array(rangeAddress).max(MAX_STYLED), merges: z.array(rangeAddress).max(MAX_STYLED) }).optional(),
  })
  .superRefine((run, ctx) => {
    let cells = 0;
    for (const s of run.segments) cells += s.v.length;
    if (cells > MAX_STATE_CELLS) ctx.addIssue({ code: "custom", path: ["segments"], message: `có ${cells} ô, quá giới hạn ${MAX_STATE_CELLS} ô` });
    if (run.order && (!run.order.every((i) => isIndex(i, cells)) || new Set(run.order).size !== run.order.length)) {
      ctx.addIssue({ code: "custom", path: ["order"], message: "có thứ tự ô không hợp lệ" });
    }
  });

/** Column letters → field id, or null for a column the user chose not to use. */
const mapping = z.record(
  z.string().regex(/^[A-Z]{1,3}$/, { message: "không phải là tên cột" }),
  z.string().min(1).max(MAX_FIELD_ID).nullable(),
);

/** A section's heading, a unit's name or a row number the user set a level for. */
const MAX_CHOICE_KEY = 200;
/** Levels set per row or section: far above a national list (≈ 3,838 units). */
export const MAX_LEVEL_ENTRIES = 5_000;
const levelMap = z
  .record(z.string().min(1).max(MAX_CHOICE_KEY), z.enum(LEVELS))
  .refine((m) => Object.keys(m).length <= MAX_LEVEL_ENTRIES, { message: `có quá ${MAX_LEVEL_ENTRIES} mục` });

/** The user's levels and ranking (model/choices.ts); absent in states written before 0.2.1. */
const choices = z.strictObject({
  levels: z.strictObject({ table: z.enum(LEVELS).optional(), sections: levelMap.optional(), rows: levelMap.optional() }).optional(),
  ranking: z.strictObject({ scope: z.enum(RANK_SCOPES).optional(), tie: z.enum(TIE_RULES).optional() }).optional(),
});

/** The CLI's input file: its name without any folder, and a SHA-256 (hex) of the cells scored. */
const source = z.strictObject({
  file: z
    .string()
    .min(1)
    .max(255)
    .refine((f) => !/[\\/]/.test(f), { message: "không được chứa thư mục" }),
  cells: z.string().regex(/^[0-9a-f]{64}$/, { message: "không phải là mã băm SHA-256" }),
});

/** The stored state, version 1. `app` is the chiso766 version that wrote it (absent before 0.1.0's fix). */
export const storedStateSchema = z.object({
  version: z.literal(1),
  app: z.string().max(32).optional(),
  /** A scoring method: validated by the profile schema where it is used (src/pipeline.ts). */
  profile: z.unknown(),
  mapping,
  choices: choices.optional(),
  /** Absent in states written before 0.2.1 and by the task pane. */
  source: source.optional(),
  lastRun: lastRun.nullable(),
});

type ParsedState = z.infer<typeof storedStateSchema>;
export type StoredState = Omit<ParsedState, "lastRun"> & { lastRun: StoredLastRun | null };
export type StoredLastRun = Omit<NonNullable<ParsedState["lastRun"]>, "segments" | "order"> & { segments: StoredSegment[]; order?: number[] };
/** A segment as checked by the schema (its lists' entries are checked in loops, so typed here). */
export interface StoredSegment {
  a: string;
  r?: 1;
  v: CellValue[];
  d?: string[];
  u?: number[];
  s?: 1 | StoredSnapshot[];
}
export type StoredSnapshot = 0 | 1 | [CellValue, string | null, 0 | 1];

/** The stored state checked by the schema: the state, or the first thing wrong with it. */
export function parseStoredState(raw: unknown): { ok: true; state: StoredState } | { ok: false; issue: z.core.$ZodIssue } {
  const parsed = storedStateSchema.safeParse(raw, { reportInput: true });
  // The loops in the refinements checked the entries zod types as unknown.
  return parsed.success ? { ok: true, state: parsed.data as StoredState } : { ok: false, issue: parsed.error.issues[0] };
}
