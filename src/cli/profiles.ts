/** `chiso766 profiles`: list the built-in methods, print one as JSON, check a method file. */
import { parseArgs } from "node:util";
import { parseProfile, validityText, versionText, type Profile } from "../model/profile";
import { BUILTIN_PROFILES, builtinProfileJson } from "../profiles";
import { formatViNumber } from "../report/format";
import { CliError, EXIT, type CliIO } from "./errors";
import { checkMethodFile, problemLines } from "./method-file";
import { table } from "./summary";

export const PROFILES_USAGE = `Cách dùng:
  chiso766 profiles                 liệt kê các phương pháp chấm điểm có sẵn
  chiso766 profiles show MÃ         in một phương pháp dạng JSON (để sao ra tệp và sửa)
  chiso766 profiles check TỆP.json  kiểm tra một tệp phương pháp, chỉ rõ từng lỗi

Dùng tệp đã sửa khi chấm điểm: chiso766 score BANG.xlsx --profile TỆP.json`;

const BASIS_LABELS: Record<string, string> = {
  indicators: "từ chỉ số thành phần",
  groups: "từ điểm nhóm",
  total: "từ tổng điểm có sẵn",
  none: "chỉ kiểm tra số liệu",
};

function listProfiles(io: CliIO): number {
  const rows = BUILTIN_PROFILES.map((p) => [p.id, p.name, [p.version, validityText(p)].filter(Boolean).join(", "), BASIS_LABELS[p.basis] ?? p.basis, p.outputs.join(", ") || "—"]);
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
  const { json, problems } = await checkMethodFile(file);
  if (problems.length > 0) {
    io.stderr(`Tệp "${file}" không dùng được làm phương pháp chấm điểm (${formatViNumber(problems.length)} lỗi):\n${problemLines(problems)}\n`);
    return EXIT.input;
  }
  const profile = parseProfile(json);
  io.stdout(`Tệp "${file}" hợp lệ: phương pháp "${profile.name}" (mã ${profile.id}, ${versionText(profile)}) — ${methodContents(profile)}.\n`);
  return EXIT.ok;
}

export async function profilesCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs({ args, options: { help: { type: "boolean", short: "h", default: false } }, allowPositionals: true, strict: true });
  if (parsed.values.help) {
    io.stdout(`${PROFILES_USAGE}\n`);
    return EXIT.ok;
  }
  const [action, target, ...extra] = parsed.positionals;
  if (action === undefined) return listProfiles(io);
  if (extra.length > 0 || (action !== "show" && action !== "check") || target === undefined) {
    throw new CliError(`${action === "show" || action === "check" ? "Thiếu hoặc thừa đối số." : `Không có lệnh "profiles ${action}".`}\n${PROFILES_USAGE}`, EXIT.usage);
  }
  if (action === "check") return checkFile(target, io);
  const json = builtinProfileJson(target);
  if (json === undefined) {
    throw new CliError(`Không có phương pháp chấm điểm "${target}". Các phương pháp có sẵn: ${BUILTIN_PROFILES.map((p) => p.id).join(", ")}.`, EXIT.usage);
  }
  io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  return EXIT.ok;
}
