/**
 * The --mapping file: column → field id (or null to ignore the column), and the user's levels.
 * A field no method knows is refused with the valid choices in words, never silently ignored:
 * an unknown field used to switch the method and leave every unit unscored.
 */
import { promises as fs } from "node:fs";
import type { ColumnMapping } from "../model/table";
import type { Profile } from "../model/profile";
import type { LevelOverrides } from "../reader";
import { fieldOptions, type FieldOption } from "../model/field-labels";
import { CliError, EXIT } from "./errors";
import { levelsFromMapping } from "./choices";
import { syntaxPlace } from "./method-file";
import { closestNames } from "./closest";

export interface MappingFile {
  mapping: ColumnMapping;
  levels?: LevelOverrides;
}

/** Indicators listed per method in a message before "…". */
const MAX_LISTED_INDICATORS = 40;

export async function readMapping(file: string): Promise<MappingFile> {
  let text: string;
  try {
    text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch {
    throw new CliError(`Không đọc được tệp ánh xạ cột "${file}".`, EXIT.input);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `Tệp ánh xạ cột "${file}" không phải JSON hợp lệ: lỗi cú pháp${syntaxPlace(text, e as Error)} (thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc kép hay dấu ngoặc).`,
      EXIT.input,
    );
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new CliError(`Tệp ánh xạ cột "${file}" phải là một đối tượng JSON: {"B": "name", "D": "2.1.denominator"}.`, EXIT.input);
  }
  const mapping: ColumnMapping = {};
  let levels: LevelOverrides | undefined;
  for (const [k, v] of Object.entries(data)) {
    // "levels" with an object is the user's levels; a column's entry is a field id or null.
    if (k === "levels" && v !== null && typeof v === "object") {
      levels = levelsFromMapping(v, file);
      continue;
    }
    if (v !== null && typeof v !== "string") throw new CliError(`Tệp ánh xạ cột "${file}": giá trị của "${k}" phải là tên trường trong ngoặc kép (ví dụ "name") hoặc null.`, EXIT.input);
    mapping[k] = v;
  }
  return { mapping, levels };
}

/** Every field the methods can map a column to, each with its words (the first method's words win). */
function knownFields(profiles: readonly Profile[]): Map<string, FieldOption> {
  const out = new Map<string, FieldOption>();
  for (const p of profiles) for (const o of fieldOptions(p)) if (!out.has(o.field)) out.set(o.field, o);
  return out;
}

/** The valid choices in words: the unit and total columns, the groups, then each method's indicators by name. */
function choicesText(profiles: readonly Profile[], known: Map<string, FieldOption>): string {
  const plain = [...known.values()].filter((o) => !/\.(numerator|denominator|ratio|points)$/.test(o.field));
  const lines = [`  ${plain.map((o) => `"${o.field}" (${o.label})`).join(", ")}`];
  const listed = new Set<string>();
  let example: string | null = null;
  for (const p of profiles) {
    // Each indicator once, under the first method that has it, named by its label (the id is only what to type).
    const fresh = p.indicators.filter((i) => !listed.has(i.id));
    if (fresh.length === 0) continue;
    for (const i of fresh) listed.add(i.id);
    example ??= fresh[0].id;
    const shown = fresh.slice(0, MAX_LISTED_INDICATORS).map((i) => `"${i.id}" (${i.label})`);
    lines.push(`  chỉ số của phương pháp “${p.name}”: ${shown.join(", ")}${fresh.length > MAX_LISTED_INDICATORS ? ", …" : ""}`);
  }
  if (example !== null) {
    lines.push(`  với một chỉ số, ghi mã trong ngoặc kép ở trên rồi ".numerator" (tử số), ".denominator" (mẫu số), ".ratio" (tỷ lệ %) hoặc ".points" (điểm), ví dụ "${example}.points"`);
  }
  lines.push(`  null: bỏ qua cột đó`);
  return lines.join("\n");
}

/**
 * Refuse a mapping that names a field none of `profiles` has (exit 2), naming the column, the
 * closest fields and every valid choice.
 */
export function checkMappingFields(mapping: ColumnMapping, profiles: readonly Profile[], file: string): void {
  const known = knownFields(profiles);
  const unknown = Object.entries(mapping).filter((e): e is [string, string] => e[1] !== null && !known.has(e[1]));
  if (unknown.length === 0) return;
  const names = [...known.values()].flatMap((o) => [o.field, o.label]);
  const lines = unknown.map(([column, field]) => {
    const close = closestNames(field, names)
      .map((n) => [...known.values()].find((o) => o.field === n || o.label === n))
      .filter((o): o is FieldOption => o !== undefined);
    const fields = [...new Map(close.map((o) => [o.field, o])).values()].map((o) => `"${o.field}" (${o.label})`);
    const hint = fields.length > 0 ? ` Có phải ý là ${fields.join(" hoặc ")}?` : "";
    return `  cột "${column}": "${field}" không phải là trường nào của phương pháp chấm điểm.${hint}`;
  });
  throw new CliError(
    `Tệp ánh xạ cột "${file}" có ${unknown.length === 1 ? "một trường không dùng được" : `${unknown.length} trường không dùng được`}:\n${lines.join("\n")}\n` +
      `Các giá trị dùng được (ghi đúng phần trong ngoặc kép):\n${choicesText(profiles, known)}\nKhông ghi tệp nào.`,
    EXIT.input,
  );
}
