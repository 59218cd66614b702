/** Test helpers: hand-built tables and an in-memory "adapter" that applies a plan to a Grid. */
import { parseRangeA1, type CellValue, type Grid } from "../../src/model/grid";
import type { WritePlan } from "../../src/model/plan";
import { parseProfile, type Profile, type ProfileInput } from "../../src/model/profile";
import type { ColumnMatch, ReadResult } from "../../src/model/table";
import type { Flag, ScoredUnit } from "../../src/model/units";
import { rangeCells } from "../../src/plan/ranges";
import { columnLetters } from "../../src/model/grid";

export function cloneGrid(g: Grid): Grid {
  return JSON.parse(JSON.stringify(g)) as Grid;
}

function ensure<T>(rows: T[][], r: number, c: number, fill: T): void {
  while (rows.length <= r) rows.push([]);
  while (rows[r].length <= c) rows[r].push(fill);
}

/** What an adapter does with a plan, on a plain Grid (origin must be A1). */
export function applyToGrid(grid: Grid, plan: WritePlan): Grid {
  const g = cloneGrid(grid);
  g.numberFormats ??= [];
  g.underlines ??= [];
  for (const b of plan.blocks) {
    b.values.forEach((vr, i) =>
      vr.forEach((v, j) => {
        const r = b.row + i;
        const c = b.col + j;
        ensure(g.values, r, c, null as CellValue);
        ensure(g.numberFormats!, r, c, "General" as string | null);
        g.values[r][c] = v;
        const f = b.numberFormats[i][j];
        if (f !== null) g.numberFormats![r][c] = f;
      }),
    );
  }
  for (const [list, on] of [
    [plan.underline.set, true],
    [plan.underline.clear, false],
  ] as const) {
    for (const { row, col } of rangeCells(list, parseRangeA1)) {
      ensure(g.underlines!, row, col, false);
      g.underlines![row][col] = on;
    }
  }
  return g;
}

/** Values, formats and underlines compared cell by cell (ragged rows padded). */
export function gridCells(g: Grid): Record<string, { v: CellValue; f: string | null; u: boolean }> {
  const out: Record<string, { v: CellValue; f: string | null; u: boolean }> = {};
  const rows = Math.max(g.values.length, g.numberFormats?.length ?? 0, g.underlines?.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(g.values[r]?.length ?? 0, g.numberFormats?.[r]?.length ?? 0, g.underlines?.[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const v = g.values[r]?.[c] ?? null;
      const f = g.numberFormats?.[r]?.[c] ?? "General";
      const u = g.underlines?.[r]?.[c] ?? false;
      if (v !== null || f !== "General" || u) out[`${columnLetters(c)}${r + 1}`] = { v, f, u };
    }
  }
  return out;
}

/**
 * A weekly table like Phú Tân's, small: title row 1, header rows 3–4, aggregate row 5, units
 * from row 6. Columns: A STT, B name, C total, D XẾP LOẠI, E previous, F change, G Công khai (%).
 */
export function weeklyGrid(): Grid {
  const values: CellValue[][] = [
    ["BẢNG TUẦN", null, null, null, null, null, null],
    [],
    ["STT", "ĐƠN VỊ", "ĐIỂM TỔNG HỢP", null, null, null, "CÔNG KHAI (%)"],
    [null, null, "TUẦN 01", "XẾP LOẠI", "THÁNG 4", "ĐIỂM (TĂNG/GIẢM)", null],
    [null, "TOÀN HUYỆN", 86.59, null, 80.53, null, 100],
    [1, "PHÚ HÙNG", 89.21, null, 77.38, null, 100],
    [2, "CHỢ VÀM", 81.78, null, 80.76, null, 60],
    [3, "PHÚ LONG", 55.87, null, 82.29, null, 29.4],
  ];
  return {
    sheet: "Phụ lục 1",
    origin: { row: 0, col: 0 },
    values,
    numberFormats: values.map((r) => r.map(() => "General")),
    underlines: values.map((r) => r.map(() => false)),
    merges: [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 5 },
    ],
  };
}

export const WEEKLY_PROFILE_INPUT: ProfileInput = {
  id: "tuan-thu",
  name: "Bảng tuần (thử)",
  version: "1",
  source: "test",
  basis: "total",
  columns: [{ field: "ck.ratio", label: "Công khai" }],
  total: { max: 100 },
  rating: { on: "total", bands: [{ min: 80, key: "tot", label: "TỐT" }, { min: 70, key: "kha", label: "KHÁ" }, { min: 0, key: "trung-binh", label: "TB" }] },
  ranking: { tie: "competition", scope: "all" },
  change: true,
  flags: [
    { field: "total", op: "below", threshold: 70, underline: ["total", "rating"] },
    { field: "ck.ratio", op: "below", threshold: 70 },
  ],
  outputs: ["rating", "rank", "change"],
};

export function weeklyProfile(overrides: Partial<ProfileInput> = {}): Profile {
  return parseProfile({ ...WEEKLY_PROFILE_INPUT, ...overrides });
}

export function weeklyRead(grid: Grid = weeklyGrid()): ReadResult {
  const fields: Record<number, string> = { 0: "stt", 1: "name", 2: "total", 3: "rating", 4: "previous", 5: "change", 6: "ck.ratio" };
  const mapping: ColumnMatch[] = Object.entries(fields).map(([c, field]) => ({
    col: Number(c),
    letter: columnLetters(Number(c)),
    header: String(field),
    field,
    confidence: 1,
    reason: "test",
    source: "header",
  }));
  return {
    profileId: "tuan-thu",
    candidates: [{ id: "tuan-thu", score: 1, reason: "test" }],
    layout: {
      sheet: grid.sheet,
      headerTop: 2,
      headerBottom: 3,
      dataTop: 4,
      dataBottom: 7,
      left: 0,
      right: 6,
      columns: Object.fromEntries(Object.entries(fields).map(([c, f]) => [f, Number(c)])),
    },
    mapping,
    units: [],
    problems: [],
  };
}

function unit(row: number, name: string, total: number, previous: number, rating: string, rank: number | null, flags: Flag[], aggregate = false): ScoredUnit {
  return {
    row,
    name,
    key: name.toLowerCase(),
    code: null,
    level: null,
    aggregate,
    indicators: {},
    groups: {},
    total,
    converted: null,
    rating,
    ratingKey: null,
    rank,
    previous,
    change: Math.round((total - previous) * 100) / 100,
    flags,
    problems: [],
  };
}

const below = (field: string, value: number, threshold: number, underline: string[]): Flag => ({ field, value, threshold, op: "below", underline });

export function weeklyUnits(): ScoredUnit[] {
  return [
    unit(4, "TOÀN HUYỆN", 86.59, 80.53, "TỐT", null, [], true),
    unit(5, "PHÚ HÙNG", 89.21, 77.38, "TỐT", 1, []),
    unit(6, "CHỢ VÀM", 81.78, 80.76, "TỐT", 2, [below("ck.ratio", 60, 70, ["ck.ratio"])]),
    unit(7, "PHÚ LONG", 55.87, 82.29, "TB", 3, [below("total", 55.87, 70, ["total", "rating"]), below("ck.ratio", 29.4, 70, ["ck.ratio"])]),
  ];
}
