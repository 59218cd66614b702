/** `chiso766 profiles`: list the built-in methods, print one as JSON, check a method file. */
import { parseArgs } from "node:util";
import { parseProfile, validityText, versionText, type Profile } from "../model/profile";
import { BUILTIN_PROFILES, builtinProfileJson } from "../profiles";
import { formatViNumber } from "../report/format";
import { CliError, EXIT, type CliIO } from "./errors";
import { checkMethodFile, isWorkbookFile, loadMethodWorkbook, problemLines, profileOption } from "./method-file";
import type ExcelJS from "exceljs";
import { gridFromWorksheet, loadWorkbook, saveWorkbook } from "../adapters/exceljs";
import { addMethodSheet, methodSheetOf, methodWorkbook } from "../adapters/exceljs/method-sheet";
import { METHOD_SHEET } from "../model/profile";
import { methodToSheet, sheetToMethod } from "../profiles/sheet";
import { outputFile } from "./command";
import { guardExistingOutput, REPLACE_FILE_HELP } from "./existing-output";
import { table } from "./summary";

export const PROFILES_USAGE = `Cách dùng:
  chiso766 profiles                 liệt kê các phương pháp chấm điểm có sẵn
  chiso766 profiles show MÃ         in một phương pháp dạng JSON (để sao ra tệp và sửa)
  chiso766 profiles check TỆP       kiểm tra một tệp phương pháp (.json, hoặc .xlsx có trang
                                    "${METHOD_SHEET}"), chỉ rõ từng lỗi
  chiso766 profiles sheet MÃ|TỆP [--vao BANG.xlsx] [--out KẾT_QUẢ.xlsx]
                                    ghi phương pháp thành trang "${METHOD_SHEET}" để sửa trong
                                    Excel: thêm vào bản sao của BANG.xlsx (mặc định <BANG>-phuong-phap.xlsx),
                                    hoặc một tệp mới (mặc định phuong-phap-<mã>.xlsx)
${REPLACE_FILE_HELP}

Dùng tệp đã sửa khi chấm điểm: chiso766 score BANG.xlsx --profile TỆP.json (hoặc TỆP.xlsx);
bảng nằm trong tệp có trang "${METHOD_SHEET}" thì được chấm theo trang đó.`;

const BASIS_LABELS: Record<string, string> = {
  indicators: "từ chỉ số thành phần",
  groups: "từ điểm nhóm",
  total: "từ tổng điểm có sẵn",
  none: "chỉ kiểm tra số liệu",
};

/** The result columns a method writes, as the list shows them. */
const OUTPUT_LABELS: Record<string, string> = {
  groups: "điểm nhóm",
  total: "tổng điểm",
  converted: "điểm quy đổi",
  rating: "xếp loại",
  rank: "xếp hạng",
  change: "tăng/giảm",
};

function listProfiles(io: CliIO): number {
  const outputs = (p: Profile) => p.outputs.map((o) => OUTPUT_LABELS[o] ?? o).join(", ") || "—";
  const rows = BUILTIN_PROFILES.map((p) => [p.id, p.name, [p.version, validityText(p)].filter(Boolean).join(", "), BASIS_LABELS[p.basis] ?? p.basis, outputs(p)]);
  io.stdout(`${table(["Mã", "Tên", "Phiên bản", "Chấm điểm", "Cột kết quả"], rows, [false, false, false, false, false])}\n`);
  io.stdout(`\n${BUILTIN_PROFILES.map((p) => `${p.id}: ${p.source}`).join("\n")}\n`);
  io.stdout(`\nIn một phương pháp: chiso766 profiles show MÃ — kiểm tra tệp đã sửa: chiso766 profiles check TỆP.json\n`);
  return EXIT.ok;
}

/** "4 nhóm, 12 chỉ số, 5 mức xếp loại" — what a valid method holds. */
export function methodContents(p: Profile): string {
  const parts = [`${formatViNumber(p.groups.length)} nhóm`, `${formatViNumber(p.indicators.length)} chỉ số`];
  if (p.total) parts.push(`tổng ${formatViNumber(p.total.max)} điểm`);
  parts.push(p.rating ? `${formatViNumber(p.rating.bands.length)} mức xếp loại` : "không xếp loại");
  parts.push(`${formatViNumber(p.aggregateRows.length)} tên dòng tổng hợp`);
  return parts.join(", ");
}

async function checkFile(file: string, io: CliIO): Promise<number> {
  if (isWorkbookFile(file)) {
    const profile = await loadMethodWorkbook(file);
    io.stdout(`Trang "${METHOD_SHEET}" trong "${file}" hợp lệ: phương pháp "${profile.name}" (mã ${profile.id}, ${versionText(profile)}) — ${methodContents(profile)}.\n`);
    return EXIT.ok;
  }
  const { json, problems } = await checkMethodFile(file);
  if (problems.length > 0) {
    io.stderr(`Tệp "${file}" không dùng được làm phương pháp chấm điểm (${formatViNumber(problems.length)} lỗi):\n${problemLines(problems)}\n`);
    return EXIT.input;
  }
  const profile = parseProfile(json);
  io.stdout(`Tệp "${file}" hợp lệ: phương pháp "${profile.name}" (mã ${profile.id}, ${versionText(profile)}) — ${methodContents(profile)}.\n`);
  return EXIT.ok;
}

const PROFILES_OPTIONS = {
  help: { type: "boolean", short: "h", default: false },
  out: { type: "string" },
  vao: { type: "string" },
  "ghi-de-tep": { type: "boolean", default: false },
} as const;

/**
 * `profiles sheet`: the method as the sheet "Phương pháp chấm điểm", added to a copy of the
 * user's workbook (never to a workbook that has one: the user's edits are there) or alone in a
 * new workbook.
 */
async function writeSheet(method: string, options: { out?: string; into?: string; replace: boolean }, io: CliIO): Promise<number> {
  const { profile } = await profileOption(method);
  const sheet = methodToSheet(profile);
  let workbook: ExcelJS.Workbook;
  let out: string;
  if (options.into !== undefined) {
    out = outputFile(options.out, options.into, "-phuong-phap");
    try {
      workbook = (await loadWorkbook(options.into)).workbook;
    } catch (e) {
      throw new CliError(`${(e as Error).message}\nKhông ghi tệp nào.`, EXIT.input);
    }
    if (methodSheetOf(workbook)) {
      throw new CliError(`Tệp "${options.into}" đã có trang "${METHOD_SHEET}": sửa trực tiếp trang đó, hoặc xóa trang rồi chạy lại lệnh này. Không ghi tệp nào.`, EXIT.input);
    }
    addMethodSheet(workbook, sheet);
  } else {
    out = outputFile(options.out ?? `phuong-phap-${profile.id}.xlsx`, "", "");
    workbook = methodWorkbook(sheet);
  }
  if (!options.replace && (await sameMethodWorkbook(out, profile))) {
    io.stdout(`Tệp "${out}" đã có trang "${METHOD_SHEET}" với đúng phương pháp này; không cần ghi lại, tệp giữ nguyên.\n`);
    return EXIT.ok;
  }
  await guardExistingOutput(out, options.into ?? "", options.replace, methodSheetAdvice(out));
  try {
    await saveWorkbook(workbook, out);
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.input);
  }
  io.stdout(
    `Đã ghi trang "${METHOD_SHEET}" (phương pháp "${profile.name}", ${versionText(profile)}) vào: ${out}\n` +
      `Sửa các ô của trang như một bảng. Bảng số liệu nằm cùng tệp thì "chiso766 score" chấm theo trang này; ` +
      `tệp khác thì: chiso766 score BANG.xlsx --profile ${out}\n`,
  );
  return EXIT.ok;
}

/** Whether `file` is a workbook whose method sheet holds exactly `profile` (this command's own output, unedited). */
async function sameMethodWorkbook(file: string, profile: Profile): Promise<boolean> {
  try {
    const ws = methodSheetOf((await loadWorkbook(file)).workbook);
    if (!ws) return false;
    const reading = sheetToMethod(gridFromWorksheet(ws), ws.name);
    return reading.problems === undefined && JSON.stringify(reading.profile) === JSON.stringify(profile);
  } catch {
    return false;
  }
}

/** Said when the file at --out has a method sheet that differs: the user's edits are there. */
function methodSheetAdvice(file: string): string {
  return `Nếu đó là tệp phương pháp đã lập trước (có thể đã sửa), hãy sửa trực tiếp tệp "${file}", chọn tên khác với --out, hoặc thêm --ghi-de-tep để thay bằng phương pháp gốc.`;
}

export async function profilesCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs({ args, options: PROFILES_OPTIONS, allowPositionals: true, strict: true });
  if (parsed.values.help) {
    io.stdout(`${PROFILES_USAGE}\n`);
    return EXIT.ok;
  }
  const [action, target, ...extra] = parsed.positionals;
  if (action === undefined) return listProfiles(io);
  const known = action === "show" || action === "check" || action === "sheet";
  if (extra.length > 0 || !known || target === undefined) {
    throw new CliError(`${known ? "Thiếu hoặc thừa đối số." : `Không có lệnh "profiles ${action}".`}\n${PROFILES_USAGE}`, EXIT.usage);
  }
  const { out, vao } = parsed.values;
  if (action !== "sheet" && (out !== undefined || vao !== undefined)) throw new CliError(`--out và --vao chỉ dùng với "profiles sheet".\n${PROFILES_USAGE}`, EXIT.usage);
  if (action === "sheet") return writeSheet(target, { out, into: vao, replace: parsed.values["ghi-de-tep"] }, io);
  if (action === "check") return checkFile(target, io);
  const json = builtinProfileJson(target);
  if (json === undefined) {
    throw new CliError(`Không có phương pháp chấm điểm "${target}". Các phương pháp có sẵn: ${BUILTIN_PROFILES.map((p) => p.id).join(", ")}.`, EXIT.usage);
  }
  io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  return EXIT.ok;
}
