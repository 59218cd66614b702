/**
 * The file at --out: a workbook that is neither the input nor the tool's own earlier output of
 * the same input (same file name, same scored cells) is never replaced unasked.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readToolOutput } from "../adapters/exceljs";
import type { SourceIdentity } from "../model/plan";
import type { RunResult } from "../pipeline";
import { CliError, EXIT } from "./errors";
import { samePath } from "./paths";

/** The flag that lets a command replace an unrelated file at its output path. */
export const REPLACE_FILE_FLAG = "--ghi-de-tep";

export const REPLACE_FILE_HELP = `  ${REPLACE_FILE_FLAG}       thay cả tệp kết quả đã có không do chiso766 ghi (mặc định: dừng, không ghi gì)`;

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** An earlier chiso766 output at --out, read once: the input its state records (null: none). */
export interface EarlierOutput {
  source: SourceIdentity | null;
}

/**
 * Refuses (exit 2, nothing written) when `out` already exists and is neither the input itself nor
 * a workbook chiso766 wrote, unless the user allowed it with --ghi-de-tep. Returns the earlier
 * output it read, if any, for guardSameSource.
 */
export async function guardExistingOutput(out: string, input: string, allowReplace: boolean, advice?: string): Promise<EarlierOutput | null> {
  if (allowReplace || samePath(out, input) || !(await isFile(out))) return null;
  const earlier = await readToolOutput(out);
  if (earlier) return earlier;
  throw new CliError(
    `Tệp "${out}" đã có và không phải tệp kết quả của chiso766: không ghi đè, không ghi tệp nào.\n` +
      (advice ?? `Chọn tên khác với --out, hoặc thêm ${REPLACE_FILE_FLAG} nếu muốn thay tệp đó.`),
    EXIT.input,
  );
}

/**
 * The input as the state records it: the file's name (no folder) and a SHA-256 of what was
 * scored: the sheet, and each unit's row, name and input values (the columns the tool writes
 * left out, so its own earlier results do not count).
 */
export function sourceIdentity(input: string, run: RunResult): SourceIdentity {
  const written = new Set(run.plan.columns.map((c) => c.field));
  const keep = <T>(record: Record<string, T> | undefined) => Object.entries(record ?? {}).filter(([field]) => !written.has(field));
  const hash = createHash("sha256");
  hash.update(JSON.stringify(run.plan.sheet));
  for (const u of run.read.units) hash.update(JSON.stringify([u.row, u.name, keep(u.values), keep(u.texts), keep(u.invalid)]));
  return { file: path.basename(input).slice(0, 255), cells: hash.digest("hex") };
}

/**
 * After scoring, before saving: an earlier chiso766 output at `out` is replaced only when it
 * was made from the same input, unchanged; one made from another file or from other data
 * (last week's, perhaps edited since) is kept unless the user allows it with --ghi-de-tep.
 */
export async function guardSameSource(out: string, earlier: EarlierOutput | null, current: SourceIdentity): Promise<void> {
  if (!earlier) return;
  const recorded = earlier.source;
  const why = !recorded
    ? "không ghi tệp nguồn nào (chấm trong Excel hoặc bằng phiên bản cũ)"
    : recorded.file !== current.file
      ? `được chấm từ tệp khác ("${recorded.file}")`
      : recorded.cells !== current.cells
        ? `được chấm từ "${recorded.file}" khi số liệu còn khác bây giờ`
        : null;
  if (why === null) return;
  throw new CliError(
    `Tệp kết quả "${out}" đã có, ${why}: không ghi đè, không ghi tệp nào.\n` + `Chọn tên khác với --out, hoặc thêm ${REPLACE_FILE_FLAG} nếu muốn thay tệp đó.`,
    EXIT.input,
  );
}
