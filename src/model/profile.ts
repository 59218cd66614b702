/**
 * A scoring method as data. The national method and each provincial variant are profiles;
 * users make their own, and a profile travels inside the workbook as JSON validated here.
 */
import { z } from "zod";
import { LEVELS, OUTPUT_FIELDS } from "./fields";

const Level = z.enum(LEVELS);
const ZeroDenominator = z.enum(["zero", "full", "missing"]);

/** Tie rules and ranking scopes a profile may choose (see `ranking` below). */
export const TIE_RULES = ["competition", "dense", "sequential", "table-order"] as const;
export const RANK_SCOPES = ["level", "all"] as const;
export type TieRule = (typeof TIE_RULES)[number];
export type RankScope = (typeof RANK_SCOPES)[number];

/** Points from a ratio R (fraction): linear P×R, or target X%: min(P, P×R/X). */
export const RuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("linear") }),
  z.object({ kind: z.literal("target"), target: z.number().positive().max(100) }),
]);

/**
 * Indicator and group ids become keys of the scored units' records: "__proto__" would be
 * swallowed by the record's prototype instead of stored.
 */
const RecordKey = z
  .string()
  .min(1)
  .refine((id) => id !== "__proto__", { message: "mã này không dùng được (trùng tên nội bộ của JavaScript)" });

export const IndicatorSchema = z.object({
  /** "1.1" … "6.7", or a profile's own id ("dvtt1"). */
  id: RecordKey,
  label: z.string(),
  /** Group id this indicator's points add to; absent for indicators outside any group. */
  group: z.string().optional(),
  /** Maximum points; 0 = shown and checked but not scored. */
  max: z.number().min(0),
  rule: RuleSchema.default({ kind: "linear" }),
  /** Points when the denominator is 0: zero, full marks, or missing. */
  zeroDenominator: ZeroDenominator.default("zero"),
  /**
   * The same, for some levels only (the portal gives a province 100 % and full points on 6.7,
   * whose 0 / 0 there means "no communes of its own": METHOD.md §8).
   */
  zeroDenominatorByLevel: z.partialRecord(Level, ZeroDenominator).default({}),
  /** Departments and communes take this indicator's points from the province row (METHOD.md §3). */
  inheritedBy: z.array(Level).default([]),
  /** Levels for which the indicator does not apply (no denominator): not scored, not missing. */
  notApplicableFor: z.array(Level).default([]),
  /** Header spellings the reader accepts for this indicator's columns. */
  aliases: z.array(z.string()).default([]),
});

export const GroupSchema = z.object({
  id: RecordKey,
  label: z.string(),
  max: z.number().positive(),
  aliases: z.array(z.string()).default([]),
  /** Groups whose sum this group stands for (DVTT = CLGQ + TTTT in the 5-group layout). */
  combines: z.array(z.string()).default([]),
});

export const BandSchema = z.object({
  /** Lower bound, in percent of the maximum, inclusive; the last band also takes anything lower. */
  min: z.number(),
  key: z.string(),
  label: z.string(),
});

export const FlagRuleSchema = z.object({
  field: z.string(),
  op: z.enum(["below", "above"]),
  threshold: z.number(),
  /** Fields whose cells are underlined when the rule fires; defaults to the field itself. */
  underline: z.array(z.string()).default([]),
});

/** Extra column a profile reads (aliases for fields that are not indicators or groups). */
export const ColumnSchema = z.object({
  field: z.string(),
  label: z.string(),
  aliases: z.array(z.string()).default([]),
  /** Upper bound used to check values (and as header evidence). */
  max: z.number().optional(),
});

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  version: z.string(),
  /** Where the method comes from (decision, guide, report). */
  source: z.string(),
  description: z.string().default(""),
  /**
   * What the score starts from: indicator counts/ratios/points, group scores, or a total
   * already computed by the portal (Phú Tân's weekly table).
   */
  basis: z.enum(["indicators", "groups", "total", "none"]),
  groups: z.array(GroupSchema).default([]),
  indicators: z.array(IndicatorSchema).default([]),
  columns: z.array(ColumnSchema).default([]),
  total: z
    .object({
      max: z.number().positive(),
      label: z.string().default("Tổng điểm"),
      /** A printed total further than this from the computed one is reported. */
      tolerance: z.number().min(0).default(0.05),
    })
    .nullable()
    .default(null),
  /** A second scale for the total (Điện Biên: "Tổng điểm quy đổi" out of 10). */
  scale: z
    .object({ max: z.number().positive(), label: z.string(), decimals: z.number().int().min(0).default(2) })
    .nullable()
    .default(null),
  rounding: z
    .object({ decimals: z.number().int().min(0).max(6).default(2), mode: z.enum(["half-up", "half-even"]).default("half-up") })
    .default({ decimals: 2, mode: "half-up" }),
  rating: z
    .object({
      /** Rate the total's percent of its max, or the converted score's percent of the scale. */
      on: z.enum(["total", "converted"]).default("total"),
      bands: z.array(BandSchema).min(1),
    })
    .nullable()
    .default(null),
  /** How units are ranked by total (METHOD.md §5); null: no ranks. */
  ranking: z
    .object({
      /**
       * Equal totals: competition "1, 2, 2, 4" (local reports), dense "1, 2, 2, 3", or numbered
       * one after another: "sequential" by unit name, "table-order" by their order in the table
       * (as the portal numbers its lists).
       */
      tie: z.enum(TIE_RULES).default("competition"),
      /** "level": departments, communes, … ranked apart (local reports); "all": one list for the whole table. */
      scope: z.enum(RANK_SCOPES).default("level"),
    })
    .nullable()
    .default(null),
  /** Whether change = total − previous is computed. */
  change: z.boolean().default(false),
  flags: z.array(FlagRuleSchema).default([]),
  /** Names of aggregate rows, matched after normalisation (regular expressions, case-insensitive). */
  aggregatePatterns: z.array(z.string()).default([]),
  /** Output columns the write plan fills, in order (groups are written when basis is "indicators"). */
  outputs: z.array(z.enum([...OUTPUT_FIELDS, "groups"] as const)).default([]),
});

export type Rule = z.infer<typeof RuleSchema>;
export type IndicatorSpec = z.infer<typeof IndicatorSchema>;
export type GroupSpec = z.infer<typeof GroupSchema>;
export type Band = z.infer<typeof BandSchema>;
export type FlagRule = z.infer<typeof FlagRuleSchema>;
export type ColumnSpec = z.infer<typeof ColumnSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
/** A profile as written by hand or stored in a workbook, before defaults are applied. */
export type ProfileInput = z.input<typeof ProfileSchema>;

/** The default bands of METHOD.md §4, in percent of the maximum. */
export const DEFAULT_BANDS: Band[] = [
  { min: 90, key: "xuat-sac", label: "Xuất sắc" },
  { min: 80, key: "tot", label: "Tốt" },
  { min: 70, key: "kha", label: "Khá" },
  { min: 50, key: "trung-binh", label: "Trung bình" },
  { min: 0, key: "yeu", label: "Yếu" },
];

/**
 * Validate a profile (from JSON, the task pane or a workbook) and apply defaults.
 * Throws an Error whose message lists every problem in Vietnamese.
 */
export function parseProfile(input: unknown): Profile {
  const r = ProfileSchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.join(".") || "(gốc)"}: ${i.message}`);
  throw new Error(`Hồ sơ phương pháp chấm điểm không hợp lệ:\n${lines.join("\n")}`);
}
