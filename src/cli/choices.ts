/**
 * The user's own choices on the command line and in the mapping file: levels (`--level`, the
 * mapping's "levels" entry) and the ranking (`--xep-hang`), each read into what the pipeline
 * takes, with a Vietnamese message naming the bad value.
 */
import { rankingWords } from "../model/choices";
import { LEVEL_LABELS, type Level } from "../model/fields";
import type { Profile } from "../model/profile";
import { parseLevelName, type LevelOverrides } from "../reader";
import { plainFolded } from "../reader/units";
import type { LevelFindings } from "../model/table";
import { CliError, EXIT } from "./errors";
import { closestNames } from "./closest";

export const LEVEL_HELP = `  --level CẤP        cấp đơn vị do người dùng đặt, thắng mọi bằng chứng trong bảng (lặp lại được):
                     "xa" cả bảng; "II=huyen" một mục (số La Mã hoặc tên mục); "12=so" dòng 12;
                     "UBND xã A=xa" một đơn vị. Cấp: tinh, so (sở, ban, ngành), huyen, xa.
                     Cấp đã đặt được lưu trong tệp kết quả và dùng lại ở lần chấm sau
  --xep-hang CÁCH    cách xếp hạng: "theo-cap" (mỗi cấp một bảng xếp hạng) hoặc "ca-bang"; và
                     "1224" (đồng hạng, bỏ hạng kế tiếp), "1223" (đồng hạng, không bỏ hạng) hoặc
                     "1234" (không đồng hạng: điểm bằng nhau xếp liền nhau theo thứ tự trong bảng, như
                     Cổng DVCQG) hoặc "theo-ten" (như 1234 nhưng theo tên đơn vị); ví dụ --xep-hang ca-bang,1234;
                     cũng được lưu trong tệp kết quả`;

function level(text: string, where: string): Level {
  const l = parseLevelName(text);
  if (!l) throw new CliError(`${where}: "${text}" không phải là cấp đơn vị (tinh, so, huyen, xa).`, EXIT.usage);
  return l;
}

/** One "KEY=CẤP" or "CẤP" setting into the overrides. */
function addLevel(out: LevelOverrides, entry: string, where: string): void {
  const eq = entry.lastIndexOf("=");
  if (eq < 0 || entry.slice(0, eq).trim() === "*") {
    out.table = level(entry.slice(eq + 1).trim(), where);
    return;
  }
  const key = entry.slice(0, eq).trim();
  const value = level(entry.slice(eq + 1).trim(), where);
  if (key === "") throw new CliError(`${where}: "${entry}" thiếu dòng, mục hoặc tên đơn vị trước dấu "=".`, EXIT.usage);
  if (/^\d+$/.test(key)) {
    (out.rows ??= {})[key] = value;
    return;
  }
  // A heading or a unit's name: the reader tries the unit first, then the section.
  (out.rows ??= {})[key] = value;
  (out.sections ??= {})[key] = value;
}

/** `--level` values (repeated). */
export function levelsFromOptions(values: string[] | undefined): LevelOverrides | undefined {
  if (!values || values.length === 0) return undefined;
  const out: LevelOverrides = {};
  for (const v of values) addLevel(out, v, "--level");
  return out;
}

/** The mapping file's "levels" entry: {"*": "xa", "II": "huyen", "12": "so"}. */
export function levelsFromMapping(value: unknown, file: string): LevelOverrides {
  const where = `Tệp ánh xạ cột "${file}", mục "levels"`;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new CliError(`${where} phải là một đối tượng, ví dụ {"*": "xa", "II": "huyen", "12": "so"}.`, EXIT.input);
  }
  const out: LevelOverrides = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string") throw new CliError(`${where}: giá trị của "${k}" phải là tên cấp (tinh, so, huyen, xa).`, EXIT.input);
    addLevel(out, k === "*" ? v : `${k}=${v}`, where);
  }
  return out;
}

/** Both sources together: the command line's settings win over the mapping file's. */
export function mergeLevels(a: LevelOverrides | undefined, b: LevelOverrides | undefined): LevelOverrides | undefined {
  if (!a) return b;
  if (!b) return a;
  return { table: b.table ?? a.table, sections: { ...a.sections, ...b.sections }, rows: { ...a.rows, ...b.rows } };
}

type Ranking = NonNullable<Profile["ranking"]>;

const SCOPES: Record<string, Ranking["scope"]> = { "theo cap": "level", "moi cap": "level", level: "level", "ca bang": "all", all: "all", "toan bang": "all" };
const TIES: Record<string, Ranking["tie"]> = {
  "1224": "competition",
  "dong hang": "competition",
  competition: "competition",
  "1223": "dense",
  dense: "dense",
  "1234": "table-order",
  "lien tiep": "table-order",
  "thu tu": "table-order",
  "thu tu bang": "table-order",
  "table order": "table-order",
  "theo ten": "sequential",
  sequential: "sequential",
};

/** `--xep-hang theo-cap,1224`: scope and tie rule, either may be left out (the profile's stays). */
export function rankingFromOption(value: string | undefined): Partial<Ranking> | undefined {
  if (value === undefined) return undefined;
  const out: Partial<Ranking> = {};
  for (const part of value.split(/[,;+]/)) {
    const key = plainFolded(part);
    if (key === "") continue;
    if (SCOPES[key]) out.scope = SCOPES[key];
    else if (TIES[key]) out.tie = TIES[key];
    else throw new CliError(`--xep-hang: không hiểu "${part.trim()}" (dùng theo-cap hoặc ca-bang; 1224, 1223, 1234 hoặc theo-ten).`, EXIT.usage);
  }
  return out;
}

export { rankingWords };

/** The user's levels in words: "cả bảng: Cấp xã; mục II: Cấp huyện; dòng 12: Sở, ban, ngành". */
export function levelChoiceWords(levels: LevelOverrides): string {
  const parts: string[] = [];
  if (levels.table) parts.push(`cả bảng: ${LEVEL_LABELS[levels.table]}`);
  for (const [k, v] of Object.entries(levels.sections ?? {})) if (!levels.rows?.[k]) parts.push(`mục ${k}: ${LEVEL_LABELS[v]}`);
  for (const [k, v] of Object.entries(levels.rows ?? {})) parts.push(`${/^\d+$/.test(k) ? "dòng" : "đơn vị hoặc mục"} ${k}: ${LEVEL_LABELS[v]}`);
  return parts.join("; ");
}

/**
 * Refuse the user's levels (`--level`, the mapping's "levels") whose row, unit or section the
 * table does not have: a typo silently ignored leaves the level the user meant unset.
 * Levels kept from an earlier run are not checked (a unit may have left the list since).
 */
export function refuseUnmatchedLevels(levels: LevelOverrides | undefined, findings: LevelFindings | undefined, unitNames: readonly string[]): void {
  if (!levels || !findings?.unmatched) return;
  const given = new Set([...Object.keys(levels.rows ?? {}), ...Object.keys(levels.sections ?? {})]);
  const missing = findings.unmatched.filter((k) => given.has(k));
  if (missing.length === 0) return;
  const sections = findings.sections ?? [];
  const lines = missing.map((key) => {
    if (/^\d+$/.test(key)) return `  không có đơn vị nào ở dòng ${key}.`;
    const close = closestNames(key, [...unitNames, ...sections]);
    const what = /^[IVXLC]+$/i.test(key) ? "mục" : "đơn vị hoặc mục";
    return `  không tìm thấy ${what} "${key}" trong bảng.${close.length > 0 ? ` Tên gần nhất: ${close.map((n) => `"${n}"`).join(", ")}.` : ""}`;
  });
  const sectionList = sections.length > 0 ? `\nCác mục trong bảng: ${sections.map((n) => `"${n}"`).join(", ")}.` : "\nBảng không chia mục.";
  throw new CliError(`Cấp đơn vị (--level hoặc mục "levels" của tệp ánh xạ cột):\n${lines.join("\n")}${sectionList}\nSửa lại tên, số dòng hoặc mục rồi chạy lại. Không ghi tệp nào.`, EXIT.usage);
}
