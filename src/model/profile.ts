/**
 * A scoring method as data. The built-in methods (src/profiles/*.json) and a user's own are the
 * same thing: JSON validated here, with every size bounded, because a method arrives inside
 * received workbooks and must not be able to carry code or exhaust memory.
 */
import { z } from "zod";
import { LEVELS, OUTPUT_FIELDS } from "./fields";

const Level = z.enum(LEVELS);
const ZeroDenominator = z.enum(["zero", "full", "missing"], { error: 'phải là "zero", "full" hoặc "missing"' });
/** What an indicator's points are computed from when the table gives its counts (see IndicatorSchema). */
const PointsFrom = z.enum(["ratio", "fraction"], { error: 'phải là "ratio" hoặc "fraction"' });

/** Tie rules and ranking scopes a profile may choose (see `ranking` below). */
export const TIE_RULES = ["competition", "dense", "sequential", "table-order"] as const;
export const RANK_SCOPES = ["level", "all"] as const;
export type TieRule = (typeof TIE_RULES)[number];
export type RankScope = (typeof RANK_SCOPES)[number];

/** Bounds: far above any published method (qd766 has 21 indicators; An Giang's week headers ~500 spellings). */
export const PROFILE_LIMITS = {
  groups: 30,
  indicators: 200,
  columns: 60,
  bands: 20,
  flags: 100,
  aggregateRows: 100,
  aliasesPerItem: 600,
  aliasesTotal: 5000,
  text: 200,
  longText: 2000,
  id: 40,
} as const;

const L = PROFILE_LIMITS;

/** A number in [min, max] with one message for every way it can be wrong. */
function numberIn(min: number, max: number) {
  const message = `phải là số từ ${min} đến ${max}`;
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/**
 * A method's texts become headers, ratings and the method sheet's cells; a received method is
 * untrusted, and a text starting with "=" would be a formula in Excel.
 */
function text(max: number = L.text) {
  return z
    .string({ error: "phải là chữ (trong dấu ngoặc kép)" })
    .max(max, { error: `dài quá ${max} ký tự` })
    .refine((s) => !s.trimStart().startsWith("="), { error: "không được bắt đầu bằng dấu =" });
}

function nonEmptyText(max: number = L.text) {
  return text(max).refine((s) => s.trim() !== "", { error: "không được để trống" });
}

function listOf<T extends z.ZodType>(item: T, max: number) {
  return z.array(item, { error: "phải là một danh sách" }).max(max, { error: `nhiều quá ${max} mục` });
}

const Aliases = listOf(nonEmptyText(), L.aliasesPerItem).default([]);

/** Points from a ratio R (fraction): linear P×R, or target X%: min(P, P×R/X). */
export const RuleSchema = z.discriminatedUnion(
  "kind",
  [z.strictObject({ kind: z.literal("linear") }), z.strictObject({ kind: z.literal("target"), target: numberIn(0.01, 100) })],
  { error: 'phải là {"kind": "linear"} hoặc {"kind": "target", "target": số phần trăm}' },
);

/**
 * Indicator and group ids become keys of the scored units' records: "__proto__" would be
 * swallowed by the record's prototype instead of stored.
 */
const RecordKey = nonEmptyText(L.id).refine((id) => id !== "__proto__", { error: "mã này không dùng được (trùng tên nội bộ của JavaScript)" });

/** A field id a flag or column refers to ("total", "2.1.ratio", "CKMB"). */
const FieldRef = nonEmptyText(L.id + 12);

export const IndicatorSchema = z.strictObject({
  /** "1.1" … "6.7", or a profile's own id ("dvtt1"). */
  id: RecordKey,
  label: nonEmptyText(),
  /** Group id this indicator's points add to; absent for indicators outside any group. */
  group: RecordKey.optional(),
  /** Maximum points; 0 = shown and checked but not scored. */
  max: numberIn(0, 1000),
  rule: RuleSchema.default({ kind: "linear" }),
  /** Points when the denominator is 0: zero, full marks, or missing. */
  zeroDenominator: ZeroDenominator.default("zero"),
  /**
   * The same, for some levels only (the portal gives a province 100 % and full points on 6.7,
   * whose 0 / 0 there means "no communes of its own": METHOD.md §8).
   */
  zeroDenominatorByLevel: z.partialRecord(Level, ZeroDenominator).default({}),
  /**
   * From counts, points come from the ratio rounded to the method's decimals ("ratio": the
   * portal's payment group, 95.75 % × 6 = 5.745 → 5.75) or from the unrounded fraction
   * ("fraction": the portal's digitisation group, 752 / 1780 × 2 = 0.8449 → 0.84, where 42.25 %
   * would give 0.85). A printed ratio without counts is always scored as printed.
   */
  pointsFrom: PointsFrom.default("ratio"),
  /** Departments and communes take this indicator's points from the province row (METHOD.md §3). */
  inheritedBy: listOf(Level, LEVELS.length).default([]),
  /** Levels for which the indicator does not apply (no denominator): not scored, not missing. */
  notApplicableFor: listOf(Level, LEVELS.length).default([]),
  /** Header spellings the reader accepts for this indicator's columns. */
  aliases: Aliases,
});

export const GroupSchema = z.strictObject({
  id: RecordKey,
  label: nonEmptyText(),
  max: numberIn(0.01, 1000),
  aliases: Aliases,
  /** Groups whose sum this group stands for (DVTT = CLGQ + TTTT in the 5-group layout). */
  combines: listOf(RecordKey, L.groups).default([]),
});

export const BandSchema = z.strictObject({
  /** Lower bound, in percent of the maximum, inclusive; the last band also takes anything lower. */
  min: numberIn(0, 100),
  key: RecordKey,
  label: nonEmptyText(),
});

export const FlagRuleSchema = z.strictObject({
  field: FieldRef,
  op: z.enum(["below", "above"], { error: 'phải là "below" (dưới) hoặc "above" (trên)' }),
  threshold: numberIn(-1_000_000, 1_000_000),
  /** Fields whose cells are underlined when the rule fires; defaults to the field itself. */
  underline: listOf(FieldRef, 20).default([]),
});

/** Extra column a profile reads (aliases for fields that are not indicators or groups). */
export const ColumnSchema = z.strictObject({
  field: FieldRef,
  label: nonEmptyText(),
  aliases: Aliases,
  /** Upper bound used to check values (and as header evidence). */
  max: numberIn(0, 1_000_000).optional(),
});

/** An aggregate row's name: words, compared as words (src/model/aggregate-rows.ts). */
export const AggregateRowSchema = z.strictObject({
  name: nonEmptyText(80).refine((s) => !/[\\^$*+?|[\]{}]/.test(s), {
    error: "tên dòng tổng hợp là chữ như trong bảng (“Toàn huyện”), không dùng ký hiệu ^ $ * + ? | \\ [ ] { }",
  }),
  /** "whole": the unit's whole name ("Cộng"); "start": its first words ("Toàn huyện …"). */
  match: z.enum(["whole", "start"], { error: 'phải là "whole" (cả tên) hoặc "start" (đầu tên)' }).default("start"),
});

/** "2023-06-05": a real calendar date. */
const IsoDate = z
  .string({ error: "phải là ngày dạng năm-tháng-ngày, ví dụ \"2025-01-01\"" })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: "phải là ngày dạng năm-tháng-ngày, ví dụ \"2025-01-01\"",
  });

const ProfileObject = z.strictObject({
  id: z
    .string({ error: "phải là chữ" })
    .max(L.id, { error: `dài quá ${L.id} ký tự` })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ “dien-bien-2025”)" }),
  name: nonEmptyText(),
  version: nonEmptyText(40),
  /** The period the method applies to (ISO dates, inclusive); null = open-ended. */
  validFrom: IsoDate.nullable().default(null),
  validTo: IsoDate.nullable().default(null),
  /** Where the method comes from (decision, guide, report). */
  source: text(L.longText),
  description: text(L.longText).default(""),
  /**
   * What the score starts from: indicator counts/ratios/points, group scores, or a total
   * already computed by the portal (Phú Tân's weekly table).
   */
  basis: z.enum(["indicators", "groups", "total", "none"], { error: 'phải là "indicators", "groups", "total" hoặc "none"' }),
  groups: listOf(GroupSchema, L.groups).default([]),
  indicators: listOf(IndicatorSchema, L.indicators).default([]),
  columns: listOf(ColumnSchema, L.columns).default([]),
  total: z
    .strictObject({
      max: numberIn(0.01, 100_000),
      label: nonEmptyText().default("Tổng điểm"),
      /** A printed total further than this from the computed one is reported. */
      tolerance: numberIn(0, 1000).default(0.05),
    })
    .nullable()
    .default(null),
  /** A second scale for the total (Điện Biên: "Tổng điểm quy đổi" out of 10). */
  scale: z
    .strictObject({ max: numberIn(0.01, 100_000), label: nonEmptyText(), decimals: z.int({ error: "phải là số nguyên từ 0 đến 6" }).min(0).max(6).default(2) })
    .nullable()
    .default(null),
  rounding: z
    .strictObject({
      decimals: z.int({ error: "phải là số nguyên từ 0 đến 6" }).min(0, { error: "phải là số nguyên từ 0 đến 6" }).max(6, { error: "phải là số nguyên từ 0 đến 6" }).default(2),
      mode: z.enum(["half-up", "half-even"], { error: 'phải là "half-up" hoặc "half-even"' }).default("half-up"),
    })
    .default({ decimals: 2, mode: "half-up" }),
  rating: z
    .strictObject({
      /** Rate the total's percent of its max, or the converted score's percent of the scale. */
      on: z.enum(["total", "converted"], { error: 'phải là "total" hoặc "converted"' }).default("total"),
      bands: listOf(BandSchema, L.bands).min(1, { error: "cần ít nhất một mức xếp loại" }),
    })
    .nullable()
    .default(null),
  ranking: z
    .strictObject({
      /**
       * Equal totals: competition "1, 2, 2, 4" (local reports), dense "1, 2, 2, 3", or numbered
       * one after another: "sequential" by unit name, "table-order" by their order in the table
       * (as the portal numbers its lists).
       */
      tie: z.enum(TIE_RULES, { error: 'phải là "competition", "dense", "sequential" hoặc "table-order"' }).default("competition"),
      /** "level": departments, communes, … ranked apart (local reports); "all": one list for the whole table. */
      scope: z.enum(RANK_SCOPES, { error: 'phải là "all" hoặc "level"' }).default("level"),
    })
    .nullable()
    .default(null),
  /** Whether change = total − previous is computed. */
  change: z.boolean({ error: "phải là true hoặc false" }).default(false),
  flags: listOf(FlagRuleSchema, L.flags).default([]),
  /** Names of aggregate rows (TOÀN HUYỆN, Tổng cộng), compared as words after folding. */
  aggregateRows: listOf(AggregateRowSchema, L.aggregateRows).default([]),
  /** Output columns the write plan fills, in order (groups are written when basis is "indicators"). */
  outputs: listOf(z.enum([...OUTPUT_FIELDS, "groups"] as const, { error: `phải là một trong ${[...OUTPUT_FIELDS, "groups"].map((f) => `"${f}"`).join(", ")}` }), 10).default([]),
});

type ProfileShapeIn = z.output<typeof ProfileObject>;

/** Checks across fields: ids unique, groups referred to exist, aliases bounded in total. */
function checkReferences(p: ProfileShapeIn, ctx: z.RefinementCtx): void {
  const groupIds = new Set<string>();
  p.groups.forEach((g, i) => {
    if (groupIds.has(g.id)) ctx.addIssue({ code: "custom", path: ["groups", i, "id"], message: `mã nhóm “${g.id}” bị trùng` });
    groupIds.add(g.id);
  });
  p.groups.forEach((g, i) =>
    g.combines.forEach((c, j) => {
      if (!groupIds.has(c)) ctx.addIssue({ code: "custom", path: ["groups", i, "combines", j], message: `không có nhóm mã “${c}”` });
    }),
  );
  const indicatorIds = new Set<string>();
  p.indicators.forEach((ind, i) => {
    if (indicatorIds.has(ind.id)) ctx.addIssue({ code: "custom", path: ["indicators", i, "id"], message: `mã chỉ số “${ind.id}” bị trùng` });
    indicatorIds.add(ind.id);
    if (ind.group !== undefined && !groupIds.has(ind.group)) {
      ctx.addIssue({ code: "custom", path: ["indicators", i, "group"], message: `không có nhóm mã “${ind.group}” trong "groups"` });
    }
  });
  if (p.validFrom !== null && p.validTo !== null && p.validTo < p.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "ngày hết hiệu lực trước ngày bắt đầu áp dụng" });
  }
  const bandKeys = new Set<string>();
  p.rating?.bands.forEach((b, i) => {
    if (bandKeys.has(b.key)) ctx.addIssue({ code: "custom", path: ["rating", "bands", i, "key"], message: `mã mức xếp loại “${b.key}” bị trùng` });
    bandKeys.add(b.key);
  });
  const aliasCount = [...p.groups, ...p.indicators, ...p.columns].reduce((n, item) => n + item.aliases.length, 0);
  if (aliasCount > L.aliasesTotal) {
    ctx.addIssue({ code: "custom", path: [], message: `có ${aliasCount} cách ghi tiêu đề, nhiều quá ${L.aliasesTotal}` });
  }
}

export const ProfileSchema = ProfileObject.superRefine(checkReferences);

export type Rule = z.infer<typeof RuleSchema>;
export type IndicatorSpec = z.infer<typeof IndicatorSchema>;
export type GroupSpec = z.infer<typeof GroupSchema>;
export type Band = z.infer<typeof BandSchema>;
export type FlagRule = z.infer<typeof FlagRuleSchema>;
export type ColumnSpec = z.infer<typeof ColumnSchema>;
export type AggregateRow = z.infer<typeof AggregateRowSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
/** A profile as written by hand or stored in a workbook, before defaults are applied. */
export type ProfileInput = z.input<typeof ProfileSchema>;

/** The visible sheet that holds a workbook's own method, read before scoring (src/profiles/sheet). */
export const METHOD_SHEET = "Phương pháp chấm điểm";

/** The default bands of METHOD.md §4, in percent of the maximum. */
export const DEFAULT_BANDS: Band[] = [
  { min: 90, key: "xuat-sac", label: "Xuất sắc" },
  { min: 80, key: "tot", label: "Tốt" },
  { min: 70, key: "kha", label: "Khá" },
  { min: 50, key: "trung-binh", label: "Trung bình" },
  { min: 0, key: "yeu", label: "Yếu" },
];

/** One thing wrong with a method: where ("rating.bands[2].min") and what, in Vietnamese. */
export interface ProfileProblem {
  /** The zod path, for callers that point at a cell (the method sheet). */
  path: (string | number)[];
  /** "rating.bands[2].min", or "(cả phương pháp)". */
  where: string;
  message: string;
}

/** "rating.bands[2].min" from ["rating", "bands", 2, "min"]. */
export function formatProfilePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out === "" ? "" : "."}${String(part)}`;
  return out === "" ? "(cả phương pháp)" : out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "thiếu (bắt buộc phải có)";
  if (issue.code === "unrecognized_keys") {
    if (issue.keys.includes("aggregatePatterns")) {
      return "“aggregatePatterns” (biểu thức) không còn dùng: ghi tên các dòng tổng hợp bằng chữ vào “aggregateRows”";
    }
    return `không có mục ${issue.keys.map((k) => `“${k}”`).join(", ")} trong phương pháp chấm điểm (viết sai tên?)`;
  }
  if (issue.code === "invalid_type") return issue.expected === "object" ? "phải là một nhóm mục { … }" : issue.message;
  return issue.message;
}

/** Every problem of a method, or [] when it is valid. */
export function profileProblems(input: unknown): ProfileProblem[] {
  const r = ProfileSchema.safeParse(input, { reportInput: true });
  if (r.success) return [];
  return r.error.issues.map((issue) => ({ path: issue.path as (string | number)[], where: formatProfilePath(issue.path), message: issueMessage(issue) }));
}

/** A method that failed validation, with every problem. */
export class ProfileError extends Error {
  constructor(
    readonly problems: ProfileProblem[],
    /** What was checked, for the message ("Tệp dong-thap.json", "Phương pháp lưu trong tệp"). */
    readonly subject = "Phương pháp chấm điểm",
    /** What the user can do about it, printed after the problems. */
    readonly hint = "",
  ) {
    super(`${subject} không hợp lệ:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}${hint ? `\n${hint}` : ""}`);
  }
}

/**
 * Validate a profile (from JSON, the task pane or a workbook) and apply defaults.
 * Throws a ProfileError whose message lists every problem in Vietnamese.
 */
export function parseProfile(input: unknown, subject?: string): Profile {
  const r = ProfileSchema.safeParse(input, { reportInput: true });
  if (r.success) return r.data;
  throw new ProfileError(
    r.error.issues.map((issue) => ({ path: issue.path as (string | number)[], where: formatProfilePath(issue.path), message: issueMessage(issue) })),
    subject,
  );
}

/** "05/06/2023" from "2023-06-05". */
function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** "áp dụng từ 05/06/2023", "áp dụng từ 01/01/2025 đến 31/12/2025", or "" when the method gives no period. */
export function validityText(profile: Pick<Profile, "validFrom" | "validTo">): string {
  const { validFrom, validTo } = profile;
  if (validFrom && validTo) return `áp dụng từ ${viDate(validFrom)} đến ${viDate(validTo)}`;
  if (validFrom) return `áp dụng từ ${viDate(validFrom)}`;
  if (validTo) return `áp dụng đến ${viDate(validTo)}`;
  return "";
}

/** "phiên bản 2023, áp dụng từ 05/06/2023" — how every front end names a method's version. */
export function versionText(profile: Pick<Profile, "version" | "validFrom" | "validTo">): string {
  const validity = validityText(profile);
  return `phiên bản ${profile.version}${validity ? `, ${validity}` : ""}`;
}

/** Whether two results were scored by the same method and version (else they are not comparable). */
export function sameMethod(a: Pick<Profile, "id" | "version">, b: Pick<Profile, "id" | "version">): boolean {
  return a.id === b.id && a.version === b.version;
}
