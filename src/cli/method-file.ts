/**
 * A method given on the command line: a built-in id or a JSON file, read and validated with the
 * same schema as the built-ins. A broken file stops the command with every problem named.
 */
import { promises as fs } from "node:fs";
import type ExcelJS from "exceljs";
import { gridFromWorksheet, loadWorkbook, WorkbookError } from "../adapters/exceljs";
import { methodSheetOf } from "../adapters/exceljs/method-sheet";
import { METHOD_SHEET } from "../model/profile";
import { methodSheetLines, sheetToMethod } from "../profiles/sheet";
import { parseProfile, profileProblems, ProfileError, type Profile, type ProfileProblem } from "../model/profile";
import { BUILTIN_PROFILES, getProfile } from "../profiles";
import { formatViNumber } from "../report/format";
import { CliError, EXIT } from "./errors";

/** A method file is a few kilobytes (qd766 ≈ 20 KB); anything this large is not one. */
const MAX_METHOD_BYTES = 2 * 1024 * 1024;

/** "dòng 3, cột 5" from a JSON.parse error's position, for a Vietnamese message. */
export function syntaxPlace(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` ở dòng ${line}, cột ${column}`;
}

/** The parsed JSON of a method file, or a CliError (exit 2) saying why it cannot be read. */
export async function readMethodJson(file: string): Promise<unknown> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new CliError(`Không tìm thấy tệp phương pháp chấm điểm "${file}".`, EXIT.input);
  }
  if (!stat.isFile()) throw new CliError(`"${file}" không phải là một tệp.`, EXIT.input);
  if (stat.size > MAX_METHOD_BYTES) throw new CliError(`Tệp "${file}" quá lớn (${formatViNumber(Math.round(stat.size / 1024))} KB) để là một phương pháp chấm điểm.`, EXIT.input);
  let text: string;
  try {
    text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch {
    throw new CliError(`Không đọc được tệp "${file}".`, EXIT.input);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `Tệp "${file}" không phải JSON hợp lệ: lỗi cú pháp${syntaxPlace(text, e as Error)} (thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc kép hay dấu ngoặc).`,
      EXIT.input,
    );
  }
}

/** The lines that explain a method's problems, one per problem with its path. */
export function problemLines(problems: readonly ProfileProblem[]): string {
  return problems.map((p) => `  ${p.where}: ${p.message}`).join("\n");
}

/** Whether a method file is a workbook (its sheet "Phương pháp chấm điểm" holds the method). */
export function isWorkbookFile(file: string): boolean {
  return /\.xls[xm]$/i.test(file);
}

/** The method a workbook's method sheet holds, or a CliError (exit 2) naming the cell of every mistake. */
export function methodFromSheet(ws: ExcelJS.Worksheet, file: string): Profile {
  const reading = sheetToMethod(gridFromWorksheet(ws), ws.name);
  if (reading.problems === undefined) return reading.profile;
  const lines = methodSheetLines(reading.problems).map((l) => `  ${l}`);
  throw new CliError(
    `Trang "${ws.name}" trong "${file}" không dùng được làm phương pháp chấm điểm (${formatViNumber(lines.length)} lỗi):\n${lines.join("\n")}\n` +
      `Sửa các ô trên, hoặc chấm theo phương pháp khác với --profile.`,
    EXIT.input,
  );
}

/** The method in a workbook's sheet "Phương pháp chấm điểm" (a file given to --profile or profiles check). */
export async function loadMethodWorkbook(file: string): Promise<Profile> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = (await loadWorkbook(file)).workbook;
  } catch (e) {
    throw new CliError(e instanceof WorkbookError ? e.message : `Không đọc được tệp "${file}".`, EXIT.input);
  }
  const ws = methodSheetOf(workbook);
  if (!ws) throw new CliError(`Tệp "${file}" không có trang "${METHOD_SHEET}" (lập trang đó bằng: chiso766 profiles sheet qd766 --out ${file}).`, EXIT.input);
  return methodFromSheet(ws, file);
}

/** Validate a method file: the method, or a CliError (exit 2) listing every problem. */
export async function loadMethodFile(file: string): Promise<Profile> {
  if (isWorkbookFile(file)) return loadMethodWorkbook(file);
  const json = await readMethodJson(file);
  try {
    return parseProfile(json, `Tệp phương pháp "${file}"`);
  } catch (e) {
    if (e instanceof ProfileError) {
      throw new CliError(`Tệp "${file}" không dùng được làm phương pháp chấm điểm (${formatViNumber(e.problems.length)} lỗi):\n${problemLines(e.problems)}`, EXIT.input);
    }
    throw e;
  }
}

/** Every problem of a method file (empty when valid); unreadable files throw as readMethodJson does. */
export async function checkMethodFile(file: string): Promise<{ json: unknown; problems: ProfileProblem[] }> {
  const json = await readMethodJson(file);
  return { json, problems: profileProblems(json) };
}

/** Whether --profile's value names a file rather than a built-in id. */
function looksLikeFile(value: string): boolean {
  return /[/\\]/.test(value) || /\.json$/i.test(value) || isWorkbookFile(value);
}

/**
 * --profile ID|FILE: a built-in by id, or the method in a JSON file. The returned list is what
 * the pipeline chooses from: the built-ins, with the file's method in place of one of the same id.
 */
export async function profileOption(value: string): Promise<{ profile: Profile; profiles: Profile[] }> {
  const builtin = getProfile(value);
  if (builtin && !looksLikeFile(value)) return { profile: builtin, profiles: BUILTIN_PROFILES };
  if (!looksLikeFile(value)) {
    let exists = false;
    try {
      exists = (await fs.stat(value)).isFile();
    } catch {
      exists = false;
    }
    if (!exists) {
      throw new CliError(
        `Không có phương pháp chấm điểm "${value}". Các phương pháp có sẵn: ${BUILTIN_PROFILES.map((p) => p.id).join(", ")}; hoặc chỉ một tệp .json (xem: chiso766 profiles show qd766) hay một tệp .xlsx có trang "${METHOD_SHEET}".`,
        EXIT.usage,
      );
    }
  }
  const profile = await loadMethodFile(value);
  return { profile, profiles: [...BUILTIN_PROFILES.filter((p) => p.id !== profile.id), profile] };
}
